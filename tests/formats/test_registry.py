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


@pytest.mark.parametrize(
    ("name", "form"),
    [("a.md", "md"), ("A.HTML", "html"), ("b.htm", "html"), ("c.po", "po"), ("d.txt", "txt"),
     ("notes", "txt")],
)  # fmt: skip
def test_document_suffixes(name: str, form: str) -> None:
    assert registry.document_format(name) == form


def test_memory_suffixes_and_the_one_line_error() -> None:
    from glossary.errors import FormatError

    assert registry.memory_format("old.po") == "po"
    assert registry.memory_format("MEM.TMX") == "tmx"
    with pytest.raises(
        FormatError, match=r"unknown memory format '\.xlf' \(expected \.po or \.tmx\)"
    ):
        registry.memory_format("mem.xlf")


def test_all_fields_are_what_tbx_carries() -> None:
    from glossary.formats import tbx

    assert registry.ALL_FIELDS == tbx.FIELDS
    assert registry.by_name("terms").fields == registry.ALL_FIELDS


def test_the_table_imports_no_format_until_one_is_used() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from glossary.formats import registry, document;"
        "print(sorted(m for m in ('glossary.formats.tbx', 'glossary.formats.tmx',"
        " 'glossary.formats.omegat', 'glossary.formats.weblate_csv') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
