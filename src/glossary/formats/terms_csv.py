"""terms.csv, the source of truth: UTF-8, RFC 4180, header row, one concept per row.

Reading validates everything and reports every problem as ``terms.csv:LINE: message``
(the first one is raised, all are attached). Writing keeps the file's own column
order, unknown columns, BOM and line ends, so a rewrite changes only what changed.
"""

from __future__ import annotations

import csv
import difflib
import io
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import BinaryIO

from glossary.atomic import atomic_write
from glossary.errors import FormatError, display_path
from glossary.formats import BOM, current_input_limit, decode_text, gc_paused, read_file
from glossary.model import (
    COLUMNS,
    LIST_SEPARATOR,
    REQUIRED_COLUMNS,
    Glossary,
    Kind,
    Status,
    Term,
    _TermFields,
    validate,
)

__all__ = [
    "CsvLayout",
    "TermsCsvError",
    "dumps",
    "load",
    "read",
    "read_glossary",
    "save",
    "splice",
    "write",
]

_BOM = BOM
#: Largest terms.csv read by default: the user's own file, so far above the input
#: limit (a 1M-concept glossary is about 350 MB).
MAX_GLOSSARY_BYTES = 2 * 1000**3
_SCAN_CHUNK = 1 << 20
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


def read(
    data: bytes, name: str = "terms.csv", *, validated: bool = False
) -> tuple[Glossary, CsvLayout]:
    """Parse and validate terms.csv bytes; raise :class:`TermsCsvError` on any problem.

    ``validated``: these very bytes were found valid before (see
    :mod:`glossary.index.known_valid`), so only parsing problems are looked for.
    """
    layout = CsvLayout(bom=data.startswith(_BOM), newline=_line_end(data))
    return _parse(
        io.BytesIO(data),
        name,
        layout,
        has_cr=b"\r" in data,
        bad_text=lambda: data,
        validated=validated,
    )


def _parse(
    binary: BinaryIO,
    name: str,
    layout: CsvLayout,
    *,
    has_cr: bool,
    bad_text: Callable[[], bytes],
    validated: bool = False,
) -> tuple[Glossary, CsvLayout]:
    """The glossary of a terms.csv stream, decoded as the CSV reader goes.

    No second copy of a big file is held as one string; rows become concepts by
    column position; the garbage collector is paused while a million small objects
    are made (each of its passes would walk them all). ``bad_text`` gives the bytes
    again to place a decoding error.
    """
    stream = io.TextIOWrapper(binary, encoding="utf-8-sig" if layout.bom else "utf-8", newline="")
    reader = csv.reader(stream, strict=True)
    problems: list[FormatError] = []
    with gc_paused() as pause:
        try:
            header = next(reader, None)
            if header is None or header == []:
                raise TermsCsvError([FormatError(name, 1, "empty file: missing header row")])
            header = [h.strip() for h in header]
            _check_header(header, name)
            terms, lines, unparsed_ids = _rows(reader, header, name, layout, has_cr, problems)
            pause.freeze = len(terms) >= _FREEZE_ROWS
        except csv.Error as exc:
            raise TermsCsvError(
                [*problems, FormatError(name, reader.line_num, f"malformed CSV: {exc}")]
            ) from exc
        except UnicodeDecodeError as exc:
            raise _not_utf8(bad_text(), name) from exc
        if not validated or problems:
            problems.extend(
                FormatError(name, lines[p.index], p.message) for p in validate(terms, unparsed_ids)
            )
        if problems:
            problems.sort(key=lambda p: p.line)
            raise TermsCsvError(problems)
        return Glossary(tuple(terms), tuple(header), tuple(lines)), layout


#: From this many concepts, what was read is moved out of the collector's sight
#: (``gc.freeze``) when the collector is resumed.
_FREEZE_ROWS = 100_000


def _not_utf8(data: bytes, name: str) -> TermsCsvError:
    """The error naming the line of the first byte that is not UTF-8."""
    try:
        decode_text(data, name)
    except FormatError as exc:
        return TermsCsvError([exc])
    return TermsCsvError([FormatError(name, 0, "not UTF-8; save the file as UTF-8")])


def _rows(
    reader: Iterator[list[str]],
    header: list[str],
    name: str,
    layout: CsvLayout,
    has_cr: bool,
    problems: list[FormatError],
) -> tuple[list[Term], list[int], list[str]]:
    """Concepts, their lines and the ids of rows that did not parse; problems appended."""
    parse = _row_parser(header)
    width = len(header)
    id_at = header.index("id")
    terms: list[Term] = []
    lines: list[int] = []
    unparsed_ids: list[str] = []
    line_num = getattr(reader, "line_num", 0)
    start = line_num + 1
    for row in reader:
        line = start
        start = reader.line_num + 1  # type: ignore[attr-defined]
        if not (row and row[0].strip()) and not "".join(row).strip():
            continue
        if len(row) != width:
            problems.append(FormatError(name, line, f"expected {width} fields, found {len(row)}"))
            continue
        if has_cr:
            # A multi-line cell of a CRLF file holds CRLF too; the model only knows "\n".
            row = [cell.replace("\r\n", "\n") for cell in row]
            if layout.newline == "\r":
                row = [cell.replace("\r", "\n") for cell in row]
        try:
            terms.append(parse(row))
            lines.append(line)
        except ValueError as exc:
            problems.append(FormatError(name, line, str(exc)))
            unparsed_ids.append(row[id_at].strip())
    return terms, lines, unparsed_ids


def _line_end(data: bytes) -> str:
    """The file's most common line end (LF on a tie), kept on rewrite.

    A CR-only file stays CR-only; a mixed file is written in its majority line end
    once and is stable from then on, instead of changing on every save.
    """
    crlf = data.count(b"\r\n")
    counts = {"\n": data.count(b"\n") - crlf, "\r\n": crlf, "\r": data.count(b"\r") - crlf}
    return max(counts, key=lambda end: counts[end])


def read_glossary(data: bytes, name: str = "terms.csv") -> Glossary:
    """The glossary alone, for the interchange registry (import of another terms.csv)."""
    return read(data, name)[0]


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


#: Above this share of changed concepts a rewrite is written whole, not row by row.
_SPLICE_SHARE = 0.1


def splice(data: bytes, old: Glossary, new: Glossary, layout: CsvLayout) -> bytes | None:
    """``data`` with only the rows of the concepts that differ between ``old`` (read from
    ``data``, with its line numbers) and ``new`` rewritten; None when that does not apply.

    It applies when ``new`` has the same concepts in the same order and columns as
    ``old`` (a sync: renderings, statuses, notes changed), the file ends its lines in
    LF or CRLF only, and few rows changed. Each old row must read back as the concept
    ``old`` holds and each new row as the concept ``new`` holds, so ``read`` of the
    result gives exactly ``new``: validating ``new`` is then validating the file.
    Every other byte of the file, its blank lines and quoting included, is kept.
    """
    count = len(old.terms)
    if (
        len(old.lines) != count
        or len(new.terms) != count
        or new.columns != old.columns
        or (b"\r" in data and data.count(b"\r") != data.count(b"\r\n"))
    ):
        return None
    changed = [i for i, (a, b) in enumerate(zip(old.terms, new.terms, strict=True)) if a is not b]
    if len(changed) > max(1, int(count * _SPLICE_SHARE)):
        return None
    if any(old.terms[i].id != new.terms[i].id or _adds_column(new.terms[i], new) for i in changed):
        return None
    starts = _line_starts(data, max(old.lines[i] for i in changed) + 1) if changed else []
    parse = _row_parser(list(new.columns))
    has_cr = b"\r" in data
    pieces: list[bytes] = []
    done = 0
    for i in changed:
        begin = starts[old.lines[i] - 1]
        found = _one_row(data, begin, has_cr, parse)
        replacement = _row_bytes(new.terms[i], new.columns, layout)
        if found is None or found[0] != old.terms[i]:
            return None
        again = _one_row(replacement, 0, has_cr, parse)
        if again is None or again[0] != new.terms[i] or again[1] != len(replacement):
            return None
        pieces += (data[done:begin], replacement)
        done = found[1]
    pieces.append(data[done:])
    return b"".join(pieces)


def _adds_column(term: Term, glossary: Glossary) -> bool:
    """Whether :func:`write` would add a known column for a value of ``term``."""
    cells = _cells(term)
    return any(cells[c] for c in COLUMNS if c not in glossary.columns)


def _line_starts(data: bytes, lines: int) -> list[int]:
    """The offsets at which the first ``lines`` lines of ``data`` start."""
    starts = [0]
    at = 0
    while len(starts) < lines:
        at = data.find(b"\n", at) + 1
        if at == 0:
            break
        starts.append(at)
    return starts


def _one_row(
    data: bytes, begin: int, has_cr: bool, parse: Callable[[list[str]], Term]
) -> tuple[Term, int] | None:
    """The concept of the CSV row starting at ``begin`` and the offset where it ends,
    read as :func:`_rows` reads it (``has_cr``: the file holds a CR)."""
    end = begin
    for _ in range(_MAX_ROW_LINES):
        end = data.find(b"\n", end) + 1 or len(data)
        try:
            text = data[begin:end].decode("utf-8")
            rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
        except (UnicodeDecodeError, csv.Error):
            rows = []
        if (len(rows) == 1 and text.endswith("\n")) or end == len(data):
            break
    if len(rows) != 1:
        return None
    row = rows[0]
    if has_cr:
        row = [cell.replace("\r\n", "\n") for cell in row]
    try:
        return parse(row), end
    except ValueError:
        return None


#: Lines one row may span (a quoted cell with line breaks) before a splice gives up.
_MAX_ROW_LINES = 64


def _row_bytes(term: Term, columns: tuple[str, ...], layout: CsvLayout) -> bytes:
    """One row of :func:`write`'s output."""
    out = io.StringIO(newline="")
    cells = _cells(term)
    values = [cells.get(c, "") for c in columns]
    if layout.newline != "\n":
        values = [v.replace("\n", layout.newline) for v in values]
    csv.writer(out, lineterminator=layout.newline).writerow(values)
    return out.getvalue().encode("utf-8")


def dumps(glossary: Glossary) -> str:
    return write(glossary).decode("utf-8")


def load(path: str | Path) -> tuple[Glossary, CsvLayout]:
    """Read terms.csv from disk; unreadable files are a :class:`FormatError` too.

    The file is parsed as it is read (a 1M-row glossary is never held as bytes and
    text at once). It is the user's own file: its limit is :data:`MAX_GLOSSARY_BYTES`,
    which ``--max-size`` may raise but not lower.
    """
    limit = max(current_input_limit(), MAX_GLOSSARY_BYTES)
    name = display_path(path)
    try:
        with open(path, "rb") as stream:
            if os.fstat(stream.fileno()).st_size > limit:
                raise FormatError(
                    path, 0, f"larger than {limit} bytes; refused (raise the limit with --max-size)"
                )
            if not stream.seekable():
                return read(read_file(path, limit), name)
            bom, newline, has_cr = _scan_layout(stream)
            stream.seek(0)
            return _parse(
                stream,
                name,
                CsvLayout(bom=bom, newline=newline),
                has_cr=has_cr,
                bad_text=lambda: read_file(path, limit),
            )
    except IsADirectoryError:
        raise FormatError(path, 0, "is a directory, not a file") from None
    except OSError as exc:
        raise FormatError(path, 0, f"cannot read: {exc.strerror or exc}") from exc


def _scan_layout(stream: BinaryIO) -> tuple[bool, str, bool]:
    """BOM, majority line end (as :func:`_line_end`) and any CR, read in chunks.

    A file without CR is LF whatever its count of LF, so line feeds are counted in
    a second pass only when there is a CR.
    """
    bom = stream.read(len(_BOM)) == _BOM
    stream.seek(0)
    cr = crlf = 0
    previous = b""
    while chunk := stream.read(_SCAN_CHUNK):
        if found := chunk.count(b"\r"):
            cr += found
            crlf += chunk.count(b"\r\n")
        crlf += previous == b"\r" and chunk[:1] == b"\n"
        previous = chunk[-1:]
    if not cr:
        return bom, "\n", False
    stream.seek(0)
    lf = sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(_SCAN_CHUNK), b""))
    counts = {"\n": lf - crlf, "\r\n": crlf, "\r": cr - crlf}
    return bom, max(counts, key=lambda end: counts[end]), True


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
    if LIST_SEPARATOR not in value:  # most cells hold one value: no list to build
        value = value.strip()
        return (value,) if value else ()
    return tuple(filter(None, map(str.strip, value.split(LIST_SEPARATOR))))


_STATUSES = {s.value: s for s in Status}
_KINDS = {k.value: k for k in Kind}
#: Known columns in the order :func:`_row_parser` unpacks them.
_ORDER = ("id", "en", "ru", "en_variants", "ru_variants", "en_forbidden", "ru_forbidden",
          "kind", "full_form", "definition", "note", "status", "source")  # fmt: skip


def _row_parser(header: list[str]) -> Callable[[list[str]], Term]:
    """A function from one row of this header to its concept (ValueError on a bad cell)."""
    # A column the file lacks reads from one empty cell appended to every row.
    missing = len(header)
    cells = itemgetter(*(header.index(c) if c in header else missing for c in _ORDER))
    pad = any(c not in header for c in _ORDER)
    extra = [(c, i) for i, c in enumerate(header) if c not in COLUMNS]

    # Cells that repeat from row to row (definitions, notes, sources, extra values)
    # are kept once: a big glossary holds many copies of the same usage note.
    shared: dict[str, str] = {}
    lists: dict[str, tuple[str, ...]] = {}

    def split_shared(cell: str) -> tuple[str, ...]:
        found = lists.get(cell)
        if found is None:
            found = lists[cell] = _split(cell)
        return found

    def parse(row: list[str]) -> Term:
        (term_id, en, ru, en_variants, ru_variants, en_forbidden, ru_forbidden, kind_text,
         full_form, definition, note, status_text,
         source) = cells([*row, ""] if pad else row)  # fmt: skip
        status = _STATUSES.get(status_text) or _STATUSES.get(status_text.strip())
        kind = _KINDS.get(kind_text) or _KINDS.get(kind_text.strip())
        if status is None or kind is None:
            _bad_status_or_kind(status_text.strip(), kind_text.strip())
        # new_term's body inline: one Python call less per row (0.3 µs, 0.3 s per 1M rows).
        term = _TermFields(
            term_id.strip(),
            en,
            ru,
            _split(en_variants) if en_variants else (),
            _split(ru_variants) if ru_variants else (),
            _split(en_forbidden) if en_forbidden else (),
            _split(ru_forbidden) if ru_forbidden else (),
            kind,
            full_form.strip() if full_form else "",
            shared.setdefault(definition, definition),
            shared.setdefault(note, note),
            status,
            split_shared(source) if source else (),
            tuple((c, shared.setdefault(row[i], row[i])) for c, i in extra) if extra else (),
        )
        term.__class__ = Term
        return term  # type: ignore[no-any-return]

    return parse


def _bad_status_or_kind(status_text: str, kind_text: str) -> None:
    """Raise the ValueError that names the first bad cell, as rows are reported."""
    if not status_text:
        raise ValueError("empty required field 'status'")
    if not kind_text:
        raise ValueError("empty required field 'kind'")
    if status_text not in _STATUSES:
        expected = ", ".join(s.value for s in Status)
        raise ValueError(f"unknown status {status_text!r} (expected {expected})")
    expected = ", ".join(k.value for k in Kind)
    raise ValueError(f"unknown kind {kind_text!r} (expected {expected})")


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
