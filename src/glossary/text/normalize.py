"""One normaliser for everything that matches: terms, queries and running text.

A word becomes its *key*: NFC, stress marks dropped, case folded (acronyms keep
their case, so "US" is not "us"), ё read as е, then its lemma (Russian through
pymorphy3, English through lemminflect). Hyphens, dashes, quotes and apostrophes
separate words, so "de-escalate", "de–escalate" and "de escalate" share a key.
A term's *match key* is the tuple of its word keys; tokens keep their character
offsets in the original text, so hits map back exactly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Protocol

__all__ = [
    "Lemmatizer",
    "Normalizer",
    "Token",
    "default_normalizer",
    "fold_case",
    "fold_word",
    "is_acronym",
    "scan_words",
    "script",
    "words_of",
    "words_of_each",
]

#: Letters in the shortest acronym (a lone capital is an initial, not an acronym).
MIN_ACRONYM_LETTERS = 2

#: A word: letters and digits with the combining marks inside them (offsets stay exact).
WORD_RE = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0483-\u0489])+")
#: The same as a capturing split (separators and words alternate), and without
#: combining marks (twice as fast) for texts that have none.
_WORD_SPLIT = re.compile(f"({WORD_RE.pattern})")
_FAST_SPLIT = re.compile(r"([^\W_]+)")
_COMBINING = re.compile(r"[\u0300-\u036f\u0483-\u0489]")
_STRESS = dict.fromkeys(map(ord, "\u0300\u0301"))
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_POSSESSIVE_APOSTROPHES = "'’ʼ"


class Lemmatizer(Protocol):
    """Maps a case-folded word to its dictionary form."""

    def lemma(self, word: str) -> str: ...


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the original text: ``text[start:end]`` and its key."""

    start: int
    end: int
    key: str


def script(word: str) -> str:
    """``"ru"`` for Cyrillic words, ``"en"`` for Latin ones, ``""`` for digits and others."""
    if _CYRILLIC.search(word):
        return "ru"
    if _LATIN.search(word):
        return "en"
    return ""


def is_acronym(word: str) -> bool:
    """Two or more letters, all capitals (NATO, ОБСЕ, СНВ): such words keep their case."""
    if word[1:].islower():
        # a lower-case letter after the first (or no letter there): the common case,
        # answered without a look at every character
        return False
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= MIN_ACRONYM_LETTERS and all(c.isupper() for c in letters)


def fold_case(word: str) -> str:
    """The case-insensitive form of one word: NFC, no stress marks, case folded, ё as е."""
    if word.isascii():  # nothing to compose, no stress mark, no ё: casefold is lower
        return word.lower()
    return _unstressed(unicodedata.normalize("NFC", word)).casefold().replace("ё", "е")


def _unstressed(text: str) -> str:
    """``text`` without stress marks (``str.translate`` only when there are some: it
    costs far more than looking)."""
    if "\u0301" in text or "\u0300" in text:
        return text.translate(_STRESS)
    return text


def fold_word(word: str) -> str:
    """The spelling-insensitive form of one word, before lemmatisation (acronyms keep case)."""
    word = _unstressed(unicodedata.normalize("NFC", word))
    if not is_acronym(word):
        return word.casefold().replace("ё", "е")
    return word.replace("ё", "е").replace("Ё", "Е")


def scan_words(text: str) -> tuple[list[str], list[int]]:
    """The words of ``text`` and their offsets, flat: word *i* is
    ``text[offsets[2i]:offsets[2i + 1]]``; an English possessive 's is dropped.

    One ``split`` on the word pattern gives separators and words alternately and the
    offsets are running sums of their lengths, so no Python code runs per word (the
    hot path of annotation). Combining marks need the slower pattern.
    """
    parts = _FAST_SPLIT.split(text)
    # combining marks are not word characters of the fast pattern: if the text has
    # any, they are in the separators (a sixth of the text, searched in a third of
    # the time), and the text is split again with the pattern that keeps them
    if _COMBINING.search("".join(parts[0::2])) is not None:
        parts = _WORD_SPLIT.split(text)
    words = parts[1::2]
    offsets = list(accumulate(map(len, parts)))
    if any(a in text for a in _POSSESSIVE_APOSTROPHES) and ("s" in words or "S" in words):
        drop = {
            index
            for index, word in enumerate(words)
            if (word == "s" or word == "S")
            and index
            and text[offsets[2 * index] - 1] in _POSSESSIVE_APOSTROPHES
        }
        if drop:
            kept = [i for i in range(len(words)) if i not in drop]
            words = [words[i] for i in kept]
            offsets = [o for i in kept for o in (offsets[2 * i], offsets[2 * i + 1])]
    return words, offsets


def words_of(text: str) -> list[str]:
    """The words of :func:`scan_words` without their offsets (index builds split
    hundreds of thousands of designations and need no offsets)."""
    if _COMBINING.search(text) is None and not any(a in text for a in _POSSESSIVE_APOSTROPHES):
        return _FAST_SPLIT.split(text)[1::2]
    return scan_words(text)[0]


#: Texts :func:`words_of_each` checks at once for what needs the slower split.
_BATCH_TEXTS = 256


def words_of_each(texts: list[str]) -> Iterator[list[str]]:
    """:func:`words_of` of each of ``texts``, a batch of them checked at once for
    combining marks and apostrophes (most batches of designations have neither, and
    are then only split)."""
    split = _FAST_SPLIT.split
    for first in range(0, len(texts), _BATCH_TEXTS):
        batch = texts[first : first + _BATCH_TEXTS]
        joined = "\n".join(batch)
        if _COMBINING.search(joined) is None and not any(
            a in joined for a in _POSSESSIVE_APOSTROPHES
        ):
            for text in batch:
                yield split(text)[1::2]
        else:
            for text in batch:
                yield words_of(text)


class Normalizer:
    """Turns text into keyed tokens; word keys are memoised, so running text is cheap."""

    def __init__(
        self, russian: Lemmatizer | None, english: Lemmatizer | None, cache_size: int = 1 << 18
    ) -> None:
        self._lemmatizers = {"ru": russian, "en": english}
        self.word_key: Callable[[str], str] = lru_cache(maxsize=cache_size)(self._word_key)

    def _word_key(self, word: str) -> str:
        folded = fold_word(word)
        if is_acronym(folded):
            return folded
        lemmatizer = self._lemmatizers.get(script(folded))
        if lemmatizer is None:
            return folded
        return lemmatizer.lemma(folded).replace("ё", "е")

    def tokens(self, text: str) -> list[Token]:
        """Every word of ``text`` with its offsets; English possessive 's is dropped."""
        words, offsets = scan_words(text)
        key = self.word_key
        return [Token(offsets[2 * i], offsets[2 * i + 1], key(w)) for i, w in enumerate(words)]

    def key(self, text: str) -> tuple[str, ...]:
        """The match key of a term or query."""
        return tuple(t.key for t in self.tokens(text))


@lru_cache(maxsize=1)
def default_normalizer() -> Normalizer:
    """The normaliser with the bundled Russian and English morphology (loaded on first use)."""
    from glossary.text.morph_en import EnglishLemmatizer
    from glossary.text.morph_ru import RussianMorphology

    return Normalizer(RussianMorphology.shared(), EnglishLemmatizer())
