"""Safe XML in and deterministic XML out, shared by the TBX and TMX adapters.

Files from CAT tools and term bases are untrusted input. They are parsed with
defusedxml: no entity declarations (so no billion laughs and no external entities),
no external references, no DTD fetched. A DOCTYPE line without an internal subset is
allowed because Translate Toolkit and Lokalize write one. Every element remembers the
line it started on, so errors read ``file:line: message``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, ParseError

from glossary.errors import FormatError, GlossaryError

__all__ = [
    "XML_LANG",
    "ParsedXml",
    "check_text",
    "local_name",
    "parse",
    "serialise",
    "text_of",
]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Deepest element nesting accepted: TBX and TMX need about ten levels; a file nested
#: thousands deep is an attack on every recursive walk of the tree.
MAX_DEPTH = 100
#: Characters XML 1.0 cannot carry even as references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class ParsedXml:
    """The root element and the 1-based line on which each element starts."""

    __slots__ = ("lines", "name", "root")

    def __init__(self, root: ET.Element, lines: dict[ET.Element, int], name: str) -> None:
        self.root = root
        self.lines = lines
        self.name = name

    def line(self, element: ET.Element) -> int:
        return self.lines.get(element, 0)

    def error(self, element: ET.Element | None, message: str) -> FormatError:
        return FormatError(self.name, 0 if element is None else self.line(element), message)


class _LineTarget:
    """A TreeBuilder that notes the expat line number of every start tag."""

    def __init__(self, name: str) -> None:
        self.builder = ET.TreeBuilder()
        self.lines: dict[ET.Element, int] = {}
        self.parser: Any = None
        self.name = name
        self.depth = 0

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        line = int(self.parser.parser.CurrentLineNumber)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FormatError(self.name, line, f"elements nested deeper than {MAX_DEPTH} levels")
        element = self.builder.start(tag, attrs)
        self.lines[element] = line
        return element

    def end(self, tag: str) -> ET.Element:
        self.depth -= 1
        return self.builder.end(tag)

    def data(self, data: str) -> None:
        self.builder.data(data)

    def close(self) -> ET.Element:
        return self.builder.close()


def parse(data: bytes, name: str) -> ParsedXml:
    """Parse untrusted XML; any problem is a :class:`FormatError` naming the line."""
    target = _LineTarget(name)
    parser = DefusedXMLParser(target=target, forbid_dtd=False)
    target.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except DefusedXmlException as exc:
        line = int(parser.parser.CurrentLineNumber)
        raise FormatError(
            name,
            line,
            f"{_unsafe(exc)} are not allowed in interchange files "
            "(they enable external-entity and entity-expansion attacks)",
        ) from exc
    except ParseError as exc:
        line = exc.position[0] if exc.position else 0
        message = str(exc).split(": line")[0]
        raise FormatError(name, line, f"malformed XML: {message}") from exc
    except (LookupError, ValueError) as exc:
        # expat: "unknown encoding", "multi-byte encodings are not supported" (UTF-7...)
        raise FormatError(
            name, 1, f"unsupported encoding in the XML declaration ({exc}); save the file as UTF-8"
        ) from exc
    return ParsedXml(root, target.lines, name)


def _unsafe(exc: DefusedXmlException) -> str:
    kind = type(exc).__name__
    if kind == "DTDForbidden":
        return "DTDs"
    if kind == "ExternalReferenceForbidden":
        return "external references"
    return "entity declarations"


def local_name(tag: str) -> str:
    """``{ns}term`` and ``term`` alike: TBX files come with and without a namespace."""
    return tag.rsplit("}", 1)[-1]


def text_of(element: ET.Element, skip: frozenset[str] = frozenset()) -> str:
    """All character data inside ``element``; children named in ``skip`` keep only their tail."""
    parts: list[str] = []
    # An explicit stack rather than recursion: nesting depth is bounded, but cheaply so.
    stack: list[tuple[ET.Element, bool]] = [(element, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            parts.append(node.tail or "")
            continue
        if node is not element and local_name(node.tag) in skip:
            continue  # its tail follows from the closing entry
        parts.append(node.text or "")
        for child in reversed(node):
            stack.append((child, True))
            stack.append((child, False))
    return "".join(parts)


def check_text(value: str, what: str) -> str:
    """Refuse characters XML 1.0 cannot represent rather than write an unreadable file."""
    bad = _NOT_XML.search(value)
    if bad:
        raise GlossaryError(
            f"{what} contains the control character U+{ord(bad.group()):04X}, "
            "which XML cannot carry"
        )
    return value


def serialise(root: ET.Element) -> bytes:
    """UTF-8 with an XML declaration, two-space indent; the same tree gives the same bytes."""
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")
