"""Source documents: plain text, Markdown, HTML and PO, decoded and reduced to text.

Whatever the format, the text keeps the line structure of the file (HTML and PO
content is placed on the line it came from), so ``document:line`` references
point into the file a translator has open. Legacy Russian encodings (cp1251,
koi8-r, cp866) are detected; binary input is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from glossary.errors import FormatError
from glossary.formats.registry import document_format
from glossary.model import Lang

__all__ = ["Document", "VisibleHTMLParser", "decode", "detect_language", "read_document"]

_ENCODINGS = ["utf_8", "cp1251", "koi8_r", "cp866"]
#: How far into a file a NUL byte marks it as binary.
_BINARY_PROBE = 8192
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC_RUN = re.compile(r"[\u0400-\u04ff]+")
_LATIN_RUN = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    text: str
    lang: Lang | None
    encoding: str = "utf-8"


def read_document(
    data: bytes,
    name: str,
    *,
    lang: Lang | None = None,
    po_side: str = "auto",
    detect: bool = True,
) -> Document:
    """Decode ``data`` and extract its visible text according to the file suffix.

    ``lang`` overrides detection; ``detect=False`` skips it (``lang`` stays as given)
    for callers that never read it: counting a long text's letters costs a fifth of
    annotating it. For PO files ``po_side`` picks ``msgid`` or ``msgstr``; ``auto``
    takes the side written in ``lang`` when given, else msgids.
    """
    text, encoding = decode(data, name)
    form = document_format(name)
    if form == "html":
        text = html_text(text)
    elif form == "md":
        text = markdown_text(text)
    elif form == "po":
        text = po_text(data, name, lang, po_side)
    if lang is None and detect:
        lang = detect_language(text)
    return Document(name, text, lang, encoding)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Text and the encoding it was in; refuses binary data with a one-line error."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00", 0, _BINARY_PROBE)
    if nul >= 0:
        raise FormatError(name, _line_at(data, nul), "binary file, not text (a NUL byte)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_ENCODINGS).best()
    if best is None:
        raise FormatError(
            name,
            _line_at(data, first_bad),
            "cannot tell the text encoding (expected UTF-8, cp1251, koi8-r or cp866)",
        )
    return str(best), str(best.encoding)


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def detect_language(text: str) -> Lang | None:
    """Russian when Cyrillic letters outnumber Latin ones; ``None`` for text with neither."""
    # letters counted by what removing them takes away: no list of every letter
    cyrillic = len(text) - len(_CYRILLIC_RUN.sub("", text))
    latin = len(text) - len(_LATIN_RUN.sub("", text))
    if not cyrillic and not latin:
        return None
    return Lang.RU if cyrillic >= latin else Lang.EN


class VisibleHTMLParser(HTMLParser):
    """What every reader of HTML's visible text shares: hidden elements (scripts,
    styles, the head) are skipped, block elements separate text, and a marked section
    html.parser does not know is skipped as browsers do instead of raising.

    Subclasses collect the text (``handle_data``) and say how blocks separate it
    (``_separate``).
    """

    HIDDEN_TAGS = frozenset({"script", "style", "head", "template", "noscript", "svg", "math"})
    BLOCK_TAGS = frozenset(
        {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
         "th", "table", "section", "article", "header", "footer", "blockquote", "pre", "hr",
         "title", "dd", "dt", "figcaption"}
    )  # fmt: skip

    def __init__(self, *, convert_charrefs: bool = True) -> None:
        super().__init__(convert_charrefs=convert_charrefs)
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN_TAGS:
            self.hidden += 1
        elif tag in self.BLOCK_TAGS:
            self._separate()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCK_TAGS:
            self._separate()

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """``<![CDATA[``-like sections html.parser does not know are bogus comments.

        html.parser raises AssertionError on ``<![h/<`` and similar; browsers skip such
        a section up to the next ``>``, and so do we.
        """
        try:
            return int(super().parse_marked_section(i, report))
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1

    def _separate(self) -> None:
        raise NotImplementedError


class _VisibleText(VisibleHTMLParser):
    """Collects visible text, each piece on the source line it started on."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.line = 1

    def handle_data(self, data: str) -> None:
        if self.hidden or not data:
            return
        source_line = self.getpos()[0]
        if source_line > self.line:
            self.parts.append("\n" * (source_line - self.line))
            self.line = source_line
        self.parts.append(data)
        self.line += data.count("\n")

    def _separate(self) -> None:
        if self.parts and not self.parts[-1].endswith((" ", "\n")):
            self.parts.append(" ")


def html_text(markup: str) -> str:
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"(?m)^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)|[*_`~]{1,3}")


def markdown_text(markup: str) -> str:
    """Markdown with link targets and emphasis marks removed; lines stay where they were."""
    return _MD_MARKS.sub("", _MD_LINK.sub(r"\1", markup))


def po_text(data: bytes, name: str, lang: Lang | None, side: str) -> str:
    """The msgids (or msgstrs) of a PO file, each on the line of its msgid."""
    from glossary.formats.po import parse_po

    po = parse_po(data, name)
    if side == "auto":
        side = "msgid"
        if lang is not None and Lang.from_code(po.metadata.get("Language", "")) is lang:
            side = "msgstr"
    if side not in ("msgid", "msgstr"):
        raise ValueError(f"po_side must be msgid, msgstr or auto, not {side!r}")
    lines = [""] * (data.count(b"\n") + 2)
    for entry in po:
        if entry.obsolete:
            continue
        value = getattr(entry, side)
        if value:
            index = min(max(entry.linenum - 1, 0), len(lines) - 1)
            lines[index] = (lines[index] + " " + value.replace("\n", " ")).strip()
    return "\n".join(lines).rstrip("\n") + "\n"
