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
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias

import polib

from glossary.errors import FormatError
from glossary.formats import BOM, decode_text, terms_csv
from glossary.model import Glossary, Kind, Lang, Status, Term, TranslationUnit, fold_term

__all__ = [
    "BASE_PREFIX",
    "CHECKSUM_HEADER",
    "ENTRIES_HEADER",
    "Catalog",
    "CatalogEntry",
    "EntryState",
    "POEntry",
    "POFile",
    "PoUnit",
    "Seal",
    "base_of",
    "build_catalog",
    "catalog_states",
    "checksum",
    "checksum_of_bytes",
    "comparable_note",
    "compile_mo",
    "entry_states",
    "language_of",
    "live_entries",
    "mo_header",
    "new_po",
    "parse_catalog",
    "parse_po",
    "render_po",
    "same_layout",
    "seal_of",
    "state_of",
    "stored_note",
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
_MO_MAGIC = 0x950412DE
_MO_HEADER_SIZE = 28


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
    """A catalog as we build it: header comment, ordered metadata, entries."""

    header: str
    metadata: tuple[tuple[str, str], ...]
    entries: tuple[CatalogEntry, ...]
    #: The rendered entries (see :func:`render_po`); their digest is in the metadata.
    body: bytes = b""

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
) -> Catalog:
    """The catalog translating into ``target``; deterministic for a given glossary."""
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
        (CHECKSUM_HEADER, glossary_checksum or checksum(glossary)),
        ("X-Source-Language", source.value),
    )
    msgids = [term.preferred(source) for term in glossary]
    folds = [fold_term(msgid) if msgid else "" for msgid in msgids]
    shared = Counter(folds)
    kinds = {kind: f"kind: {kind.value}" for kind in Kind}
    statuses = {status: f"status: {status.value}" for status in Status}
    entries = []
    for term, msgid, fold in zip(glossary, msgids, folds, strict=True):
        if not msgid:
            continue
        rendering = term.preferred(target)
        fuzzy = bool(rendering) and term.status is not Status.REVIEWED
        note = term.note
        extracted = term.definition.split("\n") if term.definition else []
        extracted.append(kinds[term.kind])
        _describe(extracted, term, glossary, source, target)
        extracted += (statuses[term.status], _ID_PREFIX + term.id)
        extracted.append(BASE_PREFIX + _base(rendering, fuzzy, " ".join(note.split())))
        entries.append(
            CatalogEntry(
                term_id=term.id,
                msgid=msgid,
                msgstr=rendering,
                fuzzy=fuzzy,
                note=note,
                extracted=tuple(extracted),
                occurrences=tuple(_occurrence(ref) for ref in term.source),
                msgctxt=term.id if shared[fold] > 1 else None,
            )
        )
    body = _render_body(entries)
    return Catalog(header, (*metadata, (ENTRIES_HEADER, _digest(body))), tuple(entries), body)


def render_po(catalog: Catalog) -> bytes:
    """The PO text of ``catalog``: unwrapped lines, UTF-8, one blank line between entries."""
    out = [f"# {line}" if line else "#" for line in catalog.header.split("\n")]
    out.append('msgid ""')
    out.append('msgstr ""')
    out.extend(f'"{_escape(f"{key}: {value}")}\\n"' for key, value in catalog.metadata)
    return ("\n".join(out) + "\n").encode("utf-8") + catalog.body


def _render_body(entries: Sequence[CatalogEntry]) -> bytes:
    """Every entry after the header, each preceded by a blank line.

    Encoded entry by entry: one 100k-entry string of Cyrillic text would cost twice
    the bytes it becomes.
    """
    chunks: list[bytes] = []
    for entry in entries:
        out = [""]
        if entry.note:
            out.extend(f"# {line}".rstrip() for line in entry.note.split("\n"))
        out.extend(f"#. {line}".rstrip() for line in entry.extracted)
        if entry.occurrences:
            out.append("#: " + " ".join(entry.occurrences))
        if entry.fuzzy:
            out.append(f"#, {_FUZZY}")
        if entry.msgctxt is not None:
            out.append(f'msgctxt "{_escape(entry.msgctxt)}"')
        out.append(f'msgid "{_escape(entry.msgid)}"')
        out.append(f'msgstr "{_escape(entry.msgstr)}"\n')
        chunks.append("\n".join(out).encode("utf-8"))
    return b"".join(chunks)


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
    for entry in catalog.entries:
        if entry.msgstr and not entry.fuzzy:
            key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
            pairs.append((key.encode("utf-8"), entry.msgstr.encode("utf-8")))
    pairs.sort(key=lambda pair: pair[0])
    count = len(pairs)
    originals_at = _MO_HEADER_SIZE
    translations_at = originals_at + 8 * count
    strings_at = translations_at + 8 * count
    tables: list[int] = []
    strings: list[bytes] = []
    offset = strings_at
    for column in (0, 1):
        for pair in pairs:
            text = pair[column]
            tables += (len(text), offset)
            strings.append(text + b"\0")
            offset += len(text) + 1
    head = struct.pack("<7I", _MO_MAGIC, 0, count, originals_at, translations_at, 0, strings_at)
    return head + struct.pack(f"<{2 * 2 * count}I", *tables) + b"".join(strings)


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
        return polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError, UnicodeError) as exc:
        message = str(exc)
        line = 0
        if "(line " in message:
            tail = message.rsplit("(line ", 1)[1].rstrip(")")
            line = int(tail) if tail.isdigit() else 0
            message = message.rsplit(" (line ", 1)[0]
        raise FormatError(name, line, f"malformed PO file: {message.lower()}") from exc


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


def catalog_states(
    data: bytes, glossary: Glossary, name: str, *, strict: bool = True
) -> tuple[list[EntryState], polib.POFile]:
    """:func:`entry_states` of catalog bytes, fast on blocks in the shape we write.

    Each entry block exactly as :func:`render_po` lays it out (one-line strings, known
    escapes, an ``id:`` and a ``base:`` line) is read here line by line; every other
    block (an editor's rewrap, a plural, anything unusual) is left for polib, whose
    line numbers stay right because the blocks read here are blanked, not removed.
    Returns the states in file order and the polib file of the remaining blocks (its
    header is the catalog's header).
    """
    text = decode_text(data, name).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    fast: list[EntryState] = []
    keys: dict[tuple[str | None, str], int] = {}
    start = 0
    while start < len(lines):
        if not lines[start]:
            start += 1
            continue
        end = start
        while end < len(lines) and lines[end]:
            end += 1
        read = _fast_block(lines[start:end], start + 1, glossary)
        if read is not None:
            state, key = read
            if key in keys:
                raise FormatError(name, start + 1, f"duplicate entry for {key[1]!r}")
            keys[key] = start + 1
            fast.append(state)
            lines[start:end] = [""] * (end - start)
        start = end
    po = _checked_catalog(_parse_text("\n".join(lines), name), name)
    for entry in po:
        key = (entry.msgctxt or None, entry.msgid)
        if not entry.obsolete and key in keys:
            raise FormatError(name, entry.linenum, f"duplicate entry for {entry.msgid!r}")
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
    return states, po


_FAST_STRING = re.compile(r'"((?:[^"\\]|\\[\\"ntr])*)"')
_UNESCAPES = {"\\\\": "\\", '\\"': '"', "\\n": "\n", "\\t": "\t", "\\r": "\r"}
_UNESCAPE = re.compile(r'\\[\\"ntr]')


def _fast_block(
    block: list[str], line: int, glossary: Glossary
) -> tuple[EntryState, tuple[str | None, str]] | None:
    """The state of a block in our own layout, or None to leave it to polib."""
    note: list[str] = []
    strings: dict[str, str] = {}
    term_id = base = ""
    fuzzy = False
    for text in block:
        if text.startswith("#. "):
            if text.startswith("#. " + _ID_PREFIX):
                term_id = text[len("#. " + _ID_PREFIX) :].strip()
            elif text.startswith("#. " + BASE_PREFIX):
                base = text[len("#. " + BASE_PREFIX) :].strip()
        elif text.startswith("#, "):
            fuzzy = _FUZZY in (f.strip() for f in text[3:].split(","))
        elif text == "#" or text.startswith("# "):
            note.append(text[2:])
        elif text.startswith(("#: ", "#.")):
            continue
        else:
            keyword, _, literal = text.partition(" ")
            match = _FAST_STRING.fullmatch(literal)
            if keyword not in ("msgctxt", "msgid", "msgstr") or match is None or keyword in strings:
                return None
            strings[keyword] = _UNESCAPE.sub(lambda m: _UNESCAPES[m.group()], match.group(1))
    if "msgctxt" in strings:
        term_id = strings["msgctxt"]
    if not base or not strings.get("msgid") or "msgstr" not in strings or term_id not in glossary:
        return None
    state = EntryState(
        term_id, strings["msgstr"], fuzzy, comparable_note("\n".join(note)), line, base
    )
    return state, (strings.get("msgctxt"), strings["msgid"])


def language_of(po: polib.POFile, name: str, header: str = "Language") -> Lang:
    """The language a PO header names (``ru``, ``ru_RU``, ``en-GB``), else a FormatError."""
    value = po.metadata.get(header, "")
    lang = Lang.from_code(value)
    if lang is None:
        raise FormatError(name, 1, f"{header} header {value!r} is not en or ru")
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
    for term in glossary:
        if term.preferred(source):
            by_source.setdefault(term.preferred(source), []).append(term.id)
    states = []
    lines: dict[str, int] = {}
    for entry in po:
        if entry.obsolete:
            continue
        term_id, base = _entry_id_and_base(entry)
        if term_id not in glossary:
            ids = by_source.get(entry.msgid, [])
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
    return text.translate(_ESCAPES)


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


def _describe(lines: list[str], term: Term, glossary: Glossary, source: Lang, target: Lang) -> None:
    """The ``#.`` lines between kind and status: full form, variants, forbidden renderings."""
    full = glossary.get(term.full_form) if term.full_form else None
    if full is not None:
        lines.append(f"full form: {full.preferred(source) or full.preferred(target)}")
    for lang in (source, target):
        variants = term.variants(lang)
        if variants:
            lines.append(f"{lang.value} variants: " + " | ".join(variants))
    for lang in (target, source):
        forbidden = term.forbidden(lang)
        if forbidden:
            lines.append(f"{lang.value} forbidden: " + " | ".join(forbidden))


def _occurrence(reference: str) -> str:
    document, sep, line = reference.rpartition(":")
    if sep and line.isdigit() and document:
        return f"{document.replace(' ', '_')}:{line}"
    return reference.replace(" ", "_")
