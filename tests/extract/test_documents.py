"""References and contexts into a counted document."""

from __future__ import annotations

from glossary.extract.documents import Document
from glossary.extract.units import build_units
from glossary.text.normalize import default_normalizer


def make(text: str, name: str = "a.txt", line_offset: int = 0) -> Document:
    tokens = default_normalizer().tokens(text)
    return Document.of(name, text, tokens, build_units(text, tokens), "", line_offset)


def test_references_are_document_colon_line_and_keep_the_offset() -> None:
    doc = make("First line.\nSecond line here.\n")
    second = doc.units.words.index("Second")
    assert doc.reference(second) == "a.txt:2"
    chunk = make("Second line here.\n", line_offset=10)
    assert chunk.reference(0) == "a.txt:11"


def test_context_is_the_line_cut_with_an_ellipsis() -> None:
    long_line = "word " * 40 + "target " + "word " * 40
    doc = make("Short.\n" + long_line + "\n")
    index = doc.units.words.index("target")
    context = doc.context(index, index)
    assert "target" in context
    assert context.startswith("…") and context.endswith("…")
    assert "Short" not in context
    assert make("Only line.").context(0, 1) == "Only line."


def test_name_words_are_the_words_capitalised_away_from_a_sentence_start() -> None:
    doc = make("Harbour talks began. The Harbour Authority met in Tarvik.\n")
    assert doc.name_words() == frozenset({"harbour", "authority", "tarvik"})
    assert "talks" not in doc.name_words() and "the" not in doc.name_words()
    assert doc.name_words() is doc.name_words()  # memoised
