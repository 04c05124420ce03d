"""One recoverable write of several files (terms.csv plus the four catalog files).

1. Every new file is written to a fsynced temporary beside its target.
2. A journal ``.terms.csv.journal`` beside terms.csv lists the (temporary, target)
   pairs in a fixed order; it is itself written atomically, and its appearance is
   the commit point.
3. The temporaries are renamed over their targets in that order (directories fsynced).
4. The journal is removed.

A kill before step 2 leaves the old files and some temporaries: the next writer
removes the temporaries (a rollback). A kill after step 2 leaves a journal: the next
command that opens the glossary performs the remaining renames (a roll-forward),
since every new file is complete on disk by then. Either way no ``--force`` is
needed and no file is ever half old, half new. Callers hold the glossary lock.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from glossary.atomic import atomic_write, clean_temps, fsync_dir, install, real_target, write_temp
from glossary.errors import FormatError, display_path, json_error_line

__all__ = ["commit", "journal_path", "pending", "recover"]

_JOURNAL_VERSION = 1


def journal_path(glossary_path: Path) -> Path:
    target = real_target(glossary_path)
    return target.parent / f".{target.name}.journal"


def pending(glossary_path: Path) -> bool:
    """Whether an interrupted transaction waits to be completed."""
    return journal_path(glossary_path).exists()


def commit(files: Sequence[tuple[Path, bytes]], journal: Path) -> None:
    """Write ``files`` (path, new bytes) as one transaction; see the module docstring."""
    if not files:
        return
    temps: list[tuple[Path, Path]] = []
    try:
        for path, data in files:
            temps.append((write_temp(path, data), real_target(path)))
    except BaseException:
        for tmp, _ in temps:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        raise
    base = journal.parent
    record = {
        "version": _JOURNAL_VERSION,
        "steps": [
            {"tmp": os.path.relpath(tmp, base), "target": os.path.relpath(target, base)}
            for tmp, target in temps
        ],
    }
    atomic_write(journal, (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode())
    for tmp, target in temps:
        install(tmp, target)
    journal.unlink()
    fsync_dir(journal.parent)


def recover(glossary_path: Path, others: Iterable[Path] = ()) -> int:
    """Finish an interrupted transaction and remove temporaries of killed writes.

    Returns how many files the roll-forward installed. Call under the glossary lock.
    """
    journal = journal_path(glossary_path)
    installed = 0
    if journal.exists():
        steps = _read_journal(journal)
        for tmp, target in steps:
            if tmp.exists():
                install(tmp, target)
                installed += 1
        journal.unlink()
        fsync_dir(journal.parent)
        print(
            f"glossary: completed an interrupted write of {display_path(glossary_path)} "
            f"({installed} of {len(steps)} file(s) were still to be renamed)",
            file=sys.stderr,
        )
    for path in (glossary_path, journal, *others):
        clean_temps(path)
    return installed


def _read_journal(journal: Path) -> list[tuple[Path, Path]]:
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
        base = journal.parent
        return [(base / step["tmp"], base / step["target"]) for step in record["steps"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        line = 0 if isinstance(exc, OSError) else json_error_line(exc)
        raise FormatError(
            journal, line, f"unreadable transaction journal ({exc}); move it away to continue"
        ) from exc
