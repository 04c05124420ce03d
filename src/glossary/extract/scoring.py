"""Ranking: corpus statistics (frequency, C-value) times termhood against general language.

*C-value* (Frantzi, Ananiadou & Mima 2000) discounts a phrase's frequency by
the frequency of the longer candidates it is nested in, so "binding security"
does not outrank "legally binding security guarantees". A nested phrase that is
a term on its own ("security guarantees") keeps part of that frequency
(:data:`NESTED_SHARE`) instead of dropping to zero, because in a short article a
term is often only ever seen inside a longer one.

*Termhood* is how unusual the words are in general language: wordfreq's Zipf
frequency (bundled data for English and Russian), mapped so that everyday
words ("said", "time", "год") weigh little and domain words ("sovereignty",
"суверенитет") weigh a lot.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from functools import lru_cache

from glossary.extract.units import word_set

__all__ = ["NESTED_SHARE", "c_values", "specificity", "termhood"]

#: Words in the shortest phrase that can hold nested phrases.
_MIN_PHRASE_WORDS = 2

NESTED_SHARE = 0.5
#: Words beyond which a longer phrase earns no more length credit.
LENGTH_CAP = 2
_FUNCTION_KEYS = word_set(
    "of and or the a an for in on to at by with и или по в на для о об при с со"
)


@lru_cache(maxsize=1 << 16)
def specificity(word: str, lang: str) -> float:
    """0..1: how far ``word`` is from everyday language (1 = unseen in general text)."""
    if any(c.isdigit() for c in word):
        return 0.1
    from wordfreq import zipf_frequency

    zipf = zipf_frequency(word, lang)
    if zipf <= 0:
        return 1.0
    return min(1.0, max(0.05, (7.0 - zipf) / 4.5))


def termhood(key: tuple[str, ...], lang: str) -> float:
    """Geometric mean specificity of the content words: one everyday word in a phrase
    ("вопросы нераспространения...") pulls it down more than an arithmetic mean would."""
    words = [w for w in key if w.lower() not in _FUNCTION_KEYS]
    if not words:
        return 0.0
    product = 1.0
    for w in words:
        product *= specificity(w.lower(), lang)
    return float(product ** (1.0 / len(words)))


def c_values(
    frequencies: Mapping[tuple[str, ...], int],
    independent: frozenset[tuple[str, ...]] | set[tuple[str, ...]] = frozenset(),
    nesting: frozenset[tuple[str, ...]] | set[tuple[str, ...]] | None = None,
    boundaries: Mapping[tuple[str, ...], frozenset[int]] | None = None,
) -> dict[tuple[str, ...], float]:
    """C-value of every candidate, nested phrases keeping :data:`NESTED_SHARE` of their use.

    Keys in ``independent`` (seen standing on their own once a free modifier is
    removed, as "security guarantees" in "legally binding security guarantees")
    keep all of it. Only keys in ``nesting`` (all, when ``None``) discount the
    phrases nested in them. ``boundaries`` gives, per key, the positions where
    its words start (a hyphenated compound is several keys but one word), so
    "permanent members" is not counted inside "non-permanent members".
    """
    parents: dict[tuple[str, ...], list[int]] = {}
    for key, frequency in frequencies.items():
        n = len(key)
        if n < _MIN_PHRASE_WORDS or (nesting is not None and key not in nesting):
            continue
        cuts = boundaries.get(key) if boundaries is not None else None
        for start, sub in _subsequences(key):
            if sub in frequencies and (
                cuts is None or (start in cuts and start + len(sub) in cuts)
            ):
                parents.setdefault(sub, []).append(frequency)
    result = {}
    for key, frequency in frequencies.items():
        longer = parents.get(key)
        if longer:
            own = max(0.0, frequency - sum(longer) / len(longer))
            share = 1.0 if key in independent else NESTED_SHARE
            effective = own + share * (frequency - own)
        else:
            effective = float(frequency)
        # A phrase earns length credit over a word, but a longer chain earns no more:
        # freq-1 chains would otherwise outrank the terms inside them.
        result[key] = math.log2(min(len(key), LENGTH_CAP) + 1) * effective
    return result


def _subsequences(key: tuple[str, ...]) -> Iterable[tuple[int, tuple[str, ...]]]:
    n = len(key)
    if n == _MIN_PHRASE_WORDS:
        return ((0, key[:1]), (1, key[1:]))
    return [
        (start, key[start : start + length])
        for length in range(1, n)
        for start in range(n - length + 1)
    ]
