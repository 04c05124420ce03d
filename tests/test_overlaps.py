"""Overlap resolution: the chosen matches cover the most units, checked against brute force."""

from __future__ import annotations

from itertools import combinations, pairwise

from hypothesis import given
from hypothesis import strategies as st

from glossary.overlaps import best_cover, owners

_interval = st.tuples(st.integers(0, 12), st.integers(1, 5)).map(lambda p: (p[0], p[0] + p[1]))


def _disjoint(items: list[tuple[int, int]]) -> bool:
    ordered = sorted(items)
    return all(a[1] <= b[0] for a, b in pairwise(ordered))


def _score(items: list[tuple[int, int]]) -> tuple[int, int]:
    return sum(e - s for s, e in items), -len(items)


@given(st.lists(_interval, max_size=8))
def test_best_cover_is_optimal(intervals: list[tuple[int, int]]) -> None:
    chosen = best_cover(intervals)
    picked = [intervals[i] for i in chosen]
    assert _disjoint(picked)
    assert picked == sorted(picked)
    best = max(
        (
            _score([intervals[i] for i in subset])
            for size in range(len(intervals) + 1)
            for subset in combinations(range(len(intervals)), size)
            if _disjoint([intervals[i] for i in subset])
        ),
        default=(0, 0),
    )
    assert _score(picked) == best


@given(st.lists(_interval, max_size=10))
def test_every_loser_overlaps_its_owner(intervals: list[tuple[int, int]]) -> None:
    chosen = best_cover(intervals)
    found = owners(intervals, chosen)
    assert set(found) == set(range(len(intervals))) - set(chosen)
    for loser, winner in found.items():
        (s1, e1), (s2, e2) = intervals[loser], intervals[winner]
        assert min(e1, e2) > max(s1, s2)


def test_ties_go_to_the_earlier_match() -> None:
    assert best_cover([(1, 3), (0, 2)]) == [1]
    assert best_cover([(0, 2), (2, 4), (0, 4)]) == [2]
