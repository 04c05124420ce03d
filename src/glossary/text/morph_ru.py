"""Russian morphology through pymorphy3, with its dictionaries from PyPI.

The analyser costs ~0.25 s to load, so it is created once and on first use;
parses are memoised because running text repeats its words.

Lemmas and the readings an index build needs are read from the dictionary
directly (:meth:`RussianMorphology.readings`): the analyser's ``parse`` makes a
tag, a normal form and a ``Parse`` for every reading of every word, and an index
build asks for the lemma of some 70k paradigm forms at 100k concepts. The
readings are ranked exactly as ``parse`` ranks them (tested against it).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pymorphy3

__all__ = ["Reading", "RussianMorphology"]

#: One dictionary reading of a word: the word as the dictionary spells it (ё
#: restored), its paradigm's number, the form's index in it and the score
#: pymorphy3 gives the reading.
Reading = tuple[str, int, int, float]


class RussianMorphology:
    """Lemmas and parses of Russian words; one shared instance per process."""

    def __init__(self) -> None:
        import pymorphy3

        self.analyzer: pymorphy3.MorphAnalyzer = pymorphy3.MorphAnalyzer(path=_dictionary_path())
        self.parses = lru_cache(maxsize=1 << 18)(self._parses)
        self.lemma = lru_cache(maxsize=1 << 18)(self._lemma)
        analyzer: Any = self.analyzer
        estimator = analyzer.prob_estimator
        self._dictionary: Any = analyzer.dictionary
        # the fast path only where parse() would take the same one: the dictionary
        # unit first in the default units, and the P(tag|word) estimator loaded
        self._probabilities: Any = estimator.p_t_given_w if estimator is not None else None
        self._direct = self._probabilities is not None and _dictionary_first(analyzer)

    @classmethod
    @lru_cache(maxsize=1)
    def shared(cls) -> RussianMorphology:
        return cls()

    def _parses(self, word: str) -> tuple[Any, ...]:
        return tuple(self.analyzer.parse(word))

    def _lemma(self, word: str) -> str:
        """The normal form of the most likely parse (participles map to their verb)."""
        found = self._found(word)
        if found is None:
            parses = self.parses(word)
            return str(parses[0].normal_form) if parses else word
        normal_form = self._dictionary.build_normal_form
        lemmas = {normal_form(p, i, fixed) for fixed, parses in found for p, i in parses}
        if len(lemmas) == 1:  # one lexeme (most forms): its ranking changes nothing
            return str(lemmas.pop())
        fixed, paradigm, index, _ = self._ranked(word, found)[0]
        return str(normal_form(paradigm, index, fixed))

    def readings(self, word: str) -> list[Reading] | None:
        """The dictionary readings of a lower-case ``word``, in the order and with the
        scores ``analyzer.parse`` gives them, without building its objects; ``None``
        where the dictionary does not know the word (``parse`` then predicts).

        ``parse`` takes the dictionary's readings alone when there are any (the
        initials units that share its step know only capital letters), then scores
        each by P(tag | word) and sorts them, stably, best first, or, where no
        reading has a probability, keeps their order with equal scores."""
        found = self._found(word)
        return None if found is None else self._ranked(word, found)

    def _found(self, word: str) -> list[tuple[str, list[tuple[int, int]]]] | None:
        """The dictionary's ``(spelling, [(paradigm, index), ...])`` entries for
        ``word``, ё restored (``None``: unknown, or not a word the fast path serves)."""
        if not self._direct or not word.islower():
            return None
        found: list[tuple[str, list[tuple[int, int]]]] = self._dictionary.words.similar_items(
            word, self.analyzer.char_substitutes
        )
        return found or None

    def _ranked(self, word: str, found: list[tuple[str, list[tuple[int, int]]]]) -> list[Reading]:
        """``found`` scored and ordered as :meth:`readings` says."""
        dictionary = self._dictionary
        paradigms, gramtab, get = dictionary.paradigms, dictionary.gramtab, self._probabilities.get
        multiplier = self._probabilities.MULTIPLIER
        readings: list[Reading] = []
        for fixed, parses in found:
            for paradigm, index in parses:
                forms = paradigms[paradigm]
                tag = gramtab[forms[len(forms) // 3 + index]]
                readings.append((fixed, paradigm, index, get(f"{word}:{tag}", 0) / multiplier))
        if not any(r[3] for r in readings):
            share = 1.0 / len(readings)
            return [(fixed, paradigm, index, share) for fixed, paradigm, index, _ in readings]
        readings.sort(key=_score, reverse=True)
        return readings


def _score(reading: Reading) -> float:
    return reading[3]


def _dictionary_first(analyzer: Any) -> bool:
    """Is ``analyzer``'s first step the dictionary, sharing it only with the initials
    units (pymorphy3's Russian default)?"""
    from pymorphy3.units import (
        AbbreviatedFirstNameAnalyzer,
        AbbreviatedPatronymicAnalyzer,
        DictionaryAnalyzer,
    )

    kinds = [type(unit) for unit, _ in analyzer._units[:3]]
    terminal = [is_terminal for _, is_terminal in analyzer._units[:3]]
    expected = [DictionaryAnalyzer, AbbreviatedFirstNameAnalyzer, AbbreviatedPatronymicAnalyzer]
    return kinds == expected and terminal == [False, False, True]


def _dictionary_path() -> str | None:
    """The Russian dictionaries' folder, named directly: without it pymorphy3 finds
    them through the installed packages' entry points, which costs a cold process
    more than loading them (``None``: let it search)."""
    try:
        import pymorphy3_dicts_ru
    except ImportError:
        return None
    return str(pymorphy3_dicts_ru.get_path())
