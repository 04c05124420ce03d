"""dictd reading: the index format, plain and dictzip data, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.errors import FormatError
from glossary.formats.dictd import DictdData, b64_number, data_path_for, parse_index

from .dictd_files import b64, dictzip, write_dictd

ENTRIES = {
    "guarantee": "guarantee\n  гарантия, залог; поручительство\n",
    "security": "security\n  безопасность; защита\n" + "  пример\n" * 40,
    "sphere": "sphere\n  сфера, шар; область\n",
}


def test_b64_numbers() -> None:
    assert b64_number("A") == 0
    assert b64_number("B") == 1
    assert b64_number("BA") == 64
    assert all(b64_number(b64(n)) == n for n in (0, 1, 63, 64, 4095, 123456789))
    with pytest.raises(ValueError):
        b64_number("B*")


@pytest.mark.parametrize("compressed", [False, True])
def test_reads_every_entry(tmp_path: Path, compressed: bool) -> None:
    index = write_dictd(tmp_path, "eng-rus", ENTRIES, compressed=compressed)
    data_file = data_path_for(index)
    assert data_file.name == ("eng-rus.dict.dz" if compressed else "eng-rus.dict")
    reader = DictdData(data_file)
    entries = list(parse_index(index.read_bytes(), "eng-rus.index", reader.size))
    assert {e.headword for e in entries} == set(ENTRIES)
    for entry in entries:
        assert reader.read(entry.offset, entry.length) == ENTRIES[entry.headword]


def test_dictzip_entry_spanning_chunks(tmp_path: Path) -> None:
    data = ("".join(ENTRIES.values())).encode()
    path = tmp_path / "x.dict.dz"
    path.write_bytes(dictzip(data, chunk_length=16))
    reader = DictdData(path)
    assert reader.size == len(data)
    start = data.index(b"security")
    length = len(ENTRIES["security"].encode())
    assert length > 3 * 16  # spans several chunks
    assert reader.read(start, length) == ENTRIES["security"]


@pytest.mark.parametrize(
    ("index", "message"),
    [
        (b"guarantee\tA\n", "2: expected 'headword<TAB>offset<TAB>length'"),
        (b"guarantee\tA*\tB\n", "bad base-64 digit '*'"),
        (b"guarantee\tA\tZZZZ\n", "past the end of the data file"),
        (b"\xff\xfe\tA\tB\n", "not UTF-8"),
    ],
)
def test_bad_index_is_a_one_line_error(tmp_path: Path, index: bytes, message: str) -> None:
    data = b"x" * 10
    content = index if b"\xff" in index else b"ok\tA\tB\n" + index
    with pytest.raises(FormatError) as info:
        list(parse_index(content, "bad.index", len(data)))
    assert message in str(info.value)
    assert str(info.value).startswith("bad.index:")
    assert "\n" not in str(info.value)


def test_missing_data_file(tmp_path: Path) -> None:
    index = tmp_path / "lonely.index"
    index.write_text("a\tA\tB\n")
    with pytest.raises(FormatError, match=r"no lonely\.dict\.dz or lonely\.dict"):
        data_path_for(index)


def test_corrupt_dictzip(tmp_path: Path) -> None:
    path = tmp_path / "bad.dict.dz"
    path.write_bytes(b"not gzip at all, really not")
    with pytest.raises(FormatError, match="not a gzip"):
        DictdData(path)
