"""Atomic file replacement, so a crash or a full disk never leaves half a file behind.

This is the one place that writes files durably. :func:`atomic_write` is a whole
write (temporary, fsync, rename, directory fsync); the transaction module uses the
two halves, :func:`write_temp` and :func:`install`, to write several files as one.

A symlinked path is written through: the temporary goes beside the link's target
and replaces the target, so every link still sees the new content. A hard-linked
file (more than one name) cannot be renamed over without splitting the link, so it
is rewritten in place from a complete, fsynced temporary; the caller holds the
glossary lock and keeps the temporary until the copy is done (the transaction's
journal re-copies it after a crash).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from glossary.errors import FormatError

__all__ = [
    "TEMP_SUFFIX",
    "atomic_write",
    "clean_temps",
    "fsync_dir",
    "install",
    "real_target",
    "write_temp",
]

#: Temporaries are ``.NAME.<random>.tmp`` beside their target.
TEMP_SUFFIX = ".tmp"


def real_target(path: str | Path) -> Path:
    """The file a write of ``path`` must replace: a symlink's final target, else ``path``."""
    target = Path(path)
    if target.is_symlink():
        return Path(os.path.realpath(target))
    return target


def write_temp(path: str | Path, data: bytes) -> Path:
    """``data`` in a fsynced temporary beside ``path``'s real target, with its mode."""
    target = real_target(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent
    )
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        try:
            mode = target.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(tmp_name, mode)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    return Path(tmp_name)


def install(tmp: Path, path: str | Path) -> None:
    """Put the temporary ``tmp`` in the place of ``path`` (see the module docstring).

    Idempotent for recovery: a missing ``tmp`` means the rename already happened.
    """
    target = real_target(path)
    if not tmp.exists():
        return
    if _hard_linked(target):
        with tmp.open("rb") as source, target.open("r+b") as sink:
            shutil.copyfileobj(source, sink)
            sink.truncate()
            sink.flush()
            os.fsync(sink.fileno())
        tmp.unlink()
    else:
        os.replace(tmp, target)
    fsync_dir(target.parent)


def atomic_write(path: str | Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``.

    The rename is atomic on POSIX and Windows, so readers see either the old file or
    the new one. An existing file's permission bits are kept; the directory is fsynced
    so the rename survives a power cut. A directory in the way, or a place that cannot
    be written, is a one-line :class:`FormatError`.
    """
    if real_target(path).is_dir():
        raise FormatError(path, 0, "is a directory; give the name of a file to write")
    try:
        tmp = write_temp(path, data)
        try:
            install(tmp, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            raise
    except OSError as exc:
        raise FormatError(path, 0, f"cannot write: {exc.strerror or exc}") from exc


def fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def clean_temps(path: str | Path) -> list[Path]:
    """Remove temporaries that killed writes of ``path`` left; return what was removed.

    Only call this under the lock that every writer of ``path`` holds.
    """
    target = real_target(path)
    removed: list[Path] = []
    if not target.parent.is_dir():
        return removed
    for leftover in target.parent.glob(f".{target.name}.*{TEMP_SUFFIX}"):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
            removed.append(leftover)
    return removed


def _hard_linked(target: Path) -> bool:
    try:
        return target.stat().st_nlink > 1
    except FileNotFoundError:
        return False


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
