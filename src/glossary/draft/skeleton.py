"""The document a draft was made from, carried in the draft so ``render`` can rebuild it.

A PO editor may reorder entries (msgcat ``--sort-output``), re-wrap them, drop or add
comments, so the layout cannot live in entry order or in comments. It lives in one
header field, ``X-Glossary-Skeleton``: base64 of zlib-compressed JSON holding

- the source text as decoded (so render needs nothing beside the PO file), its
  encoding, whether it had a BOM, its format (``txt``, ``md``, ``html``);
- the sentences as *slots*: the span each occupies in the source, and the key of its
  entry (the first 16 hex digits of the SHA-256 of its msgid), in document order.

Everything outside the slots (blank lines, indentation, Markdown marks, HTML tags,
the spaces between sentences) is the skeleton and is copied as it is. PO editors keep
header fields they do not know (Poedit, Lokalize, msgcat and polib all do), and a
wrapped header line is the same string once read. ``X-Glossary-Source-Checksum`` (the
SHA-256 of the source file's bytes) lets render notice a source edited since.

The visible text of Markdown and HTML is what sentences are found in; every visible
character maps back to the source through *runs*, so a sentence's span in the source
starts at its first visible character and ends after its last one (an entity such as
``&amp;`` counts whole).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import zlib
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from glossary.errors import FormatError
from glossary.formats.document import VisibleHTMLParser, decode, read_document
from glossary.formats.registry import document_format
from glossary.model import Lang
from glossary.text.segment import Segment, segment

__all__ = [
    "CHECKSUM_HEADER",
    "SKELETON_HEADER",
    "SOURCE_HEADER",
    "Skeleton",
    "Slot",
    "Visible",
    "checksum",
    "entry_key",
    "segment_document",
    "visible_text",
]

SKELETON_HEADER = "X-Glossary-Skeleton"
CHECKSUM_HEADER = "X-Glossary-Source-Checksum"
SOURCE_HEADER = "X-Glossary-Source"
#: Version of the JSON inside the skeleton header; render refuses others.
SKELETON_VERSION = 1
#: Hex digits of an entry key (64 bits: no two sentences of a document collide).
KEY_DIGITS = 16


def entry_key(msgid: str) -> str:
    return hashlib.sha256(msgid.encode("utf-8")).hexdigest()[:KEY_DIGITS]


def checksum(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class _Run:
    """Visible characters ``[visible, visible + length)`` taken from the source at
    ``source``; a run of ``atomic`` width stands for ``[source, source + width)`` whole
    (an entity, or a separator the reader inserted)."""

    visible: int
    source: int
    length: int
    width: int = -1

    def span(self, offset: int) -> tuple[int, int]:
        if self.width >= 0:
            return self.source, self.source + self.width
        position = self.source + offset - self.visible
        return position, position + 1


@dataclass(frozen=True, slots=True)
class Visible:
    """Visible text of a document and the way back to source offsets."""

    text: str
    runs: tuple[_Run, ...]
    starts: tuple[int, ...] = ()

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span from visible character ``start`` to ``end - 1`` inclusive."""
        first = self._run(start).span(start)
        last = self._run(end - 1).span(end - 1)
        return first[0], max(first[1], last[1])

    def _run(self, offset: int) -> _Run:
        return self.runs[max(0, bisect_right(self.starts, offset) - 1)]


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.runs: list[_Run] = []
        self.size = 0

    def verbatim(self, text: str, source: int) -> None:
        if text:
            self.runs.append(_Run(self.size, source, len(text)))
            self.parts.append(text)
            self.size += len(text)

    def atomic(self, text: str, source: int, width: int) -> None:
        if text:
            self.runs.append(_Run(self.size, source, len(text), width))
            self.parts.append(text)
            self.size += len(text)

    def build(self) -> Visible:
        return Visible("".join(self.parts), tuple(self.runs), tuple(r.visible for r in self.runs))


_MD = re.compile(
    r"(?P<link>!?\[(?P<label>[^\]]*)\]\([^)]*\))"
    r"|(?P<mark>^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)|[*_`~]{1,3})",
    re.MULTILINE,
)


def _markdown(source: str) -> Visible:
    """Markdown minus link targets and emphasis marks (as ``markdown_text`` reads it, but
    a mark never takes the line break after it)."""
    out = _Builder()
    position = 0
    for match in _MD.finditer(source):
        out.verbatim(source[position : match.start()], position)
        if match.group("link"):
            out.verbatim(match.group("label"), match.start("label"))
        position = match.end()
    out.verbatim(source[position:], position)
    return out.build()


class _HtmlVisible(VisibleHTMLParser):
    """Visible text of HTML with its source offsets; every block element is a paragraph
    of its own (a heading never runs into the paragraph under it)."""

    _REFERENCE = re.compile(r"&#?[0-9A-Za-z]+;?")

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", source)]
        self.out = _Builder()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_data(self, data: str) -> None:
        if not self.hidden and data:
            self.out.verbatim(data, self._offset())

    def _reference(self) -> None:
        if self.hidden:
            return
        offset = self._offset()
        match = self._REFERENCE.match(self.source, offset)
        raw = match.group() if match else "&"
        self.out.atomic(html.unescape(raw), offset, len(raw))

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()

    def _separate(self) -> None:
        self.out.atomic("\n\n", self._offset(), 0)


def _html(source: str) -> Visible:
    parser = _HtmlVisible(source)
    parser.feed(source)
    parser.close()
    return parser.out.build()


def visible_text(source: str, form: str) -> Visible:
    """What sentences are read from, for a document of format ``form``."""
    if form == "md":
        return _markdown(source)
    if form == "html":
        return _html(source)
    return Visible(source, (_Run(0, 0, len(source)),), (0,))


@dataclass(frozen=True, slots=True)
class Slot:
    """Where one sentence sits in the source, and the key of its PO entry."""

    start: int
    end: int
    key: str


@dataclass(frozen=True, slots=True)
class Skeleton:
    """The source of a draft and the place of each of its sentences."""

    source: str
    form: str
    encoding: str
    bom: bool
    slots: tuple[Slot, ...]

    @classmethod
    def of(
        cls, source: str, form: str, encoding: str, bom: bool, segments: Sequence[Segment]
    ) -> Skeleton:
        """The skeleton of ``source`` whose sentences are ``segments`` (source spans)."""
        slots = tuple(Slot(s.start, s.end, entry_key(s.text)) for s in segments)
        return cls(source, form, encoding, bom, slots)

    def encode(self) -> str:
        """The header value: base64 of zlib-compressed JSON, one line."""
        payload = {
            "version": SKELETON_VERSION,
            "format": self.form,
            "encoding": self.encoding,
            "bom": self.bom,
            "source": self.source,
            "slots": [[s.start, s.end, s.key] for s in self.slots],
        }
        raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return base64.b64encode(zlib.compress(raw, 9)).decode("ascii")

    @classmethod
    def decode(cls, value: str, name: str, line: int = 0) -> Skeleton:
        """Read a header value; anything damaged is a one-line error naming the draft
        and the header's ``line``."""
        try:
            raw = zlib.decompress(base64.b64decode("".join(value.split()), validate=True))
            payload = json.loads(raw.decode("utf-8"))
            if payload.get("version") != SKELETON_VERSION:
                raise FormatError(
                    name, line, f"{SKELETON_HEADER} version {payload.get('version')!r} unknown"
                )
            slots = tuple(Slot(int(a), int(b), str(k)) for a, b, k in payload["slots"])
            skeleton = cls(
                str(payload["source"]),
                str(payload["format"]),
                str(payload["encoding"]),
                bool(payload["bom"]),
                slots,
            )
        except (ValueError, TypeError, KeyError, zlib.error) as exc:
            raise FormatError(name, line, f"damaged {SKELETON_HEADER} header ({exc})") from exc
        previous = 0
        for slot in skeleton.slots:
            if not previous <= slot.start <= slot.end <= len(skeleton.source):
                raise FormatError(name, line, f"damaged {SKELETON_HEADER} header (slot order)")
            previous = slot.end
        return skeleton


_UTF8_BOM = b"\xef\xbb\xbf"


def segment_document(
    data: bytes, name: str, lang: Lang, *, source_name: str = ""
) -> tuple[list[Segment], dict[str, str]]:
    """The sentences of a source file (lines and spans in the source itself), and the
    header fields that let ``render`` rebuild it (none for a PO source, whose layout is
    not a document's).

    ``source_name`` is the path render will look for the source at (relative to the
    draft's folder); empty for stdin.
    """
    form = document_format(name)
    if form == "po":
        return segment(read_document(data, name, lang=lang).text, lang), {}
    text, encoding = decode(data, name)
    visible = visible_text(text, form)
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    segments = []
    for found in segment(visible.text, lang):
        start, end = visible.source_span(found.start, found.end)
        segments.append(Segment(found.text, bisect_right(line_starts, start), start, end))
    skeleton = Skeleton.of(text, form, encoding, data.startswith(_UTF8_BOM), segments)
    headers = {CHECKSUM_HEADER: checksum(data), SKELETON_HEADER: skeleton.encode()}
    if source_name:
        headers = {SOURCE_HEADER: source_name, **headers}
    return segments, headers
