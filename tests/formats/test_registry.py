"""The format table: names, suffixes, the terms.csv sniff, and usage errors."""

from __future__ import annotations

import pytest

from glossary.errors import GlossaryError
from glossary.formats import registry


def test_names_and_suffixes_are_unique() -> None:
    names = [f.name for f in registry.FORMATS]
    suffixes = [s for f in registry.FORMATS for s in f.suffixes]
    assert len(names) == len(set(names))
    assert len(suffixes) == len(set(suffixes))
    assert all(s.startswith(".") and s == s.lower() for s in suffixes)


def test_every_format_carries_an_id_or_both_terms() -> None:
    for fmt in registry.FORMATS:
        assert fmt.fields <= registry.ALL_FIELDS, fmt.name
        assert {"en", "ru"} <= fmt.fields, fmt.name


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("glossary.tbx", "tbx"),
        ("MEMORY.TMX", "tmx"),
        ("weblate.csv", "csv"),
        ("glossary.txt", "omegat"),
        ("glossary.utf8", "omegat"),
        ("glossary.tab", "omegat"),
        ("glossary.tsv", "omegat"),
    ],
)
def test_the_suffix_picks_the_format(path: str, name: str) -> None:
    assert registry.for_path(path).name == name


def test_a_csv_with_terms_csv_columns_is_terms_csv() -> None:
    assert registry.for_path("x.csv", b"\xef\xbb\xbfid,en,ru,kind,status\r\n").name == "terms"
    assert registry.for_path("x.csv", b"location,source,target\n").name == "csv"


def test_unknown_suffix_and_name_are_usage_errors() -> None:
    with pytest.raises(GlossaryError, match=r"cannot tell the format from the suffix '\.xlsx'"):
        registry.for_path("terms.xlsx")
    with pytest.raises(GlossaryError, match="unknown format 'xliff' \\(expected tbx, tmx"):
        registry.by_name("xliff")
