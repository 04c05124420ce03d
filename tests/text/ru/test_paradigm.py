"""Every form of a Russian word, and the alias keys a paradigm gives a designation."""

from __future__ import annotations

from glossary.text.morph_ru import RussianMorphology
from glossary.text.normalize import default_normalizer
from glossary.text.ru.paradigm import alias_keys, lexeme_words, russian_forms


def test_every_case_and_number_is_a_form() -> None:
    forms = russian_forms("гарантия", RussianMorphology.shared().analyzer)
    assert {"гарантия", "гарантии", "гарантий", "гарантиям", "гарантиями"} <= forms


def test_forms_are_folded_and_acronyms_have_only_themselves() -> None:
    morph = RussianMorphology.shared().analyzer
    assert "напряженности" in russian_forms("Напряжённость", morph)
    assert russian_forms("ОБСЕ", morph) == {"обсе"}


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
