"""Gettext PO/MO for the glossary: one catalog per target language.

``locales/ru/.../glossary.po`` has English msgids and Russian msgstrs;
``locales/en/.../glossary.po`` the reverse. The mapping (design.md):

* fuzzy ⇔ the concept is not reviewed and the msgstr is non-empty;
* ``#.`` definition, kind, variants, forbidden renderings, status and id;
* ``#:`` the ``document:line`` references; ``#`` the translator note;
* ``msgctxt`` (the concept id) only where two concepts share a source term.

Only the msgstr, the fuzzy flag and the translator comment are a reviewer's to edit;
:func:`entry_states` reads exactly those back.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass

import polib

from glossary.errors import FormatError
from glossary.formats import terms_csv
from glossary.model import Glossary, Lang, Term, fold_term

__all__ = [
    "CHECKSUM_HEADER",
    "EntryState",
    "build_catalog",
    "checksum",
    "comparable_note",
    "compile_mo",
    "entry_states",
    "parse_po",
    "render_po",
    "state_of",
]

CHECKSUM_HEADER = "X-Glossary-Checksum"
PLURAL_FORMS = {
    Lang.RU: (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    Lang.EN: "nplurals=2; plural=(n != 1);",
}
LANGUAGE_NAMES = {Lang.RU: "Russian", Lang.EN: "English"}
_ID_PREFIX = "id: "


@dataclass(frozen=True, slots=True)
class EntryState:
    """What a reviewer can change in one catalog entry."""

    term_id: str
    rendering: str
    fuzzy: bool
    note: str
    line: int = 0


def checksum(glossary: Glossary) -> str:
    """Fingerprint of the glossary a catalog was built from (its canonical CSV bytes)."""
    return hashlib.sha256(terms_csv.write(glossary)).hexdigest()[:16]


def state_of(term: Term, target: Lang) -> EntryState:
    rendering = term.preferred(target)
    return EntryState(
        term.id, rendering, bool(rendering) and not term.reviewed, comparable_note(term.note)
    )


def comparable_note(note: str) -> str:
    """A note as a PO comment can carry it: PO readers drop trailing spaces and blank lead lines."""
    return "\n".join(line.rstrip() for line in note.strip("\n").split("\n")).strip("\n")


def build_catalog(
    glossary: Glossary,
    target: Lang,
    *,
    revision_date: str,
    last_translator: str = "glossary",
) -> polib.POFile:
    """The catalog translating into ``target``; deterministic for a given glossary."""
    source = target.other
    po = polib.POFile(wrapwidth=0)  # wrapping comments would be lossy
    po.header = (
        f"Glossary of diplomatic and security terms, {LANGUAGE_NAMES[source]} to "
        f"{LANGUAGE_NAMES[target]}.\nGenerated from terms.csv by 'glossary catalogs build'; "
        "edit translations here,\nthen run 'glossary catalogs sync'."
    )
    po.metadata = {
        "Project-Id-Version": "glossary",
        "Report-Msgid-Bugs-To": "",
        "PO-Revision-Date": revision_date,
        "Last-Translator": last_translator,
        "Language-Team": LANGUAGE_NAMES[target],
        "Language": target.value,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS[target],
        "X-Generator": "glossary",
        "X-Source-Language": source.value,
        CHECKSUM_HEADER: checksum(glossary),
    }
    shared = Counter(fold_term(t.preferred(source)) for t in glossary if t.preferred(source))
    for term in glossary:
        msgid = term.preferred(source)
        if not msgid:
            continue
        state = state_of(term, target)
        entry = polib.POEntry(
            msgid=msgid,
            msgstr=state.rendering,
            comment=_extracted_comment(term, glossary, source, target),
            tcomment=term.note,
            occurrences=[_occurrence(ref) for ref in term.source],
            flags=["fuzzy"] if state.fuzzy else [],
        )
        if shared[fold_term(msgid)] > 1:
            entry.msgctxt = term.id
        po.append(entry)
    return po


def render_po(po: polib.POFile) -> bytes:
    return (str(po).rstrip("\n") + "\n").encode("utf-8")


def compile_mo(po: polib.POFile) -> bytes:
    """MO bytes as msgfmt makes them: translated, non-fuzzy entries only."""
    return bytes(po.to_binary())


def parse_po(data: bytes, name: str) -> polib.POFile:
    """Parse PO bytes, turning polib's complaints into ``name:line: message``."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FormatError(name, line, f"not UTF-8 (byte 0x{data[exc.start]:02x})") from exc
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


def entry_states(
    po: polib.POFile, glossary: Glossary, name: str, *, strict: bool = True
) -> list[EntryState]:
    """The reviewer-editable state of every live entry, keyed by concept id.

    An entry is matched by its ``msgctxt``, else its ``#. id:`` comment, else its msgid;
    one that matches no concept is a :class:`FormatError` when ``strict``, else skipped.
    """
    source = Lang.from_code(po.metadata.get("X-Source-Language", "")) or Lang.EN
    by_source: dict[str, list[str]] = {}
    for term in glossary:
        if term.preferred(source):
            by_source.setdefault(term.preferred(source), []).append(term.id)
    states = []
    for entry in po:
        if entry.obsolete:
            continue
        term_id = _entry_id(entry)
        if term_id not in glossary:
            ids = by_source.get(entry.msgid, [])
            if len(ids) != 1:
                if not strict:
                    continue
                raise FormatError(
                    name, entry.linenum, f"entry {entry.msgid!r} matches no concept in terms.csv"
                )
            term_id = ids[0]
        states.append(
            EntryState(
                term_id,
                entry.msgstr,
                "fuzzy" in entry.flags,
                comparable_note(entry.tcomment),
                entry.linenum,
            )
        )
    return states


_STRING = r'"(?:[^"\\]|\\.)*"'
_KEYWORD_LINE = re.compile(
    rf"(?:#~\s*|#\|\s*)?(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+{_STRING}\s*\Z"
)
_CONTINUATION_LINE = re.compile(rf"(?:#~\s*|#\|\s*)?{_STRING}\s*\Z")


def _check_syntax(text: str, name: str) -> None:
    """Reject what polib would silently misread (an unterminated string loses text)."""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or (stripped.startswith("#") and not stripped.startswith(("#~", "#|"))):
            continue
        if stripped.startswith(("#~", "#|")) and not stripped[2:].strip().startswith(("msg", '"')):
            continue
        if not (_KEYWORD_LINE.match(stripped) or _CONTINUATION_LINE.match(stripped)):
            raise FormatError(name, number, f"malformed PO line: {stripped[:60]!r}")


def _entry_id(entry: polib.POEntry) -> str:
    if entry.msgctxt:
        return str(entry.msgctxt)
    for line in str(entry.comment).splitlines():
        if line.startswith(_ID_PREFIX):
            return line[len(_ID_PREFIX) :].strip()
    return ""


def _extracted_comment(term: Term, glossary: Glossary, source: Lang, target: Lang) -> str:
    lines = [term.definition] if term.definition else []
    lines.append(f"kind: {term.kind.value}")
    if term.full_form and term.full_form in glossary:
        full = glossary[term.full_form]
        lines.append(f"full form: {full.preferred(source) or full.preferred(target)}")
    for lang in (source, target):
        if term.variants(lang):
            lines.append(f"{lang.value} variants: " + " | ".join(term.variants(lang)))
    for lang in (target, source):
        if term.forbidden(lang):
            lines.append(f"{lang.value} forbidden: " + " | ".join(term.forbidden(lang)))
    lines.append(f"status: {term.status.value}")
    lines.append(_ID_PREFIX + term.id)
    return "\n".join(lines)


def _occurrence(reference: str) -> tuple[str, str]:
    document, sep, line = reference.rpartition(":")
    if sep and line.isdigit() and document:
        return (document.replace(" ", "_"), line)
    return (reference.replace(" ", "_"), "")
