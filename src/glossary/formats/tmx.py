"""TMX 1.4: translation memory in and out.

Two views of one file:

* :func:`read` / :func:`write`: translation units (``model.TranslationUnit``), the
  memory the drafter consults. Every ``<tu>`` with an English and a Russian ``<tuv>``
  becomes one unit; other language pairs are skipped, so a multilingual memory
  works too. Inline codes (``bpt``, ``ept``, ``ph``, ``it``, ``ut``, ``sub``) are
  markup of the original document, not text, and are dropped; ``hi`` keeps its text.
* :func:`read_glossary` / :func:`write_glossary`: the glossary as a memory of term
  pairs. Export writes the reviewed concepts that have both terms (``tuid`` = concept
  id, ``<note>`` = usage note, ``x-definition``/``x-kind``/``x-status`` properties),
  followed by reviewed draft segments. Import reads the concept units back and
  skips segments (units with an ``x-origin`` property).

TMX cannot carry variants, forbidden renderings, full forms or sources; XML turns a
carriage return into a line feed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from glossary.errors import FormatError
from glossary.formats import xml_safe
from glossary.formats.xml_safe import XML_LANG, local_name
from glossary.model import Glossary, Kind, Lang, Status, Term, TranslationUnit

__all__ = ["read", "read_glossary", "write", "write_glossary"]

#: What survives ``write_glossary`` → ``read_glossary`` (for a reviewed concept with both terms).
FIELDS = frozenset({"id", "en", "ru", "kind", "definition", "note", "status"})

_INLINE_CODES = frozenset({"bpt", "ept", "ph", "it", "ut", "sub"})
_ORIGIN = "x-origin"
_E = TypeVar("_E", Kind, Status)


@dataclass(frozen=True, slots=True)
class _Tu:
    """One ``<tu>`` as read: its segments by language and its properties."""

    line: int
    tuid: str
    srclang: Lang | None
    segs: dict[Lang, str]
    props: dict[str, str]
    note: str


def read(data: bytes, name: str) -> list[TranslationUnit]:
    """Every English/Russian unit of a TMX file, as translation memory."""
    units = []
    for tu in _read_tus(data, name):
        if Lang.EN not in tu.segs or Lang.RU not in tu.segs:
            continue
        source = tu.srclang or next(iter(tu.segs))
        origin = tu.props.get(_ORIGIN) or f"{name}:{tu.line}"
        units.append(
            TranslationUnit(source, tu.segs[source], source.other, tu.segs[source.other], origin)
        )
    return units


def write(units: Iterable[TranslationUnit]) -> bytes:
    """A TMX 1.4 document holding ``units``; ``origin`` goes into an ``x-origin`` property."""
    units = list(units)
    langs = {u.source_lang for u in units}
    srclang = next(iter(langs)) if len(langs) == 1 else None
    root, body = _document(srclang)
    for unit in units:
        _segment_tu(body, unit, srclang)
    return xml_safe.serialise(root)


def write_with_props(units: Sequence[TranslationUnit], props: Sequence[Mapping[str, str]]) -> bytes:
    """:func:`write` with extra ``<prop>`` elements per unit (alignment confidence)."""
    langs = {u.source_lang for u in units}
    srclang = next(iter(langs)) if len(langs) == 1 else None
    root, body = _document(srclang)
    for unit, extra in zip(units, props, strict=True):
        _segment_tu(body, unit, srclang)
        tu = body[-1]
        for position, (kind, value) in enumerate(extra.items(), start=1):
            element = ET.Element("prop", {"type": kind})
            element.text = xml_safe.check_text(value, kind)
            tu.insert(position, element)  # props precede the tuvs (TMX 1.4 order)
    return xml_safe.serialise(root)


def write_glossary(glossary: Glossary, segments: Iterable[TranslationUnit] = ()) -> bytes:
    """Reviewed term pairs (English source), then reviewed draft segments."""
    segments = list(segments)
    srclang = Lang.EN if all(s.source_lang is Lang.EN for s in segments) else None
    root, body = _document(srclang)
    for term in glossary:
        if not (term.reviewed and term.en and term.ru):
            continue
        tu = ET.SubElement(body, "tu", {"tuid": term.id})
        if srclang is None:
            tu.set("srclang", Lang.EN.value)
        if term.note:
            ET.SubElement(tu, "note").text = xml_safe.check_text(
                term.note, f"{term.id}: note", term.id
            )
        _prop(tu, "x-kind", term.kind.value)
        _prop(tu, "x-status", term.status.value)
        if term.definition:
            _prop(
                tu,
                "x-definition",
                xml_safe.check_text(term.definition, f"{term.id}: definition", term.id),
            )
        for lang in (Lang.EN, Lang.RU):
            _tuv(tu, lang, term.preferred(lang))
    for unit in segments:
        _segment_tu(body, unit, srclang)
    return xml_safe.serialise(root)


def read_glossary(data: bytes, name: str) -> Glossary:
    """Concepts from the term-pair units; a unit without our properties is a draft concept.

    A unit without ``tuid`` gives a concept with an empty id, for the import to assign.
    """
    terms: list[Term] = []
    lines: list[int] = []
    taken: set[str] = {""}
    for tu in _read_tus(data, name):
        if _ORIGIN in tu.props or not (tu.segs.get(Lang.EN) or tu.segs.get(Lang.RU)):
            continue
        en, ru = tu.segs.get(Lang.EN, ""), tu.segs.get(Lang.RU, "")
        if tu.tuid and tu.tuid in taken:
            raise FormatError(name, tu.line, f"duplicate tuid {tu.tuid!r}")
        taken.add(tu.tuid)
        lines.append(tu.line)
        terms.append(
            Term(
                tu.tuid,  # empty when the unit has none: the import merge assigns one
                en=en.strip(),
                ru=ru.strip(),
                kind=_enum(Kind, tu.props.get("x-kind", "term"), name, tu.line, "x-kind"),
                definition=tu.props.get("x-definition", ""),
                note=tu.note,
                status=_enum(Status, tu.props.get("x-status", "draft"), name, tu.line, "x-status"),
            )
        )
    return Glossary(tuple(terms), lines=tuple(lines))


def _read_tus(data: bytes, name: str) -> list[_Tu]:
    doc = xml_safe.parse(data, name)
    root = doc.root
    if local_name(root.tag) != "tmx":
        raise doc.error(root, f"not a TMX file (root element <{local_name(root.tag)}>)")
    header = _child(root, "header")
    header_src = Lang.from_code(header.get("srclang", "")) if header is not None else None
    body = _child(root, "body")
    if body is None:
        raise doc.error(root, "TMX file without <body>")
    tus = []
    for tu in body:
        if local_name(tu.tag) != "tu":
            continue
        segs: dict[Lang, str] = {}
        props: dict[str, str] = {}
        notes = []
        for child in tu:
            kind = local_name(child.tag)
            if kind == "prop":
                props[child.get("type", "")] = child.text or ""
            elif kind == "note":
                notes.append(child.text or "")
            elif kind == "tuv":
                lang_attr = child.get(XML_LANG) or child.get("lang")
                if not lang_attr:
                    raise doc.error(child, "<tuv> without xml:lang")
                seg = _child(child, "seg")
                if seg is None:
                    raise doc.error(child, "<tuv> without <seg>")
                lang = Lang.from_code(lang_attr)
                if lang is not None and lang not in segs:
                    segs[lang] = xml_safe.text_of(seg, _INLINE_CODES)
        srclang = Lang.from_code(tu.get("srclang", "")) or header_src
        tus.append(
            _Tu(doc.line(tu), tu.get("tuid", ""), srclang if srclang in segs else None,
                segs, props, "\n".join(notes))
        )  # fmt: skip
    return tus


def _document(srclang: Lang | None) -> tuple[ET.Element, ET.Element]:
    from glossary import __version__

    root = ET.Element("tmx", {"version": "1.4"})
    ET.SubElement(
        root,
        "header",
        {
            "creationtool": "glossary",
            "creationtoolversion": __version__,
            "segtype": "phrase",
            "o-tmf": "glossary",
            "adminlang": "en",
            "srclang": srclang.value if srclang else "*all*",
            "datatype": "plaintext",
        },
    )
    return root, ET.SubElement(root, "body")


def _segment_tu(body: ET.Element, unit: TranslationUnit, srclang: Lang | None) -> None:
    tu = ET.SubElement(body, "tu")
    if srclang is None:
        tu.set("srclang", unit.source_lang.value)
    if unit.origin:
        _prop(tu, _ORIGIN, xml_safe.check_text(unit.origin, "origin"))
    _tuv(tu, unit.source_lang, unit.source, unit.origin)
    _tuv(tu, unit.target_lang, unit.target, unit.origin)


def _prop(parent: ET.Element, kind: str, value: str) -> None:
    ET.SubElement(parent, "prop", {"type": kind}).text = value


def _tuv(parent: ET.Element, lang: Lang, text: str, origin: str = "") -> None:
    """One language's segment; ``origin`` (``file:line``) places a refused one."""
    tuv = ET.SubElement(parent, "tuv", {XML_LANG: lang.value})
    what = f"{origin}: {lang.value} segment" if origin else f"{lang.value} segment"
    ET.SubElement(tuv, "seg").text = xml_safe.check_text(text, what)


def _child(element: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in element if local_name(c.tag) == name), None)


def _enum(cls: type[_E], value: str, name: str, line: int, what: str) -> _E:
    try:
        return cls(value.strip())
    except ValueError:
        expected = ", ".join(m.value for m in cls)
        raise FormatError(name, line, f"unknown {what} {value!r} (expected {expected})") from None
