"""English lemmas through lemminflect's lexicon (no tagger: terms are nominal).

A word takes its noun lemma when it has one (guarantees → guarantee), else its
verb, adjective or adverb lemma; unknown words (names) stay as they are.
lemminflect costs about a second to import, so it is imported on first use.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from functools import lru_cache
from types import ModuleType
from typing import Any

__all__ = ["EnglishLemmatizer", "lemminflect"]


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
        self._lemmas: Callable[[str], dict[str, Any]] | None = None
        self.lemma = lru_cache(maxsize=1 << 18)(self._lemma)

    def _lemma(self, word: str) -> str:
        if self._lemmas is None:
            self._lemmas = lemminflect().getAllLemmas
        found = self._lemmas(word)
        for pos in _ORDER:
            if pos in found:
                return str(found[pos][0])
        return word
