"""Spreadsheet-safe cells: one formula test for export defusing and import refusal."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.formats.cells import defuse, formula_sign, restore


@pytest.mark.parametrize(
    ("cell", "sign"),
    [
        ("=1+1", "="),
        ("+7 495", "+"),
        ("-ism", "-"),
        ("@SUM(A1)", "@"),
        ("  =1+2", "="),
        ("\n=cmd", "="),
        ("\u3000=x", "="),  # ideographic space
        ("\u200b=x", "="),  # zero-width space, invisible
        ("＝SUM(A1)", "＝"),
        ("＋1", "＋"),
        ("－1", "－"),
        ("＠x", "＠"),
        ("﹦x", "﹦"),  # small equals sign
        ("\u22121", "\u2212"),  # minus sign
        ("\tnote", "\t"),
        ("\rnote", "\r"),
    ],
)
def test_formula_signs_after_whitespace_and_in_full_width(cell: str, sign: str) -> None:
    assert formula_sign(cell) == sign
    assert defuse(cell) == "'" + cell
    assert restore(defuse(cell)) == cell


@pytest.mark.parametrize("cell", ["", "   ", "plain = text", "«ёлка»", "a\n=b", "1-2", "'x"])
def test_ordinary_cells_are_no_formula(cell: str) -> None:
    assert formula_sign(cell) is None


@given(st.text(alphabet=" \t\r\n'=+-@＝＋a\u3000ё", max_size=8))
def test_defuse_round_trips_and_never_leaves_a_formula(cell: str) -> None:
    written = defuse(cell)
    assert formula_sign(written) is None
    assert restore(written) == cell
