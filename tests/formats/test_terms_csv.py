"""terms.csv reading, validation and atomic writing."""

from __future__ import annotations

import dataclasses
import gc
import io
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.errors import FormatError
from glossary.formats import terms_csv
from glossary.formats.terms_csv import CsvLayout, TermsCsvError
from glossary.model import COLUMNS, Glossary, Kind, Status, Term
from tests.conftest import small_glossary

HEADER = ",".join(COLUMNS)


def row(term_id: str = "x", en: str = "term", ru: str = "термин", status: str = "draft",
        kind: str = "term", **extra: str) -> str:  # fmt: skip
    cells = dict.fromkeys(COLUMNS, "")
    cells.update(id=term_id, en=en, ru=ru, status=status, kind=kind, **extra)
    return ",".join(cells[c] for c in COLUMNS)


def error_of(text: str | bytes) -> TermsCsvError:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(TermsCsvError) as info:
        terms_csv.read(data, "terms.csv")
    return info.value


def test_reads_known_columns_into_terms() -> None:
    glossary, _ = terms_csv.read(
        (HEADER + "\n" + row(ru_variants="госсекретарь|госсек", source="a.txt:3|b.txt:4")
         + "\n").encode()
    )  # fmt: skip
    (term,) = glossary
    assert term.ru_variants == ("госсекретарь", "госсек")
    assert term.source == ("a.txt:3", "b.txt:4")
    assert term.status is Status.DRAFT and term.kind is Kind.TERM


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("", 1, "missing header"),
        ("foo,bar\n1,2\n", 1, "missing header"),
        ("id,en,ru,status\nx,a,b,draft\n", 1, "missing column 'kind'"),
        (HEADER.replace("definition", "defintion") + "\n", 1, "did you mean 'definition'"),
        (HEADER + ",id\n", 1, "duplicate column 'id'"),
        (HEADER + "\n" + row() + "\n" + row("y") + ",extra\n", 3, "expected 13 fields, found 14"),
        (HEADER + "\n" + row(status="obsolete") + "\n", 2, "unknown status 'obsolete'"),
        (HEADER + "\n" + row(kind="thing") + "\n", 2, "unknown kind 'thing'"),
        (HEADER + "\n" + row(status="") + "\n", 2, "empty required field 'status'"),
        (HEADER + "\n" + row(term_id="") + "\n", 2, "empty required field 'id'"),
        (HEADER + "\n" + row(en="", ru="") + "\n", 2, "needs 'en' or 'ru'"),
        (HEADER + "\n" + row("a") + "\n" + row("a", en="other", ru="другой") + "\n", 3,
         "duplicate id 'a'"),
        (HEADER + "\n" + row("a") + "\n" + row("b", en="Term", ru="другой") + "\n", 3,
         "duplicate en term 'Term'"),
        (HEADER + "\n" + row("a") + "\n" + row("b", en="other", ru="термин") + "\n", 3,
         "duplicate ru term"),
        (HEADER + "\n" + row("Bad Id") + "\n", 2, "invalid id 'Bad Id'"),
        # A line feed inside an id once passed the fast check for two good ids.
        (HEADER + "\n" + row("a") + "\n" + row('"x\ny"', en="o", ru="д") + "\n", 3,
         "invalid id 'x\\ny'"),
        (HEADER + "\n" + row(en=" padded") + "\n", 2, "leading or trailing spaces"),
        (HEADER + "\n" + row(full_form="nowhere") + "\n", 2, "full_form 'nowhere' names no"),
        (HEADER + '\n"x,term\n', 2, "malformed CSV"),
    ],
)  # fmt: skip
def test_bad_input_gets_one_line_error_with_line(text: str, line: int, fragment: str) -> None:
    error = error_of(text)
    message = error.report()
    assert message.startswith(f"terms.csv:{line}: "), message
    assert fragment in message
    assert "\n" not in message


def test_non_utf8_bytes_name_their_line() -> None:
    data = (HEADER + "\n" + row() + "\n").encode() + row("y", en="caf\xe9", ru="x").encode(
        "latin-1"
    )
    error = error_of(data)
    assert error.line == 3
    assert "not UTF-8 (byte 0xe9)" in str(error)


def test_every_problem_is_reported_in_one_run() -> None:
    error = error_of(HEADER + "\n" + row(status="old") + "\n" + row("y", kind="odd") + "\n")
    assert [p.line for p in error.problems] == [2, 3]


def test_homonyms_with_distinct_definitions_are_allowed() -> None:
    text = (HEADER + "\n" + row("a", definition="a guarantee") + "\n"
            + row("b", ru="другой", definition="collateral") + "\n")  # fmt: skip
    glossary, _ = terms_csv.read(text.encode())
    assert [t.id for t in glossary] == ["a", "b"]


def test_bom_and_crlf_are_accepted_and_kept() -> None:
    data = b"\xef\xbb\xbf" + (HEADER + "\r\n" + row(note='"two\r\nlines"') + "\r\n").encode()
    glossary, layout = terms_csv.read(data)
    assert layout == CsvLayout(bom=True, newline="\r\n")
    assert glossary.terms[0].note == "two\nlines"
    assert terms_csv.write(glossary, layout) == data


def test_unknown_columns_and_column_order_survive_a_rewrite() -> None:
    text = "status,id,ru,en,kind,reviewer\ndraft,x,термин,term,term,Анна\n"
    glossary, layout = terms_csv.read(text.encode())
    assert glossary.terms[0].extra == (("reviewer", "Анна"),)
    assert terms_csv.write(glossary, layout).decode() == text


def test_a_known_column_is_added_when_a_value_needs_it() -> None:
    glossary, layout = terms_csv.read(b"id,en,ru,kind,status\nx,term,,term,draft\n")
    updated = glossary.with_terms([Term("y", en="other", note="needs a column")])
    text = terms_csv.write(updated, layout).decode()
    assert text.splitlines()[0] == "id,en,ru,kind,status,note"
    assert text.splitlines()[2].endswith(",needs a column")


def test_save_refuses_an_invalid_glossary_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    terms_csv.save(small_glossary(), path)
    before = path.read_bytes()
    broken = small_glossary().with_terms([Term("osce-2", en="OSCE", ru="ОБСЕ-2")])
    with pytest.raises(TermsCsvError, match="duplicate en term 'OSCE'"):
        terms_csv.save(broken, path)
    assert path.read_bytes() == before


def test_a_write_failing_midway_leaves_the_previous_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "terms.csv"
    terms_csv.save(small_glossary(), path)
    before = path.read_bytes()

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    changed = small_glossary().with_terms([Term("new", en="new term", ru="новый термин")])
    with pytest.raises(FormatError, match=r"terms\.csv: cannot write: No space left on device$"):
        terms_csv.save(changed, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["terms.csv"]


def test_unreadable_path_is_a_format_error(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="cannot read") as info:
        terms_csv.load(tmp_path / "missing.csv")
    assert "missing.csv" in str(info.value)


@pytest.mark.parametrize(
    ("line_end", "stable"),
    [(b"\r", b"\r"), (b"\r\n", b"\r\n"), (b"\n", b"\n")],
    ids=["cr", "crlf", "lf"],
)
def test_line_ends_are_kept_on_rewrite(line_end: bytes, stable: bytes) -> None:
    data = terms_csv.write(small_glossary()).replace(b"\n", line_end)
    glossary, layout = terms_csv.read(data)
    assert terms_csv.write(glossary, layout) == data


def test_a_mixed_line_end_file_settles_on_its_majority_once() -> None:
    lines = terms_csv.write(small_glossary()).split(b"\n")
    mixed = b"\r\n".join(lines[:4]) + b"\n" + b"\n".join(lines[4:])  # mostly LF
    glossary, layout = terms_csv.read(mixed)
    once = terms_csv.write(glossary, layout)
    assert b"\r" not in once
    again, layout_again = terms_csv.read(once)
    assert terms_csv.write(again, layout_again) == once
    assert again == glossary


def test_splice_rewrites_only_the_rows_that_changed() -> None:
    data = (
        "id,en,ru,kind,status,note\n"
        '"nato",NATO,НАТО,acronym,reviewed,"Quoted, as a spreadsheet wrote it"\n'
        "\n"
        'osce,OSCE,ОБСЕ,acronym,draft,"Two\nlines"\n'
        "g7,G7,G7,acronym,candidate,\n"
    ).encode()
    old, layout = terms_csv.read(data)
    new = old.with_terms(
        [dataclasses.replace(old["osce"], ru="ОБСЕ (ред.)", status=Status.REVIEWED)]
    )
    spliced = terms_csv.splice(data, old, new, layout)
    assert spliced is not None
    assert spliced == data.replace(b"\xd0\x9e\xd0\x91\xd0\xa1\xd0\x95,acronym,draft",
                                   "ОБСЕ (ред.),acronym,reviewed".encode())  # fmt: skip
    assert terms_csv.read(spliced)[0] == new
    crlf = data.replace(b"\n", b"\r\n")
    old_crlf, crlf_layout = terms_csv.read(crlf)
    again = terms_csv.splice(crlf, old_crlf, old_crlf.with_terms([new["osce"]]), crlf_layout)
    assert again is not None and terms_csv.read(again)[0] == new
    assert b"\n" not in again.replace(b"\r\n", b"")  # the file's own line ends, in cells too


def test_splice_declines_what_it_cannot_do_row_by_row() -> None:
    data = b"id,en,ru,kind,status\nnato,NATO,,acronym,draft\nosce,OSCE,,acronym,draft\n"
    old, layout = terms_csv.read(data)
    added = old.with_terms([Term("g7", en="G7", kind=Kind.ACRONYM)])
    assert terms_csv.splice(data, old, added, layout) is None
    noted = old.with_terms([dataclasses.replace(old["nato"], note="a note")])  # no note column
    assert terms_csv.splice(data, old, noted, layout) is None
    cr = data.replace(b"\n", b"\r")
    old_cr, cr_layout = terms_csv.read(cr)
    edited = old_cr.with_terms([dataclasses.replace(old_cr["nato"], ru="НАТО")])
    assert terms_csv.splice(cr, old_cr, edited, cr_layout) is None
    built = Glossary(old.terms)  # no line numbers: not read from these bytes
    assert terms_csv.splice(data, built, built.with_terms([edited["nato"]]), layout) is None


@settings(max_examples=150, deadline=None)
@given(
    ends=st.lists(st.sampled_from([b"\n", b"\r\n", b"\r"]), max_size=12),
    chunk=st.integers(1, 7),
    bom=st.booleans(),
)
def test_the_chunked_layout_scan_agrees_with_the_whole_file(
    ends: list[bytes], chunk: int, bom: bool
) -> None:
    data = (b"\xef\xbb\xbf" if bom else b"") + b"".join(b"ab" + end for end in ends)
    old_chunk = terms_csv._SCAN_CHUNK
    terms_csv._SCAN_CHUNK = chunk  # CRLF split across reads, CR at a chunk's end
    try:
        scanned = terms_csv._scan_layout(io.BytesIO(data))
    finally:
        terms_csv._SCAN_CHUNK = old_chunk
    assert scanned == (bom, terms_csv._line_end(data), b"\r" in data)


@pytest.mark.parametrize("threshold", [1, 10**9])
def test_only_a_big_glossary_is_frozen_out_of_the_collector(
    monkeypatch: pytest.MonkeyPatch, threshold: int
) -> None:
    monkeypatch.setattr(terms_csv, "_FREEZE_ROWS", threshold)
    gc.unfreeze()
    try:
        glossary, _ = terms_csv.read(terms_csv.write(small_glossary()))
        assert gc.isenabled()
        assert (gc.get_freeze_count() > 0) is (len(glossary) >= threshold)
    finally:
        gc.unfreeze()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="a |\t\xa0б", max_size=6))
def test_a_list_cell_splits_into_stripped_non_empty_values(cell: str) -> None:
    expected = tuple(v.strip() for v in cell.split("|") if v.strip())
    assert terms_csv._split(cell) == expected
