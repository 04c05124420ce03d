"""dictd dictionaries (``.index`` plus ``.dict`` or ``.dict.dz``), read-only.

The index is UTF-8 text, one ``headword<TAB>offset<TAB>length`` line per entry, with
offset and length written in dictd's base-64 digits; the data file holds the
entries' text, plain or dictzip-compressed (gzip whose ``RA`` extra field lists
independently inflatable chunks, so one entry is read without inflating the file).
Debian's ``dict-freedict-eng-rus`` and ``mueller7-dict`` are in this format.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from glossary.errors import FormatError
from glossary.formats import current_input_limit, read_file

__all__ = ["DictdData", "IndexEntry", "b64_number", "data_path_for", "parse_index"]

#: A dictd .index line: headword, offset, length.
_INDEX_FIELDS = 3
#: The dictzip RA field starts with three 16-bit numbers: version, chunk length, count.
_RA_HEADER_BYTES = 6

_DIGITS = {
    c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
}
#: Shortest gzip file: 10-byte header and 8-byte trailer.
_GZIP_MINIMUM = 18
#: zlib's window bits for a gzip header and trailer.
_GZIP_WBITS = 31
#: Headwords dictd uses for the database's own description.
INFO_PREFIXES = ("00-database", "00database")


@dataclass(frozen=True, slots=True)
class IndexEntry:
    headword: str
    offset: int
    length: int
    line: int


def b64_number(text: str) -> int:
    """A dictd base-64 number ("B" is 1, "BA" is 64); ValueError on another digit."""
    value = 0
    for char in text:
        digit = _DIGITS.get(char)
        if digit is None:
            raise ValueError(char)
        value = value * 64 + digit
    return value


def parse_index(data: bytes, name: str, data_size: int | None = None) -> Iterator[IndexEntry]:
    """Every entry of a ``.index`` file; a malformed line raises a one-line ``FormatError``."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormatError(
            name, data[: exc.start].count(b"\n") + 1, "not UTF-8 text (a dictd index is UTF-8)"
        ) from None
    for number, row in enumerate(text.splitlines(), 1):
        if not row.strip():
            continue
        parts = row.split("\t")
        if len(parts) != _INDEX_FIELDS or not parts[0]:
            raise FormatError(
                name, number, "expected 'headword<TAB>offset<TAB>length' (is this a dictd .index?)"
            )
        headword, offset_text, length_text = parts
        try:
            offset, length = b64_number(offset_text), b64_number(length_text)
        except ValueError as exc:
            raise FormatError(
                name, number, f"bad base-64 digit {str(exc)!r} in offset or length"
            ) from None
        if data_size is not None and offset + length > data_size:
            raise FormatError(
                name,
                number,
                f"entry {headword!r} ends at byte {offset + length}, "
                f"past the end of the data file ({data_size} bytes)",
            )
        yield IndexEntry(headword, offset, length, number)


def data_path_for(index: Path) -> Path:
    """The ``.dict.dz`` or ``.dict`` beside ``index``; FormatError when neither exists."""
    base = index.with_suffix("")
    for candidate in (base.with_name(base.name + ".dict.dz"), base.with_name(base.name + ".dict")):
        if candidate.is_file():
            return candidate
    raise FormatError(index, 0, f"no {base.name}.dict.dz or {base.name}.dict beside the index")


class DictdData:
    """Random access to a ``.dict`` or ``.dict.dz`` file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._raw = read_file(path)
        self._chunks: list[tuple[int, int]] | None = None  # (file offset, size)
        self._chunk_length = 0
        self._whole: bytes | None = None
        if path.name.endswith(".dz") or self._raw[:2] == b"\x1f\x8b":
            self._read_header()
        else:
            self._whole = self._raw

    @property
    def size(self) -> int:
        """Uncompressed size (gzip's ISIZE for dictzip, exact below 4 GiB)."""
        if self._whole is not None:
            return len(self._whole)
        return int(struct.unpack("<I", self._raw[-4:])[0])

    def read(self, offset: int, length: int) -> str:
        if self._whole is not None:
            chunk = self._whole[offset : offset + length]
        else:
            chunk = self._read_chunks(offset, length)
        return chunk.decode("utf-8", "replace")

    def _read_header(self) -> None:
        """Parse the gzip header and its dictzip ``RA`` field; a crafted one is a FormatError."""
        raw = self._raw
        if len(raw) < _GZIP_MINIMUM or raw[:2] != b"\x1f\x8b":
            raise FormatError(self.path, 0, "not a gzip/dictzip file")
        try:
            self._parse_header(raw)
        except (struct.error, ValueError, IndexError) as exc:
            raise FormatError(self.path, 0, f"malformed dictzip header: {exc}") from None

    def _parse_header(self, raw: bytes) -> None:
        flags = raw[3]
        position = 10
        if flags & 4:  # FEXTRA
            (extra_length,) = struct.unpack_from("<H", raw, position)
            extra = raw[position + 2 : position + 2 + extra_length]
            position += 2 + extra_length
            self._parse_ra(extra)
        for flag, field in ((8, "file name"), (16, "comment")):  # FNAME, FCOMMENT
            if flags & flag:
                end = raw.find(b"\0", position)
                if end < 0:
                    raise ValueError(f"the {field} field has no terminating NUL")
                position = end + 1
        if flags & 2:  # FHCRC
            position += 2
        if self._chunks is None:
            # plain gzip: no random access, inflate once
            self._whole = self._inflate_whole(raw)
            return
        if self._chunk_length == 0:
            raise ValueError("chunk length 0 in the RA field")
        chunks = []
        for size in self._sizes:
            chunks.append((position, size))
            position += size
        if position > len(raw):
            raise ValueError(f"chunks end at byte {position}, past the end of the file")
        self._chunks = chunks

    def _inflate_whole(self, raw: bytes) -> bytes:
        """A plain gzip file, inflated up to the input limit (a gzip bomb stops there)."""
        limit = current_input_limit()
        inflater = zlib.decompressobj(wbits=_GZIP_WBITS)
        try:
            whole = inflater.decompress(raw, limit + 1)
        except zlib.error as exc:
            raise FormatError(self.path, 0, f"corrupt gzip data: {exc}") from None
        if len(whole) > limit:
            raise FormatError(
                self.path, 0, f"inflates past {limit} bytes; refused (see --max-size)"
            )
        if not inflater.eof:
            raise FormatError(self.path, 0, "corrupt gzip data: truncated")
        return whole

    def _parse_ra(self, extra: bytes) -> None:
        position = 0
        while position + 4 <= len(extra):
            sub_id = extra[position : position + 2]
            (length,) = struct.unpack_from("<H", extra, position + 2)
            body = extra[position + 4 : position + 4 + length]
            position += 4 + length
            if sub_id == b"RA" and len(body) >= _RA_HEADER_BYTES:
                _version, chunk_length, count = struct.unpack_from("<HHH", body)
                self._chunk_length = chunk_length
                self._sizes = list(struct.unpack_from(f"<{count}H", body, _RA_HEADER_BYTES))
                self._chunks = []

    def _read_chunks(self, offset: int, length: int) -> bytes:
        if self._chunks is None or offset < 0 or length < 0:
            raise FormatError(self.path, 0, f"cannot read {length} bytes at offset {offset}")
        first = offset // self._chunk_length
        last = (offset + length - 1) // self._chunk_length if length else first
        if last >= len(self._chunks):
            raise FormatError(self.path, 0, f"offset {offset + length} is past the end of the data")
        inflater = zlib.decompressobj(-15)
        out = bytearray()
        try:
            for index in range(first, last + 1):
                start, size = self._chunks[index]
                out += inflater.decompress(self._raw[start : start + size])
        except zlib.error as exc:
            raise FormatError(self.path, 0, f"corrupt dictzip chunk: {exc}") from None
        begin = offset - first * self._chunk_length
        return bytes(out[begin : begin + length])
