"""terms.csv, the source of truth: UTF-8, RFC 4180, header row, one concept per row.

Reading validates everything and reports every problem as ``terms.csv:LINE: message``
(the first one is raised, all are attached). Writing keeps the file's own column
order, unknown columns, BOM and line ends, so a rewrite changes only what changed.
"""

from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass
from pathlib import Path

from glossary.atomic import atomic_write
from glossary.errors import FormatError, display_path
from glossary.formats import MAX_INPUT_BYTES, current_input_limit, read_file
from glossary.model import (
    COLUMNS,
    LIST_SEPARATOR,
    REQUIRED_COLUMNS,
    Glossary,
    Kind,
    Status,
    Term,
    validate,
)

__all__ = ["CsvLayout", "TermsCsvError", "dumps", "load", "read", "save", "write"]

_BOM = b"\xef\xbb\xbf"
_LIST_COLUMNS = frozenset({"en_variants", "ru_variants", "en_forbidden", "ru_forbidden", "source"})


class TermsCsvError(FormatError):
    """The first problem of a terms.csv file; :attr:`problems` holds every one."""

    def __init__(self, problems: list[FormatError]) -> None:
        first = problems[0]
        super().__init__(first.path, first.line, first.message)
        self.problems = problems

    def report(self) -> str:
        return "\n".join(str(p) for p in self.problems)


@dataclass(frozen=True, slots=True)
class CsvLayout:
    """Byte-level habits of an existing file, kept on rewrite to keep diffs small."""

    bom: bool = False
    newline: str = "\n"


def read(data: bytes, name: str = "terms.csv") -> tuple[Glossary, CsvLayout]:
    """Parse and validate terms.csv bytes; raise :class:`TermsCsvError` on any problem."""
    layout = CsvLayout(bom=data.startswith(_BOM), newline=_line_end(data))
    if layout.bom:
        data = data[len(_BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start]
        raise TermsCsvError(
            [FormatError(name, line, f"not UTF-8 (byte 0x{byte:02x}); save the file as UTF-8")]
        ) from exc

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[FormatError] = []
    try:
        header = next(reader, None)
        if header is None or header == []:
            raise TermsCsvError([FormatError(name, 1, "empty file: missing header row")])
        header = [h.strip() for h in header]
        _check_header(header, name)
        terms: list[Term] = []
        lines: list[int] = []
        unparsed_ids: list[str] = []
        start = reader.line_num + 1
        for row in reader:
            line = start
            start = reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                problems.append(
                    FormatError(name, line, f"expected {len(header)} fields, found {len(row)}")
                )
                continue
            # A multi-line cell of a CRLF file holds CRLF too; the model only knows "\n".
            row = [cell.replace("\r\n", "\n") for cell in row]
            if layout.newline == "\r":
                row = [cell.replace("\r", "\n") for cell in row]
            try:
                terms.append(_term(dict(zip(header, row, strict=True))))
                lines.append(line)
            except ValueError as exc:
                problems.append(FormatError(name, line, str(exc)))
                unparsed_ids.append(row[header.index("id")].strip())
    except csv.Error as exc:
        raise TermsCsvError(
            [*problems, FormatError(name, reader.line_num, f"malformed CSV: {exc}")]
        ) from exc
    problems.extend(
        FormatError(name, lines[p.index], p.message) for p in validate(terms, unparsed_ids)
    )
    if problems:
        problems.sort(key=lambda p: p.line)
        raise TermsCsvError(problems)
    return Glossary(tuple(terms), tuple(header), tuple(lines)), layout


def _line_end(data: bytes) -> str:
    """The file's most common line end (LF on a tie), kept on rewrite.

    A CR-only file stays CR-only; a mixed file is written in its majority line end
    once and is stable from then on, instead of changing on every save.
    """
    crlf = data.count(b"\r\n")
    counts = {"\n": data.count(b"\n") - crlf, "\r\n": crlf, "\r": data.count(b"\r") - crlf}
    return max(counts, key=lambda end: counts[end])


def write(glossary: Glossary, layout: CsvLayout = CsvLayout()) -> bytes:
    """Serialise ``glossary`` in its own column order."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=layout.newline)
    rows = [_cells(term) for term in glossary]
    # A known column the file lacks is added as soon as some concept has a value for it.
    columns = glossary.columns + tuple(
        c for c in COLUMNS if c not in glossary.columns and any(r[c] for r in rows)
    )
    writer.writerow(columns)
    for cells in rows:
        values = [cells.get(c, "") for c in columns]
        if layout.newline != "\n":  # keep multi-line cells in the file's own line ends
            values = [v.replace("\n", layout.newline) for v in values]
        writer.writerow(values)
    data = out.getvalue().encode("utf-8")
    return _BOM + data if layout.bom else data


def dumps(glossary: Glossary) -> str:
    return write(glossary).decode("utf-8")


def load(path: str | Path) -> tuple[Glossary, CsvLayout]:
    """Read terms.csv from disk; unreadable files are a :class:`FormatError` too.

    The glossary is the user's own file: ``--max-size`` may raise its limit, but a
    lower one (meant for untrusted inputs) leaves it at :data:`MAX_INPUT_BYTES`.
    """
    limit = max(current_input_limit(), MAX_INPUT_BYTES)
    return read(read_file(path, limit), display_path(path))


def save(glossary: Glossary, path: str | Path, layout: CsvLayout | None = None) -> None:
    """Validate, then replace ``path`` atomically; an invalid glossary writes nothing."""
    data = write(glossary, layout or CsvLayout())
    read(data, str(path))  # the same validation as on load: never write what we cannot read
    atomic_write(path, data)


def _check_header(header: list[str], name: str) -> None:
    problems = []
    seen: set[str] = set()
    for column in header:
        if not column:
            problems.append(FormatError(name, 1, "empty column name in header"))
        elif column in seen:
            problems.append(FormatError(name, 1, f"duplicate column {column!r} in header"))
        seen.add(column)
        if column and column not in COLUMNS:
            close = difflib.get_close_matches(column.lower(), COLUMNS, n=1, cutoff=0.75)
            if close and close[0] not in header:
                problems.append(
                    FormatError(name, 1, f"unknown column {column!r} (did you mean {close[0]!r}?)")
                )
    missing = [c for c in REQUIRED_COLUMNS if c not in seen]
    if missing:
        if not seen & set(COLUMNS):
            message = (
                "missing header row (expected columns such as " + ",".join(REQUIRED_COLUMNS) + ")"
            )
        else:
            message = (
                "missing column"
                + ("s " if len(missing) > 1 else " ")
                + ", ".join(repr(c) for c in missing)
            )
        problems.append(FormatError(name, 1, message))
    if problems:
        raise TermsCsvError(problems)


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(LIST_SEPARATOR) if v.strip())


def _term(row: dict[str, str]) -> Term:
    status_text = row["status"].strip()
    kind_text = row["kind"].strip()
    if not status_text:
        raise ValueError("empty required field 'status'")
    if not kind_text:
        raise ValueError("empty required field 'kind'")
    try:
        status = Status(status_text)
    except ValueError:
        expected = ", ".join(s.value for s in Status)
        raise ValueError(f"unknown status {status_text!r} (expected {expected})") from None
    try:
        kind = Kind(kind_text)
    except ValueError:
        expected = ", ".join(k.value for k in Kind)
        raise ValueError(f"unknown kind {kind_text!r} (expected {expected})") from None
    return Term(
        id=row["id"].strip(),
        en=row["en"],
        ru=row["ru"],
        en_variants=_split(row.get("en_variants", "")),
        ru_variants=_split(row.get("ru_variants", "")),
        en_forbidden=_split(row.get("en_forbidden", "")),
        ru_forbidden=_split(row.get("ru_forbidden", "")),
        kind=kind,
        full_form=row.get("full_form", "").strip(),
        definition=row.get("definition", ""),
        note=row.get("note", ""),
        status=status,
        source=_split(row.get("source", "")),
        extra=tuple((c, v) for c, v in row.items() if c not in COLUMNS),
    )


def _cells(term: Term) -> dict[str, str]:
    # Extra columns first, so that a known column always has the last word.
    cells = dict(term.extra)
    cells |= {
        "id": term.id,
        "en": term.en,
        "ru": term.ru,
        "kind": term.kind.value,
        "full_form": term.full_form,
        "definition": term.definition,
        "note": term.note,
        "status": term.status.value,
    }
    for column in _LIST_COLUMNS:
        cells[column] = LIST_SEPARATOR.join(getattr(term, column))
    return cells
