"""Every form of a Russian word, and the alias keys a paradigm gives a designation."""

from __future__ import annotations

import contextlib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.text.morph_ru import RussianMorphology
from glossary.text.normalize import default_normalizer, fold_case, is_acronym, script, words_of
from glossary.text.ru.paradigm import MIN_PARSE_SCORE, alias_keys, lexeme_words, russian_forms


def test_every_case_and_number_is_a_form() -> None:
    forms = russian_forms("гарантия")
    assert {"гарантия", "гарантии", "гарантий", "гарантиям", "гарантиями"} <= forms


def test_forms_are_folded_and_acronyms_have_only_themselves() -> None:
    assert "напряженности" in russian_forms("Напряжённость")
    assert russian_forms("ОБСЕ") == {"обсе"}


def test_a_form_read_as_another_lexeme_gets_an_alias_key() -> None:
    # pymorphy3 lemmatises «Устав» to устать but «Уставом» to устав: the term needs both.
    normalizer = default_normalizer()
    aliases = alias_keys("Устав ООН", normalizer)
    assert (normalizer.word_key("Уставом"), normalizer.word_key("ООН")) in aliases


def test_plain_words_need_no_aliases_and_the_limit_holds() -> None:
    normalizer = default_normalizer()
    assert alias_keys("NATO", normalizer) == []
    assert len(alias_keys("Устав ООН", normalizer, limit=1)) <= 1


def test_lexeme_words_spell_what_pymorphy3_s_lexeme_gives() -> None:
    """The paradigm-spelling shortcut against ``parse.lexeme``, for dictionary words,
    homonyms, ё, hyphenated and invented words (predicted paradigms take the slow path)."""
    morph = RussianMorphology.shared().analyzer
    words = ("гарантия", "стали", "устав", "ёлка", "по-русски", "шермана", "кракозябра",
             "деэскалировать", "пограничная", "безопасности", "нато", "сбсе")  # fmt: skip
    checked = 0
    for word in words:
        for parse in morph.parse(word):
            assert lexeme_words(parse, morph) == [p.word for p in parse.lexeme]
            checked += 1
    assert checked > len(words)


def _lexeme_forms(word: str) -> set[str]:
    """:func:`russian_forms` by its definition: the folded ``parse.lexeme`` words of
    every parse scored at least ``MIN_PARSE_SCORE``, the word itself included."""
    forms = {fold_case(word)}
    for parse in RussianMorphology.shared().analyzer.parse(word.casefold()):
        if parse.score >= MIN_PARSE_SCORE:
            with contextlib.suppress(IndexError, ValueError):  # unexpandable predictions
                forms.update(fold_case(p.word) for p in parse.lexeme)
    return forms


def test_forms_are_the_lexemes_of_the_likely_parses_on_real_words() -> None:
    """Over every fourth Cyrillic word of the Russian corpus texts and the glossary
    (homonyms, ё, capitals, names, predicted words) against ``parse.lexeme``."""
    root = Path(__file__).resolve().parents[3]
    texts = [(root / "src" / "glossary" / "data" / "terms.csv").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in (root / "benchmarks").rglob("*.ru.txt")]
    found = sorted({w for text in texts for w in words_of(text) if script(w) == "ru"})
    sample = found[::4]
    assert len(sample) > 1000
    for word in sample:
        if not is_acronym(word):
            assert russian_forms(word) == _lexeme_forms(word), word


@settings(max_examples=200, deadline=None)
@given(st.text("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБЁЯ-", min_size=1, max_size=7))
def test_forms_of_invented_words_are_their_lexemes(word: str) -> None:
    if not is_acronym(word):
        assert russian_forms(word) == _lexeme_forms(word)
