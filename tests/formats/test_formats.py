"""The shared file reader and UTF-8 decoder every format goes through."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.errors import FormatError
from glossary.formats import BOM, decode_text, read_file


def test_read_file_returns_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\x00\xff")
    assert read_file(path) == b"\x00\xff"


def test_a_directory_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="is a directory, not a file") as info:
        read_file(tmp_path)
    assert info.value.line == 0


def test_a_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="cannot read"):
        read_file(tmp_path / "absent.csv")


def test_decode_strips_one_bom() -> None:
    assert decode_text(BOM + "Привет".encode(), "x.csv") == "Привет"
    assert decode_text(BOM + BOM + b"a", "x.csv") == "\ufeffa"  # only the first is a BOM


def test_a_bad_byte_names_its_line() -> None:
    data = "первая\nвторая\n".encode() + b"\xff\n"
    with pytest.raises(FormatError) as info:
        decode_text(data, "terms.csv")
    assert info.value.line == 3
    assert "not UTF-8 (byte 0xff)" in info.value.message
