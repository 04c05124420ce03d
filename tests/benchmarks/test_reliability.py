"""A few trials of benchmarks/reliability.py in CI: real processes, real SIGKILL.

The benchmark runs hundreds; here one trial of each concurrent pair and a few kills
keep the suite fast while still failing on a lost update or a stuck tree.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import reliability


def test_concurrent_writers_and_kills_lose_nothing() -> None:
    results = reliability.measure(concurrent=3, kills=2, concepts=300, seed=7)
    concurrent, kill = results["concurrent"], results["kill"]
    assert concurrent.trials == 3 and kill.trials == 2
    assert concurrent.lost == 0
    assert concurrent.refused <= concurrent.trials  # at most one side of each pair
    assert (kill.stuck, kill.lost) == (0, 0)
