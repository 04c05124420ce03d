"""Inflected forms for the index, initials for acronyms."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.index.forms import (
    fold_form,
    initial,
    initials,
    parts_are_words,
    spelled,
    surface,
    words,
)
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


#: Letters of every case and script, function words, and what splits or joins parts
#: differently from words: hyphens, underscores, apostrophes, stress marks, ß.
_AWKWARD = st.lists(
    st.sampled_from(
        ["of", "the", "и", "для", "Для", "OF", "ß", "ẞ", "Ёлка", "ёж", "NATO", "ООН", "u", "N",
         "2", "x2", "de", "-", "_", "'s", "’", "\u0301", "\u0483", "\u2011", " ", "  ", ".",
         "«", "е\u0308", "İ", "ǅ"]
    ),
    max_size=7,
).map("".join)  # fmt: skip


@given(st.lists(_AWKWARD, max_size=5))
def test_initials_of_lower_case_texts_are_their_words_letters(texts: list[str]) -> None:
    """What an index build computes per word (the letters) and joins per designation
    is the initials of each text whose parts are its words and that has no capital."""
    for text, plain in zip(texts, parts_are_words(texts), strict=True):
        if not plain:
            continue
        assert _parts(text) == words(text)
        if text.islower():
            assert spelled("".join(map(initial, words(text)))) == initials(text)


def _parts(text: str) -> list[str]:
    """The compound parts of ``text`` as :func:`initials` finds them."""
    return re.findall(r"[\w\-\u2010\u2011]+", text)


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


def test_forms_by_word_are_the_word_forms_word_by_word() -> None:
    from glossary.index.forms import forms_by_word, word_forms

    normalizer = default_normalizer()
    words = ["гарантии", "Устав", "guarantees", "OSCE", "2"]
    grouped = list(forms_by_word(words))
    assert [word for word, _ in grouped] == words
    assert all(forms for _, forms in grouped)
    pairs = {(form, normalizer.word_key(word)) for word, forms in grouped for form in forms}
    assert pairs == set(word_forms(words, normalizer))
