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
    assert main(["lookup", "юридически обязывающих гарантий безопасности"]) == 0
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
    (result,) = json.loads(capsys.readouterr().out)["results"]
    assert (result["query"], result["found"], result["matched"]) == ("OSCE", True, True)
    records = result["hits"]
    assert [(r["id"], r["match"]) for r in records] == [("osce", "exact"), ("osce-full", "acronym")]
    assert {"id", "en", "ru", "status", "match", "score", "source"} <= records[0].keys()
    assert records[0]["source"] == ["article.txt:3"]
    assert (result["references"], result["suggestions"]) == ([], [])


def test_lang_option(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "--lang", "en", "ОБСЕ"]) == 1
    assert main(["lookup", "--lang", "ru", "--json", "ОБСЕ"]) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit) as info:
        main(["lookup", "--lang", "de", "x"])
    assert info.value.code == 2


def test_did_you_mean_only_exits_1(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "secretery of state"]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("did you mean:\nSecretary of State")
    assert captured.err.strip() == (
        "glossary: no match for 'secretery of state'; did you mean: Secretary of State?"
    )
    assert main(["lookup", "--json", "secretery of state"]) == 1
    (result,) = json.loads(capsys.readouterr().out)["results"]
    assert (result["found"], result["hits"]) == (False, [])
    assert [(s["id"], s["match"]) for s in result["suggestions"]] == [
        ("secretary-of-state", "fuzzy")
    ]


def test_forbidden_rendering_is_found_with_the_approved_one(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lookup", "зоны интереса"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "sphere of influence  ↔  сфера влияния  [forbidden, 90]"
    assert "!! FORBIDDEN rendering «зона интереса»: use «сфера влияния»" in out
    assert main(["lookup", "--json", "зона интереса"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)["results"][0]["hits"]
    assert (hit["id"], hit["match"], hit["forbidden"], hit["approved"]) == (
        "sphere-of-influence",
        "forbidden",
        True,
        "сфера влияния",
    )
    assert (hit["matched"], hit["lang"], hit["score"]) == ("зона интереса", "ru", 100.0)


def test_term_contained_in_a_longer_query(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    query = "гарантиям безопасности Молдавии"
    assert main(["lookup", query]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(
        "security guarantees  ↔  гарантии безопасности  [contained"
    )
    assert "contained in the query at 0-22: «гарантиям безопасности»" in out
    assert main(["lookup", "--json", query]) == 0
    hits = json.loads(capsys.readouterr().out)["results"][0]["hits"]
    assert [(h["id"], h["match"], h["position"]) for h in hits] == [
        ("security-guarantees", "contained", [0, 22])
    ]
    assert query[0:22] == "гарантиям безопасности"


def test_several_arguments_are_several_queries(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lookup", "OSCE", "госсекретарём"]) == 0
    out = capsys.readouterr().out
    first, second = out.split("\n\n» ")
    assert first.startswith("» OSCE\nOSCE  ↔  ОБСЕ  [exact, 100]")
    assert second.startswith("госсекретарём\nSecretary of State  ↔  государственный секретарь")
    assert main(["lookup", "--json", "OSCE", "qqqqqq", "military blocs"]) == 1
    captured = capsys.readouterr()
    results = json.loads(captured.out)["results"]
    assert [(r["query"], r["found"]) for r in results] == [
        ("OSCE", True),
        ("qqqqqq", False),
        ("military blocs", True),
    ]
    assert captured.err.strip() == "glossary: no match for 'qqqqqq'; no similar terms"


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
    assert json.loads(captured.out) == {
        "schema": "glossary.lookup/1",
        "results": [
            {
                "query": "qqqqqq",
                "found": False,
                "matched": False,
                "hits": [],
                "references": [],
                "suggestions": [],
            }
        ],
    }
    assert "no similar terms" in captured.err


def test_all_stages(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "--all", "--json", "security guarantees"]) == 0
    (result,) = json.loads(capsys.readouterr().out)["results"]
    matches = {r["id"]: r["match"] for r in result["hits"]}
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
    (result,) = json.loads(capsys.readouterr().out)["results"]
    assert [r["headword"] for r in result["references"]] == ["guarantee"]
    assert result["references"][0] == {
        "dictionary": "Tiny English-Russian",
        "headword": "guarantee",
        "text": "guarantee\n  гарантия, залог\n",
    }


def test_reference_only_is_found_and_says_so(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = write_dictd(workspace / "d", "x", {"zebra": "zebra\n  зебра\n"})
    assert main(["dict", "add", str(index)]) == 0
    capsys.readouterr()
    assert main(["lookup", "zebras"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0] == "not in the glossary; found in a reference dictionary:"
    assert lines[1].startswith("── reference dictionaries")
    assert "зебра" in captured.out
    assert captured.err == ""
    assert main(["lookup", "--json", "zebras"]) == 0
    (result,) = json.loads(capsys.readouterr().out)["results"]
    assert (result["found"], result["matched"], result["hits"]) == (True, False, [])


#: What a cold `glossary lookup` of an indexed word must not import (each costs start-up
#: time, and none is needed to answer from the index).
_NOT_FOR_LOOKUP = (
    "ahocorasick",
    "pymorphy3",
    "rapidfuzz",
    "difflib",
    "glossary.atomic",
    "glossary.formats.terms_csv",
    "glossary.formats.dictd",
    "glossary.matching",
    "glossary.text.ru.paradigm",
    "importlib.resources",
    "tempfile",
)


def test_a_cold_lookup_imports_nothing_it_does_not_need(workspace: Path) -> None:
    import os
    import subprocess
    import sys

    main(["lookup", "ОБСЕ"])  # the index, built once
    code = (
        "import sys; from glossary.cli import main; main(['lookup', 'ОБСЕ']);"
        f"print(sorted(m for m in {_NOT_FOR_LOOKUP!r} if m in sys.modules))"
    )
    src = str(Path(__file__).resolve().parents[2] / "src")
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": src},
    )
    assert "OSCE" in result.stdout
    assert result.stdout.splitlines()[-1] == "[]"
