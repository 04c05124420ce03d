"""The draft job as a library function: a text in, a PO draft out."""

from __future__ import annotations

import pytest

from glossary.draft.job import draft_document
from glossary.errors import GlossaryError
from glossary.model import Lang, TranslationUnit
from tests.conftest import small_glossary

TEXT = b"The OSCE met in Vienna.\n\nThey discussed security guarantees. The talks ended.\n"


def test_a_text_becomes_one_entry_per_sentence_with_memory_and_terms() -> None:
    memory = [TranslationUnit(Lang.EN, "The talks ended.", Lang.RU, "Переговоры завершились.")]
    po = draft_document(TEXT, "news.txt", small_glossary(), Lang.RU, memory=memory)
    entries = {e.msgid: e for e in po}
    assert list(entries) == [
        "The OSCE met in Vienna.",
        "They discussed security guarantees.",
        "The talks ended.",
    ]
    assert entries["The talks ended."].msgstr == "Переговоры завершились."
    assert entries["The talks ended."].fuzzy  # a memory draft still needs review
    assert entries["The OSCE met in Vienna."].msgstr == ""
    assert any(
        "OSCE → ОБСЕ" in line for line in entries["The OSCE met in Vienna."].comment.split("\n")
    )
    assert po.metadata["Language"] == "ru"


def test_progress_sees_every_draft() -> None:
    seen: list[int] = []

    def progress(drafts, total):  # type: ignore[no-untyped-def]
        seen.append(total)
        return drafts

    draft_document(TEXT, "news.txt", small_glossary(), Lang.RU, progress=progress)
    assert seen == [3]


def test_a_text_already_in_the_target_language_is_refused() -> None:
    russian = "Министры обсудили гарантии безопасности и меры доверия.\n".encode()
    with pytest.raises(GlossaryError, match="did you mean --to en"):
        draft_document(russian, "ru.txt", small_glossary(), Lang.RU)
