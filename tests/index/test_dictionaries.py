"""Attached reference dictionaries through the library: attach, look up, detach."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.errors import FormatError, GlossaryError
from glossary.index import dictionaries

from ..formats.dictd_files import write_dictd


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
