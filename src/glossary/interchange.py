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

Hostile cells are refused with the file's line (a :class:`FormatError`, so nothing is
written): a value that would enter terms.csv starting like a spreadsheet formula
(:func:`glossary.formats.cells.formula_sign`, the set the exports defuse), unless
terms.csv already holds that very value; and an extra column that would stand in for
a known one (``status``, ``ru``, a misspelt ``defintion``). Changed extra columns are
reported by their own names, so the report shows every column an import writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from glossary.errors import FormatError
from glossary.formats.cells import formula_sign
from glossary.formats.po import POFile, translation_units
from glossary.matching import TermMatcher
from glossary.model import (
    LIST_SEPARATOR,
    Glossary,
    Kind,
    Lang,
    Status,
    Term,
    TranslationUnit,
    extra_column_problem,
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
    #: Id in the result → line of the file's concept that wrote it.
    lines: dict[str, int] = field(default_factory=dict)

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
    lines: Sequence[int] = (),
) -> ImportReport:
    """Merge ``incoming`` concepts into ``glossary``; see the module docstring.

    ``lines`` (parallel to ``incoming``, e.g. :attr:`Glossary.lines`) place refusals in
    the file; without them messages name line 0.
    """
    state = _Merge(glossary, fields, force, matcher, glossary.ids())
    name = name or "import"
    # First decide where every concept goes, so that full_form references to concepts
    # later in the file can be re-pointed to their ids in the glossary.
    decisions = [(new, _resolve(state, new)) for new in incoming]
    for index, (new, decision) in enumerate(decisions):
        if isinstance(decision, Change):
            state.conflicts.append(decision)
            continue
        line = lines[index] if index < len(lines) else 0
        _check_columns(new, glossary, name, line)
        new = _repoint(new, state.ids)
        if isinstance(decision, str):
            state.result[decision] = replace(new, id=decision)
            state.added.append(Change(decision))
            state.lines[decision] = line
            _refuse_formulas(state.result[decision], None, name, line)
        else:
            _update(state, decision, new)
            if decision.id in state.result:
                state.lines[decision.id] = line
                _refuse_formulas(state.result[decision.id], decision, name, line)
    merged = glossary.with_terms(state.result.values())
    problems = validate(merged.terms)
    if problems:
        first = problems[0]
        bad = merged.terms[first.index]
        raise FormatError(
            name, _line_of(state, bad.id, first.message), f"concept {bad.id!r}: {first.message}"
        )
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


def _line_of(state: _Merge, term_id: str, message: str) -> int:
    """The file line behind a problem: its concept's, else that of a concept it names."""
    if term_id in state.lines:
        return state.lines[term_id]
    return next((line for i, line in state.lines.items() if f"{i!r}" in message), 0)


def _check_columns(new: Term, glossary: Glossary, name: str, line: int) -> None:
    """Extra columns may add columns to terms.csv, never stand in for a known one."""
    for column, _ in new.extra:
        problem = extra_column_problem(column, present=glossary.columns)
        if problem:
            raise FormatError(name, line, f"concept {new.id or new.en or new.ru!r}: {problem}")


def _cell_values(term: Term) -> dict[str, str]:
    """Every text a concept puts into terms.csv, by column (lists joined as written)."""
    cells = {
        "id": term.id,
        "en": term.en,
        "ru": term.ru,
        "full_form": term.full_form,
        "definition": term.definition,
        "note": term.note,
    }
    for name in ("en_variants", "ru_variants", "en_forbidden", "ru_forbidden", "source"):
        cells[name] = LIST_SEPARATOR.join(getattr(term, name))
    cells.update(term.extra)
    return cells


def _refuse_formulas(term: Term, old: Term | None, name: str, line: int) -> None:
    """No import writes a cell a spreadsheet would run; terms.csv's own values may stay."""
    before = _cell_values(old) if old is not None else {}
    for column, value in _cell_values(term).items():
        values = value.split(LIST_SEPARATOR) if column in _TUPLES else [value]
        old_values = set(before.get(column, "").split(LIST_SEPARATOR))
        for cell in values:
            sign = formula_sign(cell)
            if sign is not None and cell not in old_values:
                raise FormatError(
                    name,
                    line,
                    f"concept {term.id!r}: {column} {cell!r} starts with {sign!r}, which a "
                    "spreadsheet runs as a formula; refused (imports never write formula "
                    "cells into terms.csv: edit the file, or terms.csv by hand)",
                )


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
    names = [n for n in changes if n != "extra"]
    if "extra" in changes:
        # Extra columns merge by name: a column the file lacks keeps its value. Each
        # changed column is reported under its own name.
        merged = dict(old.extra)
        merged.update(new.extra)
        before = dict(old.extra)
        names.extend(c for c, v in merged.items() if before.get(c) != v)
        changes["extra"] = tuple(merged.items())
        if changes["extra"] == old.extra:
            del changes["extra"]
    if not changes:
        return old, ()  # the common case of a re-import: no copy made
    return replace(old, **changes), tuple(names)  # type: ignore[arg-type]


def _repoint(term: Term, ids: dict[str, str]) -> Term:
    if term.full_form and term.full_form in ids and ids[term.full_form] != term.full_form:
        return replace(term, full_form=ids[term.full_form])
    return term


def reviewed_units(po: POFile, name: str) -> list[TranslationUnit]:
    """The reviewed segments of a draft catalog: translated, not fuzzy, not obsolete.

    The catalog's ``Language`` header is the target language; the source is the other.
    """
    return translation_units(po, name)
