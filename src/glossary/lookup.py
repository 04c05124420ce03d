"""The lookup job over :mod:`glossary.index`: queries in; glossary hits,
reference-dictionary entries and "did you mean" suggestions out, one
:class:`SearchResult` per query.

The command line only renders these; what counts as a match (anything but a fuzzy
guess) and which spellings are tried in the attached dictionaries are decided here.
The job runs through :func:`glossary.index.using_index`, which owns the one retry
over a damaged index. It lives in the job layer, above the index, because with no
glossary given it asks the workspace which one the command line would use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from glossary.index import Progress, using_index
from glossary.index.lookup import SUGGESTION_CUTOFF, Hit, Lookup, Match
from glossary.model import Glossary, Lang

if TYPE_CHECKING:
    from glossary.index.dictionaries import DictEntry

__all__ = ["SearchResult", "search", "search_all"]

#: Lemma-key spellings of a query tried in the reference dictionaries.
DICTIONARY_KEYS = 4
#: Hits this good (exact, lemma, variant) also send their designation to the dictionaries.
_DICTIONARY_MATCH_RANK = Match.VARIANT.rank


@dataclass(frozen=True, slots=True)
class SearchResult:
    """What one query found. ``hits`` are glossary matches (never fuzzy guesses),
    best first; ``suggestions`` are the "did you mean" guesses; ``references`` are
    entries of attached reference dictionaries (not glossary content)."""

    query: str
    hits: tuple[Hit, ...]
    references: tuple[DictEntry, ...] = ()
    suggestions: tuple[Hit, ...] = ()

    @property
    def matched(self) -> bool:
        """The glossary knows the query (in any form, forbidden renderings included)."""
        return bool(self.hits)

    @property
    def found(self) -> bool:
        """A glossary match or a reference-dictionary entry: a lookup that succeeded."""
        return bool(self.hits or self.references)

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "found": self.found,
            "matched": self.matched,
            "hits": [hit.to_json() for hit in self.hits],
            "references": [_reference_json(entry) for entry in self.references],
            "suggestions": [hit.to_json() for hit in self.suggestions],
        }


def search(
    query: str,
    glossary: Path | str | Glossary | None = None,
    *,
    lang: Lang | None = None,
    everything: bool = False,
    dictionaries: bool = True,
    progress: Progress | None = None,
) -> SearchResult:
    """Look ``query`` up in ``glossary`` (a terms.csv path, a :class:`Glossary`, or
    ``None`` for the workspace's) and in the attached reference dictionaries."""
    return search_all(
        [query],
        glossary,
        lang=lang,
        everything=everything,
        dictionaries=dictionaries,
        progress=progress,
    )[0]


def search_all(
    queries: Sequence[str],
    glossary: Path | str | Glossary | None = None,
    *,
    lang: Lang | None = None,
    everything: bool = False,
    dictionaries: bool = True,
    progress: Progress | None = None,
) -> list[SearchResult]:
    """:func:`search` for each query, over one open index. ``everything`` runs every
    stage of the cascade instead of stopping at the first that finds something."""

    def job(index: Lookup) -> list[SearchResult]:
        return [_one(index, q, lang, everything, dictionaries) for q in queries]

    return using_index(_source(glossary), job, progress=progress)


def _source(glossary: Path | str | Glossary | None) -> Path | Glossary:
    if isinstance(glossary, Glossary):
        return glossary
    if glossary is None:
        from glossary.workspace import resolve

        return resolve(None).glossary_path
    return Path(glossary)


def _one(
    index: Lookup, query: str, lang: Lang | None, everything: bool, dictionaries: bool
) -> SearchResult:
    query = query.strip()
    found = index.lookup(query, lang, everything=everything)
    hits = tuple(h for h in found if h.match is not Match.FUZZY)
    suggestions = tuple(h for h in found if h.match is Match.FUZZY)
    if not hits and not suggestions and query:
        suggestions = tuple(index.fuzzy(query, lang, SUGGESTION_CUTOFF))
    references: tuple[DictEntry, ...] = ()
    if dictionaries and query:
        from glossary.index.dictionaries import lookup as dictionary_lookup

        references = tuple(dictionary_lookup(_dictionary_candidates(index, query, hits)))
    return SearchResult(query, hits, references, suggestions)


def _dictionary_candidates(index: Lookup, query: str, hits: tuple[Hit, ...]) -> list[str]:
    """The query, its lemma keys, naive English singulars and, for a close glossary
    hit, its designation: dictionaries list headwords in dictionary form."""
    candidates = [query, *index.keys(query)[:DICTIONARY_KEYS], *_singulars(query)]
    if hits and hits[0].match.rank <= _DICTIONARY_MATCH_RANK and not hits[0].forbidden:
        candidates.append(hits[0].matched)
    return candidates


def _singulars(query: str) -> list[str]:
    """Naive English singulars of the last word, so "zebras" finds a dictionary's "zebra"
    without loading lemminflect (the index only knows the glossary's own words)."""
    head, _, last = query.rpartition(" ")
    if not last.isascii() or not last.endswith("s"):
        return []
    stems = [last[:-1]]
    if last.endswith("ies"):
        stems.append(last[:-3] + "y")
    elif last.endswith("es"):
        stems.append(last[:-2])
    return [f"{head} {stem}".strip() for stem in stems]


def _reference_json(entry: DictEntry) -> dict[str, Any]:
    return {"dictionary": entry.dictionary, "headword": entry.headword, "text": entry.text}
