"""``glossary dict add|list|remove`` and broken dictionaries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary.cli import main

from ..formats.dictd_files import write_dictd


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def test_add_list_remove(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index = write_dictd(workspace / "d", "eng-rus", {"peace": "peace\n  мир\n"})
    assert main(["dict", "add", str(workspace / "d" / "eng-rus.dict")]) == 0
    assert main(["dict", "list", "--json"]) == 0
    capsys.readouterr()
    assert main(["dict", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["dictionaries"]
    assert listed == [
        {"name": "eng-rus", "index": str(index.resolve()),
         "data": str((workspace / "d" / "eng-rus.dict").resolve())}
    ]  # fmt: skip
    registry = workspace / "config" / "glossary" / "dictionaries.json"
    assert registry.is_file()
    assert main(["dict", "add", str(index)]) == 2  # already attached
    assert "already attached" in capsys.readouterr().err
    assert main(["dict", "remove", "eng-rus"]) == 0
    assert main(["dict", "list"]) == 0
    assert "no dictionaries attached" in capsys.readouterr().out
    assert main(["dict", "remove", "eng-rus"]) == 2


def test_remove_by_path(workspace: Path) -> None:
    index = write_dictd(workspace / "d", "a", {"x": "x\n"})
    assert main(["dict", "add", str(index)]) == 0
    assert main(["dict", "remove", str(index)]) == 0


def test_bad_index_is_a_one_line_error(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workspace / "bad.index").write_text("peace\tA\tE\nwar\tA\n", encoding="utf-8")
    (workspace / "bad.dict").write_text("peace\n  мир\n", encoding="utf-8")
    assert main(["dict", "add", "bad.index"]) == 2
    err = capsys.readouterr().err
    assert (
        err == "bad.index:2: expected 'headword<TAB>offset<TAB>length' (is this a dictd .index?)\n"
    )
    assert main(["dict", "list"]) == 0
    assert "no dictionaries attached" in capsys.readouterr().out


def test_missing_files(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dict", "add", "nowhere.index"]) == 2
    assert capsys.readouterr().err.startswith("nowhere.index: no dictd index")


def test_dictionary_broken_after_adding_warns_but_lookup_works(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = write_dictd(workspace / "d", "x", {"sphere": "sphere\n  сфера\n"})
    assert main(["dict", "add", str(index)]) == 0
    index.write_text("sphere\tA\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["lookup", "sphere of influence"]) == 0
    captured = capsys.readouterr()
    assert "sphere of influence" in captured.out
    warning = captured.err.strip()
    assert warning.startswith("glossary: warning: dictionary x: ")
    assert "\n" not in warning
