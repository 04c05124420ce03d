"""English lemmas through lemminflect's lexicon (no tagger: terms are nominal).

A word takes its noun lemma when it has one (guarantees → guarantee), else its
verb, adjective or adverb lemma; unknown words (names) stay as they are.
lemminflect costs about a second to import, so it is imported on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

__all__ = ["EnglishLemmatizer"]

_ORDER = ("NOUN", "PROPN", "VERB", "ADJ", "ADV", "AUX")


class EnglishLemmatizer:
    def __init__(self) -> None:
        self._lemmas: Callable[[str], dict[str, Any]] | None = None
        self.lemma = lru_cache(maxsize=1 << 18)(self._lemma)

    def _lemma(self, word: str) -> str:
        if self._lemmas is None:
            import lemminflect

            self._lemmas = lemminflect.getAllLemmas
        found = self._lemmas(word)
        for pos in _ORDER:
            if pos in found:
                return str(found[pos][0])
        return word
