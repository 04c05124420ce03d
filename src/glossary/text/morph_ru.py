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
        # the fast path only where parse() would take the same one: the dictionary
        # unit first in the default units, and the P(tag|word) estimator loaded
        analyzer: Any = self.analyzer
        direct = analyzer.prob_estimator is not None and _dictionary_first(analyzer)
        self._dictionary = _Dictionary(analyzer) if direct else None

    @classmethod
    @lru_cache(maxsize=1)
    def shared(cls) -> RussianMorphology:
        return cls()

    def _parses(self, word: str) -> tuple[Any, ...]:
        return tuple(self.analyzer.parse(word))

    def _lemma(self, word: str) -> str:
        """The normal form of the most likely parse (participles map to their verb)."""
        dictionary = self._dictionary
        found = dictionary.found(word) if dictionary is not None else None
        if found is None:
            parses = self.parses(word)
            return str(parses[0].normal_form) if parses else word
        assert dictionary is not None
        return dictionary.lemma(word, found)

    def readings(self, word: str) -> list[Reading] | None:
        """The dictionary readings of a lower-case ``word``, in the order and with the
        scores ``analyzer.parse`` gives them, without building its objects; ``None``
        where the dictionary does not know the word (``parse`` then predicts)."""
        dictionary = self._dictionary
        found = dictionary.found(word) if dictionary is not None else None
        if found is None:
            return None
        assert dictionary is not None
        return dictionary.ranked(word, found)


#: The dictionary's entries for a word: ``(spelling, [(paradigm, index), ...])``.
Found = list[tuple[str, list[tuple[int, int]]]]


class _Dictionary:
    """pymorphy3's dictionary read as its ``parse`` reads it, for lower-case words.

    ``parse`` takes the dictionary's readings alone when there are any (the initials
    units that share its step know only capital letters), then scores each by
    P(tag | word) and sorts them, stably, best first, or, where no reading has a
    probability, keeps their order with equal scores. Its tags' names are made once
    here (``str`` of a tag is a Python call)."""

    def __init__(self, analyzer: Any) -> None:
        dictionary = analyzer.dictionary
        self._similar = dictionary.words.similar_items
        self._substitutes = analyzer.char_substitutes
        self._paradigms = dictionary.paradigms
        self._prefixes = dictionary.paradigm_prefixes
        self._suffixes = dictionary.suffixes
        self._tags = [f":{tag}" for tag in dictionary.gramtab]
        probabilities = analyzer.prob_estimator.p_t_given_w
        self._probability = probabilities.get
        self._multiplier = probabilities.MULTIPLIER

    def found(self, word: str) -> Found | None:
        """The entries of ``word``, ё restored (``None``: unknown, or not lower-case)."""
        if not word.islower():
            return None
        found: Found = self._similar(word, self._substitutes)
        return found or None

    def ranked(self, word: str, found: Found) -> list[Reading]:
        """``found`` scored and ordered as ``parse`` does."""
        paradigms, tags, probability = self._paradigms, self._tags, self._probability
        multiplier = self._multiplier
        readings: list[Reading] = []
        for fixed, entries in found:
            for paradigm, index in entries:
                table = paradigms[paradigm]
                tag = tags[table[len(table) // 3 + index]]
                readings.append((fixed, paradigm, index, probability(word + tag, 0) / multiplier))
        if not any(r[3] for r in readings):
            share = 1.0 / len(readings)
            return [(fixed, paradigm, index, share) for fixed, paradigm, index, _ in readings]
        readings.sort(key=_score, reverse=True)
        return readings

    def lemma(self, word: str, found: Found) -> str:
        """The normal form of the best of ``found``: the first of the most probable
        readings (what the stable sort puts first), ranked only where the readings'
        normal forms differ (a form of one lexeme needs no ranking)."""
        normal_form = self.normal_form
        if len(found) == 1 and len(found[0][1]) == 1:
            fixed, ((paradigm, index),) = found[0]
            return normal_form(paradigm, index, fixed)
        forms = [normal_form(p, i, fixed) for fixed, entries in found for p, i in entries]
        first = forms[0]
        if all(form == first for form in forms):
            return first
        paradigms, tags, probability = self._paradigms, self._tags, self._probability
        best, best_form = -1, first
        position = 0
        for _, entries in found:
            for paradigm, index in entries:
                table = paradigms[paradigm]
                score = probability(word + tags[table[len(table) // 3 + index]], 0)
                if score > best:
                    best, best_form = score, forms[position]
                position += 1
        return best_form

    def normal_form(self, paradigm: int, index: int, fixed: str) -> str:
        """``build_normal_form`` of pymorphy3's dictionary, spelt the same way."""
        if index == 0:
            return fixed
        table = self._paradigms[paradigm]
        size = len(table) // 3
        prefixes, suffixes = self._prefixes, self._suffixes
        prefix, suffix = prefixes[table[2 * size + index]], suffixes[table[index]]
        stem = fixed[len(prefix) : -len(suffix)] if suffix else fixed[len(prefix) :]
        return str(prefixes[table[2 * size]] + stem + suffixes[table[0]])


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

    units = getattr(analyzer, "_units", ())[:3]  # private: absent in another release
    kinds = [type(unit) for unit, _ in units]
    terminal = [is_terminal for _, is_terminal in units]
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
