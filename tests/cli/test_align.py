"""``glossary align``: JSON, a TMX that ``draft --memory`` uses at once, refusals."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from glossary.cli import main
from glossary.formats import tmx
from tests.test_align import EN, RU


def test_cli_json_and_tmx_the_memory_draft_uses(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workspace / "en.txt").write_text(EN, encoding="utf-8")
    (workspace / "ru.txt").write_text(RU, encoding="utf-8")
    assert main(["align", "en.txt", "ru.txt", "--json", "--tmx", "memory.tmx"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["schema"] == "glossary.align/1"  # its keys: tests/cli/test_json_contract
    assert document["source"] == {"file": "en.txt", "lang": "en"}
    low = [p for p in document["pairs"] if p["low_confidence"]]
    assert any(p["target_lines"] == [] and p["source_lines"] == [7] for p in low)
    units = tmx.read((workspace / "memory.tmx").read_bytes(), "memory.tmx")
    assert len(units) == sum(1 for p in document["pairs"] if p["source"] and p["target"])
    text = (workspace / "memory.tmx").read_text(encoding="utf-8")
    assert 'type="x-glossary-confidence"' in text
    # The TMX is a memory at once: the same sentence drafts from it.
    (workspace / "new.txt").write_text("The delegations left on 14 March.\n", encoding="utf-8")
    assert main(["draft", "new.txt", "--to", "ru", "--no-mt", "-o", "new.po",
                 "--memory", "memory.tmx"]) == 0  # fmt: skip
    [entry] = [e for e in polib.pofile(str(workspace / "new.po")) if e.msgid]
    assert entry.msgstr == "Делегации уехали 14 марта."


def test_cli_refuses_two_texts_in_one_language(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workspace / "a.txt").write_text(EN, encoding="utf-8")
    assert main(["align", "a.txt", "a.txt"]) == 2
    assert "both en" in capsys.readouterr().err


def test_cli_terms_merge_adds_candidates_and_keeps_reviewed_rows(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.test_align import TERMS_EN, TERMS_RU

    (workspace / "en.txt").write_text(TERMS_EN, encoding="utf-8")
    (workspace / "ru.txt").write_text(TERMS_RU, encoding="utf-8")
    before = (workspace / "terms.csv").read_text(encoding="utf-8")
    assert main(["align", "en.txt", "ru.txt", "--merge"]) == 2  # --merge needs --terms
    assert main(["align", "en.txt", "ru.txt", "--terms", "--merge"]) == 0
    err = capsys.readouterr().err
    after = (workspace / "terms.csv").read_text(encoding="utf-8")
    assert len(after.splitlines()) > len(before.splitlines())
    from glossary.formats import terms_csv

    glossary = terms_csv.load(workspace / "terms.csv")[0]
    added = [t for t in glossary.terms if t.en == "nuclear weapon" or t.en == "nuclear weapons"]
    assert added and added[0].ru == "ядерное оружие" and added[0].status.value == "candidate"
    assert any(ref.startswith("en.txt:") for ref in added[0].source)
    assert any(ref.startswith("ru.txt:") for ref in added[0].source)
    assert "added " in err
    reviewed_before = [line for line in before.splitlines() if ",reviewed," in line]
    assert all(line in after.splitlines() for line in reviewed_before)


def test_cli_merge_reports_a_published_rendering_differing_from_a_reviewed_one(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workspace / "en.txt").write_text(
        "The ministers discussed security guarantees.\n"
        "Security guarantees matter to every state.\n",
        encoding="utf-8",
    )
    (workspace / "ru.txt").write_text(
        "Министры обсудили гарантии надёжности.\nГарантии надёжности важны каждому государству.\n",
        encoding="utf-8",
    )
    before = (workspace / "terms.csv").read_text(encoding="utf-8")
    assert main(["align", "en.txt", "ru.txt", "--terms", "--merge"]) == 0
    err = capsys.readouterr().err
    assert "security-guarantees: published rendering «гарантии надёжности» differs" in err
    after = (workspace / "terms.csv").read_text(encoding="utf-8")
    reviewed = [line for line in before.splitlines() if "security-guarantees," in line]
    assert reviewed and all(line in after.splitlines() for line in reviewed)


# Invented: the second English sentence is rendered by the third Russian one, but by
# length alone the second Russian sentence would join it (the first pair looks too long).
LEXICON_EN = (
    "The farmer sold apples, pears and plums at the market.\n"
    "In the evening a cold wind blew across the empty fields.\n"
)
LEXICON_RU = (
    "Фермер продавал на рынке яблоки.\nЕщё он продавал груши и сливы.\n"
    "Вечером подул холодный ветер.\n"
)
LEXICON_ENTRIES = {
    "apple": "apple\n   _n. яблоко\n",
    "pear": "pear\n   _n. груша\n",
    "plum": "plum\n   _n. слива\n",
    "market": "market\n   _n. рынок\n",
    "farmer": "farmer\n   _n. фермер\n",
    "sell": "sell\n   _v. продавать\n",
    "wind": "wind\n   _n. ветер\n",
    "cold": "cold\n   _a. холодный\n",
    "evening": "evening\n   _n. вечер\n",
}


def test_an_attached_dictd_dictionary_is_a_lexicon_that_fixes_a_length_error(
    workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.formats.dictd_files import write_dictd

    monkeypatch.setenv("XDG_CACHE_HOME", str(workspace / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(workspace / "config"))
    (workspace / "en.txt").write_text(LEXICON_EN, encoding="utf-8")
    (workspace / "ru.txt").write_text(LEXICON_RU, encoding="utf-8")

    def beads() -> list[tuple[list[int], list[int]]]:
        assert main(["align", "en.txt", "ru.txt", "--json"]) == 0
        pairs = json.loads(capsys.readouterr().out)["pairs"]
        return [(p["source_lines"], p["target_lines"]) for p in pairs]

    assert beads() == [([1], [1]), ([2], [2, 3])]  # length alone: wrong
    index = write_dictd(workspace / "dict", "eng-rus", LEXICON_ENTRIES)
    assert main(["dict", "add", str(index)]) == 0
    capsys.readouterr()
    assert beads() == [([1], [1, 2]), ([2], [3])]
