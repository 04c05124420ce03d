"""How much of the machine a build may use: the cores this process may run on, and
whether it can fork workers that inherit what it has read (the index build's
morphology workers, the second catalog's render)."""

from __future__ import annotations

import os

__all__ = ["can_fork", "usable_cores"]


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether ``multiprocessing``'s fork start method exists here (not on Windows)."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()
