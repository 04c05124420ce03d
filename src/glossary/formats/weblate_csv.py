"""Weblate glossary CSV: the columns of Weblate's (Translate Toolkit's) CSV format.

Header ``location,source,target,id,fuzzy,context,translator_comments,developer_comments``,
English source, Russian target. The mapping:

* ``source`` / ``target``: the preferred English and Russian terms;
* ``context``: the concept id (Weblate tells homonyms apart by context);
* ``fuzzy``: ``True`` for a rendering that is not reviewed (Weblate's "Needs editing");
  on import a non-fuzzy rendering is reviewed, a fuzzy one draft, no rendering candidate;
* ``translator_comments``: the usage note; ``developer_comments``: the definition
  (Weblate shows it as the source string's explanation);
* ``location`` and ``id`` stay empty.

Concepts without an English term are left out (Weblate needs a source string).
Variants, forbidden renderings, kind, full form and sources are not carried.

Reading also takes Weblate's other two CSV layouts: headerless eight columns in the
order above, and "simple CSV" with two columns, source and target.

Cells that a spreadsheet would run as a formula (:mod:`glossary.formats.cells`: ``=``,
``+``, ``-``, ``@`` also after leading whitespace and in full-width form, tab or carriage
return) are written with a leading ``'`` (OWASP's advice), and so is a cell that already
starts with ``'``; reading removes that one quote again.
"""

from __future__ import annotations

import csv
import io

from glossary.errors import FormatError
from glossary.formats import decode_text
from glossary.formats.cells import defuse, restore
from glossary.model import Glossary, Status, Term

__all__ = ["COLUMNS", "FIELDS", "decode", "defuse", "read", "restore", "write"]

#: A headerless Weblate glossary row: source and target.
_BARE_PAIR = 2

COLUMNS = (
    "location",
    "source",
    "target",
    "id",
    "fuzzy",
    "context",
    "translator_comments",
    "developer_comments",
)
FIELDS = frozenset({"id", "en", "ru", "definition", "note", "status"})

_TRUE = frozenset({"true", "1", "yes", "fuzzy"})


def write(glossary: Glossary) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for term in glossary:
        if not term.en:
            continue
        fuzzy = bool(term.ru) and not term.reviewed
        row = {
            "source": term.en,
            "target": term.ru,
            "fuzzy": "True" if fuzzy else "False",
            "context": term.id,
            "translator_comments": term.note,
            "developer_comments": term.definition,
        }
        writer.writerow([defuse(row.get(c, "")) for c in COLUMNS])
    return out.getvalue().encode("utf-8")


def decode(data: bytes, name: str) -> str:
    """UTF-8 text without BOM; anything else names the line of the first bad byte."""
    return decode_text(data, name)


def read(data: bytes, name: str) -> Glossary:
    text = decode(data, name)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    terms: list[Term] = []
    lines: list[int] = []
    columns: list[str] | None = None
    start = 1
    seen: dict[str, int] = {}
    try:
        for row in reader:
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if columns is None:
                columns, is_header = _columns(row, name, line)
                if is_header:
                    continue
            if len(row) != len(columns):
                raise FormatError(name, line, f"expected {len(columns)} fields, found {len(row)}")
            cells = {c: restore(v) for c, v in zip(columns, row, strict=True)}
            term = _term(cells)
            if term is None:
                raise FormatError(name, line, "empty source and target")
            if term.id:
                if term.id in seen:
                    raise FormatError(
                        name, line, f"duplicate context {term.id!r} (first on line {seen[term.id]})"
                    )
                seen[term.id] = line
            terms.append(term)
            lines.append(line)
    except csv.Error as exc:
        raise FormatError(name, reader.line_num, f"malformed CSV: {exc}") from exc
    if columns is None:
        raise FormatError(name, 1, "empty file: expected a header such as source,target")
    return Glossary(tuple(terms), lines=tuple(lines))


def _columns(row: list[str], name: str, line: int) -> tuple[list[str], bool]:
    """The column names, and whether ``row`` was a header (else the file is headerless)."""
    header = [c.strip().lower() for c in row]
    if "source" in header:
        if "target" not in header:
            raise FormatError(name, line, "header has 'source' but no 'target' column")
        duplicates = sorted({c for c in header if c and header.count(c) > 1})
        if duplicates:
            raise FormatError(name, line, f"duplicate column {duplicates[0]!r} in header")
        return header, True
    if len(row) == _BARE_PAIR:
        return ["source", "target"], False
    if len(row) == len(COLUMNS):
        return list(COLUMNS), False
    raise FormatError(
        name,
        line,
        f"no header and {len(row)} fields: expected a header row with 'source' and 'target', "
        "two columns (source, target) or Weblate's eight columns",
    )


def _term(cells: dict[str, str]) -> Term | None:
    en, ru = cells.get("source", "").strip(), cells.get("target", "").strip()
    if not (en or ru):
        return None
    fuzzy = cells.get("fuzzy", "").strip().lower() in _TRUE
    status = Status.CANDIDATE if not ru else Status.DRAFT if fuzzy else Status.REVIEWED
    return Term(
        cells.get("context", "").strip(),
        en=en,
        ru=ru,
        note=cells.get("translator_comments", ""),
        definition=cells.get("developer_comments", "") or cells.get("explanation", ""),
        status=status,
    )
