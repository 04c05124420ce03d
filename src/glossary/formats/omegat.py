"""OmegaT glossary: UTF-8 text, one entry a line, three tab-separated columns.

``source<TAB>target<TAB>comment`` with English source and Russian target, the comment
holding the usage note. Lines starting with ``#`` are comments (OmegaT writes one as a
header to its own ``glossary.txt``); blank lines are skipped.

OmegaT has one target per line, so a Russian variant is written as a further line with
the same source term; reading groups lines by source term again (the first target is
the preferred term, the rest are variants). The format has no quoting: tabs and line
breaks inside a note become spaces. Concepts missing either term are left out. Ids,
English variants, forbidden renderings, kind, definition, status and sources are not
carried; imported concepts are drafts.

Cells that a spreadsheet would run as a formula are defused as in Weblate CSV
(:func:`glossary.formats.weblate_csv.defuse`), and a source term starting with ``#``
gets the same leading ``'`` so that it is not read as a comment.
"""

from __future__ import annotations

import re

from glossary.errors import FormatError
from glossary.formats.weblate_csv import decode, defuse, restore
from glossary.model import Glossary, Status, Term

__all__ = ["FIELDS", "HEADER", "read", "write"]

#: OmegaT glossary columns: source, target and an optional comment.
_MIN_CELLS = 2
_MAX_CELLS = 3

FIELDS = frozenset({"en", "ru", "ru_variants", "note"})
HEADER = "# Glossary in tab-separated format -*- coding: utf-8 -*-"
_FLATTEN = re.compile(r"[\t\r\n]")


def write(glossary: Glossary) -> bytes:
    lines = [HEADER]
    for term in glossary:
        if not (term.en and term.ru):
            continue
        note = _FLATTEN.sub(" ", term.note)
        for index, target in enumerate((term.ru, *term.ru_variants)):
            cells = [defuse(c) for c in (term.en, target, note if index == 0 else "")]
            if cells[0].startswith("#"):
                cells[0] = "'" + cells[0]  # not a comment line
            lines.append("\t".join(cells).rstrip("\t"))
    return ("\n".join(lines) + "\n").encode("utf-8")


def read(data: bytes, name: str) -> Glossary:
    text = decode(data, name)
    groups: dict[str, tuple[list[str], list[str]]] = {}
    first_line: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        raw = line.removesuffix("\r")
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if cells[0].startswith("'#"):
            cells[0] = cells[0][1:]
        cells = [restore(c) for c in cells]
        if len(cells) < _MIN_CELLS:
            raise FormatError(
                name, number, "expected source<TAB>target[<TAB>comment], found no tab"
            )
        if len(cells) > _MAX_CELLS:
            raise FormatError(name, number, f"expected at most 3 fields, found {len(cells)}")
        source, target = cells[0].strip(), cells[1].strip()
        if not source or not target:
            raise FormatError(name, number, f"empty {'source' if not source else 'target'} term")
        first_line.setdefault(source, number)
        targets, notes = groups.setdefault(source, ([], []))
        if target not in targets:
            targets.append(target)
        if len(cells) == _MAX_CELLS and cells[2]:
            notes.append(cells[2])
    terms = tuple(
        Term(
            "",  # OmegaT has no ids: the import merge matches by term or assigns one
            en=source,
            ru=targets[0],
            ru_variants=tuple(targets[1:]),
            note="\n".join(notes),
            status=Status.DRAFT,
        )
        for source, (targets, notes) in groups.items()
    )
    return Glossary(terms, lines=tuple(first_line.values()))
