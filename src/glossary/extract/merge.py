"""Merging candidates into a glossary: new concepts as ``candidate`` rows, nothing else touched.

A candidate is new when its match key equals no designation of any concept, in
either language (preferred terms, variants, acronyms, and forbidden renderings:
a rendering the glossary forbids is not a new concept). Existing rows, reviewed
or not, are never changed; new rows are appended with an id from
:func:`glossary.model.make_id`, a guessed kind, and ``document:line`` sources.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from glossary.extract.candidate import Candidate
from glossary.matching import TermMatcher
from glossary.model import Glossary, Kind, Lang, Status, Term, make_id
from glossary.text.normalize import Normalizer

__all__ = ["MergeResult", "merge_candidates"]


#: Suggestion sources that fill the other language of a new row, and the note it gets.
_FILLED_FROM = {
    "mt": "machine-translated suggestion, not checked",
    "aligned": "rendering found in an aligned published translation (glossary align)",
}


@dataclass(frozen=True, slots=True)
class MergeResult:
    glossary: Glossary
    added: tuple[Term, ...]
    #: Candidates left out because the glossary (or an earlier candidate) has them.
    known: tuple[Candidate, ...]


def merge_candidates(
    glossary: Glossary,
    candidates: Iterable[Candidate],
    normalizer: Normalizer | None = None,
) -> MergeResult:
    matcher = TermMatcher(glossary, normalizer, forbidden=True)
    taken = glossary.ids()
    seen: set[tuple[str, ...]] = set()
    pairs: list[tuple[Term, Candidate]] = []
    known: list[Candidate] = []
    by_term: dict[tuple[Lang, str], str] = {}
    for candidate in candidates:
        key = matcher.normalizer.key(candidate.term)
        if not key or matcher.exact(candidate.term) or key in seen:
            known.append(candidate)
            continue
        seen.add(key)
        term_id = make_id(candidate.term, taken)
        taken.add(term_id)
        filled = candidate.suggestion_source in _FILLED_FROM
        suggestion = candidate.suggestion if filled else None
        term = Term(
            id=term_id,
            kind=candidate.kind,
            status=Status.CANDIDATE,
            source=candidate.references,
            note=_FILLED_FROM.get(candidate.suggestion_source or "", "") if suggestion else "",
        ).with_preferred(candidate.lang, candidate.term)
        if suggestion:
            term = term.with_preferred(candidate.lang.other, suggestion)
        pairs.append((term, candidate))
        by_term[(candidate.lang, candidate.term)] = term_id
    added = [_link_acronym(term, candidate, by_term, matcher) for term, candidate in pairs]
    return MergeResult(glossary.with_terms(added), tuple(added), tuple(known))


def _link_acronym(
    term: Term, candidate: Candidate, by_term: dict[tuple[Lang, str], str], matcher: TermMatcher
) -> Term:
    """A new acronym points at its expansion, new or already in the glossary."""
    if term.kind is not Kind.ACRONYM or not candidate.expansion:
        return term
    target = by_term.get((candidate.lang, candidate.expansion))
    if target is None:
        found = matcher.exact(candidate.expansion)
        target = found[0].term_id if found else None
    return replace(term, full_form=target) if target else term
