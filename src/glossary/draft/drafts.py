"""Draft translations as a PO file: one entry per source sentence.

Each entry carries ``#:`` document:line, a ``#. glossary: term → rendering (status)``
line for every glossary concept in the sentence, and a draft from, in order:

1. the reviewer's own earlier translation of this sentence (re-drafting an updated
   text, msgmerge semantics), or of a similar sentence that disappeared (fuzzy, with
   ``#| msgid`` showing the old source);
2. translation memory, exact then fuzzy above a threshold (``#. draft: memory 92% …``;
   a fuzzy match is checked against the glossary and flagged, never rewritten);
3. machine translation with glossary enforcement (``#. draft: machine translation …``);
4. nothing: an empty msgstr, which gettext treats as untranslated.

Every draft that is not a reviewer's own is ``fuzzy`` (Poedit: "Needs work").
Translations a reviewer made (non-fuzzy, non-empty) are never replaced; entries whose
sentence left the text are kept as obsolete (``#~``) when a reviewer translated them.

Pure core: segments, memory and translator come in, a PO file (:mod:`glossary.formats.po`)
comes out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence, Sized
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from glossary.draft.enforce import Enforced, Enforcer
from glossary.draft.machine import Translator
from glossary.draft.memory import DEFAULT_THRESHOLD, TranslationMemory, fold_segment
from glossary.errors import MachineTranslationError
from glossary.formats.po import LANGUAGE_NAMES, PLURAL_FORMS, POEntry, POFile, new_po
from glossary.matching import TermMatcher
from glossary.model import Glossary, Lang
from glossary.text.segment import Segment

__all__ = [
    "DRAFT_PREFIX",
    "Draft",
    "Drafter",
    "build_po",
    "draft_po_bytes",
]

#: Extracted-comment prefixes written by the drafter (refreshed on every re-draft).
DRAFT_PREFIX = "draft: "


@dataclass(frozen=True, slots=True)
class Draft:
    """The draft of one sentence before it becomes a PO entry."""

    segment: Segment
    msgstr: str = ""
    fuzzy: bool = False
    glossary: tuple[str, ...] = ()
    provenance: tuple[str, ...] = ()
    #: The memory source a fuzzy draft translates (PO ``#| msgid``: Poedit shows the change).
    previous: str = ""


@dataclass(slots=True)
class _Pending:
    index: int
    segment: Segment
    glossary: tuple[str, ...]
    draft: Draft | None = None
    machine: str = ""
    enforced: Enforced | None = None
    known_for: dict[str, str] = field(default_factory=dict)


class Drafter:
    """Makes drafts of sentences from memory, then the machine, then nothing."""

    def __init__(
        self,
        glossary: Glossary,
        source: Lang,
        target: Lang,
        *,
        memory: TranslationMemory | None = None,
        translator: Translator | None = None,
        translator_label: str = "",
        batch_size: int = 32,
        matcher: TermMatcher | None = None,
    ) -> None:
        self.glossary = glossary
        self.source = source
        self.target = target
        self.memory = memory
        self.translator = translator
        self.translator_label = translator_label or f"{source.value}→{target.value}"
        self.batch_size = max(1, batch_size)
        self.enforcer = Enforcer(glossary, source, target, matcher)

    def glossary_notes(self, text: str) -> tuple[str, ...]:
        """``glossary: term → rendering (status)`` for every concept in the sentence."""
        notes = []
        for _, term in self.enforcer.source_terms(text):
            rendering = term.preferred(self.target) or "(no rendering yet)"
            line = f"glossary: {term.preferred(self.source)} → {rendering} ({term.status.value})"
            if term.forbidden(self.target):
                line += "; not: " + " | ".join(term.forbidden(self.target))
            notes.append(line)
        return tuple(notes)

    def draft(self, segments: Sequence[Segment]) -> Iterator[Draft]:
        """One draft per segment, in order; machine translation goes in batches."""
        for start in range(0, len(segments), self.batch_size):
            yield from self._draft_batch(segments[start : start + self.batch_size])

    def _draft_batch(self, segments: Sequence[Segment]) -> list[Draft]:
        pending = [_Pending(i, s, self.glossary_notes(s.text)) for i, s in enumerate(segments)]
        for item in pending:
            match = self.memory.lookup(item.segment.text) if self.memory else None
            if match is not None:
                where = f" {match.origin}" if match.origin else ""
                notes = [f"{DRAFT_PREFIX}memory {match.score:.0f}%{where}"]
                if not match.exact:
                    # A similar sentence's translation: say which terms it lacks, but do
                    # not rewrite a reviewer's words.
                    checked = self.enforcer.enforce(item.segment.text, match.target, correct=False)
                    flags = checked.flags
                    notes.extend(f"review: {flag}" for flag in flags)
                item.draft = Draft(
                    item.segment,
                    match.target.strip(),
                    True,
                    item.glossary,
                    tuple(notes),
                    "" if match.exact else match.source,
                )
        todo = [item for item in pending if item.draft is None]
        if self.translator is not None and todo:
            self._machine(todo)
        return [item.draft or Draft(item.segment, "", False, item.glossary) for item in pending]

    def _machine(self, todo: list[_Pending]) -> None:
        assert self.translator is not None
        outputs = _checked(self.translator.translate([item.segment.text for item in todo]), todo)
        # Terms the draft lacks: translate them alone, to find the words standing in for them.
        wanted: dict[str, None] = {}
        for item, output in zip(todo, outputs, strict=True):
            item.machine = " ".join(output.split())  # one line, as msgfmt -c wants
            if not item.machine:
                continue
            for span, term in self.enforcer.missing(item.segment.text, item.machine):
                for text in (span.text, term.preferred(self.source)):
                    if text:
                        wanted[text] = None
                        item.known_for.setdefault(text, term.id)
        alone: dict[str, str] = {}
        if wanted:
            terms = list(wanted)
            alone = dict(zip(terms, _checked(self.translator.translate(terms), terms), strict=True))
        for item in todo:
            if not item.machine:
                continue
            known: dict[str, list[str]] = {}
            for text, term_id in item.known_for.items():
                if alone.get(text, "").strip():
                    known.setdefault(term_id, []).append(alone[text].strip().rstrip("."))
            enforced = self.enforcer.enforce(item.segment.text, item.machine, known)
            item.draft = Draft(
                item.segment,
                enforced.text,
                True,
                item.glossary,
                (f"{DRAFT_PREFIX}machine translation ({self.translator_label})", *enforced.notes),
            )


def _checked(outputs: Sequence[str], inputs: Sized) -> Sequence[str]:
    if len(outputs) != len(inputs):
        raise MachineTranslationError(
            f"the translator returned {len(outputs)} translations for {len(inputs)} sentences"
        )
    return outputs


def _occurrence(document: str, line: int) -> tuple[str, str]:
    return (document.replace(" ", "_") or "stdin", str(line))


def build_po(
    drafts: Iterable[Draft],
    document: str,
    source: Lang,
    target: Lang,
    *,
    existing: POFile | None = None,
    revision_date: str = "",
    threshold: float = DEFAULT_THRESHOLD,
    headers: Mapping[str, str] | None = None,
) -> POFile:
    """The PO file of ``drafts``, merged with an ``existing`` one msgmerge-style.

    Identical sentences share one entry with several ``#:`` references. ``headers``
    are added to the header entry (the document skeleton ``render`` needs).
    """
    po = new_po()
    po.header = (
        f"Draft translation of {document}, {LANGUAGE_NAMES[source]} to {LANGUAGE_NAMES[target]}.\n"
        "Made by 'glossary draft'; every draft is fuzzy until a reviewer accepts it."
    )
    old_meta = existing.metadata if existing is not None else {}
    po.metadata = {
        "Project-Id-Version": old_meta.get("Project-Id-Version", document or "draft"),
        "Report-Msgid-Bugs-To": "",
        "PO-Revision-Date": old_meta.get("PO-Revision-Date", "") or revision_date,
        "Last-Translator": old_meta.get("Last-Translator", "glossary"),
        "Language-Team": old_meta.get("Language-Team", LANGUAGE_NAMES[target]),
        "Language": target.value,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS[target],
        "X-Generator": "glossary draft",
        "X-Source-Language": source.value,
        **(headers or {}),
    }
    entries: dict[str, POEntry] = {}
    for draft in drafts:
        key = draft.segment.text
        if key in entries:
            entries[key].occurrences.append(_occurrence(document, draft.segment.line))
            continue
        entry = POEntry(
            msgid=key,
            msgstr=draft.msgstr,
            comment="\n".join((*draft.glossary, *draft.provenance)),
            occurrences=[_occurrence(document, draft.segment.line)],
            flags=["fuzzy"] if draft.fuzzy and draft.msgstr else [],
        )
        if draft.previous and draft.msgstr and draft.previous != key:
            entry.previous_msgid = draft.previous
        entries[key] = entry
    reused = _merge(entries, existing, threshold) if existing is not None else set()
    for entry in entries.values():
        po.append(entry)
    for old in existing or ():
        # msgmerge keeps vanished translations as obsolete entries; we keep a reviewer's.
        if old.msgid in entries or old.msgid in reused or old.msgctxt:
            continue
        if old.obsolete or _reviewed(old):
            po.append(_obsolete(old))
    return po


def _reviewed(entry: POEntry) -> bool:
    """A reviewer's translation: non-empty and not fuzzy."""
    return bool(entry.msgid) and bool(entry.msgstr) and not entry.fuzzy


def _merge(entries: dict[str, POEntry], existing: POFile, threshold: float) -> set[str]:
    """Carry the existing translations over; return the vanished msgids reused as fuzzy."""
    reused: set[str] = set()
    old_by_id = {e.msgid: e for e in existing if e.msgid and not e.msgctxt and not e.obsolete}
    # msgmerge revives an obsolete entry whose msgid comes back.
    for e in existing:
        if e.obsolete and e.msgid and not e.msgctxt:
            old_by_id.setdefault(e.msgid, e)
    vanished = {
        e.msgid: e for e in existing if _reviewed(e) and not e.msgctxt and e.msgid not in entries
    }
    folded_vanished = {fold_segment(k): k for k in vanished}
    for msgid, entry in entries.items():
        old = old_by_id.get(msgid)
        if old is not None and old.msgstr:
            entry.msgstr = old.msgstr
            entry.tcomment = old.tcomment
            entry.flags = list(old.flags)
            entry.previous_msgid = old.previous_msgid if old.fuzzy else None
            if old.fuzzy:
                # A draft left for review: keep what was said about it.
                provenance = [c for c in old.comment.splitlines() if not c.startswith("glossary: ")]
                glossary = [c for c in entry.comment.splitlines() if c.startswith("glossary: ")]
                entry.comment = "\n".join((*glossary, *provenance))
            else:
                entry.comment = "\n".join(
                    c for c in entry.comment.splitlines() if c.startswith("glossary: ")
                )
            continue
        if old is not None and old.tcomment:
            entry.tcomment = old.tcomment
        if not folded_vanished:
            continue
        best = process.extractOne(
            fold_segment(msgid), list(folded_vanished), scorer=fuzz.ratio, score_cutoff=threshold
        )
        if best is None:
            continue
        previous = vanished[folded_vanished[best[0]]]
        entry.msgstr = previous.msgstr
        entry.tcomment = previous.tcomment
        entry.flags = ["fuzzy"]
        entry.previous_msgid = previous.msgid
        glossary = [c for c in entry.comment.splitlines() if c.startswith("glossary: ")]
        entry.comment = "\n".join(
            (*glossary, f"{DRAFT_PREFIX}previous translation {best[1]:.0f}% (the source changed)")
        )
        reused.add(previous.msgid)
    return reused


def _obsolete(old: POEntry) -> POEntry:
    entry = POEntry(
        msgid=old.msgid,
        msgstr=old.msgstr,
        tcomment=old.tcomment,
        flags=list(old.flags),
        obsolete=True,
    )
    return entry


def draft_po_bytes(po: POFile) -> bytes:
    """The bytes of a draft, as polib writes it (the catalogs have their own writer,
    ``formats.po.render_po``)."""
    return (str(po).rstrip("\n") + "\n").encode("utf-8")
