"""Format adapters: each reads a stream into the model and writes the model back."""

from __future__ import annotations

from pathlib import Path

from glossary.errors import FormatError

__all__ = ["read_file"]


def read_file(path: str | Path) -> bytes:
    """The bytes of ``path``; an unreadable path is a one-line :class:`FormatError`."""
    try:
        return Path(path).read_bytes()
    except IsADirectoryError:
        raise FormatError(path, 0, "is a directory, not a file") from None
    except OSError as exc:
        raise FormatError(path, 0, f"cannot read: {exc.strerror or exc}") from exc
