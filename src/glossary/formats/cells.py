"""Spreadsheet-safe cells: which text a spreadsheet would run as a formula.

terms.csv and the CSV/TSV exports are opened in spreadsheets, which evaluate a cell
that starts with ``=``, ``+``, ``-`` or ``@`` (and, per OWASP's CSV-injection advice,
one that starts with a tab or a carriage return). Spreadsheets also skip leading
spaces and line breaks, and some fold full-width and small forms (``＝``, ``﹢``) to
ASCII, so the sign is looked for after leading whitespace and invisible format
characters, in NFKC form (plus the minus sign U+2212). One definition serves both
directions: exports defuse such cells with a leading ``'``; the import merge refuses
them (see :mod:`glossary.interchange`).
"""

from __future__ import annotations

import unicodedata

__all__ = ["FORMULA_SIGNS", "defuse", "formula_sign", "restore"]

#: First characters (after NFKC) that make a spreadsheet evaluate a cell.
FORMULA_SIGNS = frozenset("=+-@")
#: Control characters that are dangerous as the very first character (OWASP).
_CONTROL_STARTS = ("\t", "\r")
#: Look-alikes NFKC does not fold but spreadsheets may read as a sign.
_LOOKALIKES = {"\u2212": "-"}
_QUOTE = "'"


def formula_sign(cell: str) -> str | None:
    """The character that makes ``cell`` a formula to a spreadsheet, or ``None``."""
    if cell.startswith(_CONTROL_STARTS):
        return cell[0]
    for char in cell:
        if char.isspace() or unicodedata.category(char) == "Cf":
            continue
        folded = _LOOKALIKES.get(char) or unicodedata.normalize("NFKC", char)[:1]
        return char if folded in FORMULA_SIGNS else None
    return None


def defuse(cell: str) -> str:
    """A cell no spreadsheet evaluates: formula-like (or quote-led) cells get a leading ``'``."""
    if cell.startswith(_QUOTE) or formula_sign(cell) is not None:
        return _QUOTE + cell
    return cell


def restore(cell: str) -> str:
    """Undo :func:`defuse`; a lone leading quote before ordinary text is the author's own."""
    rest = cell[1:]
    if cell.startswith(_QUOTE) and (rest.startswith(_QUOTE) or formula_sign(rest) is not None):
        return rest
    return cell
