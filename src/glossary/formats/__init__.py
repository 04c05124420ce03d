"""Format adapters: each reads a stream into the model and writes the model back.

Every input file is read through :func:`read_file` (stdin through :func:`read_stream`),
which refuses inputs larger than a limit instead of exhausting memory: a huge file,
``/dev/zero`` or an endless pipe is one line, not a ``MemoryError``. The limit is
:data:`MAX_INPUT_BYTES` unless the CLI's ``--max-size`` sets another for one command
(:func:`input_limit`).
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from glossary.errors import FormatError

__all__ = [
    "BOM",
    "MAX_INPUT_BYTES",
    "GcPause",
    "current_input_limit",
    "decode_text",
    "gc_paused",
    "input_limit",
    "read_file",
    "read_stream",
]

#: The UTF-8 byte order mark some editors (Notepad, Excel, some PO tools) write.
BOM = b"\xef\xbb\xbf"

#: Largest input read by default (200 MB): far above any glossary, catalog or article.
MAX_INPUT_BYTES = 200 * 1000**2
_LIMIT: ContextVar[int] = ContextVar("input_limit", default=MAX_INPUT_BYTES)
_CHUNK = 1 << 20


def current_input_limit() -> int:
    """The size limit in force for inputs, in bytes."""
    return _LIMIT.get()


@contextlib.contextmanager
def input_limit(max_bytes: int) -> Iterator[None]:
    """Read inputs up to ``max_bytes`` inside the ``with`` block (``--max-size``)."""
    token = _LIMIT.set(max_bytes)
    try:
        yield
    finally:
        _LIMIT.reset(token)


def _too_large(path: str | Path, limit: int) -> FormatError:
    return FormatError(
        path, 0, f"larger than {limit} bytes; refused (raise the limit with --max-size)"
    )


def read_stream(stream: BinaryIO, name: str, limit: int | None = None) -> bytes:
    """At most the input limit of ``stream``, read in chunks; more is a :class:`FormatError`."""
    limit = current_input_limit() if limit is None else limit
    parts: list[bytes] = []
    size = 0
    while chunk := stream.read(min(_CHUNK, limit + 1 - size)):
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            raise _too_large(name, limit)
    return b"".join(parts)


def read_file(path: str | Path, limit: int | None = None) -> bytes:
    """The bytes of ``path``; an unreadable or too large path is a one-line :class:`FormatError`.

    ``limit`` overrides the limit in force (:func:`current_input_limit`).
    """
    limit = current_input_limit() if limit is None else limit
    try:
        with open(path, "rb") as stream:
            info = os.fstat(stream.fileno())
            if info.st_size > limit:
                raise _too_large(path, limit)
            return read_stream(stream, str(path), limit)
    except IsADirectoryError:
        raise FormatError(path, 0, "is a directory, not a file") from None
    except OSError as exc:
        raise FormatError(path, 0, f"cannot read: {exc.strerror or exc}") from exc


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text of ``data`` without its BOM; a bad byte is ``name:line: not UTF-8``.

    Every reader of UTF-8 input decodes through here, so the BOM and the line of
    the first bad byte are handled once.
    """
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FormatError(
            name, line, f"not UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
        ) from exc


@dataclass(slots=True)
class GcPause:
    """What to do when the collector resumes: ``freeze`` moves everything alive out of
    its sight first."""

    freeze: bool = False


@contextlib.contextmanager
def gc_paused() -> Iterator[GcPause]:
    """The garbage collector paused while a reader makes many objects.

    Its passes would walk every object just made, though concepts hold no reference
    cycles to collect. A caller that made a big glossary sets ``freeze``: resuming
    would make the next pass walk every concept (about a second per million), and
    again in each older generation later, so it is frozen first: its objects, and
    whatever else is alive then, are never walked again; they are still freed by
    reference counting when dropped. (The cost: a reference cycle that was already
    garbage at that moment is not collected.)
    """
    enabled = gc.isenabled()
    gc.disable()
    pause = GcPause()
    try:
        yield pause
    finally:
        if enabled:
            if pause.freeze:
                gc.freeze()
            gc.enable()
