"""Importing a glossary from another tool: the merge, pure (no files).

Each concept read from the file is matched to the glossary

1. by id, when the file carries one and the glossary has it;
2. else by lemma key: ``TermMatcher(glossary).exact()`` of its English and Russian
   terms (so *гарантиям безопасности* finds *гарантии безопасности*); a concept matching
   in both languages wins; two different concepts matching equally is a conflict.

A matched concept takes the file's values for the fields the format carries
(``fields``); an empty value (or the default kind ``term``) in the file never clears
one in the glossary, and a file's status never takes a review back (it only promotes).
A change to a reviewed concept is a conflict and is left out unless ``force``. An unmatched concept
is added, keeping the file's id when it is a free, valid slug. The caller decides what
to write: nothing is written here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import polib

from glossary.errors import FormatError
from glossary.matching import TermMatcher
from glossary.model import (
    Glossary,
    Kind,
    Lang,
    Status,
    Term,
    TranslationUnit,
    fold_term,
    make_id,
    validate,
)
from glossary.text.normalize import default_normalizer

__all__ = ["Change", "ImportReport", "merge", "reviewed_units"]

_SCALARS = ("en", "ru", "kind", "full_form", "definition", "note", "status")
_TUPLES = ("en_variants", "ru_variants", "en_forbidden", "ru_forbidden", "source", "extra")


@dataclass(frozen=True, slots=True)
class Change:
    """What happened to one concept of the file."""

    term_id: str
    #: Field names that changed (or would have, for a conflict).
    fields: tuple[str, ...] = ()
    message: str = ""

    def __str__(self) -> str:
        detail = self.message or ", ".join(self.fields)
        return f"{self.term_id}: {detail}" if detail else self.term_id


@dataclass(frozen=True, slots=True)
class ImportReport:
    glossary: Glossary
    added: tuple[Change, ...] = ()
    updated: tuple[Change, ...] = ()
    unchanged: tuple[Change, ...] = ()
    conflicts: tuple[Change, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)


@dataclass(slots=True)
class _Merge:
    glossary: Glossary
    fields: frozenset[str]
    force: bool
    given_matcher: TermMatcher | None
    taken: set[str]
    result: dict[str, Term] = field(default_factory=dict)
    added: list[Change] = field(default_factory=list)
    updated: list[Change] = field(default_factory=list)
    unchanged: list[Change] = field(default_factory=list)
    conflicts: list[Change] = field(default_factory=list)
    #: File id → id in the glossary, to re-point full_form references.
    ids: dict[str, str] = field(default_factory=dict)
    #: Folded terms of concepts added by this import, to catch repeats within the file.
    new_terms: dict[tuple[Lang, str], str] = field(default_factory=dict)
    seen: dict[str, str] = field(default_factory=dict)

    @property
    def matcher(self) -> TermMatcher:
        """Built on first use: a file whose ids all match never pays for the automaton."""
        if self.given_matcher is None:
            self.given_matcher = TermMatcher(self.glossary)
        return self.given_matcher

    def key(self, text: str) -> tuple[str, ...]:
        normalizer = self.given_matcher.normalizer if self.given_matcher else default_normalizer()
        return normalizer.key(text)


def merge(
    glossary: Glossary,
    incoming: Iterable[Term],
    fields: frozenset[str],
    *,
    force: bool = False,
    name: str = "",
    matcher: TermMatcher | None = None,
) -> ImportReport:
    """Merge ``incoming`` concepts into ``glossary``; see the module docstring."""
    state = _Merge(glossary, fields, force, matcher, glossary.ids())
    # First decide where every concept goes, so that full_form references to concepts
    # later in the file can be re-pointed to their ids in the glossary.
    decisions = [(new, _resolve(state, new)) for new in incoming]
    for new, decision in decisions:
        if isinstance(decision, Change):
            state.conflicts.append(decision)
            continue
        new = _repoint(new, state.ids)
        if isinstance(decision, str):
            state.result[decision] = replace(new, id=decision)
            state.added.append(Change(decision))
        else:
            _update(state, decision, new)
    merged = glossary.with_terms(state.result.values())
    problems = validate(merged.terms)
    if problems:
        first = problems[0]
        bad = merged.terms[first.index]
        raise FormatError(name or "import", 0, f"concept {bad.id!r}: {first.message}")
    return ImportReport(
        merged,
        tuple(state.added),
        tuple(state.updated),
        tuple(state.unchanged),
        tuple(state.conflicts),
    )


def _resolve(state: _Merge, new: Term) -> Term | str | Change:
    """The concept ``new`` updates, the id it is added under, or why it cannot be merged."""
    label = new.id or new.en or new.ru
    existing = _match(state, new)
    if isinstance(existing, Change):
        return existing
    if existing is None:
        return _reserve(state, new)
    if existing.id in state.seen:
        return Change(
            label,
            message=f"matches {existing.id!r} like {state.seen[existing.id]!r} "
            "earlier in the file; kept the first",
        )
    state.seen[existing.id] = label
    if new.id:
        state.ids[new.id] = existing.id
    return existing


def _update(state: _Merge, existing: Term, new: Term) -> None:
    for lang in Lang:
        # An inflected or differently cased form of the same term is no change:
        # the glossary keeps its dictionary form.
        theirs, ours = new.preferred(lang), existing.preferred(lang)
        if theirs and ours and theirs != ours and state.key(theirs) == state.key(ours):
            new = new.with_preferred(lang, ours)
    updated, changed = _apply(existing, new, state.fields)
    if not changed:
        state.unchanged.append(Change(existing.id))
    elif existing.reviewed and not state.force:
        message = f"reviewed concept differs in {', '.join(changed)} (use --force to overwrite)"
        state.conflicts.append(Change(existing.id, changed, message))
    else:
        state.result[existing.id] = updated
        state.updated.append(Change(existing.id, changed))


def _match(state: _Merge, new: Term) -> Term | Change | None:
    if new.id and new.id in state.glossary:
        return state.glossary[new.id]
    for lang in Lang:
        text = new.preferred(lang)
        other = state.new_terms.get((lang, fold_term(text))) if text else None
        if other is not None:
            label = new.id or text
            return Change(label, message=f"repeats {other!r}, added earlier from the file")
    scores: dict[str, int] = {}
    for lang in Lang:
        text = new.preferred(lang)
        if not text:
            continue
        for term_id in {d.term_id for d in state.matcher.exact(text) if d.lang is lang}:
            scores[term_id] = scores.get(term_id, 0) + 1
    if not scores:
        return None
    best = max(scores.values())
    winners = sorted(t for t, s in scores.items() if s == best)
    if len(winners) > 1:
        return Change(
            new.id or new.en or new.ru,
            message="matches several concepts (" + ", ".join(winners) + "); give it an id",
        )
    return state.glossary[winners[0]]


def _reserve(state: _Merge, new: Term) -> str:
    """A free id for a new concept: the file's own when it is a valid slug."""
    term_id = new.id
    if not term_id or term_id in state.taken or validate([Term(term_id, en="-")]):
        term_id = make_id(new.en or new.ru, state.taken)
    state.taken.add(term_id)
    if new.id:
        state.ids[new.id] = term_id
    for lang in Lang:
        if new.preferred(lang):
            state.new_terms[(lang, fold_term(new.preferred(lang)))] = term_id
    return term_id


def _apply(old: Term, new: Term, fields: frozenset[str]) -> tuple[Term, tuple[str, ...]]:
    """``old`` with the carried, non-empty values of ``new``, and the names that changed."""
    changes: dict[str, object] = {}
    for name in (*_SCALARS, *_TUPLES):
        if name not in fields:
            continue
        value = getattr(new, name)
        if name == "status":
            if old.reviewed and value is not Status.REVIEWED:
                continue  # a file cannot take a review back; edit terms.csv for that
        elif not value or (name == "kind" and value is Kind.TERM):
            continue  # nothing said: "term" is the kind of a concept nobody classified
        if value != getattr(old, name):
            changes[name] = value
    if "extra" in changes:
        # Extra columns merge by name: a column the file lacks keeps its value.
        merged = dict(old.extra)
        merged.update(new.extra)
        changes["extra"] = tuple(merged.items())
        if changes["extra"] == old.extra:
            del changes["extra"]
    return replace(old, **changes), tuple(changes)  # type: ignore[arg-type]


def _repoint(term: Term, ids: dict[str, str]) -> Term:
    if term.full_form and term.full_form in ids and ids[term.full_form] != term.full_form:
        return replace(term, full_form=ids[term.full_form])
    return term


def reviewed_units(po: polib.POFile, name: str) -> list[TranslationUnit]:
    """The reviewed segments of a draft catalog: translated, not fuzzy, not obsolete.

    The catalog's ``Language`` header is the target language; the source is the other.
    """
    code = po.metadata.get("Language", "").replace("_", "-").split("-")[0].lower()
    try:
        target = Lang(code)
    except ValueError:
        raise FormatError(
            name, 1, f"Language header {po.metadata.get('Language', '')!r} is not en or ru"
        ) from None
    units = []
    for entry in po:
        if entry.obsolete or entry.fuzzy or not entry.msgstr or not entry.msgid:
            continue
        origin = (
            ":".join(p for p in entry.occurrences[0] if p)
            if entry.occurrences
            else f"{name}:{entry.linenum}"
        )
        units.append(TranslationUnit(target.other, entry.msgid, target, entry.msgstr, origin))
    return units
