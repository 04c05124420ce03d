"""PO drafts: entries per sentence, glossary comments, provenance, msgmerge semantics."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import polib
import pytest

from glossary.draft.drafts import Draft, Drafter, build_po, draft_po_bytes
from glossary.draft.memory import TranslationMemory
from glossary.errors import MachineTranslationError
from glossary.formats.po import parse_po
from glossary.model import Lang, TranslationUnit
from glossary.text.segment import Segment

from .test_enforce import GLOSSARY, FixedTranslator

EN, RU = Lang.EN, Lang.RU
SEGMENTS = [
    Segment("The ministers discussed security guarantees.", 1),
    Segment("The talks ended.", 3),
    Segment("Nobody knows this sentence.", 5),
    Segment("The talks ended.", 9),
]


def memory() -> TranslationMemory:
    return TranslationMemory(
        [
            TranslationUnit(EN, "The talks ended.", RU, "Переговоры завершились.", "tm.po:12"),
            TranslationUnit(
                EN,
                "The ministers discussed security guarantee.",
                RU,
                "Министры обсудили гарантии безопасности.",
                "tm.po:20",
            ),
        ],
        EN,
        RU,
    )


def draft_po(segments: list[Segment], existing: polib.POFile | None = None) -> polib.POFile:
    drafter = Drafter(GLOSSARY, EN, RU, memory=memory())
    return build_po(
        drafter.draft(segments), "news.txt", EN, RU, existing=existing, revision_date="2026-01-01"
    )


def by_id(po: polib.POFile) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in po if not e.obsolete}


def test_one_entry_per_sentence_with_references_and_glossary_lines() -> None:
    po = draft_po(SEGMENTS)
    entries = by_id(po)
    assert list(entries) == [s.text for s in SEGMENTS[:3]]
    first = entries[SEGMENTS[0].text]
    assert first.occurrences == [("news.txt", "1")]
    assert "glossary: security guarantees → гарантии безопасности (reviewed)" in first.comment
    # The same sentence twice: one entry, two references.
    assert entries["The talks ended."].occurrences == [("news.txt", "3"), ("news.txt", "9")]


def test_memory_drafts_are_fuzzy_with_provenance_and_score() -> None:
    entries = by_id(draft_po(SEGMENTS))
    exact = entries["The talks ended."]
    assert exact.msgstr == "Переговоры завершились."
    assert exact.flags == ["fuzzy"]
    assert "draft: memory 100% tm.po:12" in exact.comment
    fuzzy = entries[SEGMENTS[0].text]
    assert fuzzy.msgstr == "Министры обсудили гарантии безопасности."
    assert "fuzzy" in fuzzy.flags
    assert any(line.startswith("draft: memory 9") for line in fuzzy.comment.splitlines())


def test_no_draft_leaves_an_empty_entry_that_is_not_fuzzy() -> None:
    entry = by_id(draft_po(SEGMENTS))["Nobody knows this sentence."]
    assert entry.msgstr == "" and entry.flags == []
    assert "draft:" not in entry.comment


def test_headers_and_msgfmt(tmp_path: Path) -> None:
    po = draft_po(SEGMENTS)
    assert po.metadata["Language"] == "ru"
    assert po.metadata["X-Source-Language"] == "en"
    assert po.metadata["Plural-Forms"].startswith("nplurals=3;")
    path = tmp_path / "draft.po"
    path.write_bytes(draft_po_bytes(po))
    msgfmt = shutil.which("msgfmt")
    assert msgfmt is not None, "gettext's msgfmt is needed to validate drafts"
    result = subprocess.run(
        [msgfmt, "-c", "-o", str(tmp_path / "draft.mo"), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_machine_translation_comes_after_memory() -> None:
    translator = FixedTranslator({"Nobody knows this sentence.": "Никто не знает."})
    drafter = Drafter(
        GLOSSARY, EN, RU, memory=memory(), translator=translator, translator_label="argos en→ru"
    )
    drafts = list(drafter.draft(SEGMENTS))
    assert [d.msgstr for d in drafts] == [
        "Министры обсудили гарантии безопасности.",
        "Переговоры завершились.",
        "Никто не знает.",
        "Переговоры завершились.",
    ]
    assert drafts[2].provenance == ("draft: machine translation (argos en→ru)",)
    assert translator.batches == [["Nobody knows this sentence."]]


def test_redraft_keeps_reviewer_translations(tmp_path: Path) -> None:
    first = draft_po(SEGMENTS)
    entries = by_id(first)
    # A reviewer accepts one draft after editing it, translates another and adds a note.
    entries["The talks ended."].msgstr = "Переговоры окончились."
    entries["The talks ended."].flags = []
    entries["Nobody knows this sentence."].msgstr = "Этого предложения никто не знает."
    entries["Nobody knows this sentence."].tcomment = "checked with the author"
    saved = parse_po(draft_po_bytes(first), "out.po")

    updated = [
        Segment("The talks ended.", 1),
        Segment("Nobody knows this sentence!", 2),  # edited source
        Segment("A new sentence arrived.", 4),
    ]
    merged = draft_po(updated, existing=saved)
    entries = by_id(merged)
    assert entries["The talks ended."].msgstr == "Переговоры окончились."
    assert entries["The talks ended."].flags == []
    assert "draft:" not in entries["The talks ended."].comment
    # The edited sentence gets the reviewer's old translation back, as fuzzy with #| msgid.
    edited = entries["Nobody knows this sentence!"]
    assert edited.msgstr == "Этого предложения никто не знает."
    assert edited.flags == ["fuzzy"]
    assert edited.previous_msgid == "Nobody knows this sentence."
    assert edited.tcomment == "checked with the author"
    assert entries["A new sentence arrived."].msgstr == ""
    # The vanished first sentence was only a machine draft: nothing to keep.
    assert [e.msgid for e in merged if e.obsolete] == []


def test_vanished_reviewer_translation_is_kept_obsolete() -> None:
    first = draft_po([Segment("Gone tomorrow.", 1)])
    entry = by_id(first)["Gone tomorrow."]
    entry.msgstr = "Завтра исчезнет."
    saved = parse_po(draft_po_bytes(first), "out.po")
    merged = draft_po([Segment("Completely unrelated words.", 1)], existing=saved)
    obsolete = [e for e in merged if e.obsolete]
    assert [(e.msgid, e.msgstr) for e in obsolete] == [("Gone tomorrow.", "Завтра исчезнет.")]
    assert "#~ msgid" in draft_po_bytes(merged).decode()
    # ...and comes back when the sentence does.
    again = draft_po([Segment("Gone tomorrow.", 2)], existing=parse_po(draft_po_bytes(merged), "o"))
    assert by_id(again)["Gone tomorrow."].msgstr == "Завтра исчезнет."
    assert by_id(again)["Gone tomorrow."].flags == []


def test_reviewer_edited_draft_still_fuzzy_is_kept_with_its_provenance() -> None:
    first = draft_po(SEGMENTS)
    by_id(first)["The talks ended."].msgstr = "Переговоры закончены (правка)."
    merged = draft_po(SEGMENTS, existing=parse_po(draft_po_bytes(first), "out.po"))
    entry = by_id(merged)["The talks ended."]
    assert entry.msgstr == "Переговоры закончены (правка)."
    assert entry.flags == ["fuzzy"]
    assert "draft: memory 100% tm.po:12" in entry.comment


def test_draft_value_defaults() -> None:
    draft = Draft(Segment("x", 1))
    assert (draft.msgstr, draft.fuzzy, draft.glossary, draft.provenance) == ("", False, (), ())


def test_fuzzy_memory_match_missing_a_term_is_flagged_not_rewritten() -> None:
    tm = TranslationMemory(
        [TranslationUnit(EN, "They discussed the sphere of influence today.", RU,
                         "Они обсудили зону интереса сегодня.", "tm.po:3")],
        EN,
        RU,
    )  # fmt: skip
    drafter = Drafter(GLOSSARY, EN, RU, memory=tm)
    [draft] = drafter.draft([Segment("They discussed the sphere of influence again.", 1)])
    assert draft.msgstr == "Они обсудили зону интереса сегодня."
    assert draft.provenance[0].startswith("draft: memory ")
    assert any("«сфера влияния» (sphere-of-influence) missing" in p for p in draft.provenance)
    assert any("forbidden rendering «зону интереса»" in p for p in draft.provenance)


def test_a_translator_losing_sentences_is_an_error() -> None:
    class Lossy:
        def translate(self, segments: Sequence[str]) -> list[str]:
            return ["один"]

    drafter = Drafter(GLOSSARY, EN, RU, translator=Lossy())
    with pytest.raises(MachineTranslationError, match="returned 1 translations for 2 sentences"):
        list(drafter.draft([Segment("One.", 1), Segment("Two.", 2)]))
