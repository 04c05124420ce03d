"""Gettext PO/MO for the glossary: one catalog per target language.

``locales/ru/.../glossary.po`` has English msgids and Russian msgstrs;
``locales/en/.../glossary.po`` the reverse. The mapping (docs/catalogs.md):

* fuzzy ⇔ the concept is not reviewed and the msgstr is non-empty;
* ``#.`` definition, kind, variants, forbidden renderings, status, id and the
  entry's *base* (a short hash of the msgstr, fuzzy flag and note it was built with);
* ``#:`` the ``document:line`` references; ``#`` the translator note;
* ``msgctxt`` (the concept id) only where two concepts share a source term.

Only the msgstr, the fuzzy flag and the translator comment are a reviewer's to edit;
:func:`entry_states` reads exactly those back, each with the base it was built from,
so a caller can tell an editor's edit from a change made in terms.csv since.

Reading goes through polib (it keeps comments, flags and line numbers); writing is
done here, line by line, because the catalogs are ours and must be fast and
deterministic at 100k concepts (polib's ``.mo`` writer is quadratic). This module is
the one place that imports polib: drafts, checks and interchange read PO through it.
"""

from __future__ import annotations

import hashlib
import re
import struct
import sys
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import attrgetter, itemgetter
from typing import NamedTuple, TypeAlias, TypeVar

import polib

from glossary.errors import FormatError
from glossary.formats import BOM, decode_text, terms_csv
from glossary.model import Glossary, Kind, Lang, Status, Term, TranslationUnit, fold_term

_T = TypeVar("_T")

__all__ = [
    "BASE_PREFIX",
    "CHECKSUM_HEADER",
    "ENTRIES_HEADER",
    "Catalog",
    "CatalogEntry",
    "CatalogRead",
    "EntryState",
    "POEntry",
    "POFile",
    "PoUnit",
    "Seal",
    "base_of",
    "build_catalog",
    "catalog_of",
    "catalog_states",
    "checksum",
    "checksum_of_bytes",
    "comparable_note",
    "compile_mo",
    "entry_states",
    "header_line",
    "language_of",
    "live_entries",
    "mo_header",
    "new_po",
    "parse_catalog",
    "parse_po",
    "read_translation_units",
    "render_po",
    "renders_as",
    "same_layout",
    "seal_of",
    "state_of",
    "stored_note",
    "translated_count",
    "translation_units",
]

#: polib's types, for modules that build draft catalogs (they need no polib import).
POFile: TypeAlias = polib.POFile
POEntry: TypeAlias = polib.POEntry

CHECKSUM_HEADER = "X-Glossary-Checksum"
#: A digest of the catalog's bytes after its header: proves an untouched build cheaply.
ENTRIES_HEADER = "X-Glossary-Entries"
_DIGEST_DIGITS = 16
PLURAL_FORMS = {
    Lang.RU: (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    Lang.EN: "nplurals=2; plural=(n != 1);",
}
LANGUAGE_NAMES = {Lang.RU: "Russian", Lang.EN: "English"}
_ID_PREFIX = "id: "
BASE_PREFIX = "base: "
#: Hex digits of an entry's base: 48 bits, so a chance edit colliding is negligible.
_BASE_DIGITS = 12
_FUZZY = "fuzzy"
_FUZZY_LINE = f"#, {_FUZZY}"
_MO_MAGIC = 0x950412DE
_MO_HEADER_SIZE = 28
#: An array type of 32-bit unsigned integers (the MO tables).
_U32_BYTES = 4
_U32 = "I" if array("I").itemsize == _U32_BYTES else "L"


@dataclass(frozen=True, slots=True)
class EntryState:
    """What a reviewer can change in one catalog entry (and where it was read)."""

    term_id: str
    rendering: str
    fuzzy: bool
    note: str
    line: int = 0
    #: The base the entry was built with; "" when the entry carries none.
    base: str = ""

    @property
    def key(self) -> tuple[str, bool, str]:
        """What is compared: whitespace in the note is formatting, not an edit."""
        return (self.rendering, self.fuzzy, " ".join(self.note.split()))


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    term_id: str
    msgid: str
    msgstr: str
    fuzzy: bool
    note: str
    extracted: tuple[str, ...]
    occurrences: tuple[str, ...]
    msgctxt: str | None = None


@dataclass(frozen=True, slots=True)
class Catalog:
    """A catalog as we build it: header comment, ordered metadata, rendered entries.

    The entries are kept as the bytes they render to, with the glossary they were
    rendered from and where each starts: a build of a glossary that differs in a few
    concepts copies the rest of them (``previous`` in :func:`build_catalog`), and
    :attr:`entries` gives them as values when someone asks.
    """

    header: str
    metadata: tuple[tuple[str, str], ...]
    glossary: Glossary
    target: Lang
    #: The rendered entries (see :func:`render_po`); their digest is in the metadata.
    #: A view into the file's bytes for a catalog read back (:func:`catalog_of`).
    body: bytes | memoryview
    #: The concept of each entry, in file order.
    ids: tuple[str, ...]
    #: Where each entry starts in :attr:`body`, and then where the body ends.
    starts: tuple[int, ...]
    #: The concepts whose entry carries a msgctxt (their source term is shared).
    contexts: frozenset[str]

    @property
    def entries(self) -> tuple[CatalogEntry, ...]:
        """The entries as values, computed on demand (writing needs only the bytes)."""
        glossary, target, contexts = self.glossary, self.target, self.contexts
        return tuple(
            CatalogEntry(*_fields(glossary[i], glossary, target, i in contexts)) for i in self.ids
        )

    def meta(self, key: str) -> str:
        return next((v for k, v in self.metadata if k == key), "")


def checksum(glossary: Glossary) -> str:
    """Fingerprint of the glossary a catalog was built from (its canonical CSV bytes)."""
    return checksum_of_bytes(terms_csv.write(glossary))


def checksum_of_bytes(data: bytes) -> str:
    """:func:`checksum` of terms.csv as read from disk: its BOM and line ends do not count,
    so a file the tool wrote has the checksum of its glossary without being parsed."""
    if data.startswith(BOM):
        data = data[len(BOM) :]
    return _digest(data.replace(b"\r\n", b"\n").replace(b"\r", b"\n"))


def state_of(term: Term, target: Lang) -> EntryState:
    """The state a build gives the entry of ``term`` in the catalog into ``target``."""
    rendering = term.preferred(target)
    return EntryState(
        term.id, rendering, bool(rendering) and not term.reviewed, comparable_note(term.note)
    )


def base_of(state: EntryState) -> str:
    """The base of an entry in this state (a build writes it as ``#. base: …``)."""
    return _base(*state.key)


def _base(rendering: str, fuzzy: bool, note_key: str) -> str:
    digest = hashlib.sha256(f"{rendering}\0{int(fuzzy)}\0{note_key}".encode())
    return digest.hexdigest()[:_BASE_DIGITS]


def comparable_note(note: str) -> str:
    """A note as a PO comment can carry it: PO readers drop trailing spaces and blank lead lines."""
    return "\n".join(line.rstrip() for line in note.strip("\n").split("\n")).strip("\n")


def stored_note(edited: str, old: str) -> str:
    """The note to store for a comment edited in a catalog.

    A note that was one line stays one line: an editor's wrapping is not the
    reviewer's line break.
    """
    note = comparable_note(edited)
    return " ".join(note.split()) if "\n" not in old else note


# --- building and writing ------------------------------------------------------------


def build_catalog(
    glossary: Glossary,
    target: Lang,
    *,
    revision_date: str,
    last_translator: str = "glossary",
    glossary_checksum: str | None = None,
    previous: Catalog | None = None,
) -> Catalog:
    """The catalog translating into ``target``; deterministic for a given glossary.

    ``previous``, a catalog of the same language rendered from another glossary,
    lends the bytes of every entry whose concept is the very same object in both
    glossaries (and whose full form and msgctxt are unchanged): after a sync or an
    import that touched a few concepts, only those are rendered again.
    """
    source = target.other
    header = (
        f"Glossary of diplomatic and security terms, {LANGUAGE_NAMES[source]} to "
        f"{LANGUAGE_NAMES[target]}.\nGenerated from terms.csv by 'glossary catalogs build'; "
        "edit translations here,\nthen run 'glossary catalogs sync'."
    )
    metadata = (
        ("Project-Id-Version", "glossary"),
        ("Report-Msgid-Bugs-To", ""),
        ("PO-Revision-Date", revision_date),
        ("Last-Translator", last_translator),
        ("Language-Team", LANGUAGE_NAMES[target]),
        ("Language", target.value),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("Plural-Forms", PLURAL_FORMS[target]),
        ("X-Generator", "glossary"),
        (CHECKSUM_HEADER, checksum(glossary) if glossary_checksum is None else glossary_checksum),
        ("X-Source-Language", source.value),
    )
    if previous is not None and (previous.target is not target or len(previous.ids) == 0):
        previous = None
    ids, contexts = _entry_ids(glossary, source, previous)
    body, starts = _render_entries(glossary, target, contexts, previous)
    return Catalog(
        header,
        (*metadata, (ENTRIES_HEADER, _digest(body))),
        glossary,
        target,
        body,
        ids,
        starts,
        contexts,
    )


def catalog_of(raw: bytes, glossary: Glossary, target: Lang) -> Catalog | None:
    """The catalog that ``raw`` is a build of, its entries' bytes taken from ``raw``.

    The caller has proved that ``raw`` is our build of ``glossary``, untouched (its
    checksum header and :func:`seal_of`); this only finds where each entry starts.
    The header is not read: the catalog is meant as ``previous`` of a build. None
    when the entries do not split into one per concept, in order.
    """
    end = raw.find(b"\n\n")
    if end < 0:
        return None
    first = end + 1
    ids, contexts = _entry_ids(glossary, target.other)
    starts = [
        0,
        *(m.start() + 1 - first for m in _ENTRY_GAP.finditer(raw, first)),
        len(raw) - first,
    ]
    if len(starts) != len(ids) + 1:
        return None
    for term_id, at, to in zip(ids, starts, starts[1:], strict=False):
        marker = b"\n#. " + (_ID_PREFIX + term_id).encode() + b"\n"
        if raw.find(marker, first + at, first + to) < 0:
            return None
    body = memoryview(raw)[first:]  # no copy of tens of MB
    return Catalog(
        "",
        (),
        glossary,
        target,
        body,
        ids,
        tuple(starts),
        contexts,
    )


_ENTRY_GAP = re.compile(rb"\n\n")


def _entry_ids(
    glossary: Glossary, source: Lang, previous: Catalog | None = None
) -> tuple[tuple[str, ...], frozenset[str]]:
    """The concepts that get an entry (those with a source term), and those that need a
    msgctxt because another concept folds to the same source term.

    Those of ``previous`` when its glossary has the same concepts with the same
    source terms, in the same order (a sync that changed renderings or notes).
    """
    msgid = attrgetter(source.value)
    if previous is not None and _same_msgids(glossary, previous.glossary, msgid):
        return previous.ids, previous.contexts
    terms = [term for term in glossary.terms if msgid(term)]
    folds = _folds(list(map(msgid, terms)))
    shared = Counter(folds)
    contexts: frozenset[str] = frozenset()
    if len(shared) != len(folds):
        contexts = frozenset(t.id for t, f in zip(terms, folds, strict=True) if shared[f] > 1)
    return tuple(term.id for term in terms), contexts


def _same_msgids(new: Glossary, old: Glossary, msgid: attrgetter[str]) -> bool:
    if len(new.terms) != len(old.terms):
        return False
    for a, b in zip(new.terms, old.terms, strict=True):
        if a is not b and (a.id != b.id or msgid(a) != msgid(b)):
            return False
    return True


def _folds(values: list[str]) -> list[str]:
    """:func:`fold_term` of each value, normalised and case-folded in one pass."""
    joined = "\n".join(values)
    if values and joined.count("\n") == len(values) - 1:
        parts = unicodedata.normalize("NFC", joined).casefold().replace("ё", "е").split("\n")
        if len(parts) == len(values):
            return [" ".join(part.split()) for part in parts]
    return [fold_term(value) for value in values]


def _render_entries(
    glossary: Glossary, target: Lang, contexts: frozenset[str], previous: Catalog | None
) -> tuple[bytes, tuple[int, ...]]:
    """The body and where each entry starts; runs of entries that ``previous`` holds as
    they would render now are copied from its bytes (through a memoryview: no copy)."""
    msgid = attrgetter(target.other.value)
    terms = [term for term in glossary.terms if msgid(term)]
    lent = _lent(terms, glossary, contexts, previous)
    old_body = memoryview(previous.body if previous is not None else b"")
    old_starts = previous.starts if previous is not None else (0,)
    pieces: list[bytes | memoryview] = []
    starts = [0]
    i = 0
    while i < len(terms):
        first = lent[i]
        if first < 0:
            chunk = _entry_bytes(terms[i], glossary, target, terms[i].id in contexts)
            pieces.append(chunk)
            starts.append(starts[-1] + len(chunk))
            i += 1
            continue
        end = i + 1
        while end < len(terms) and lent[end] == lent[end - 1] + 1:
            end += 1
        last = first + end - i
        pieces.append(old_body[old_starts[first] : old_starts[last]])
        shift = starts[-1] - old_starts[first]
        starts.extend(at + shift for at in old_starts[first + 1 : last + 1])
        i = end
    return b"".join(pieces), tuple(starts)


def _lent(
    terms: list[Term], glossary: Glossary, contexts: frozenset[str], previous: Catalog | None
) -> list[int]:
    """For each entry, the position of an entry of ``previous`` with the very bytes it
    would render to now, else -1.

    An entry's bytes depend on its concept, on whether it carries a msgctxt and on the
    concept its full form names, nothing else: all three the same objects as when
    ``previous`` was rendered, the bytes are the same.
    """
    if previous is None:
        return [-1] * len(terms)
    old, old_contexts = previous.glossary, previous.contexts
    index = {term_id: k for k, term_id in enumerate(previous.ids)}
    get, old_get = glossary.get, old.get
    lent = []
    for term in terms:
        term_id = term.id
        k = index.get(term_id, -1)
        if k >= 0 and not (
            old_get(term_id) is term
            and (term_id in contexts) == (term_id in old_contexts)
            and (not term.full_form or old_get(term.full_form) is get(term.full_form))
        ):
            k = -1
        lent.append(k)
    return lent


def _fields(
    term: Term, glossary: Glossary, target: Lang, context: bool
) -> tuple[str, str, str, bool, str, tuple[str, ...], tuple[str, ...], str | None]:
    """The values of a :class:`CatalogEntry` for ``term`` (in its field order).

    Attributes are read by name (``_SIDES``): at 100k concepts the method calls of
    :class:`Term` were a tenth of the build.
    """
    source, target_name, labels = _SIDES[target]
    rendering = getattr(term, target_name)
    fuzzy = bool(rendering) and term.status is not Status.REVIEWED
    note = term.note
    extracted = term.definition.split("\n") if term.definition else []
    extracted.append(_KIND_LINES[term.kind])
    if term.full_form:
        full = glossary.get(term.full_form)
        if full is not None:
            shown = getattr(full, source) or getattr(full, target_name)
            extracted.append(f"full form: {shown}")
    for attribute, label in labels:
        values = getattr(term, attribute)
        if values:
            extracted.append(label + " | ".join(values))
    extracted += (_STATUS_LINES[term.status], _ID_PREFIX + term.id)
    extracted.append(BASE_PREFIX + _base(rendering, fuzzy, " ".join(note.split())))
    return (
        term.id,
        getattr(term, source),
        rendering,
        fuzzy,
        note,
        tuple(extracted),
        tuple(map(_occurrence, term.source)) if term.source else (),
        term.id if context else None,
    )


def _entry_bytes(term: Term, glossary: Glossary, target: Lang, context: bool) -> bytes:
    """``_chunk(*_fields(...))`` in one pass, byte for byte (most of a build's time:
    no tuples of fields in between, constant comment lines made once)."""
    source, target_name, labels = _SIDES[target]
    rendering = getattr(term, target_name)
    fuzzy = bool(rendering) and term.status is not Status.REVIEWED
    note = term.note
    out = [""]
    if note:
        out += [f"# {line}".rstrip() for line in note.split("\n")]
    if term.definition:
        out += [f"#. {line}".rstrip() for line in term.definition.split("\n")]
    out.append(_KIND_COMMENTS[term.kind])
    if term.full_form:
        full = glossary.get(term.full_form)
        if full is not None:
            shown = getattr(full, source) or getattr(full, target_name)
            out.append(f"#. full form: {shown}".rstrip())
    for attribute, label in labels:
        values = getattr(term, attribute)
        if values:
            out.append(f"#. {label}{' | '.join(values)}".rstrip())
    term_id = term.id
    out.append(_STATUS_COMMENTS[term.status])
    out.append(f"#. {_ID_PREFIX}{term_id}".rstrip())
    out.append(f"#. {BASE_PREFIX}{_base(rendering, fuzzy, ' '.join(note.split()))}")
    if term.source:
        out.append("#: " + " ".join(map(_occurrence, term.source)))
    if fuzzy:
        out.append(_FUZZY_LINE)
    if context:
        out.append(f'msgctxt "{_escape(term_id)}"')
    out.append(f'msgid "{_escape(getattr(term, source))}"')
    out.append(f'msgstr "{_escape(rendering)}"\n')
    return "\n".join(out).encode("utf-8")


def _sides(target: Lang) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """Attribute names of the source and target terms, and the labelled ``#.`` lists in
    the order entries show them: variants source then target, forbidden target then source."""
    source = target.other
    return (
        source.value,
        target.value,
        (
            (f"{source.value}_variants", f"{source.value} variants: "),
            (f"{target.value}_variants", f"{target.value} variants: "),
            (f"{target.value}_forbidden", f"{target.value} forbidden: "),
            (f"{source.value}_forbidden", f"{source.value} forbidden: "),
        ),
    )


_SIDES = {lang: _sides(lang) for lang in Lang}
_KIND_LINES = {kind: f"kind: {kind.value}" for kind in Kind}
_STATUS_LINES = {status: f"status: {status.value}" for status in Status}
#: The same as the comment lines an entry shows (none ends in whitespace).
_KIND_COMMENTS = {kind: f"#. {line}".rstrip() for kind, line in _KIND_LINES.items()}
_STATUS_COMMENTS = {status: f"#. {line}".rstrip() for status, line in _STATUS_LINES.items()}


def render_po(catalog: Catalog) -> bytes:
    """The PO text of ``catalog``: unwrapped lines, UTF-8, one blank line between entries."""
    return _header_bytes(catalog) + catalog.body


def renders_as(catalog: Catalog, data: bytes) -> bool:
    """Whether :func:`render_po` of ``catalog`` is ``data`` (compared without making it)."""
    header = _header_bytes(catalog)
    return (
        len(data) == len(header) + len(catalog.body)
        and data.startswith(header)
        and memoryview(data)[len(header) :] == catalog.body
    )


def _header_bytes(catalog: Catalog) -> bytes:
    out = [f"# {line}" if line else "#" for line in catalog.header.split("\n")]
    out.append('msgid ""')
    out.append('msgstr ""')
    out.extend(f'"{_escape(f"{key}: {value}")}\\n"' for key, value in catalog.metadata)
    return ("\n".join(out) + "\n").encode("utf-8")


def _chunk(
    term_id: str,
    msgid: str,
    msgstr: str,
    fuzzy: bool,
    note: str,
    extracted: tuple[str, ...],
    occurrences: tuple[str, ...],
    msgctxt: str | None,
) -> bytes:
    """One entry after the header, preceded by its blank line (encoded alone: one
    100k-entry string of Cyrillic text would cost twice the bytes it becomes)."""
    out = [""]
    if note:
        out += [f"# {line}".rstrip() for line in note.split("\n")]
    out += [f"#. {line}".rstrip() for line in extracted]
    if occurrences:
        out.append("#: " + " ".join(occurrences))
    if fuzzy:
        out.append(_FUZZY_LINE)
    if msgctxt is not None:
        out.append(f'msgctxt "{_escape(msgctxt)}"')
    out.append(f'msgid "{_escape(msgid)}"')
    out.append(f'msgstr "{_escape(msgstr)}"\n')
    return "\n".join(out).encode("utf-8")


def _render_body(entries: Sequence[CatalogEntry]) -> bytes:
    """Every entry after the header, each preceded by a blank line."""
    return b"".join(
        _chunk(e.term_id, e.msgid, e.msgstr, e.fuzzy, e.note, e.extracted, e.occurrences,
               e.msgctxt)
        for e in entries
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Seal:
    """What a catalog's own header says about it, read without parsing the entries."""

    metadata: dict[str, str]
    #: The entries are byte for byte what the build wrote (``X-Glossary-Entries``).
    intact: bool

    @property
    def built_from(self) -> str:
        return self.metadata.get(CHECKSUM_HEADER, "")


_META_LINE = re.compile(r'^"([A-Za-z0-9-]+): (.*)\\n"$')


def seal_of(raw: bytes) -> Seal:
    """The header fields and integrity of PO bytes as :func:`render_po` wrote them.

    An editor's re-save changes the bytes after the header, so ``intact`` is then
    false and the caller compares entry by entry instead.
    """
    end = raw.find(b"\n\n")
    view = memoryview(raw)  # no copy of a 40 MB body just to hash it
    head, body = (raw, view[len(raw) :]) if end < 0 else (raw[: end + 1], view[end + 1 :])
    metadata = {}
    for line in head.decode("utf-8", "replace").split("\n"):
        match = _META_LINE.match(line)
        if match:
            metadata[match.group(1)] = match.group(2)
    recorded = metadata.get(ENTRIES_HEADER)
    return Seal(metadata, recorded is not None and recorded == _digest(body))


def _digest(data: bytes | memoryview) -> str:
    return hashlib.sha256(data).hexdigest()[:_DIGEST_DIGITS]


def compile_mo(catalog: Catalog) -> bytes:
    """MO bytes as msgfmt makes them (translated, non-fuzzy entries), in linear time.

    The GNU layout: a 28-byte header, the table of (length, offset) of the sorted
    original strings, the same for their translations, no hash table, then the
    NUL-terminated strings.
    """
    header = "".join(f"{key}: {value}\n" for key, value in catalog.metadata)
    pairs = [(b"", header.encode("utf-8"))]
    pairs += [(m.encode("utf-8"), t.encode("utf-8")) for m, t in _translated(catalog)]
    pairs.sort(key=itemgetter(0))
    count = len(pairs)
    originals_at = _MO_HEADER_SIZE
    translations_at = originals_at + 8 * count
    strings_at = translations_at + 8 * count
    texts = [pair[0] for pair in pairs] + [pair[1] for pair in pairs]
    lengths = array(_U32, map(len, texts))
    # Each string starts after the previous one and its NUL.
    offsets = array(_U32, accumulate((n + 1 for n in lengths[:-1]), initial=strings_at))
    tables = array(_U32, bytes(8 * len(texts)))
    tables[0::2] = lengths
    tables[1::2] = offsets
    if sys.byteorder != "little":
        tables.byteswap()
    head = struct.pack("<7I", _MO_MAGIC, 0, count, originals_at, translations_at, 0, strings_at)
    texts.append(b"")
    return head + tables.tobytes() + b"\0".join(texts)


def _translated(catalog: Catalog) -> Iterator[tuple[str, str]]:
    """(msgctxt EOT msgid, msgstr) of every entry gettext compiles: translated, not fuzzy."""
    target, contexts = catalog.target, catalog.contexts
    source = target.other
    reviewed = Status.REVIEWED
    both = attrgetter(source.value, target.value)
    for term in catalog.glossary.terms:  # the entries are these, in this order
        msgid, msgstr = both(term)
        if msgid and msgstr and term.status is reviewed:
            yield (f"{term.id}\x04{msgid}" if term.id in contexts else msgid), msgstr


def translated_count(catalog: Catalog) -> int:
    """How many entries a ``.mo`` of ``catalog`` holds, besides its header."""
    return sum(1 for _ in _translated(catalog))


def mo_header(data: bytes) -> dict[str, str] | None:
    """The metadata of a ``.mo`` file (its entry for the empty msgid), None if unreadable."""
    if len(data) < _MO_HEADER_SIZE:
        return None
    magic, _, count, originals_at, translations_at = struct.unpack_from("<5I", data)
    if magic != _MO_MAGIC or count == 0:
        return None
    try:
        length, _ = struct.unpack_from("<2I", data, originals_at)
        t_length, t_offset = struct.unpack_from("<2I", data, translations_at)
        if length != 0:
            return None
        text = data[t_offset : t_offset + t_length].decode("utf-8")
    except (struct.error, UnicodeDecodeError):
        return None
    fields = dict(line.split(": ", 1) for line in text.split("\n") if ": " in line)
    fields["#entries"] = str(count)
    return fields


def same_layout(entry: polib.POEntry, built: CatalogEntry) -> bool:
    """Whether a read entry carries what ``built`` does beyond the reviewer's fields
    (comments compared with whitespace collapsed, references as a set)."""
    occurrences = {f"{f}:{n}" if n else f for f, n in entry.occurrences}
    return (
        entry.msgid == built.msgid
        and (entry.msgctxt or None) == built.msgctxt
        and " ".join(str(entry.comment).split()) == " ".join(" ".join(built.extracted).split())
        and occurrences == set(built.occurrences)
    )


def new_po() -> polib.POFile:
    """An empty, unwrapped catalog for drafts (wrapped comments would split glossary lines)."""
    return polib.POFile(wrapwidth=0)


# --- reading -------------------------------------------------------------------------


def parse_po(data: bytes, name: str) -> polib.POFile:
    """Parse PO bytes, turning polib's complaints into ``name:line: message``.

    A BOM, CRLF or CR line ends are accepted; text that is not UTF-8, a malformed
    line or an escape gettext does not know (``\\q``) is a :class:`FormatError`.
    """
    return _parse_text(decode_text(data, name).replace("\r\n", "\n").replace("\r", "\n"), name)


def _parse_text(text: str, name: str) -> polib.POFile:
    _check_syntax(text, name)
    try:
        po = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError, UnicodeError) as exc:
        message, line = _polib_complaint(str(exc))
        raise FormatError(name, line, f"malformed PO file: {message.lower()}") from exc
    po.glossary_header_lines = _header_lines(text)
    return po


#: polib's complaint: ``Syntax error in po file [path ](line N)[: detail]``.
_POLIB_LINE = re.compile(r"\s*\(line (\d+)\)(?::\s*(.*))?$", re.DOTALL)


def _polib_complaint(message: str) -> tuple[str, int]:
    """polib's message without its ``(line N)`` and that line (0 when it names none).

    The detail after the line (``: unknown keyword foo``) is kept: dropping the line
    only when it ended the message once left such errors without one.
    """
    found = _POLIB_LINE.search(message)
    if found is None:
        return message, 0
    head = message[: found.start()]
    return (f"{head}: {found.group(2)}" if found.group(2) else head), int(found.group(1))


#: A header field's first line inside the header entry: ``"Language: ru\n"``.
_HEADER_FIELD = re.compile(r'"([^":\s]+):')


def _header_lines(text: str) -> dict[str, int]:
    """The line of each header field, and of the header entry under ``""`` (polib keeps neither).

    The header entry is the first ``msgid ""`` with no ``msgctxt``; its fields are the
    quoted lines up to the blank line that ends it.
    """
    lines: dict[str, int] = {}
    previous = ""
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if "" not in lines:
            if stripped == 'msgid ""' and not previous.startswith("msgctxt"):
                lines[""] = number
            elif stripped.startswith("msgid"):
                return lines  # the first entry is not a header
            previous = stripped
            continue
        if not stripped:
            break
        field = _HEADER_FIELD.match(stripped)
        if field:
            lines.setdefault(field.group(1), number)
    return lines


def header_line(po: polib.POFile, header: str) -> int:
    """The line of ``header`` in the file ``po`` was parsed from: the field's own
    line, else the header entry's, else 0 (the file has no header entry)."""
    lines: dict[str, int] = getattr(po, "glossary_header_lines", {})
    return lines.get(header, lines.get("", 0))


def parse_catalog(data: bytes, name: str) -> polib.POFile:
    """:func:`parse_po` for a glossary catalog: plural and duplicate entries are errors.

    A glossary entry has one msgstr; a plural entry or a second entry for one msgid
    would silently empty or override a reviewed rendering, so both stop the read.
    """
    return _checked_catalog(parse_po(data, name), name)


def _checked_catalog(po: polib.POFile, name: str) -> polib.POFile:
    seen: set[tuple[str | None, str]] = set()
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            raise FormatError(
                name,
                entry.linenum,
                f"plural entry {entry.msgid!r} (msgid_plural): a glossary entry has one msgstr",
            )
        key = (entry.msgctxt or None, entry.msgid)
        if key in seen:
            raise FormatError(name, entry.linenum, f"duplicate entry for {entry.msgid!r}")
        seen.add(key)
    return po


class CatalogRead(NamedTuple):
    """What :func:`catalog_states` read from a catalog."""

    #: The reviewer-editable state of each entry read, in file order.
    states: list[EntryState]
    #: The catalog's header and the entries only polib could read.
    po: polib.POFile
    #: Concepts whose entry is byte for byte what ``expected`` renders (not in ``states``).
    unedited: frozenset[str]


def catalog_states(
    data: bytes,
    glossary: Glossary,
    name: str,
    *,
    strict: bool = True,
    expected: Catalog | None = None,
) -> CatalogRead:
    """:func:`entry_states` of catalog bytes, fast on blocks in the shape we write.

    With ``expected`` (a build of ``glossary`` into this catalog's language), entry
    blocks byte for byte as it renders them are not read at all: their concepts are
    listed as :attr:`CatalogRead.unedited`. Each other block exactly as
    :func:`render_po` lays it out (one-line strings, known escapes, an ``id:`` and a
    ``base:`` line) is read here line by line; every other block (an editor's rewrap,
    a plural, anything unusual) is left for polib. Line numbers stay right because
    the blocks not left to polib are blanked, not removed.
    """
    if data.startswith(BOM):
        data = data[len(BOM) :]
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    unedited: dict[str, int] = {}
    if expected is not None:
        data = _blank_unedited(data, expected, unedited)
    fast, keys, rest = _read_fast_blocks(decode_text(data, name), glossary, name)
    # the blank lines after the last block left to polib (usually the header) are the
    # blocks read or found unedited: polib and the syntax check need not walk them
    po = _checked_catalog(_parse_text(rest.rstrip("\n") + "\n", name), name)
    for entry in po:
        key = (entry.msgctxt or None, entry.msgid)
        if not entry.obsolete and key in keys:
            raise FormatError(name, entry.linenum, f"duplicate entry for {entry.msgid!r}")
        if not entry.obsolete:
            keys[key] = entry.linenum
    slow = entry_states(po, glossary, name, strict=strict)
    states = sorted([*fast, *slow], key=lambda s: s.line)
    seen: dict[str, int] = {}
    for state in states:
        if state.term_id in seen:
            raise FormatError(
                name,
                state.line,
                f"second entry for {state.term_id!r} (first at line {seen[state.term_id]})",
            )
        seen[state.term_id] = state.line
    if unedited:
        _check_against_unedited(name, expected, unedited, keys, seen)
    return CatalogRead(states, po, frozenset(unedited))


def _read_fast_blocks(
    text: str, glossary: Glossary, name: str
) -> tuple[list[EntryState], dict[tuple[str | None, str], int], str]:
    """The states of the plain blocks (:func:`_plain_block`) that name a concept and
    carry a base, the (msgctxt, msgid) of each with its line, and ``text`` with those
    blocks blanked (for polib)."""
    keys: dict[tuple[str | None, str], int] = {}

    def take(block: str, line: int) -> EntryState | None:
        plain = _plain_block(block)
        if plain is None:
            return None
        note, named, base = plain.comment_fields()
        term_id = plain.msgctxt or named  # as :func:`_entry_id_and_base`
        if not base or term_id not in glossary:
            return None
        key = (plain.msgctxt or None, plain.msgid)
        if key in keys:
            raise FormatError(name, line, f"duplicate entry for {plain.msgid!r}")
        keys[key] = line
        return EntryState(term_id, plain.msgstr, plain.fuzzy, comparable_note(note), line, base)

    taken, rest = _take_blocks(text, take)
    return [state for _, state in taken], keys, rest


def _take_blocks(
    text: str, take: Callable[[str, int], _T | None]
) -> tuple[list[tuple[int, _T]], str]:
    """What ``take`` reads of each block of ``text`` (given with its first line), and
    ``text`` with the blocks it read blanked, their lines kept, so polib's errors on
    the rest keep their line numbers.

    A block is offered to ``take`` only after one that ends an entry with its msgstr:
    polib reads entries, not blocks, and joins a block to what an unfinished one before
    it left (a comment after its msgstr, a msgid without one), or reads the comments of
    a file's first block as the file's own.
    """
    taken: list[tuple[int, _T]] = []
    rest: list[str] = []
    line = 1
    end = done = newlines = 0
    closed = False  # whether the block before ends an entry
    for match in _BLOCK.finditer(text):
        start = match.start()
        line += newlines + start - end  # between blocks there are only newlines
        end = match.end()
        block = match.group()
        newlines = block.count("\n")
        read = take(block, line) if closed else None
        if read is not None:
            taken.append((line, read))
            rest += (text[done:start], "\n" * newlines)
            done = end
        else:
            closed = _ends_entry(block)
    rest.append(text[done:])
    return taken, "".join(rest)


def _ends_entry(block: str) -> bool:
    """Whether polib has read a msgstr (and its continuations) last in ``block``, so that
    the next line opens an entry of its own (as polib reads lines: stripped, ``#~ ``
    marking an obsolete entry's)."""
    for text in reversed(block.split("\n")):
        text = text.strip()
        if text[:2] == "#~" and text[2:3].isspace():
            text = text[3:].strip()
        if not text.startswith('"'):
            return text.startswith("msgstr")
    return False


#: A block: a run of lines that are not empty.
_BLOCK = re.compile(r"[^\n]+(?:\n[^\n]+)*")


def _blank_unedited(data: bytes, expected: Catalog, unedited: dict[str, int]) -> bytes:
    """``data`` with every block that ``expected`` renders byte for byte blanked (its
    lines kept, empty); ``unedited`` gets the concept and first line of each.

    A block is compared with the expected entry at the same position first, then
    with the entry its ``#. id:`` line names (an editor may reorder or insert).
    Blocks in the runs that :func:`_known_runs` proves equal are not compared again.
    """
    body, starts, ids = bytes(expected.body), expected.starts, expected.ids
    pieces = data.split(b"\n\n")
    head, tail, first_tail = _known_runs(data, pieces, body, starts)
    index: dict[str, int] | None = None
    line = pieces[0].count(b"\n") + 3
    at = 0  # the expected entry the next block should be
    last = len(pieces) - 1
    for i in range(1, len(pieces)):
        piece = pieces[i]
        newlines = piece.count(b"\n")
        block = piece[:-1] if i == last and piece.endswith(b"\n") else piece
        k = at
        if (i <= head and k == i - 1) or (i >= tail and k == first_tail + i - tail):
            pass  # this block is entry k byte for byte
        elif k >= len(ids) or body[starts[k] + 1 : starts[k + 1] - 1] != block:
            if index is None:
                index = {term_id: n for n, term_id in enumerate(ids)}
            k = index.get(_block_id(block), -1)
            if k < 0 or body[starts[k] + 1 : starts[k + 1] - 1] != block:
                k = -1
        if k >= 0 and ids[k] not in unedited:
            unedited[ids[k]] = line
            pieces[i] = b"\n" * newlines
            at = k + 1
        line += newlines + 2
    return b"\n\n".join(pieces)


#: Bytes compared at once while looking for where two catalogs start to differ.
_WINDOW = 1 << 16


def _known_runs(
    data: bytes, pieces: list[bytes], body: bytes, starts: tuple[int, ...]
) -> tuple[int, int, int]:
    """``(head, tail, first)``: ``pieces[1 : head + 1]`` (``data`` split at blank
    lines) are the first ``head`` entries of ``body`` byte for byte, and ``pieces[tail:]``
    its entries from ``first`` on (the last with its final line feed).

    Found by comparing the bytes of ``data`` after its first piece with ``body`` from
    both ends, in windows (an edit or two leave all but a few entries in place); each
    run ends where the split cuts, at a blank line.
    """
    entries = len(starts) - 1
    size = len(body)
    base = len(pieces[0]) + 1  # where ``body`` would start in ``data``
    if len(pieces) == 1 or entries == 0:
        return 0, len(pieces), entries
    head = bisect_right(starts, _common_run(data, base, body)) - 1
    if base + starts[head] < len(data) and data[base + starts[head]] != ord("\n"):
        head -= 1  # that entry goes on: no blank line after it
    first = bisect_left(starts, size - _common_run(data, base, body, from_end=True))
    while first < entries:
        at = len(data) - size + starts[first]  # the entry's blank line in ``data``
        if at >= base + starts[head] and data[max(at - 2, 0) : at] == b'"\n':
            break  # the split cuts just before the entry's blank line
        first += 1
    tail = len(pieces) - (entries - first)
    if tail <= head:
        return head, len(pieces), entries
    return head, tail, first


def _common_run(data: bytes, at: int, body: bytes, *, from_end: bool = False) -> int:
    """How many bytes ``data`` from ``at`` and ``body`` start with alike (end with,
    ``from_end``): whole windows compared at C speed, the first unequal one bisected."""
    end = min(len(data) - at, len(body))

    def same(done: int, size: int) -> bool:
        if from_end:
            return (
                data[len(data) - done - size : len(data) - done]
                == body[len(body) - done - size : len(body) - done]
            )
        return data[at + done : at + done + size] == body[done : done + size]

    done = 0
    while done < end:
        step = min(_WINDOW, end - done)
        if not same(done, step):
            while step > 1:
                half = step // 2
                if same(done, half):
                    done += half
                    step -= half
                else:
                    step = half
            return done
        done += step
    return end


def _block_id(block: bytes) -> str:
    """The concept a block's ``#. id:`` line names ("" without one)."""
    marker = b"\n#. " + _ID_PREFIX.encode()
    found = block.find(marker)
    if found < 0:
        return ""
    found += len(marker)
    end = block.find(b"\n", found)
    return block[found : end if end >= 0 else len(block)].decode("utf-8", "replace").strip()


def _check_against_unedited(
    name: str,
    expected: Catalog | None,
    unedited: dict[str, int],
    keys: dict[tuple[str | None, str], int],
    seen: dict[str, int],
) -> None:
    """The checks of a second entry for one concept or one msgid, between the blocks
    that were read and those that were not (:func:`_blank_unedited`)."""
    if expected is not None and keys:
        source = expected.target.other.value
        glossary, contexts = expected.glossary, expected.contexts
        for term_id, line in unedited.items():
            msgid = getattr(glossary[term_id], source)
            key = (term_id if term_id in contexts else None, msgid)
            if key in keys:
                raise FormatError(name, max(line, keys[key]), f"duplicate entry for {msgid!r}")
    for term_id, line in seen.items():
        if term_id in unedited:
            first, second = sorted((line, unedited[term_id]))
            raise FormatError(name, second, f"second entry for {term_id!r} (first at line {first})")


def language_of(po: polib.POFile, name: str, header: str = "Language") -> Lang:
    """The language a PO header names (``ru``, ``ru_RU``, ``en-GB``), else a FormatError."""
    value = po.metadata.get(header, "")
    lang = Lang.from_code(value)
    if lang is None:
        raise FormatError(
            name, header_line(po, header), f"{header} header {value!r} is not en or ru"
        )
    return lang


def entry_states(
    po: polib.POFile, glossary: Glossary, name: str, *, strict: bool = True
) -> list[EntryState]:
    """The reviewer-editable state of every live entry, keyed by concept id.

    An entry is matched by its ``msgctxt``, else its ``#. id:`` comment, else its msgid;
    one that matches no concept is a :class:`FormatError` when ``strict``, else skipped.
    Two entries for one concept are an error too (one would override the other).
    """
    source = Lang.from_code(po.metadata.get("X-Source-Language", "")) or language_of(po, name).other
    by_source: dict[str, list[str]] = {}

    def concepts_of(msgid: str) -> list[str]:
        if not by_source:  # built on first need: most catalogs name every concept by id
            for term in glossary:
                if term.preferred(source):
                    by_source.setdefault(term.preferred(source), []).append(term.id)
        return by_source.get(msgid, [])

    states = []
    lines: dict[str, int] = {}
    for entry in po:
        if entry.obsolete:
            continue
        term_id, base = _entry_id_and_base(entry)
        if term_id not in glossary:
            ids = concepts_of(entry.msgid)
            if len(ids) != 1:
                if not strict:
                    continue
                raise FormatError(
                    name, entry.linenum, f"entry {entry.msgid!r} matches no concept in terms.csv"
                )
            term_id = ids[0]
        if term_id in lines and strict:
            raise FormatError(
                name,
                entry.linenum,
                f"second entry for {term_id!r} (first at line {lines[term_id]})",
            )
        lines[term_id] = entry.linenum
        states.append(
            EntryState(
                term_id,
                entry.msgstr,
                entry.fuzzy,
                comparable_note(entry.tcomment),
                entry.linenum,
                base,
            )
        )
    return states


@dataclass(frozen=True, slots=True)
class PoUnit:
    """One live entry of any PO file, as every reader of PO needs it."""

    msgid: str
    #: The msgstr; for a plural entry its first form.
    msgstr: str
    fuzzy: bool
    msgctxt: str
    line: int
    references: tuple[str, ...]

    @property
    def reviewed(self) -> bool:
        """Translated and not fuzzy: what gettext compiles and memory may trust."""
        return bool(self.msgstr) and not self.fuzzy


def live_entries(po: polib.POFile) -> list[PoUnit]:
    """Every entry but the header and obsolete ones (the one place that walks polib entries)."""
    units = []
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        msgstr = entry.msgstr
        if entry.msgid_plural:
            msgstr = (entry.msgstr_plural or {}).get(0, "")
        units.append(
            PoUnit(
                entry.msgid,
                msgstr,
                entry.fuzzy,
                entry.msgctxt or "",
                entry.linenum,
                tuple(":".join(p for p in ref if p) for ref in entry.occurrences),
            )
        )
    return units


def translation_units(
    po: polib.POFile, name: str, *, origin_by_line: bool = False
) -> list[TranslationUnit]:
    """The reviewed (translated, non-fuzzy) entries of a catalog as translation units.

    The ``Language`` header is the target language; the source is ``X-Source-Language``
    when set, else the other language. A unit's origin is its first ``#:`` reference
    (or ``name:line`` when it has none, or when ``origin_by_line``).
    """
    target = language_of(po, name)
    source_header = po.metadata.get("X-Source-Language", "")
    source = language_of(po, name, "X-Source-Language") if source_header else target.other
    return [
        TranslationUnit(
            source,
            unit.msgid,
            target,
            unit.msgstr,
            unit.references[0] if unit.references and not origin_by_line else f"{name}:{unit.line}",
        )
        for unit in live_entries(po)
        if unit.reviewed
    ]


def read_translation_units(data: bytes, name: str) -> list[TranslationUnit]:
    """:func:`translation_units` of PO bytes (``name:line`` origins), fast on plain blocks.

    A block of comments, then ``msgctxt``/``msgid``/``msgstr`` on one line each with known
    escapes (the layout the catalogs are written in) is read here; every other block (the
    header, an obsolete, plural or wrapped entry, anything unusual) is left to polib, which
    gets the text with the fast blocks blanked, so its errors keep their lines. The units
    are the same, in the same order, as :func:`parse_po` then :func:`translation_units`.
    """
    text = decode_text(data, name).replace("\r\n", "\n").replace("\r", "\n")
    taken, rest = _take_blocks(text, _trusted)
    fast = [(line, pair[0], pair[1]) for line, pair in taken if pair]
    # the blank lines after the last block left to polib (usually the header) are all
    # of a catalog we wrote: polib and the syntax check need not walk them
    po = _parse_text(rest.rstrip("\n") + "\n", name)
    target = language_of(po, name)
    source_header = po.metadata.get("X-Source-Language", "")
    source = language_of(po, name, "X-Source-Language") if source_header else target.other
    slow = [(u.line, u.msgid, u.msgstr) for u in live_entries(po) if u.reviewed]
    read = sorted([*fast, *slow], key=itemgetter(0)) if slow else fast  # fast: in file order
    return [
        TranslationUnit(source, msgid, target, msgstr, f"{name}:{at}") for at, msgid, msgstr in read
    ]


def _trusted(block: str, _line: int) -> tuple[str, str] | tuple[()] | None:
    """(msgid, msgstr) of a plain block translated and not fuzzy (what memory may trust),
    () of another plain block, None of a block left to polib.

    A tuple of strings, not the block: 100k block objects kept until the units are made
    cost the collector a third of the read of a 100k-entry catalog (it walks them again
    and again; it drops a tuple of strings from its watch at the first pass).
    """
    plain = _plain_block(block)
    if plain is None:
        return None
    return (plain.msgid, plain.msgstr) if plain.msgstr and not plain.fuzzy else ()


#: A string of a plain block: one line, known escapes only (anything else is polib's).
_PLAIN_STRING = r'"((?:[^"\\\n]|\\[\\"ntr])*)"'
#: A plain block: comment lines (``#``, ``# …``, ``#. …``, ``#: …``, ``#, …``), then an
#: optional ``msgctxt`` and one ``msgid`` and one ``msgstr``, each on one line. A ``#.``,
#: ``#:`` or ``#,`` line with nothing after it is polib's: it skips the line, so an entry
#: that opens with one starts a line later for it.
_PLAIN_BLOCK = re.compile(
    rf"((?:#(?:[.:,] [^\S\n]*\S[^\n]*| [^\n]*)?\n)*)(?:msgctxt {_PLAIN_STRING}\n)?"
    rf"msgid {_PLAIN_STRING}\nmsgstr {_PLAIN_STRING}"
)
_UNESCAPES = {"\\\\": "\\", '\\"': '"', "\\n": "\n", "\\t": "\t", "\\r": "\r"}
_UNESCAPE = re.compile(r'\\[\\"ntr]')


@dataclass(frozen=True, slots=True)
class _PlainBlock:
    """An entry block in the plain layout (the one :func:`render_po` writes), read as
    polib reads it: the one reader of the catalogs' sync and of the draft memory."""

    msgctxt: str | None
    msgid: str
    msgstr: str
    fuzzy: bool
    #: The comment lines, each ending in a newline (:meth:`comment_fields` reads them).
    comments: str

    def comment_fields(self) -> tuple[str, str, str]:
        """The translator comment (``#`` lines, polib's ``tcomment``), the first
        ``#. id:`` and the last ``#. base:`` value ("" without one).

        Read on demand: the draft memory needs none of them, and reading them for
        every block made its read of a 100k-entry catalog about twice as slow.
        """
        note: list[str] = []
        term_id = base = ""
        for key, value, comment in _COMMENT_FIELD.findall("\n" + self.comments):
            if key == _ID_KEY:
                term_id = term_id or value.rstrip()
            elif key:
                base = value.rstrip()
            else:
                note.append(comment.rstrip())
        # polib drops empty lines that open the comment
        return "\n".join(note).lstrip("\n"), term_id, base


_ID_KEY = _ID_PREFIX.removesuffix(": ")
#: The comment lines that carry a field, as polib reads them (it strips each line), each
#: after its newline: ``#. id: …`` and ``#. base: …`` (key, value), ``#`` and ``# …``
#: (comment). Other ``#.`` lines, ``#:`` and ``#,`` do not match.
_COMMENT_FIELD = re.compile(
    rf"\n#(?:\. [^\S\n]*({_ID_KEY}|{BASE_PREFIX.removesuffix(': ')}): [^\S\n]*(\S.*)"
    r"| (.*)|(?=\n))"
)


def _plain_block(block: str) -> _PlainBlock | None:
    """A block in the plain layout, or None to leave it to polib (the header, an
    obsolete, plural or wrapped entry, an escape or a comment we do not write)."""
    match = _PLAIN_BLOCK.fullmatch(block)
    if match is None:
        return None
    comments, msgctxt, msgid, msgstr = match.groups()
    if not msgid:
        return None
    if "\\" in block:  # one test of the block, not a call for each string
        msgid, msgstr = _unescape(msgid), _unescape(msgstr)
        msgctxt = None if msgctxt is None else _unescape(msgctxt)
    return _PlainBlock(
        msgctxt,
        msgid,
        msgstr,
        "#, " in comments and _FUZZY in comments and _is_fuzzy(comments),
        comments,
    )


def _is_fuzzy(comments: str) -> bool:
    """polib's fuzzy: the word among the comma-separated flags of any ``#, `` line."""
    return any(
        _FUZZY in (f.strip() for f in text[3:].split(","))
        for text in comments.split("\n")
        if text.startswith("#, ")
    )


def _unescape(text: str) -> str:
    return _UNESCAPE.sub(lambda m: _UNESCAPES[m.group()], text)


# --- internals -----------------------------------------------------------------------

_STRING = r'"(?:[^"\\]|\\.)*"'
_KEYWORD_LINE = re.compile(
    rf"(?:#~\s*|#\|\s*)?(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+{_STRING}\s*\Z"
)
_CONTINUATION_LINE = re.compile(rf"(?:#~\s*|#\|\s*)?{_STRING}\s*\Z")
#: Escapes polib turns back into their characters; any other one would be kept verbatim.
_BAD_ESCAPE = re.compile(r'\\[^\\"ntr]')
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"})


def _escape(text: str) -> str:
    # ``in`` tests first: translate with a table of strings costs ~1 µs even when
    # nothing changes, four times per entry.
    if '"' in text or "\\" in text or "\n" in text or "\t" in text or "\r" in text:
        return text.translate(_ESCAPES)
    return text


def _check_syntax(text: str, name: str) -> None:
    """Reject what polib would silently misread (an unterminated string loses text)."""
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if not stripped or (stripped.startswith("#") and not stripped.startswith(("#~", "#|"))):
            continue
        if stripped.startswith(("#~", "#|")) and not stripped[2:].strip().startswith(("msg", '"')):
            continue
        if not (_KEYWORD_LINE.match(stripped) or _CONTINUATION_LINE.match(stripped)):
            raise FormatError(name, number, f"malformed PO line: {stripped[:60]!r}")
        bad = _BAD_ESCAPE.search(stripped.replace("\\\\", ""))
        if bad:
            raise FormatError(name, number, f"unknown escape {bad.group()!r} in a string")


def _entry_id_and_base(entry: polib.POEntry) -> tuple[str, str]:
    term_id = str(entry.msgctxt) if entry.msgctxt else ""
    base = ""
    for line in str(entry.comment).splitlines():
        line = line.strip()
        if line.startswith(_ID_PREFIX) and not term_id:
            term_id = line[len(_ID_PREFIX) :].strip()
        elif line.startswith(BASE_PREFIX):
            base = line[len(BASE_PREFIX) :].strip()
    return term_id, base


def _occurrence(reference: str) -> str:
    document, sep, line = reference.rpartition(":")
    if sep and line.isdigit() and document:
        return f"{document.replace(' ', '_')}:{line}"
    return reference.replace(" ", "_")
