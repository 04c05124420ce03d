"""Choosing among overlapping matches: the set that covers the most of the text.

Leftmost-first (what an Aho-Corasick scan gives) lets a short term that starts
earlier take a word a longer term needed: in «после продления Договора о сокращении
стратегических наступательных вооружений» the two-word «продление договора» would
hide the six-word treaty name. Here every match competes and the non-overlapping
selection covering the most units (words) wins; ties go to fewer, then earlier,
matches. Weighted interval scheduling: O(n log n).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate, compress
from operator import eq, lt

__all__ = ["best_cover", "cover", "owners"]

#: (units covered, -matches, -sum of starts): larger is better, compared in that order.
_Score = tuple[int, int, int]


def best_cover(intervals: Sequence[tuple[int, int]]) -> list[int]:
    """Indexes (ascending by position) of non-overlapping half-open ``(start, end)``
    intervals that together cover the most units; ties: fewer intervals, then earlier."""
    order = sorted(range(len(intervals)), key=lambda i: (intervals[i][1], intervals[i][0]))
    starts = [intervals[i][0] for i in order]
    ends = [intervals[i][1] for i in order]
    return [order[k] for k in cover(starts, ends)]


def cover(starts: list[int], ends: list[int]) -> list[int]:
    """:func:`best_cover` of intervals given as ``starts`` and ``ends`` sorted by end
    (as an Aho-Corasick scan reports them); returns ascending positions in those lists.

    Sorted by end, the intervals overlapping a later one form a run just before it, so
    clusters of overlapping intervals are runs, found with C-level ``map`` and
    ``accumulate`` (most matches overlap nothing); only clusters of two or more go
    through the dynamic programme.
    """
    count = len(ends)
    # first[k]: the first interval (in end order) that overlaps interval k, or k;
    # only intervals starting before the previous one ends need a search
    first = list(range(count))
    for k in compress(range(1, count), map(lt, starts[1:], ends)):
        first[k] = bisect_right(ends, starts[k], 0, k)
    # a cluster starts at b when no later interval reaches back before b
    reach = list(accumulate(reversed(first), min))[::-1]
    heads = list(compress(range(count), map(eq, reach, range(count))))
    if len(heads) == count:
        return heads
    chosen: list[int] = []
    for head, stop in zip(heads, [*heads[1:], count], strict=True):
        if stop - head == 1:
            chosen.append(head)
        else:
            cluster = list(zip(starts[head:stop], ends[head:stop], strict=True))
            chosen.extend(head + j for j in _best_in(cluster))
    return chosen


def _best_in(intervals: Sequence[tuple[int, int]]) -> list[int]:
    """:func:`best_cover` over one cluster: weighted interval scheduling."""
    count = len(intervals)
    order = sorted(range(count), key=lambda i: (intervals[i][1], intervals[i][0]))
    ends = [intervals[i][1] for i in order]
    value: list[_Score] = [(0, 0, 0)]
    #: For each prefix of ``order``: the prefix length the best set continues from,
    #: or -1 when the last interval of the prefix is not in the best set.
    previous: list[int] = [-1]
    for k, i in enumerate(order):
        start, end = intervals[i]
        before = bisect_right(ends, start, 0, k)
        base = value[before]
        take = (base[0] + end - start, base[1] - 1, base[2] - start)
        if take > value[k]:
            value.append(take)
            previous.append(before)
        else:
            value.append(value[k])
            previous.append(-1)
    chosen = []
    k = count
    while k > 0:
        if previous[k] < 0:
            k -= 1
        else:
            chosen.append(order[k - 1])
            k = previous[k]
    return sorted(chosen, key=intervals.__getitem__)


def owners(intervals: Sequence[tuple[int, int]], chosen: Sequence[int]) -> dict[int, int]:
    """For each interval not in ``chosen``: the chosen interval it overlaps most
    (the earlier on a tie). ``chosen`` must be disjoint and sorted by position."""
    starts = [intervals[c][0] for c in chosen]
    picked = set(chosen)
    result: dict[int, int] = {}
    for i, (start, end) in enumerate(intervals):
        if i in picked:
            continue
        best, best_overlap = -1, 0
        first = max(bisect_right(starts, start) - 1, 0)
        last = bisect_left(starts, end)
        for position in range(first, last):
            c = chosen[position]
            overlap = min(end, intervals[c][1]) - max(start, intervals[c][0])
            if overlap > best_overlap:
                best, best_overlap = c, overlap
        if best >= 0:
            result[i] = best
    return result
