"""The glossary lock: one writer at a time for terms.csv and its catalogs together.

Every command that reads terms.csv (or its catalogs) in order to write them back
holds this lock from before the read until after the last rename, so two writers
can never both start from the same old file and lose one side's change. Readers
take no lock. The lock file ``.terms.csv.lock`` sits beside the real terms.csv (a
symlinked glossary shares its target's lock) and is released by the operating system
when a process dies, so a killed writer never leaves it stuck.

Built on ``filelock`` (fcntl on POSIX, msvcrt on Windows), a maintained library.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import filelock

from glossary.atomic import real_target
from glossary.errors import GlossaryError, display_path

__all__ = ["DEFAULT_WAIT", "LockTimeout", "glossary_lock", "lock_path"]

#: Seconds a writer waits for another one before giving up (``--wait`` changes it).
DEFAULT_WAIT = 30.0
#: How often a waiting writer polls the lock.
_POLL = 0.05


class LockTimeout(GlossaryError):
    """Another writer held the lock for longer than ``--wait``."""


def lock_path(glossary_path: Path) -> Path:
    target = real_target(glossary_path)
    return target.parent / f".{target.name}.lock"


@contextmanager
def glossary_lock(glossary_path: Path, wait: float = DEFAULT_WAIT) -> Iterator[None]:
    """Hold the lock of ``glossary_path``; wait up to ``wait`` seconds, saying so on stderr."""
    path = lock_path(glossary_path)
    # Kept on release: unlinking a lock file lets a waiter and a newcomer both "hold" it.
    lock = filelock.FileLock(str(path), is_singleton=False, preserve_lock_file=True)
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout:
        print(
            f"glossary: {display_path(glossary_path)} is being written by another command; "
            f"waiting up to {wait:g} s",
            file=sys.stderr,
            flush=True,
        )
        started = time.monotonic()
        try:
            lock.acquire(timeout=max(wait, 0), poll_interval=_POLL)
        except filelock.Timeout:
            raise LockTimeout(
                f"{display_path(glossary_path)}: another command still holds "
                f"{display_path(path)} after {time.monotonic() - started:.0f} s; "
                "nothing was written (try again, or --wait SECONDS)"
            ) from None
    try:
        yield
    finally:
        lock.release()
