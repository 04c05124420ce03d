"""Suggestions from aligned translation memory: how published translations render a term.

For a candidate term, the segments whose source side holds it (by match key, so
any inflected form counts) are its evidence; every word sequence of their target
sides up to :data:`MAX_RENDERING_WORDS` words is a possible rendering, scored by
the Dice coefficient of co-occurrence across segments,
``2·both / (segments with the term + segments with the rendering)``. A rendering
seen in every segment with the term and nowhere else scores 1. Ties go to the
longer rendering (a term is more often rendered by a phrase than by a part of one).
This is the classic co-occurrence measure of bilingual terminology extraction,
kept simple so it is measurable; nothing here reads files.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from glossary.extract.units import word_set
from glossary.model import Lang, TranslationUnit
from glossary.text.normalize import Normalizer, default_normalizer

__all__ = ["MAX_RENDERING_WORDS", "MIN_DICE", "MemorySuggester"]

#: Longest rendering considered, in words.
MAX_RENDERING_WORDS = 5
#: Renderings co-occurring less than this (Dice, 0..1) are not offered.
MIN_DICE = 0.5
_FUNCTION_KEYS = word_set(
    "of and or the a an for in on to at by with is are was were "
    "и или по в на для о об при с со что как не это"
)


class MemorySuggester:
    """Aligned segments, each side tokenised once, either direction usable."""

    def __init__(
        self, units: Iterable[TranslationUnit], normalizer: Normalizer | None = None
    ) -> None:
        self.normalizer = normalizer or default_normalizer()
        #: Per language: each segment's match keys and word surfaces on that side.
        self._sides: dict[Lang, list[tuple[tuple[str, ...], list[str]]]] = defaultdict(list)
        #: Per language: (segment on that side, segment on the other side) of each unit.
        self._aligned: dict[Lang, list[tuple[int, int]]] = defaultdict(list)
        for unit in units:
            if unit.source_lang is unit.target_lang:
                continue
            source = self._side(unit.source_lang, unit.source)
            target = self._side(unit.target_lang, unit.target)
            self._aligned[unit.source_lang].append((source, target))
            self._aligned[unit.target_lang].append((target, source))
        self._frequencies: dict[Lang, Counter[tuple[str, ...]]] = {}

    def __len__(self) -> int:
        return sum(len(pairs) for pairs in self._aligned.values()) // 2

    def _side(self, lang: Lang, text: str) -> int:
        tokens = self.normalizer.tokens(text)
        keys = tuple(t.key for t in tokens)
        self._sides[lang].append((keys, [text[t.start : t.end] for t in tokens]))
        return len(self._sides[lang]) - 1

    @staticmethod
    def _grams(keys: tuple[str, ...]) -> set[tuple[str, ...]]:
        """Word sequences that neither start nor end with a function word."""
        grams = set()
        for n in range(1, MAX_RENDERING_WORDS + 1):
            for start in range(len(keys) - n + 1):
                gram = keys[start : start + n]
                if gram[0] not in _FUNCTION_KEYS and gram[-1] not in _FUNCTION_KEYS:
                    grams.add(gram)
        return grams

    def _frequency(self, lang: Lang) -> Counter[tuple[str, ...]]:
        """In how many segments of ``lang`` each word sequence occurs (computed once)."""
        found = self._frequencies.get(lang)
        if found is None:
            found = Counter()
            for keys, _ in self._sides[lang]:
                found.update(self._grams(keys))
            self._frequencies[lang] = found
        return found

    def suggest(self, term: str, lang: Lang) -> str | None:
        """The rendering in the other language that co-occurs best with ``term``, or None."""
        key = self.normalizer.key(term)
        if not key:
            return None
        other = lang.other
        sides = self._sides[lang]
        with_term = [t for s, t in self._aligned[lang] if _contains(sides[s][0], key)]
        if not with_term:
            return None
        both: Counter[tuple[str, ...]] = Counter()
        for target in with_term:
            both.update(self._grams(self._sides[other][target][0]))
        frequency = self._frequency(other)
        best: tuple[float, int] | None = None
        chosen: tuple[str, ...] = ()
        for gram, count in both.items():
            dice = 2 * count / (len(with_term) + frequency[gram])
            if dice >= MIN_DICE and (best is None or (dice, len(gram)) > best):
                best, chosen = (dice, len(gram)), gram
        return self._surface(chosen, with_term, other) if chosen else None

    def _surface(self, gram: tuple[str, ...], segments: list[int], lang: Lang) -> str:
        """The most frequent spelling of a rendering in the segments that hold it."""
        spellings: Counter[str] = Counter()
        n = len(gram)
        for index in segments:
            keys, words = self._sides[lang][index]
            for start in range(len(keys) - n + 1):
                if keys[start : start + n] == gram:
                    spellings[" ".join(words[start : start + n])] += 1
        return spellings.most_common(1)[0][0]


def _contains(keys: tuple[str, ...], key: tuple[str, ...]) -> bool:
    n = len(key)
    first = key[0]
    return any(keys[i] == first and keys[i : i + n] == key for i in range(len(keys) - n + 1))
