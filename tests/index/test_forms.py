"""Inflected forms for the index, initials for acronyms."""

from __future__ import annotations

import pytest

from glossary.index.forms import fold_form, initials, surface, words
from glossary.text.normalize import default_normalizer


def test_fold_form_drops_case_stress_and_yo() -> None:
    assert fold_form("ПАРТНЁРА́М") == "партнерам"
    assert fold_form("и\u0306од") == "йод"  # decomposed й composes first


def test_words_drop_english_possessive() -> None:
    assert words("Russia's «пресс-конференция»") == ["Russia", "пресс", "конференция"]
    assert surface("NATO’s Ёлка — de-escalate") == "nato елка de escalate"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Organization for Security and Co-operation in Europe", "OSCE"),
        ("Организация по безопасности и сотрудничеству в Европе", "ОБСЕ"),
        ("Collective Security Treaty Organization", "CSTO"),
        ("U.N.", "UN"),
        ("NATO", "NATO"),
        ("sovereignty", ""),
        ("Co-operation", ""),  # one hyphenated word: one part, no initials
        ("«sovereignty» —", ""),  # separators alone make no part
        ("— peace , security —", "PS"),
        ("of the", ""),
    ],
)
def test_initials(text: str, expected: str) -> None:
    assert initials(text) == expected


def test_word_forms_cover_the_paradigm_and_keep_the_designation_key() -> None:
    from glossary.index.forms import word_forms

    pairs = set(word_forms(["гарантии", "Устав", "guarantees", "OSCE"], default_normalizer()))
    assert ("гарантиям", "гарантия") in pairs
    assert ("гарантий", "гарантия") in pairs
    # pymorphy3 reads Устав as a form of устать; its noun forms still lead to the term
    устав_key = default_normalizer().word_key("Устав")
    assert ("уставами", устав_key) in pairs
    assert ("guarantee", "guarantee") in pairs
    assert ("osce", "OSCE") in pairs
