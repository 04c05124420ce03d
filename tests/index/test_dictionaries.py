"""Attached reference dictionaries through the library: attach, look up, detach."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from glossary.cli import main
from glossary.errors import FormatError, GlossaryError
from glossary.index import dictionaries

from ..formats.dictd_files import b64, dictzip, write_dictd


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def test_the_configuration_folder_follows_xdg(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert dictionaries.config_dir() == tmp_path / "config" / "glossary"
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/ignored")
    assert dictionaries.config_dir() == Path.home() / ".config" / "glossary"


def test_headwords_are_found_folded(tmp_path: Path) -> None:
    index = write_dictd(tmp_path, "en-ru", {"Sanctions": "санкции\n", "truce": "перемирие\n"})
    item, count = dictionaries.add(index)
    assert count == 2
    assert [a.name for a in dictionaries.attached()] == [item.name]
    found = dictionaries.lookup(["sanctions", "TRUCE", "absent"])
    assert {(e.headword, e.text) for e in found} == {
        ("Sanctions", "санкции\n"),
        ("truce", "перемирие\n"),
    }


def test_the_short_name_names_the_dictionary_and_duplicates_get_a_suffix(tmp_path: Path) -> None:
    first = write_dictd(tmp_path / "a", "one", {"x": "y\n"}, short_name="Tiny en-ru")
    second = write_dictd(tmp_path / "b", "two", {"x": "z\n"}, short_name="Tiny en-ru")
    assert dictionaries.add(first)[0].name == "Tiny en-ru"
    assert dictionaries.add(second)[0].name == "Tiny en-ru-2"


def test_the_data_file_or_stem_finds_the_index(tmp_path: Path) -> None:
    index = write_dictd(tmp_path, "stem", {"x": "y\n"}, compressed=True)
    item, _ = dictionaries.add(tmp_path / "stem.dict.dz")
    assert item.index == index.resolve()


def test_attaching_twice_and_detaching_an_unknown_name_are_errors(tmp_path: Path) -> None:
    index = write_dictd(tmp_path, "d", {"x": "y\n"})
    item, _ = dictionaries.add(index)
    with pytest.raises(GlossaryError, match="already attached"):
        dictionaries.add(index)
    with pytest.raises(GlossaryError, match="no attached dictionary named 'nope'"):
        dictionaries.remove("nope")
    assert dictionaries.remove(item.name) == item
    assert dictionaries.attached() == []


def test_no_index_beside_the_file_is_a_format_error(tmp_path: Path) -> None:
    (tmp_path / "lonely.dict").write_bytes(b"")
    with pytest.raises(FormatError, match=r"no dictd index lonely\.index found"):
        dictionaries.add(tmp_path / "lonely.dict")


def test_a_damaged_configuration_is_a_one_line_error() -> None:
    path = dictionaries.config_dir() / "dictionaries.json"
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(FormatError, match="not a dictionary list"):
        dictionaries.attached()


def test_nothing_to_fold_looks_nothing_up() -> None:
    assert dictionaries.lookup(["", "—"]) == []


def test_a_dictionary_list_with_a_syntax_error_names_the_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = dictionaries.config_dir() / "dictionaries.json"
    path.parent.mkdir(parents=True)
    path.write_text('[\n  {"name": "a",\n   "index": oops}\n]\n', encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        dictionaries.attached()
    assert caught.value.line == 3
    assert main(["dict", "list"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:3: not a dictionary list"), err
    assert len(err.splitlines()) == 1
    assert "Traceback" not in err


def test_a_dictionary_list_of_the_wrong_shape_is_reported_at_line_1() -> None:
    path = dictionaries.config_dir() / "dictionaries.json"
    path.parent.mkdir(parents=True)
    path.write_text('[{"name": "a"}]\n', encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        dictionaries.attached()
    assert caught.value.line == 1


def test_an_entry_past_the_end_of_the_data_names_its_index_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A dictzip whose size field claims more than its chunks hold: the index passes
    the size check, the read fails, and the warning names the .index line."""
    raw = dictzip(b"peace\n")
    (tmp_path / "bad.dict.dz").write_bytes(raw[:-4] + struct.pack("<I", 1000))
    index = tmp_path / "bad.index"
    index.write_text(f"peace\tA\tG\ntruce\t{b64(500)}\tK\n", encoding="utf-8")
    dictionaries.add(index)
    assert dictionaries.lookup(["truce"]) == []
    err = capsys.readouterr().err
    assert f"{index}:2: entry 'truce': offset 510 is past the end of the data" in err, err
    assert len(err.splitlines()) == 1
