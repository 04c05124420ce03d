"""TBX (ISO 30042), TBX-Basic dialect: the glossary as a term base, both directions.

One ``termEntry`` per concept (``@id`` = concept id), one ``langSet`` per language,
every term in its own ``tig``. The mapping, standard data categories first:

=====================  ==============================================================
glossary field         TBX
=====================  ==============================================================
``id``                 ``termEntry/@id``
``en``, ``ru``         ``term`` with ``termNote type="administrativeStatus"``
                       ``preferredTerm-admn-sts``
variants               ``admittedTerm-admn-sts``
forbidden renderings   ``deprecatedTerm-admn-sts``
``definition``         ``descrip type="definition"`` (concept level)
``note``               ``note`` (concept level)
``source``             one ``admin type="source"`` per reference
``full_form``          ``ref type="crossReference" target="ID"`` (an IDREF)
``status``             ``termNote type="processStatus"`` (ISO 12620) on every term:
                       candidate ``unprocessed``, draft ``provisionallyProcessed``,
                       reviewed ``finalized``
``kind``               ``termNote type="termType"``: ``acronym`` for acronyms, ``fullForm``
                       for the concepts they spell out; the other
                       kinds (no TBX equivalent) in ``admin type="x-kind"``; also
                       ``termNote type="partOfSpeech"`` ``properNoun`` for persons,
                       places and organisations, ``noun`` for titles
extra columns          ``admin type="x-column:NAME"``
=====================  ==============================================================

Reading also accepts what other tools write: Lokalize's ``ntig/termGrp/term`` with
concept-level ``descrip``; Translate Toolkit's ``tig`` and untyped ``descrip``;
Weblate's forbidden markers (``administrativeStatus`` ``forbidden`` or ``obsolete``),
its read-only marker (``termNote type="translationNote"`` ``no``, or Translate
Toolkit's ``descrip type="Translation needed"``: the term is then its own rendering),
``note from="translator"`` and ``descrip type="Usage note"``; regional language codes
(``en-US``); TBX v3 ``conceptEntry/langSec/termSec``. Languages other than English and
Russian are ignored.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from glossary.errors import FormatError
from glossary.formats import gc_paused, xml_safe
from glossary.formats.xml_safe import XML_LANG, ParsedXml, local_name
from glossary.model import (
    COLUMNS,
    Glossary,
    Kind,
    Lang,
    Status,
    Term,
    extra_column_problem,
    new_term,
)

__all__ = ["FIELDS", "read", "write"]

#: TBX carries every field of a concept.
FIELDS = frozenset(
    {"id", "en", "ru", "en_variants", "ru_variants", "en_forbidden", "ru_forbidden", "kind",
     "full_form", "definition", "note", "status", "source", "extra"}
)  # fmt: skip

PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"

_PROCESS_STATUS = {
    Status.CANDIDATE: "unprocessed",
    Status.DRAFT: "provisionallyProcessed",
    Status.REVIEWED: "finalized",
}
_STATUS_OF = {v.casefold(): k for k, v in _PROCESS_STATUS.items()}
_PART_OF_SPEECH = {
    Kind.PERSON: "properNoun",
    Kind.PLACE: "properNoun",
    Kind.ORGANIZATION: "properNoun",
    Kind.TITLE: "noun",
}
_COLUMN_PREFIX = "x-column:"

# Administrative statuses as other tools spell them, folded.
_FORBIDDEN_VALUES = frozenset(
    {"deprecatedterm-admn-sts", "deprecatedtermadmnsts", "deprecated", "forbidden", "obsolete",
     "supersededterm-admn-sts", "superseded"}
)  # fmt: skip
_PREFERRED_VALUES = frozenset({"preferredterm-admn-sts", "preferredtermadmnsts", "preferred"})
_ADMITTED_VALUES = frozenset({"admittedterm-admn-sts", "admittedtermadmnsts", "admitted"})

_ROOTS = frozenset({"martif", "tbx"})
#: martif/text/body/termEntry: the indentation level of an entry.
_ENTRY_DEPTH = 3
_PLACEHOLDER = "glossary-entries"

# TBX v3 names for the same structure.
_ENTRY, _LANGSET, _TERM_GROUPS = (
    {"termEntry", "conceptEntry"},
    {"langSet", "langSec"},
    {"tig", "ntig", "termSec"},
)
_ENTRIES = frozenset(_ENTRY)


def write(glossary: Glossary) -> bytes:
    """A TBX-Basic document of every concept, in glossary order."""
    from glossary import __version__

    root = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
    header = ET.SubElement(root, "martifHeader")
    file_desc = ET.SubElement(header, "fileDesc")
    title = ET.SubElement(ET.SubElement(file_desc, "titleStmt"), "title")
    title.text = "Russian/English glossary of diplomacy and security"
    ET.SubElement(ET.SubElement(file_desc, "sourceDesc"), "p").text = f"glossary {__version__}"
    encoding = ET.SubElement(header, "encodingDesc")
    ET.SubElement(encoding, "p", {"type": "XCSURI"}).text = "TBXBasicXCSV02.xcs"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    full_forms = {t.full_form for t in glossary if t.full_form}
    if not glossary.terms:
        return xml_safe.serialise(root)
    # Streamed: the skeleton is serialised around a placeholder, then each entry is
    # built, indented at its depth and serialised on its own, so exporting 100k
    # concepts never holds their whole element tree. The bytes equal those of
    # serialising the complete tree.
    ET.SubElement(body, _PLACEHOLDER)
    before, after = xml_safe.serialise(root).split(f"<{_PLACEHOLDER} />".encode())
    separator = b"\n" + b"  " * _ENTRY_DEPTH
    parts = [before]
    for index, term in enumerate(glossary):
        holder = ET.Element("body")
        _write_entry(holder, term, full_form=term.id in full_forms)
        (entry,) = holder
        ET.indent(entry, space="  ", level=_ENTRY_DEPTH)
        entry.tail = None
        if index:
            parts.append(separator)
        parts.append(ET.tostring(entry, encoding="unicode").encode("utf-8"))
    parts.append(after)
    return b"".join(parts)


def _write_entry(body: ET.Element, term: Term, *, full_form: bool) -> None:  # noqa: C901 - one optional TBX field per branch, in the order TBX-Basic lists them
    def text(value: str, what: str) -> str:
        return xml_safe.check_text(value, f"{term.id}: {what}", term.id)

    entry = ET.SubElement(body, "termEntry", {"id": term.id})
    if term.definition:
        ET.SubElement(entry, "descrip", {"type": "definition"}).text = text(
            term.definition, "definition"
        )
    if term.kind not in (Kind.TERM, Kind.ACRONYM):
        ET.SubElement(entry, "admin", {"type": "x-kind"}).text = term.kind.value
    for reference in term.source:
        ET.SubElement(entry, "admin", {"type": "source"}).text = text(reference, "source")
    for column, value in term.extra:
        ET.SubElement(entry, "admin", {"type": _COLUMN_PREFIX + column}).text = text(value, column)
    if term.note:
        ET.SubElement(entry, "note").text = text(term.note, "note")
    if term.full_form:
        ET.SubElement(entry, "ref", {"type": "crossReference", "target": term.full_form})
    for lang in Lang:
        designations = [
            *([(term.preferred(lang), PREFERRED)] if term.preferred(lang) else []),
            *((v, ADMITTED) for v in term.variants(lang)),
            *((f, DEPRECATED) for f in term.forbidden(lang)),
        ]
        if not designations:
            continue
        lang_set = ET.SubElement(entry, "langSet", {XML_LANG: lang.value})
        for value, admin_status in designations:
            tig = ET.SubElement(lang_set, "tig")
            ET.SubElement(tig, "term").text = text(value, f"{lang.value} term")
            if admin_status != DEPRECATED and term.kind is Kind.ACRONYM:
                _term_note(tig, "termType", "acronym")
            elif admin_status != DEPRECATED and full_form:
                _term_note(tig, "termType", "fullForm")
            if term.kind in _PART_OF_SPEECH:
                _term_note(tig, "partOfSpeech", _PART_OF_SPEECH[term.kind])
            _term_note(tig, "administrativeStatus", admin_status)
            _term_note(tig, "processStatus", _PROCESS_STATUS[term.status])


def _term_note(parent: ET.Element, kind: str, value: str) -> None:
    ET.SubElement(parent, "termNote", {"type": kind}).text = value


# Reading ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _TermRead:
    text: str
    admin: str = ""  # folded administrativeStatus
    process: str = ""
    term_type: str = ""
    read_only: bool = False


@dataclass(slots=True)
class _EntryRead:
    line: int
    id: str
    definition: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    kind: str = ""
    source: list[str] = field(default_factory=list)
    extra: list[tuple[str, str]] = field(default_factory=list)
    cross_reference: str = ""
    read_only: bool = False
    terms: dict[Lang, list[_TermRead]] = field(default_factory=dict)


def read(data: bytes, name: str) -> Glossary:
    """Concepts of a TBX file; a malformed file is a :class:`FormatError` with its line."""
    # Streamed: each entry is read as soon as it is complete and then dropped from the
    # tree, so a 200 MB term base never becomes one 2 GB element tree. The garbage
    # collector is paused meanwhile: its passes over the entries read so far cost a
    # third of the time, and nothing made here forms a cycle.
    with gc_paused():
        return _read(data, name)


def _read(data: bytes, name: str) -> Glossary:
    entries = [
        _read_entry(doc, element)
        for doc, element in xml_safe.stream(data, name, _ENTRIES, ("TBX", _ROOTS))
    ]
    ids = {e.id for e in entries if e.id}
    taken: set[str] = set()
    terms: list[Term] = []
    lines: list[int] = []
    extra_columns: dict[str, None] = {}
    for entry in entries:
        term = _term(entry, ids, taken, name)
        if term is None:
            continue
        if term.id:
            taken.add(term.id)
        terms.append(term)
        lines.append(entry.line)
        extra_columns.update((c, None) for c, _ in term.extra)
    columns = COLUMNS + tuple(c for c in extra_columns if c not in COLUMNS)
    return Glossary(tuple(terms), columns, tuple(lines))


def _read_entry(doc: ParsedXml, element: ET.Element) -> _EntryRead:
    entry = _EntryRead(doc.line(element), element.get("id", "").strip())
    for child in element:
        kind = local_name(child.tag)
        if kind in _LANGSET:
            _read_lang_set(doc, child, entry)
        else:
            _aux(doc, child, entry, concept_level=True)
    return entry


def _aux(doc: ParsedXml, element: ET.Element, entry: _EntryRead, *, concept_level: bool) -> None:  # noqa: C901 - one case per TBX-Basic descrip/admin/note type
    """Concept- and language-level information: descrip, admin, note, ref and their groups."""
    kind, kind_type = local_name(element.tag), element.get("type", "")
    value = xml_safe.text_of(element)
    if kind in ("descripGrp", "adminGrp"):
        for child in element:
            _aux(doc, child, entry, concept_level=concept_level)
    elif kind == "descrip":
        folded = kind_type.casefold()
        if folded in ("", "definition"):
            entry.definition.append(value)
        elif folded == "usage note":
            entry.notes.append(value)
        elif folded == "translation needed":
            entry.read_only = entry.read_only or value.strip().casefold() == "no"
    elif kind == "admin":
        if kind_type == "x-kind":
            entry.kind = value.strip()
        elif kind_type == "source" and concept_level:
            entry.source.append(value)
        elif kind_type.startswith(_COLUMN_PREFIX) and concept_level:
            column = kind_type[len(_COLUMN_PREFIX) :]
            # Closeness to a known name is judged by the import, against the glossary.
            problem = extra_column_problem(column, present=COLUMNS)
            if not problem and any(c == column for c, _ in entry.extra):
                problem = f"column {column!r} given twice in one entry"
            if problem:
                raise doc.error(element, f'<admin type="{kind_type}">: {problem}')
            entry.extra.append((column, value))
    elif kind == "note":
        entry.notes.append(value)
    elif kind == "ref" and kind_type == "crossReference" and not entry.cross_reference:
        entry.cross_reference = element.get("target", "").strip()


def _read_lang_set(doc: ParsedXml, element: ET.Element, entry: _EntryRead) -> None:
    code = element.get(XML_LANG) or element.get("lang")
    if not code:
        raise doc.error(element, "<langSet> without xml:lang")
    lang = Lang.from_code(code)
    for child in element:
        kind = local_name(child.tag)
        if kind in _TERM_GROUPS:
            term = _read_term_group(doc, child, entry)
            if lang is not None:
                entry.terms.setdefault(lang, []).append(term)
        elif lang is not None:
            _aux(doc, child, entry, concept_level=False)


def _read_term_group(doc: ParsedXml, group: ET.Element, entry: _EntryRead) -> _TermRead:
    """A ``tig``, an ``ntig`` (``termGrp`` holds the term and its notes) or a ``termSec``."""
    nodes: list[tuple[str, ET.Element]] = []
    for child in group:
        kind = local_name(child.tag)
        if kind == "termGrp":
            nodes.extend((local_name(inner.tag), inner) for inner in child)
        else:
            nodes.append((kind, child))
    term_node = next((node for kind, node in nodes if kind == "term"), None)
    if term_node is None:
        raise doc.error(group, f"<{local_name(group.tag)}> without <term>")
    text = xml_safe.text_of(term_node).strip()
    if not text:
        raise doc.error(term_node, "empty <term>")
    term = _TermRead(text)
    for kind, node in nodes:
        if kind == "termNote":
            kind_type = node.get("type", "")
            value = xml_safe.text_of(node).strip()
            if kind_type == "administrativeStatus":
                term.admin = value.casefold()
            elif kind_type == "processStatus":
                term.process = value.casefold()
            elif kind_type == "termType":
                term.term_type = value.casefold()
            elif kind_type == "translationNote":
                term.read_only = value.casefold() == "no"
        elif kind != "term":
            _aux(doc, node, entry, concept_level=False)
    return term


def _term(entry: _EntryRead, ids: set[str], taken: set[str], name: str) -> Term | None:
    """The concept of one entry, or None when it has no English or Russian term."""
    if not entry.terms:
        return None
    preferred: dict[Lang, str] = {}
    variants: dict[Lang, list[str]] = {Lang.EN: [], Lang.RU: []}
    forbidden: dict[Lang, list[str]] = {Lang.EN: [], Lang.RU: []}
    for lang, found in entry.terms.items():
        usable = [t for t in found if t.admin not in _FORBIDDEN_VALUES]
        forbidden[lang] = [t.text for t in found if t.admin in _FORBIDDEN_VALUES]
        first = next((t for t in usable if t.admin in _PREFERRED_VALUES), None)
        if first is None:
            first = next((t for t in usable if t.admin not in _ADMITTED_VALUES), None)
        if first is not None:
            preferred[lang] = first.text
        variants[lang] = [t.text for t in usable if t is not first]
    all_terms = [t for found in entry.terms.values() for t in found]
    if entry.read_only or any(t.read_only for t in all_terms):
        # "Do not translate": the term is written the same in both languages.
        source = preferred.get(Lang.EN) or preferred.get(Lang.RU, "")
        for lang in (Lang.EN, Lang.RU):
            preferred.setdefault(lang, source)
    if not (preferred.get(Lang.EN) or preferred.get(Lang.RU)):
        return None  # only forbidden or admitted renderings: nothing to anchor a concept on

    if entry.id and entry.id in taken:
        raise FormatError(name, entry.line, f"duplicate termEntry id {entry.id!r}")

    kind = Kind.TERM
    if entry.kind:
        try:
            kind = Kind(entry.kind)
        except ValueError:
            expected = ", ".join(k.value for k in Kind)
            raise FormatError(
                name, entry.line, f"unknown x-kind {entry.kind!r} (expected {expected})"
            ) from None
    elif any(t.term_type == "acronym" for t in all_terms):
        kind = Kind.ACRONYM

    process = next((t.process for t in all_terms if t.process), "")
    status = _STATUS_OF.get(process, Status.DRAFT)  # not processed by us: a draft
    return new_term(
        entry.id,  # empty when the file names none: the import merge assigns one
        preferred.get(Lang.EN, ""),
        preferred.get(Lang.RU, ""),
        tuple(variants[Lang.EN]),
        tuple(variants[Lang.RU]),
        tuple(forbidden[Lang.EN]),
        tuple(forbidden[Lang.RU]),
        kind,
        entry.cross_reference if entry.cross_reference in ids else "",
        "\n".join(entry.definition),
        "\n".join(entry.notes),
        status,
        tuple(entry.source),
        tuple(entry.extra),
    )
