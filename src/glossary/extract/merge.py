"""Merging candidates into a glossary: new concepts as ``candidate`` rows, nothing else touched.

A candidate is new when its match key equals no designation of any concept, in
either language (preferred terms, variants, acronyms, and forbidden renderings:
a rendering the glossary forbids is not a new concept). Existing rows, reviewed
or not, are never changed; new rows are appended with an id from
:func:`glossary.model.make_id`, a guessed kind, and ``document:line`` sources.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from glossary.extract.candidate import Candidate
from glossary.matching import TermMatcher
from glossary.model import Glossary, Kind, Lang, Status, Term, make_id
from glossary.text.normalize import Normalizer

__all__ = ["MergeResult", "merge_candidates"]


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
    added: list[Term] = []
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
        other = candidate.lang.other
        suggestion = candidate.suggestion if candidate.suggestion_source == "mt" else ""
        term = Term(
            id=term_id,
            kind=candidate.kind,
            status=Status.CANDIDATE,
            source=candidate.references,
            note="machine-translated suggestion, not checked" if suggestion else "",
            **{candidate.lang.value: candidate.term, other.value: suggestion or ""},
        )
        added.append(term)
        by_term[(candidate.lang, candidate.term)] = term_id
    # Link new acronyms to their expansions (new or already in the glossary).
    linked = []
    for term, candidate in zip(added, _matching(added, candidates), strict=True):
        if term.kind is Kind.ACRONYM and candidate is not None and candidate.expansion:
            target = by_term.get((candidate.lang, candidate.expansion))
            if target is None:
                found = matcher.exact(candidate.expansion)
                target = found[0].term_id if found else None
            if target:
                from dataclasses import replace

                term = replace(term, full_form=target)
        linked.append(term)
    return MergeResult(glossary.with_terms(linked), tuple(linked), tuple(known))


def _matching(terms: list[Term], candidates: Iterable[Candidate]) -> list[Candidate | None]:
    by_text = {(c.lang, c.term): c for c in candidates}
    result: list[Candidate | None] = []
    for term in terms:
        lang = Lang.EN if term.en and (Lang.EN, term.en) in by_text else Lang.RU
        result.append(by_text.get((lang, term.preferred(lang))))
    return result
