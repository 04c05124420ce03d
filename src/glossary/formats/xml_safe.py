"""Safe XML in and deterministic XML out, shared by the TBX and TMX adapters.

Files from CAT tools and term bases are untrusted input. They are parsed with
defusedxml: no entity declarations (so no billion laughs and no external entities),
no external references, no DTD fetched. A DOCTYPE line without an internal subset is
allowed because Translate Toolkit and Lokalize write one. Every element remembers the
line it started on, so errors read ``file:line: message``.
"""

from __future__ import annotations

import contextlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, ParseError

from glossary.errors import FormatError, GlossaryError

__all__ = [
    "XML_LANG",
    "ParsedXml",
    "UnsafeTextError",
    "check_text",
    "local_name",
    "parse",
    "serialise",
    "stream",
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
    """Builds the tree with the C TreeBuilder, noting the line of every start tag.

    Streaming (``wanted`` given) hands over each finished element with one of those
    local names in :attr:`done`, with its parent, so the caller can cut it out.
    """

    def __init__(
        self,
        name: str,
        wanted: frozenset[str] = frozenset(),
        roots: tuple[str, frozenset[str]] | None = None,
    ) -> None:
        self.builder = ET.TreeBuilder()
        self.lines: dict[ET.Element, int] = {}
        self.name = name
        self.wanted = wanted
        self.roots = roots
        self.stack: list[ET.Element] = []
        self.done: list[tuple[ET.Element, ET.Element | None]] = []
        self.root: ET.Element | None = None

    def close(self) -> ET.Element:
        return self.builder.close()

    def install(self, defused: Any) -> None:
        """Let expat call straight into the C TreeBuilder, skipping ElementTree's Python
        wrappers (the speed of a 200 MB import depends on it).

        defusedxml's handlers (entity declarations, external references) stay on the
        same expat parser; only element and text events are rerouted. Names are fixed
        as ElementTree does (``uri}local`` → ``{uri}local``), once per distinct name.
        """
        expat = defused.parser
        tags: dict[str, str] = {}  # expat's name → ElementTree's tag
        wanted_names: dict[str, bool] = {}  # expat's name → handed over when it ends
        build_start, build_end = self.builder.start, self.builder.end
        lines, stack, wanted, done = self.lines, self.stack, self.wanted, self.done

        def tag_of(raw: str) -> str:
            found = tags.get(raw)
            if found is None:
                found = tags[raw] = "{" + raw if "}" in raw else raw
                wanted_names[raw] = bool(wanted) and local_name(found) in wanted
            return found

        def start(raw: str, attributes: list[str]) -> None:
            line = expat.CurrentLineNumber
            if len(stack) >= MAX_DEPTH:
                raise FormatError(
                    self.name, line, f"elements nested deeper than {MAX_DEPTH} levels"
                )
            attrib = {}
            for at in range(0, len(attributes), 2):
                key = attributes[at]
                attrib[tags.get(key) or tag_of(key)] = attributes[at + 1]
            element = build_start(tags.get(raw) or tag_of(raw), attrib)
            lines[element] = line
            if not stack:
                self._check_root(element, line)
            stack.append(element)

        def end(raw: str) -> None:
            element = build_end(tags[raw])
            stack.pop()
            if wanted_names[raw]:
                done.append((element, stack[-1] if stack else None))

        expat.StartElementHandler = start
        expat.EndElementHandler = end
        expat.CharacterDataHandler = self.builder.data

    def _check_root(self, element: ET.Element, line: int) -> None:
        if self.root is None:
            self.root = element
        if self.roots is not None and local_name(element.tag) not in self.roots[1]:
            raise FormatError(
                self.name,
                line,
                f"not a {self.roots[0]} file (root element <{local_name(element.tag)}>)",
            )


def parse(data: bytes, name: str) -> ParsedXml:
    """Parse untrusted XML; any problem is a :class:`FormatError` naming the line."""
    target = _LineTarget(name)
    parser = DefusedXMLParser(target=target, forbid_dtd=False)
    target.install(parser)
    with _errors(name, parser):
        parser.feed(data)
        root = parser.close()
    return ParsedXml(root, target.lines, name)


#: Bytes fed to the parser at a time when streaming.
STREAM_CHUNK = 1 << 20


def stream(
    data: bytes, name: str, wanted: frozenset[str], roots: tuple[str, frozenset[str]] | None = None
) -> Iterator[tuple[ParsedXml, ET.Element]]:
    """Each element named in ``wanted`` (by local name) as soon as it is complete.

    The same protections as :func:`parse` (defusedxml, the depth limit, the encoding
    check), but the document is fed in chunks and each handed-over element is cut
    from the tree afterwards, so memory stays bounded by one element, not the file.
    The :class:`ParsedXml` gives lines and errors for the element (its ``root`` is
    the document's root, whose children may be gone). ``roots`` is the format's name
    and the root names it allows: another root element stops the read at once.
    """
    target = _LineTarget(name, wanted, roots)
    parser = DefusedXMLParser(target=target, forbid_dtd=False)
    target.install(parser)
    view = memoryview(data)
    with _errors(name, parser):
        for offset in range(0, len(view), STREAM_CHUNK):
            parser.feed(bytes(view[offset : offset + STREAM_CHUNK]))
            yield from _hand_over(target, name)
        parser.close()
        yield from _hand_over(target, name)
    if target.root is None:
        raise FormatError(name, 0, "malformed XML: no element found")


def _hand_over(target: _LineTarget, name: str) -> Iterator[tuple[ParsedXml, ET.Element]]:
    done = target.done[:]
    target.done.clear()
    for element, parent in done:
        yield ParsedXml(target.root or element, target.lines, name), element
        for inner in element.iter():
            target.lines.pop(inner, None)
        if parent is not None:
            parent.remove(element)


@contextlib.contextmanager
def _errors(name: str, parser: Any) -> Iterator[None]:
    """expat and defusedxml complaints as one-line :class:`FormatError`."""
    try:
        yield
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


def _unsafe(exc: DefusedXmlException) -> str:
    kind = type(exc).__name__
    if kind == "DTDForbidden":
        return "DTDs"
    if kind == "ExternalReferenceForbidden":
        return "external references"
    return "entity declarations"


_LOCAL_NAMES: dict[str, str] = {}


def local_name(tag: str) -> str:
    """``{ns}term`` and ``term`` alike: TBX files come with and without a namespace."""
    found = _LOCAL_NAMES.get(tag)
    if found is None:
        found = tag.rsplit("}", 1)[-1]
        if len(_LOCAL_NAMES) < _LOCAL_NAME_CACHE:
            _LOCAL_NAMES[tag] = found
    return found


#: Distinct tag names remembered by :func:`local_name` (a hostile file may invent many).
_LOCAL_NAME_CACHE = 10_000


def text_of(element: ET.Element, skip: frozenset[str] = frozenset()) -> str:
    """All character data inside ``element``; children named in ``skip`` keep only their tail."""
    if not len(element):
        return element.text or ""
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


class UnsafeTextError(GlossaryError):
    """Text that XML 1.0 cannot carry; :attr:`term_id` names its concept, when one does,
    so that a caller holding the glossary can place it at its ``terms.csv`` line."""

    def __init__(self, message: str, term_id: str = "") -> None:
        super().__init__(message)
        self.term_id = term_id


def check_text(value: str, what: str, term_id: str = "") -> str:
    """Refuse characters XML 1.0 cannot represent rather than write an unreadable file."""
    bad = _NOT_XML.search(value)
    if bad:
        raise UnsafeTextError(
            f"{what} contains the control character U+{ord(bad.group()):04X}, "
            "which XML cannot carry",
            term_id,
        )
    return value


def serialise(root: ET.Element) -> bytes:
    """UTF-8 with an XML declaration, two-space indent; the same tree gives the same bytes."""
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")
