"""The shared pymorphy3 analyser: one per process, memoised parses and lemmas, and
its dictionary readings read directly, checked against ``analyzer.parse``."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pymorphy3.units import DictionaryAnalyzer

from glossary.text.morph_ru import RussianMorphology
from glossary.text.normalize import script, words_of


def test_one_shared_instance() -> None:
    assert RussianMorphology.shared() is RussianMorphology.shared()


def test_lemma_is_the_normal_form_of_the_best_parse() -> None:
    morph = RussianMorphology.shared()
    assert morph.lemma("гарантиям") == "гарантия"
    assert morph.lemma("переговорах") == "переговоры"


def test_parses_are_memoised() -> None:
    morph = RussianMorphology.shared()
    assert morph.parses("совета") is morph.parses("совета")
    assert any(p.tag.POS == "NOUN" for p in morph.parses("совета"))


#: Russian letters, ё and a hyphen: short strings of them are often dictionary words.
_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя-"
_ROOT = Path(__file__).resolve().parents[2]


def _parse_readings(word: str) -> list[tuple[str, int, int, float]] | None:
    """What :meth:`RussianMorphology.readings` must equal: ``analyzer.parse`` itself,
    or ``None`` where its readings are not the dictionary's."""
    parses = RussianMorphology.shared().analyzer.parse(word)
    stacks = [p.methods_stack for p in parses]
    if not parses or any(len(s) != 1 or type(s[0][0]) is not DictionaryAnalyzer for s in stacks):
        return None
    return [(p.word, s[0][2], s[0][3], p.score) for p, s in zip(parses, stacks, strict=True)]


def _real_words() -> list[str]:
    """Every distinct Cyrillic word of the packaged glossary and the Russian corpus texts,
    lower-cased, with its ё spelt as е too (some 9k words)."""
    texts = [(_ROOT / "src" / "glossary" / "data" / "terms.csv").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in (_ROOT / "benchmarks").rglob("*.ru.txt")]
    found = {w.lower() for text in texts for w in words_of(text) if script(w) == "ru"}
    return sorted(found | {w.replace("ё", "е") for w in found})


def test_readings_rank_as_parse_does_on_real_words() -> None:
    words = _real_words()
    assert len(words) > 5000
    known = 0
    for word in words:
        expected = _parse_readings(word)
        assert RussianMorphology.shared().readings(word) == expected, word
        known += expected is not None
    assert known > len(words) // 2


@settings(max_examples=400, deadline=None)
@given(st.text(_LETTERS, min_size=1, max_size=6))
def test_readings_and_lemma_agree_with_parse(word: str) -> None:
    morph = RussianMorphology.shared()
    assert morph.readings(word) == _parse_readings(word)
    parses = morph.analyzer.parse(word)
    assert morph.lemma(word) == (parses[0].normal_form if parses else word)


def test_lemma_is_the_best_parse_s_normal_form_on_real_words() -> None:
    morph = RussianMorphology.shared()
    for word in _real_words():
        assert morph.lemma(word) == morph.analyzer.parse(word)[0].normal_form, word


def test_homonyms_rank_by_probability_and_capitals_take_the_analyser() -> None:
    morph = RussianMorphology.shared()
    readings = morph.readings("стали")
    assert readings is not None and len(readings) > 1
    assert [r[3] for r in readings] == sorted((r[3] for r in readings), reverse=True)
    assert morph.readings("Стали") is None  # not lower-case: parse() decides
    assert morph.readings("кракозябрам") is None  # unknown: predicted by parse()


def test_an_analyzer_without_the_private_units_is_read_through_parse() -> None:
    """A pymorphy3 release without ``_units`` must send words through parse(), not fail."""
    from glossary.text.morph_ru import _dictionary_first

    class Renamed:  # an invented analyzer whose private attributes are gone
        pass

    assert _dictionary_first(RussianMorphology.shared().analyzer)
    assert not _dictionary_first(Renamed())
