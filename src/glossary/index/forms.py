"""Inflected forms of glossary words and phrases, computed once at index build time.

A CLI lookup must not load pymorphy3 (0.25 s) or lemminflect (0.7 s and more), so
the index stores, for every word of every designation, every surface form of its
lexeme (Russian: all cases, numbers and genders through pymorphy3; English: plural,
singular and verb forms through lemminflect), each mapped to the designation word's
lemma key. A query is then folded word by word and looked up, no morphology loaded.

Russian paradigms come from :mod:`glossary.text.ru.paradigm` (shared with the matcher).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import Any

from glossary.text.normalize import (
    _COMBINING,
    _POSSESSIVE_APOSTROPHES,
    Normalizer,
    fold_case,
    is_acronym,
    scan_words,
    script,
)

__all__ = [
    "alias_keys",
    "english_forms",
    "fold_form",
    "forms_by_word",
    "initial",
    "initials",
    "parts_are_words",
    "russian_forms",
    "spelled",
    "surface",
    "word_forms",
    "words",
]


def alias_keys(text: str, normalizer: Normalizer) -> list[tuple[str, ...]]:
    """:func:`glossary.text.ru.paradigm.alias_keys`, imported on first use: a cold
    lookup imports this module and never needs the Russian paradigms."""
    from glossary.text.ru.paradigm import alias_keys as keys

    return keys(text, normalizer)


def russian_forms(word: str) -> set[str]:
    """:func:`glossary.text.ru.paradigm.russian_forms` (imported on first use)."""
    from glossary.text.ru.paradigm import russian_forms as forms

    return forms(word)


#: Initials of fewer significant words than this are not an acronym.
_MIN_INITIALS = 2

#: Words left out of initials (OSCE has no letter for "for", "and", "in").
_FUNCTION_WORDS = frozenset(
    ("a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
     "в", "во", "и", "или", "к", "ко", "на", "о", "об", "от", "по", "при", "с", "со", "у", "для")
)  # fmt: skip
#: The parts of a text for its initials: runs of word characters and hyphens, so a
#: hyphenated compound (Co-operation) is one word (found in one C-level pass).
_COMPOUND_PARTS = re.compile(r"[\w\-\u2010\u2011]+")
#: What makes a text's compound parts other than its words (:func:`words`): an
#: underscore or hyphen inside a part, a possessive the words drop, a combining mark
#: the words keep. A text without any has its words as its parts.
_NOT_WORD_PARTS = re.compile(f"[_\\-\u2010\u2011{_POSSESSIVE_APOSTROPHES}]|{_COMBINING.pattern}")


#: The case-insensitive lookup form of one word.
fold_form = fold_case


def words(text: str) -> list[str]:
    """The words of ``text`` as the normaliser sees them (English possessive 's dropped)."""
    return scan_words(text)[0]


#: fold_form memoised: index builds fold the same few thousand words again and again.
_fold = lru_cache(maxsize=1 << 18)(fold_form)
#: No function word is longer than this, a stress mark included (only short parts
#: need folding to be checked).
_FUNCTION_WORD_LENGTH = max(map(len, _FUNCTION_WORDS)) + 1


def surface(text: str) -> str:
    """Whole-text lookup form: folded words joined by one space (hyphens, quotes, dashes gone)."""
    return surface_of_words(words(text))


def surface_of_words(text_words: list[str]) -> str:
    """:func:`surface` of a text already split by :func:`words`."""
    return " ".join(map(_fold, text_words))


def initials(text: str) -> str:
    """Capital initials of the significant words ("Organization for Security and
    Co-operation in Europe" → OSCE); an acronym gives its own letters (U.N. → UN).
    Empty for a single ordinary word."""
    stripped = text.replace(".", "").replace(" ", "")
    if stripped.isalpha() and stripped.isupper() and is_acronym(stripped):
        return fold_form(stripped).upper()
    parts = _COMPOUND_PARTS.findall(text)
    if len(parts) < _MIN_INITIALS:  # a letter a part at most: too few (most one-word texts)
        return ""
    return spelled("".join(map(initial, parts)))


def initial(part: str) -> str:
    """The letter a compound part gives :func:`initials`: its first, if that is a
    letter and the part no function word; else nothing."""
    first = part[0]
    if first.isalpha() and not (
        len(part) <= _FUNCTION_WORD_LENGTH and _fold(part) in _FUNCTION_WORDS
    ):
        return first
    return ""


def spelled(letters: str) -> str:
    """:func:`initials` from the :func:`initial` of each part of a text that is no
    acronym: ``initials(text) == spelled("".join(map(initial, parts)))``, which an
    index build computes once per distinct word and joins per designation."""
    return fold_form(letters).upper() if len(letters) >= _MIN_INITIALS else ""


def parts_are_words(texts: list[str]) -> list[bool]:
    """Per text: are its compound parts (see :func:`initials`) its :func:`words`? All
    of a batch are checked at once (designations seldom have a hyphen)."""
    if _NOT_WORD_PARTS.search("\n".join(texts)) is None:
        return [True] * len(texts)
    return [_NOT_WORD_PARTS.search(text) is None for text in texts]


def english_forms(word: str, get_inflections: Any, get_lemmas: Any) -> set[str]:
    """Plural, singular and verb forms of ``word`` and of its lemmas (folded)."""
    folded = fold_form(word)
    forms = {folded}
    if is_acronym(word):
        return forms
    lemmas = {folded}
    for found in get_lemmas(folded).values():
        lemmas.update(found)
    for lemma in lemmas:
        for inflected in get_inflections(lemma).values():
            forms.update(fold_form(f) for f in inflected)
    return forms


def word_forms(words: Iterable[str], normalizer: Normalizer) -> Iterator[tuple[str, str]]:
    """``(folded form, lemma key)`` for every form of every word in ``words``.

    The key is the normaliser's key of the designation word itself, so a query word
    finds the term even where pymorphy3 would read that form as another lexeme
    (стали: сталь or стать).
    """
    for word, forms in forms_by_word(words):
        key = normalizer.word_key(word)
        for form in forms:
            yield form, key


def forms_by_word(words: Iterable[str]) -> Iterator[tuple[str, AbstractSet[str]]]:
    """Each of ``words`` with the folded forms :func:`word_forms` gives it."""
    from glossary.text.morph_en import all_inflections, all_lemmas
    from glossary.text.ru.paradigm import _russian_paradigm as paradigm

    for word in words:
        kind = script(word)
        if kind == "ru":
            # the paradigm memo that alias_keys fills for the same words
            forms = russian_forms(word) if is_acronym(word) else paradigm(word.casefold())
        elif kind == "en":
            forms = english_forms(word, all_inflections, all_lemmas)
        else:
            forms = {fold_form(word)}
        yield word, forms
