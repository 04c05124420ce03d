"""The shared pymorphy3 analyser: one per process, memoised parses and lemmas."""

from __future__ import annotations

from glossary.text.morph_ru import RussianMorphology


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
