"""Whole processes measured from outside: wall time, peak RSS and CPU seconds.

The benchmarks that run ``glossary`` (or a peer such as flashtext) as a fresh process
share this runner, so that their figures mean the same thing:

- wall time from just before the start to the exit;
- peak RSS from ``os.wait4``: the largest resident set of the process and of each
  descendant it waited for (its worker processes), not their sum. Linux counts the
  measuring process's own peak at the moment of the fork in it, so keep the measuring
  process small (generate big inputs in a child, as catalogs_speed.py does);
- CPU seconds, user + system, of the process and those descendants: on a shared
  machine the wall time of the same work swings with the load, its CPU time much less.

Output goes to temporary files, not pipes, so a chatty process never blocks on a full
pipe while nobody reads it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Run", "Summary", "median_runs", "run", "summarize"]

#: ``ru_maxrss`` is in kilobytes on Linux.
_KB_PER_MB = 1024


@dataclass(frozen=True)
class Run:
    """One process: how long it took, its peak memory, its CPU time and what it said."""

    seconds: float
    rss_mb: float
    cpu_seconds: float
    stdout: str
    stderr: str
    returncode: int


@dataclass(frozen=True)
class Summary:
    """Several runs of one command: median wall and CPU time, the highest peak RSS."""

    seconds: float
    rss_mb: float
    cpu_seconds: float
    #: The last run (its output, for the hits a command found).
    last: Run


def run(
    command: Sequence[str],
    env: Mapping[str, str] | None = None,
    stdin: str | None = None,
    cwd: Path | str | None = None,
) -> Run:
    """Run ``command`` to its end; ``stdin`` (text) is written to it when given."""
    with (
        tempfile.TemporaryFile("w+", encoding="utf-8") as out,
        tempfile.TemporaryFile("w+", encoding="utf-8") as err,
    ):
        started = time.perf_counter()
        process = subprocess.Popen(
            list(command),
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=None if env is None else dict(env),
            cwd=cwd,
            text=True,
        )
        if stdin is not None:
            assert process.stdin is not None
            process.stdin.write(stdin)
            process.stdin.close()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            seconds=seconds,
            rss_mb=usage.ru_maxrss / _KB_PER_MB,
            cpu_seconds=usage.ru_utime + usage.ru_stime,
            stdout=out.read(),
            stderr=err.read(),
            returncode=process.returncode,
        )


def summarize(runs: Sequence[Run]) -> Summary:
    """Medians of time, the maximum of memory (a peak is what a user must have)."""
    return Summary(
        seconds=statistics.median(r.seconds for r in runs),
        rss_mb=max(r.rss_mb for r in runs),
        cpu_seconds=statistics.median(r.cpu_seconds for r in runs),
        last=runs[-1],
    )


def median_runs(
    commands: Mapping[str, Sequence[str]],
    env: Mapping[str, str] | None = None,
    runs: int = 1,
) -> dict[str, Summary]:
    """Each command ``runs`` times, the commands taking turns: on a shared machine the
    load drifts, and peers compared must see the same drift."""
    results: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            results[name].append(run(command, env))
    return {name: summarize(found) for name, found in results.items()}
