"""How much of the machine a build may use."""

from __future__ import annotations

import os
import sys

import pytest

from glossary import processes


def test_usable_cores_follow_the_affinity_where_there_is_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {3}, raising=False)
    assert processes.usable_cores() == 1


def test_without_affinity_the_cores_are_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert processes.usable_cores() == 1  # an unknown count: one
    monkeypatch.setattr(os, "cpu_count", lambda: 6)
    assert processes.usable_cores() == 6


def test_fork_is_there_on_posix_only() -> None:
    assert processes.can_fork() == (sys.platform != "win32")
