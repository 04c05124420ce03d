"""Russian morphology through pymorphy3, with its dictionaries from PyPI.

The analyser costs ~0.25 s to load, so it is created once and on first use;
parses are memoised because running text repeats its words.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pymorphy3

__all__ = ["RussianMorphology"]


class RussianMorphology:
    """Lemmas and parses of Russian words; one shared instance per process."""

    def __init__(self) -> None:
        import pymorphy3

        self.analyzer: pymorphy3.MorphAnalyzer = pymorphy3.MorphAnalyzer(path=_dictionary_path())
        self.parses = lru_cache(maxsize=1 << 18)(self._parses)
        self.lemma = lru_cache(maxsize=1 << 18)(self._lemma)

    @classmethod
    @lru_cache(maxsize=1)
    def shared(cls) -> RussianMorphology:
        return cls()

    def _parses(self, word: str) -> tuple[Any, ...]:
        return tuple(self.analyzer.parse(word))

    def _lemma(self, word: str) -> str:
        """The normal form of the most likely parse (participles map to their verb)."""
        parses = self.parses(word)
        return str(parses[0].normal_form) if parses else word


def _dictionary_path() -> str | None:
    """The Russian dictionaries' folder, named directly: without it pymorphy3 finds
    them through the installed packages' entry points, which costs a cold process
    more than loading them (``None``: let it search)."""
    try:
        import pymorphy3_dicts_ru
    except ImportError:
        return None
    return str(pymorphy3_dicts_ru.get_path())
