"""Weblate glossary CSV: columns, statuses, the three layouts, formula defusing."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from glossary.errors import FormatError
from glossary.formats import weblate_csv
from glossary.model import Glossary, Status, Term
from tests.conftest import small_glossary

FIXTURES = Path(__file__).parent / "fixtures"


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_export_has_weblates_columns_and_maps_fields() -> None:
    data = weblate_csv.write(small_glossary())
    assert data.splitlines()[0] == (
        b"location,source,target,id,fuzzy,context,translator_comments,developer_comments"
    )
    by_context = {r["context"]: r for r in rows(data)}
    sphere = by_context["sphere-of-influence"]
    assert sphere["source"] == "sphere of influence" and sphere["target"] == "сфера влияния"
    assert sphere["fuzzy"] == "True"  # draft
    assert sphere["translator_comments"] == "Not «зона интересов»."
    assert sphere["developer_comments"] == "A region another power dominates."
    assert by_context["osce"]["fuzzy"] == "False"  # reviewed
    assert by_context["military-bloc"]["fuzzy"] == "False"  # nothing to review yet


def test_concepts_without_english_are_left_out() -> None:
    data = weblate_csv.write(Glossary((Term("x", ru="только русский"),)))
    assert rows(data) == []


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+7 495", "'+7 495"),
        ("-ism", "'-ism"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("'quoted", "''quoted"),
        ("'=x", "''=x"),
        ("plain = text", "plain = text"),
        ("«ёлка»", "«ёлка»"),
    ],
)
def test_formula_cells_are_defused_and_restored(cell: str, written: str) -> None:
    assert weblate_csv.defuse(cell) == written
    assert weblate_csv.restore(written) == cell


def test_exported_formula_never_starts_a_cell() -> None:
    term = Term("f", en='=HYPERLINK("http://evil.invalid")', ru="@cmd", note="-1", definition="+1")
    data = weblate_csv.write(Glossary((term,)))
    (row,) = rows(data)
    for column in ("source", "target", "translator_comments", "developer_comments"):
        assert row[column].startswith("'"), column
    (back,) = weblate_csv.read(data, "f.csv")
    assert (back.en, back.ru, back.note, back.definition) == (
        term.en, term.ru, term.note, term.definition)  # fmt: skip


def test_third_party_file_with_formula_and_quote_cells() -> None:
    first, second = weblate_csv.read((FIXTURES / "formula.csv").read_bytes(), "formula.csv")
    assert first.en.startswith("=HYPERLINK") and first.note == "@SUM(1+1)"
    assert (second.en, second.ru, second.note) == ("-2+3", "+7", "=not a formula")


def test_weblate_statuses_and_context() -> None:
    sphere, arms, bloc = weblate_csv.read((FIXTURES / "weblate.csv").read_bytes(), "w.csv")
    assert sphere.id == "sphere-of-influence" and sphere.status is Status.REVIEWED
    assert sphere.note == "Not «зона интересов», ever."
    assert arms.id == "" and arms.status is Status.DRAFT  # fuzzy
    assert bloc.ru == "" and bloc.status is Status.CANDIDATE


def test_simple_two_column_and_headerless_layouts() -> None:
    simple = "arms control,контроль над вооружениями\n".encode()
    (term,) = weblate_csv.read(simple, "s.csv")
    assert (term.en, term.ru, term.status) == ("arms control", "контроль над вооружениями",
                                               Status.REVIEWED)  # fmt: skip
    headerless = ",truce,перемирие,,True,truce,note,def\n".encode()
    (term,) = weblate_csv.read(headerless, "h.csv")
    assert (term.id, term.status, term.note, term.definition) == ("truce", Status.DRAFT, "note",
                                                                  "def")  # fmt: skip


def test_header_in_any_order_and_case_with_bom() -> None:
    data = "\ufeffTarget,Source,Context\nмир,peace,peace\n".encode()
    (term,) = weblate_csv.read(data, "x.csv")
    assert (term.id, term.en, term.ru) == ("peace", "peace", "мир")


@pytest.mark.parametrize(
    ("payload", "line", "message"),
    [
        (b"", 1, "empty file"),
        (b"source,note\na,b\n", 1, "no 'target' column"),
        (b"source,target,source\na,b,c\n", 1, "duplicate column 'source'"),
        (b"a,b,c\n", 1, "no header and 3 fields"),
        (b"source,target\na,b\nc,d,e\n", 3, "expected 2 fields, found 3"),
        (b'source,target\n"a\nb",c\nd,"e\n', 4, "malformed CSV"),
        (b"source,target,context\na,b,\n,,x\n", 3, "empty source and target"),
        (b"source,target\na,\xff\n", 2, "not UTF-8 (byte 0xff)"),
        (b"source,target,context\na,b,x\nc,d,x\n", 3, "duplicate context 'x' (first on line 2)"),
    ],
)
def test_malformed_csv(payload: bytes, line: int, message: str) -> None:
    with pytest.raises(FormatError) as info:
        weblate_csv.read(payload, "bad.csv")
    assert info.value.line == line, info.value
    assert message in info.value.message
