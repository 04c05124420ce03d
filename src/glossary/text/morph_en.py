"""English lemmas through lemminflect's lexicon (no tagger: terms are nominal).

A word takes its noun lemma when it has one (guarantees → guarantee), else its
verb, adjective or adverb lemma; unknown words (names) stay as they are.
lemminflect costs about a second to import, so it is imported on first use.
"""

from __future__ import annotations

import importlib
import sys
from functools import lru_cache
from types import ModuleType
from typing import Any

__all__ = ["EnglishLemmatizer", "all_inflections", "all_lemmas", "lemminflect"]


@lru_cache(maxsize=1)
def lemminflect() -> ModuleType:
    """``lemminflect``, imported without its optional spaCy hook.

    lemminflect's ``__init__`` imports spaCy when it is installed (Argos pulls it
    in), and spaCy imports PyTorch: seconds and hundreds of MB for an extension we
    never use. A meta-path finder makes ``import spacy`` fail during that import only.
    """
    if "lemminflect" in sys.modules or "spacy" in sys.modules:
        return importlib.import_module("lemminflect")

    class _NoSpacy:
        @staticmethod
        def find_spec(name: str, path: object = None, target: object = None) -> None:
            if name == "spacy" or name.startswith("spacy."):
                raise ImportError("spaCy is not needed by glossary")

    blocker = _NoSpacy()
    sys.meta_path.insert(0, blocker)
    try:
        return importlib.import_module("lemminflect")
    finally:
        sys.meta_path.remove(blocker)


_ORDER = ("NOUN", "PROPN", "VERB", "ADJ", "ADV", "AUX")


class EnglishLemmatizer:
    def __init__(self) -> None:
        self.lemma = lru_cache(maxsize=1 << 18)(self._lemma)

    def _lemma(self, word: str) -> str:
        found = all_lemmas(word)
        for pos in _ORDER:
            if pos in found:
                return str(found[pos][0])
        return word


def all_lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """``lemminflect.getAllLemmas(word)``, read without its deep copies for a word in
    lower case (index builds look up some 100k forms; the lexicon is never changed)."""
    tables = _lexicon_tables()
    if tables is None or not _lower_style(word):
        return dict(lemminflect().getAllLemmas(word))
    return _merged(tables[0], tables[2], word.lower())


def all_inflections(lemma: str) -> dict[str, tuple[str, ...]]:
    """``lemminflect.getAllInflections(lemma)``, likewise without deep copies."""
    tables = _lexicon_tables()
    if tables is None or not _lower_style(lemma):
        return dict(lemminflect().getAllInflections(lemma))
    return _merged(tables[1], tables[3], lemma.lower())


def _lower_style(word: str) -> bool:
    """lemminflect's ``getCapsStyle(word) == "lower"`` (its results are then lower case)."""
    return not word.isupper() and not (word and word[0].isupper())


def _merged(lexicon: Any, overrides: Any, word: str) -> dict[str, Any]:
    found = dict(lexicon.get(word, {}))
    found.update(overrides.get(word, {}))
    return {
        pos: tuple(w.lower() for w in value) if isinstance(value, list | tuple) else value.lower()
        for pos, value in found.items()
    }


@lru_cache(maxsize=1)
def _lexicon_tables() -> tuple[Any, Any, Any, Any] | None:
    """lemminflect's lemma and inflection tables with their overrides, or ``None`` if
    this lemminflect keeps them elsewhere (its public functions are used then)."""
    module = lemminflect()
    try:
        lemmatizer, inflections = module.Lemmatizer(), module.Inflections()
        return (
            lemmatizer._getLemmaDict(),
            inflections._getInflDict(),
            lemmatizer._getOverridesDict(),
            inflections._getOverridesDict(),
        )
    except AttributeError:
        return None
