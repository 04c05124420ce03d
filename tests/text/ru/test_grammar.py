"""The Russian grammar constants and the case folding every Russian module shares."""

from __future__ import annotations

from glossary.text.morph_ru import RussianMorphology
from glossary.text.ru.grammar import CASE_ALIASES, CASES, PREPOSITION_CASES, case_of


def test_six_cases_and_every_alias_folds_into_one_of_them() -> None:
    assert len(CASES) == len(set(CASES)) == 6
    assert set(CASE_ALIASES.values()) <= set(CASES)


def test_second_genitive_and_locative_fold() -> None:
    morph = RussianMorphology.shared()
    # «в лесу»: pymorphy3 tags the second locative loc2.
    loc2 = [p for p in morph.parses("лесу") if str(p.tag.case) == "loc2"]
    assert loc2
    assert case_of(loc2[0].tag) == "loct"


def test_a_caseless_word_has_no_case() -> None:
    adverb = next(p for p in RussianMorphology.shared().parses("быстро") if p.tag.POS == "ADVB")
    assert case_of(adverb.tag) is None


def test_prepositions_govern_known_cases() -> None:
    assert all(cases <= set(CASES) for cases in PREPOSITION_CASES.values())
    assert PREPOSITION_CASES["о"] == {"loct"}
