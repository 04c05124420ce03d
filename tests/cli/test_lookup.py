"""``glossary lookup``: output, JSON, exit codes, reference dictionaries after the glossary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary.cli import main
from glossary.index.store import index_path

from ..formats.dictd_files import write_dictd


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("FORCE_COLOR", raising=False)


def test_inflected_query(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "юридически", "обязывающих", "гарантий", "безопасности"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "legally binding security guarantees  ↔  юридически обязывающие гарантии безопасности"
        "  [lemma, 95]"
    )
    assert "status: reviewed" in out


def test_unreviewed_is_marked(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "сферами влияния"]) == 0
    out = capsys.readouterr().out
    assert "NOT REVIEWED (draft)" in out
    assert "definition: A region another power dominates." in out
    assert "note: Not «зона интересов»." in out
    assert "do not use: зона интереса" in out


def test_json(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "--json", "OSCE"]) == 0
    records = json.loads(capsys.readouterr().out)["results"]
    assert [(r["id"], r["match"], r["source"]) for r in records] == [
        ("osce", "exact", "glossary"),
        ("osce-full", "acronym", "glossary"),
    ]
    assert {"id", "en", "ru", "status", "match", "score"} <= records[0].keys()


def test_lang_option(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "--lang", "en", "ОБСЕ"]) == 1
    assert main(["lookup", "--lang", "ru", "--json", "ОБСЕ"]) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit) as info:
        main(["lookup", "--lang", "de", "x"])
    assert info.value.code == 2


def test_did_you_mean(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "secretery of state"]) == 0
    assert capsys.readouterr().out.startswith("did you mean:\nSecretary of State")


def test_no_match_exits_1_with_suggestions(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lookup", "sfera vliyaniya of infuence"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == (
        "glossary: no match for 'sfera vliyaniya of infuence'; did you mean: sphere of influence?"
    )
    assert main(["lookup", "--json", "qqqqqq"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["results"] == []
    assert "no similar terms" in captured.err


def test_all_stages(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "--all", "--json", "security guarantees"]) == 0
    matches = {r["id"]: r["match"] for r in json.loads(capsys.readouterr().out)["results"]}
    assert matches["security-guarantees"] == "exact"
    assert matches["legally-binding-security-guarantees"] == "substring"


def test_corrupt_index_is_rebuilt(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "OSCE"]) == 0
    path = index_path(workspace / "terms.csv")
    data = bytearray(path.read_bytes())
    half = len(data) // 2
    data[half:] = b"\xde\xad" * ((len(data) - half) // 2)  # pages after the metadata
    path.write_bytes(bytes(data))
    assert main(["lookup", "сферами влияния"]) == 0
    assert "sphere of influence" in capsys.readouterr().out


def test_reference_dictionary_after_the_glossary(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = write_dictd(
        workspace / "dicts",
        "eng-rus",
        {
            "guarantee": "guarantee\n  гарантия, залог\n",
            "security guarantee": "security guarantee\n  гарантия безопасности\n",
        },
        compressed=True,
        short_name="Tiny English-Russian",
    )
    assert main(["dict", "add", str(index)]) == 0
    assert "attached Tiny English-Russian: 2 entries" in capsys.readouterr().out
    assert main(["lookup", "security guarantees"]) == 0
    out = capsys.readouterr().out
    glossary_part, reference_part = out.split("── reference dictionaries")
    assert "security guarantees  ↔  гарантии безопасности" in glossary_part
    assert "security guarantee  [Tiny English-Russian]" in reference_part
    assert "  гарантия безопасности" in reference_part
    assert main(["lookup", "--json", "guarantees"]) == 0
    records = json.loads(capsys.readouterr().out)["results"]
    assert records[-1]["source"] == "dictionary"
    assert records[-1]["headword"] == "guarantee"


def test_reference_only_is_still_no_match(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = write_dictd(workspace / "d", "x", {"zebra": "zebra\n  зебра\n"})
    assert main(["dict", "add", str(index)]) == 0
    assert main(["lookup", "zebras"]) == 1
    captured = capsys.readouterr()
    assert "зебра" in captured.out
