"""Tiny dictd dictionaries written by the tests themselves (plain and dictzip)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64(number: int) -> str:
    digits = ""
    while True:
        digits = _ALPHABET[number % 64] + digits
        number //= 64
        if not number:
            return digits


def dictzip(data: bytes, chunk_length: int = 64) -> bytes:
    """A dictzip file: gzip with an RA extra field and independently inflatable chunks."""
    chunks = []
    for start in range(0, len(data), chunk_length):
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        piece = data[start : start + chunk_length]
        chunks.append(compressor.compress(piece) + compressor.flush(zlib.Z_FULL_FLUSH))
    # a final empty block closes the deflate stream
    tail = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
    ra = struct.pack("<HHH", 1, chunk_length, len(chunks))
    ra += b"".join(struct.pack("<H", len(c)) for c in chunks)
    extra = b"RA" + struct.pack("<H", len(ra)) + ra
    header = b"\x1f\x8b\x08\x04" + b"\0\0\0\0" + b"\x02\x03" + struct.pack("<H", len(extra))
    trailer = struct.pack("<II", zlib.crc32(data), len(data) & 0xFFFFFFFF)
    return header + extra + b"".join(chunks) + tail + trailer


def write_dictd(
    directory: Path,
    name: str,
    entries: dict[str, str],
    *,
    compressed: bool = False,
    short_name: str = "",
) -> Path:
    """``name.index`` and ``name.dict`` (or ``.dict.dz``); returns the index path."""
    body = b""
    lines = []
    items = list(entries.items())
    if short_name:
        items.insert(0, ("00-database-short", f"00-database-short\n    {short_name}\n"))
    for headword, text in items:
        encoded = text.encode()
        lines.append(f"{headword}\t{b64(len(body))}\t{b64(len(encoded))}\n")
        body += encoded
    directory.mkdir(parents=True, exist_ok=True)
    index = directory / f"{name}.index"
    index.write_text("".join(sorted(lines, key=str.casefold)), encoding="utf-8")
    if compressed:
        (directory / f"{name}.dict.dz").write_bytes(dictzip(body))
    else:
        (directory / f"{name}.dict").write_bytes(body)
    return index
