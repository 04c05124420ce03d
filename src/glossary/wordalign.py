"""Word alignment inside aligned sentence pairs, and the target phrase of a source term.

A term's rendering is read from soft word alignments, not from whole-sentence
co-occurrence alone: in a pair where a term occurs once, every word of the target
sentence co-occurs with it exactly once, and only the alignment of the *other*
source words ("explaining away"), word order, the lexicon and spelling tell them
apart. The model is IBM Model 1 (Brown et al. 1993) trained by EM in both
directions over the document's aligned pairs, with fast_align's diagonal prior
(Dyer et al. 2013: a target word tends to sit where its source word sits, relative
to the sentence lengths) and multiplicative priors for pairs known to translate
each other: a bilingual lexicon (attached dictd dictionaries), identical numbers and
acronyms, and spellings that transliterate alike (France/Франция, Bucharest/Бухарест).

The phrase of a term in one pair is the contiguous target span that best agrees
with the term's alignment links in both directions (phrase extraction from
posteriors): each target word inside adds the probability that a term word produced
it and subtracts the probability that another word did; each term word adds its
links that land inside and subtracts those that land outside.

Pure core: keys and words in, posteriors and spans out.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = ["PairWords", "WordAligner", "best_spans", "similar_spelling"]

#: EM iterations (Model 1 converges in a few on a document's pairs).
ITERATIONS = 5
#: fast_align's diagonal tension: how strongly links prefer the relative diagonal.
TENSION = 4.0
#: Probability that a target word has no source word (function words, inflection).
NULL_PROBABILITY = 0.08
#: t(word | null): how readily the null word produces any one target word.
NULL_TRANSLATION = 0.05
#: Score taken off a span per word it has beyond the source term's content words.
LENGTH_COST = 0.5
#: Prior factor of a pair the lexicon lists as translations of each other.
LEXICON_PRIOR = 12.0
#: Prior factor of identical keys (numbers, acronyms) and alike spellings (names).
SPELLING_PRIOR = 25.0
#: Shortest key compared by spelling (short words meet by chance).
MIN_SPELLING = 4
#: A common beginning this long makes two spellings alike whatever follows.
STEM = 5
#: A run of letters this long, covering this share of the shorter spelling, makes a
#: word part of a compound (secretary in Госсекретарь, "state secretary").
COMPOUND_PART = 6
COMPOUND_SHARE = 0.8
#: Share of the longer transliterated spelling two words must have in common
#: (longest common subsequence) to spell alike.
SPELLING_SHARE = 0.7

#: A prior: how much more likely than chance the pair (source key, target key) is.
Prior = Callable[[str, str], float]


@dataclass(frozen=True, slots=True)
class PairWords:
    """The word keys (lemmas) of one aligned pair; ``source``/``target`` in order."""

    source: tuple[str, ...]
    target: tuple[str, ...]


def _lcs(a: str, b: str) -> int:
    previous = [0] * (len(b) + 1)
    for char in a:
        current = [0]
        for j, other in enumerate(b, 1):
            current.append(previous[j - 1] + 1 if char == other else max(previous[j], current[-1]))
        previous = current
    return previous[-1]


def _common_run(a: str, b: str) -> int:
    """Length of the longest run of letters the two share."""
    best = 0
    previous = [0] * (len(b) + 1)
    for char in a:
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, 1):
            if char == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def similar_spelling(left: str, right: str) -> bool:
    """Whether two transliterated spellings share most of their letters in order."""
    if min(len(left), len(right)) < MIN_SPELLING:
        return left == right and bool(left)
    if _common_run(left, right) >= max(COMPOUND_PART, COMPOUND_SHARE * min(len(left), len(right))):
        return True  # one inside the other: Госсекретарь holds secretary
    if left[0] != right[0]:
        return False
    prefix = next((k for k, (a, b) in enumerate(zip(left, right, strict=False)) if a != b), None)
    common = min(len(left), len(right)) if prefix is None else prefix
    longer = max(len(left), len(right))
    # A shared stem (гипер-/hyper-, Франц-/Franc-) or most letters in order.
    return (
        common >= STEM
        or (common >= MIN_SPELLING and 2 * common >= longer)
        or _lcs(left, right) >= SPELLING_SHARE * longer
    )


def _diagonal(i: int, n: int, j: int, m: int) -> float:
    return math.exp(-TENSION * abs((i + 0.5) / n - (j + 0.5) / m))


class WordAligner:
    """Model 1 with a diagonal prior, both directions, over one document's pairs."""

    def __init__(self, pairs: Sequence[PairWords], prior: Prior | None = None) -> None:
        self.pairs = pairs
        self._prior = prior
        self._boost: dict[tuple[str, str], float] = {}
        self.forward = self._train(lambda p: (p.source, p.target), reverse=False)
        self.backward = self._train(lambda p: (p.target, p.source), reverse=True)

    def _factor(self, source: str, target: str, reverse: bool) -> float:
        key = (target, source) if reverse else (source, target)
        cached = self._boost.get(key)
        if cached is None:
            cached = self._prior(*key) if self._prior is not None else 1.0
            self._boost[key] = cached
        return cached

    def _train(
        self,
        sides: Callable[[PairWords], tuple[tuple[str, ...], tuple[str, ...]]],
        *,
        reverse: bool,
    ) -> dict[tuple[str, str], float]:
        """t(target word | source word) by EM; each link weighted by its priors."""
        table: dict[tuple[str, str], float] = defaultdict(lambda: 1.0)
        for _ in range(ITERATIONS):
            counts: dict[tuple[str, str], float] = defaultdict(float)
            totals: dict[str, float] = defaultdict(float)
            for pair in self.pairs:
                source, target = sides(pair)
                for _, _, links in self._links(source, target, table, reverse):
                    for key, share in links:
                        counts[key] += share
                        totals[key[0]] += share
            table = defaultdict(
                lambda: 1e-6, {key: value / totals[key[0]] for key, value in counts.items()}
            )
        return table

    def _links(
        self,
        source: Sequence[str],
        target: Sequence[str],
        table: dict[tuple[str, str], float],
        reverse: bool,
    ) -> list[tuple[int, str, list[tuple[tuple[str, str], float]]]]:
        """For each target word, its posterior links to the source words (null left out)."""
        n, m = len(source), len(target)
        result = []
        for j, word in enumerate(target):
            diagonal = [_diagonal(i, n, j, m) for i in range(n)]
            spread = (1 - NULL_PROBABILITY) / (sum(diagonal) or 1.0)
            weights = [
                table[(s, word)] * d * spread * self._factor(s, word, reverse)
                for s, d in zip(source, diagonal, strict=True)
            ]
            total = sum(weights) + NULL_PROBABILITY * NULL_TRANSLATION
            result.append(
                (j, word, [((s, word), w / total) for s, w in zip(source, weights, strict=True)])
            )
        return result

    def posteriors(self, index: int) -> tuple[list[list[float]], list[list[float]]]:
        """Pair ``index``'s links: ``forward[j][i]`` = P(target j from source i),
        ``backward[i][j]`` = P(source i from target j)."""
        pair = self.pairs[index]
        forward = [
            [share for _, share in links]
            for _, _, links in self._links(pair.source, pair.target, self.forward, False)
        ]
        backward = [
            [share for _, share in links]
            for _, _, links in self._links(pair.target, pair.source, self.backward, True)
        ]
        return forward, backward


def best_spans(
    forward: Sequence[Sequence[float]],
    backward: Sequence[Sequence[float]],
    term: range,
    allowed: Callable[[int, int], bool],
    longest: int,
    expected: int = 1,
) -> list[tuple[float, int, int]]:
    """Target spans ``(score, start, end)`` (end exclusive) for the source words ``term``,
    best first; ``allowed(start, end)`` filters spans (edges, punctuation). Each word
    beyond ``expected`` costs :data:`LENGTH_COST` (a translation is about as long as
    its original: the length prior)."""
    m = len(forward)
    inside = [sum(row[i] for i in term) for row in forward]
    gain = [2 * a - sum(row) for a, row in zip(inside, forward, strict=True)]
    links = [backward[i] for i in term]
    scored = []
    for start in range(m):
        running = 0.0
        for end in range(start + 1, min(m, start + longest) + 1):
            running += gain[end - 1]
            if not allowed(start, end):
                continue
            # Term words' links inside the span count for it, those outside against it.
            agree = sum(2 * sum(row[start:end]) - sum(row) for row in links)
            extra = max(0, end - start - expected)
            scored.append((running + agree - LENGTH_COST * extra, start, end))
    scored.sort(key=lambda s: (-s[0], s[2] - s[1]))
    return scored
