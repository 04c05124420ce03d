"""OmegaT tab-separated glossary: three columns, variants as repeated sources, defusing."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.errors import FormatError
from glossary.formats import omegat
from glossary.model import Glossary, Status, Term
from tests.conftest import small_glossary

FIXTURES = Path(__file__).parent / "fixtures"


def test_export_three_columns_with_header_comment() -> None:
    lines = omegat.write(small_glossary()).decode("utf-8").splitlines()
    assert lines[0] == omegat.HEADER
    assert "sphere of influence\tсфера влияния\tNot «зона интересов»." in lines
    # a Russian variant is a further line with the same source
    assert "Secretary of State\tгосударственный секретарь" in lines
    assert "Secretary of State\tгоссекретарь" in lines
    assert not any(line.startswith("military bloc") for line in lines)  # no target


def test_notes_lose_tabs_and_line_breaks_and_formulas_are_defused() -> None:
    term = Term("x", en="-1", ru="=2", note="a\tb\nc")
    line = omegat.write(Glossary((term,))).decode().splitlines()[1]
    assert line == "'-1\t'=2\ta b c"
    (back,) = omegat.read(omegat.write(Glossary((term,))), "o.txt")
    assert (back.en, back.ru, back.note) == ("-1", "=2", "a b c")


def test_reading_groups_variants_skips_comments_and_blank_lines() -> None:
    first, second = omegat.read((FIXTURES / "omegat.txt").read_bytes(), "omegat.txt")
    assert (first.en, first.ru, first.ru_variants) == ("security guarantees",
                                                       "гарантии безопасности",
                                                       ("гарантии защиты",))  # fmt: skip
    assert first.note == "plural in Russian"
    assert first.id == "" and first.status is Status.DRAFT
    assert second.ru == "контроль над вооружениями"  # CRLF line end stripped


@pytest.mark.parametrize(
    ("payload", "line", "message"),
    [
        (b"# c\nno tab here\n", 2, "found no tab"),
        (b"a\tb\tc\td\n", 1, "at most 3 fields, found 4"),
        (b"a\tb\n\t\xd0\xb1\n", 2, "empty source term"),
        (b"a\t \n", 1, "empty target term"),
        (b"a\tb\n\xc3\x28\tc\n", 2, "not UTF-8"),
    ],
)
def test_malformed_tsv(payload: bytes, line: int, message: str) -> None:
    with pytest.raises(FormatError) as info:
        omegat.read(payload, "bad.txt")
    assert info.value.line == line, info.value
    assert message in info.value.message
