"""Format adapters: each reads a stream into the model and writes the model back."""

from __future__ import annotations

from pathlib import Path

from glossary.errors import FormatError

__all__ = ["BOM", "decode_text", "read_file"]

#: The UTF-8 byte order mark some editors (Notepad, Excel, some PO tools) write.
BOM = b"\xef\xbb\xbf"


def read_file(path: str | Path) -> bytes:
    """The bytes of ``path``; an unreadable path is a one-line :class:`FormatError`."""
    try:
        return Path(path).read_bytes()
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
