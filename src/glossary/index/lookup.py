"""The lookup cascade over the persistent index: exact, lemma, variant, acronym,
prefix or substring, fuzzy; each hit says how it matched.

Only the standard library is imported here (rapidfuzz on the fuzzy stage, the
morphology only for a Russian query word the index has never seen), so a cold
``glossary lookup`` costs an interpreter start and a few indexed queries.
"""

from __future__ import annotations

import enum
import itertools
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from glossary.index.forms import fold_form, initials, surface, words
from glossary.index.store import exact_form
from glossary.model import Kind, Lang, Status, Term
from glossary.text.normalize import script

if TYPE_CHECKING:
    from glossary.matching import Designation

__all__ = ["Hit", "Lookup", "Match"]

#: Prefix and substring hits shown at most.
PARTIAL_LIMIT = 20
FUZZY_LIMIT = 5
#: rapidfuzz scores (0-100): a fuzzy result, and a mere suggestion after no match.
FUZZY_CUTOFF = 80.0
SUGGESTION_CUTOFF = 55.0
_MAX_KEYS = 256
#: Ids per query when many concepts are fetched at once (below SQLite's 999 variables).
_BATCH = 500
#: SQL texts by number of parameters, so sqlite3's statement cache is hit.
_FORMS_SQL: dict[int, str] = {}
_DESIGNATION_SQL: dict[int, str] = {}
_TOP = "\U0010ffff"


class Match(enum.StrEnum):
    """How a query matched, best first."""

    EXACT = "exact"
    LEMMA = "lemma"
    VARIANT = "variant"
    ACRONYM = "acronym"
    PREFIX = "prefix"
    SUBSTRING = "substring"
    FUZZY = "fuzzy"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {m: i for i, m in enumerate(Match)}
_BASE_SCORE = {
    Match.EXACT: 100.0,
    Match.LEMMA: 95.0,
    Match.VARIANT: 90.0,
    Match.ACRONYM: 85.0,
}


@dataclass(frozen=True, slots=True)
class Hit:
    """One concept found: how, how well (0-100) and through which designation."""

    term: Term
    match: Match
    score: float
    #: The designation that matched (for an acronym hit: the linked concept's term).
    matched: str
    lang: Lang | None = None
    #: For acronym hits, the id of the concept the link starts from.
    via: str = ""

    def to_json(self) -> dict[str, Any]:
        t = self.term
        return {
            "id": t.id,
            "en": t.en,
            "ru": t.ru,
            "en_variants": list(t.en_variants),
            "ru_variants": list(t.ru_variants),
            "kind": t.kind.value,
            "status": t.status.value,
            "definition": t.definition,
            "note": t.note,
            "full_form": t.full_form,
            "match": self.match.value,
            "score": round(self.score, 1),
            "matched": self.matched,
            "lang": self.lang.value if self.lang else None,
            "via": self.via or None,
        }


@dataclass(slots=True)
class _Found:
    hits: dict[str, Hit] = field(default_factory=dict)

    def add(self, hit: Hit) -> None:
        old = self.hits.get(hit.term.id)
        if old is None or (hit.match.rank, -hit.score) < (old.match.rank, -old.score):
            self.hits[hit.term.id] = hit

    def sorted(self) -> list[Hit]:
        return sorted(self.hits.values(), key=lambda h: (h.match.rank, -h.score))


class Lookup:
    """Queries over an open index connection; cheap to create, reusable, read-only."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        lemmatize: Callable[[str], str] | None = None,
    ) -> None:
        """``lemmatize`` keys a Russian query word missing from the index's forms
        (the normaliser's ``word_key``); ``None`` keeps such a word as folded."""
        self.db = connection
        self._lemmatize = lemmatize
        self._terms: dict[int, Term] = {}
        self._choices: list[tuple[str, int, str, str, str]] | None = None
        self._texts: list[str] = []
        #: Concepts linked by full_form (both ways) to a concept seen in this lookup.
        self._links: dict[str, list[int]] = {}

    # -- public ---------------------------------------------------------------

    def lookup(
        self, query: str, lang: Lang | None = None, *, everything: bool = False
    ) -> list[Hit]:
        """Hits for ``query``, best first: the first stage of the cascade that finds
        something (``everything``: all stages)."""
        query = query.strip()
        if not query:
            return []
        found = _Found()
        self._exact_and_lemma(query, lang, found)
        if found.hits or everything:
            self._add_links(found)
        if not found.hits or everything:
            self._initials(query, lang, found)
        if not found.hits or everything:
            self._partial(query, lang, found)
        if not found.hits or everything:
            for hit in self.fuzzy(query, lang, FUZZY_CUTOFF):
                found.add(hit)
        return found.sorted()

    def fuzzy(
        self,
        query: str,
        lang: Lang | None = None,
        cutoff: float = SUGGESTION_CUTOFF,
        limit: int = FUZZY_LIMIT,
    ) -> list[Hit]:
        """Closest designations by edit similarity (typos): the "did you mean" list."""
        from rapidfuzz import fuzz, process

        folded = surface(query)
        if not folded:
            return []
        choices, texts = self._fuzzy_choices()
        found = _Found()
        for _, score, index in process.extract(
            folded, texts, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit * 3
        ):
            _, pos, lang_value, _, text = choices[index]
            if lang is not None and lang_value != lang.value:
                continue
            found.add(Hit(self._term(pos), Match.FUZZY, float(score), text, Lang(lang_value)))
        return found.sorted()[:limit]

    def keys(self, query: str) -> list[str]:
        """Candidate lemma keys of ``query`` (space-joined), from the index's forms."""
        query_words = words(query)
        return self._keys(query_words, [fold_form(w) for w in query_words])

    def _keys(self, query_words: list[str], folded: list[str]) -> list[str]:
        if not folded:
            return []
        unique = list(dict.fromkeys(folded))
        known: dict[str, list[str]] = {}
        sql = _FORMS_SQL.get(len(unique))
        if sql is None:
            sql = f"SELECT form, key FROM forms WHERE form IN ({','.join('?' * len(unique))})"
            _FORMS_SQL[len(unique)] = sql
        for form, key in self.db.execute(sql, unique):
            known.setdefault(form, []).append(key)
        choices = []
        single = True
        for word, form in zip(query_words, folded, strict=True):
            options = known.get(form)
            if options is None:
                options = [self._fallback_key(word, form)]
            single = single and len(options) == 1
            choices.append(options)
        if single:
            return [" ".join(options[0] for options in choices)]
        product = itertools.islice(itertools.product(*choices), _MAX_KEYS)
        return [" ".join(combination) for combination in product]

    def term(self, term_id: str) -> Term | None:
        """The concept with ``term_id``, as stored in the index."""
        row = self.db.execute("SELECT pos FROM concepts WHERE id = ?", (term_id,)).fetchone()
        return self._term(row[0]) if row else None

    def terms(self, term_ids: Iterable[str]) -> dict[str, Term]:
        """The concepts with these ids that exist, fetched in batches (an annotated
        text resolves thousands: one query each would cost more than the matching)."""
        found: dict[str, Term] = {}
        wanted = list(dict.fromkeys(term_ids))
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start : start + _BATCH]
            sql = f"SELECT pos, id, data FROM concepts WHERE id IN ({','.join('?' * len(batch))})"
            for pos, term_id, data in self.db.execute(sql, batch):
                found[term_id] = self._term(pos, data)
        return found

    def match_keys(self) -> Iterator[tuple[tuple[str, ...], Designation]]:
        """Every designation with its precomputed match key, for
        :meth:`glossary.matching.TermMatcher.from_keys`."""
        from glossary.matching import Designation, Role

        sql = (
            "SELECT d.key, c.id, d.lang, d.text, d.role FROM designations d "
            "JOIN concepts c ON c.pos = d.concept ORDER BY d.rowid"
        )
        by_row: dict[int, Designation] = {}
        for rowid, (key, term_id, lang_value, text, role) in enumerate(self.db.execute(sql), 1):
            designation = Designation(term_id, Lang(lang_value), text, Role(role))
            by_row[rowid] = designation
            yield tuple(key.split(" ")), designation
        for rowid, key in self.db.execute("SELECT designation, key FROM aliases"):
            yield tuple(key.split(" ")), by_row[rowid]

    # -- stages ---------------------------------------------------------------

    def _exact_and_lemma(self, query: str, lang: Lang | None, found: _Found) -> None:
        """Exact, lemma and variant hits in one indexed query, acronym links beside."""
        query_words = words(query)
        folded = [fold_form(w) for w in query_words]
        keys = self._keys(query_words, folded)
        sql = _DESIGNATION_SQL.get(len(keys))
        if sql is None:
            sql = (
                "SELECT d.concept, d.lang, d.role, d.text, d.exact = ?, c.data, c.links "
                "FROM designations d JOIN concepts c ON c.pos = d.concept "
                f"WHERE d.exact = ? OR d.surface = ? OR d.key IN ({','.join('?' * len(keys))})"
            )
            _DESIGNATION_SQL[len(keys)] = sql
        exact = exact_form(query)
        rows = self.db.execute(sql, [exact, exact, " ".join(folded), *keys]).fetchall()
        for pos, lang_value, role, text, is_exact, data, links in rows:
            if lang is not None and lang_value != lang.value:
                continue
            term = self._term(pos, data)
            if role != "preferred":
                match = Match.VARIANT
                score = 100.0 if is_exact else _BASE_SCORE[Match.VARIANT]
            else:
                match = Match.EXACT if is_exact else Match.LEMMA
                score = _BASE_SCORE[match]
            found.add(Hit(term, match, score, text, Lang(lang_value)))
            if links:
                self._links[term.id] = [int(p) for p in links.split(",")]

    def _add_links(self, found: _Found) -> None:
        """Acronym ↔ expansion through ``full_form``, both ways."""
        for hit in list(found.hits.values()):
            for pos in self._links.get(hit.term.id, ()):
                other = self._term(pos)
                text = (other.preferred(hit.lang) if hit.lang else "") or other.en or other.ru
                found.add(
                    Hit(
                        other,
                        Match.ACRONYM,
                        _BASE_SCORE[Match.ACRONYM],
                        text,
                        hit.lang,
                        via=hit.term.id,
                    )
                )

    def _initials(self, query: str, lang: Lang | None, found: _Found) -> None:
        """Acronyms spelled out and expansions abbreviated, when no link says so."""
        query_words = words(query)
        if len(query_words) == 1 and query_words[0].isalpha() and len(query_words[0]) <= 8:
            letters = fold_form(query.replace(".", "").replace(" ", "")).upper()
            sql = "SELECT concept, lang, text FROM designations WHERE initials = ? AND words > 1"
        else:
            letters = initials(query)
            sql = "SELECT concept, lang, text FROM designations WHERE initials = ? AND words = 1"
        if not letters:
            return
        for pos, lang_value, text in self.db.execute(sql, (letters,)):
            if lang is None or lang_value == lang.value:
                found.add(
                    Hit(self._term(pos), Match.ACRONYM, 80.0, text, Lang(lang_value), via=letters)
                )

    def _partial(self, query: str, lang: Lang | None, found: _Found) -> None:
        """Designations that start with, then contain, the query (words or lemma keys)."""
        folded = surface(query)
        if not folded:
            return
        keys = self.keys(query)
        seen = len(found.hits)
        rows = self.db.execute(
            "SELECT concept, lang, text, surface FROM designations "
            "WHERE surface > ? AND surface < ? LIMIT ?",
            (folded, folded + _TOP, PARTIAL_LIMIT * 2),
        ).fetchall()
        for key in keys[:8]:
            rows += self.db.execute(
                "SELECT concept, lang, text, surface FROM designations "
                "WHERE key > ? AND key < ? LIMIT ?",
                (key + " ", key + " " + _TOP, PARTIAL_LIMIT * 2),
            ).fetchall()
        self._add_partial(rows, Match.PREFIX, folded, lang, found)
        if len(found.hits) - seen >= PARTIAL_LIMIT:
            return
        # one scan of the table: characters of the folded text, or whole lemma keys
        inner = [f" {key} " for key in keys[:3]]
        condition = " OR ".join(
            ["instr(surface, ?) > 0"] + ["instr(' ' || key || ' ', ?) > 0"] * len(inner)
        )
        rows = self.db.execute(
            f"SELECT concept, lang, text, surface FROM designations WHERE {condition} LIMIT ?",
            (folded, *inner, PARTIAL_LIMIT * 2),
        ).fetchall()
        self._add_partial(rows, Match.SUBSTRING, folded, lang, found)

    def _add_partial(
        self,
        rows: Iterable[tuple[int, str, str, str]],
        match: Match,
        folded: str,
        lang: Lang | None,
        found: _Found,
    ) -> None:
        for pos, lang_value, text, designation in rows:
            if lang is not None and lang_value != lang.value:
                continue
            # shorter designations cover more of the query: rank them first
            ratio = min(len(folded) / max(len(designation), 1), 1.0)
            base = 60.0 if match is Match.PREFIX else 50.0
            found.add(Hit(self._term(pos), match, base + 20.0 * ratio, text, Lang(lang_value)))

    # -- helpers ----------------------------------------------------------------

    def _fallback_key(self, word: str, form: str) -> str:
        if self._lemmatize is not None and script(word) == "ru":
            return self._lemmatize(word)
        return form

    def _fuzzy_choices(self) -> tuple[list[tuple[str, int, str, str, str]], list[str]]:
        if self._choices is None:
            self._choices = [
                (row[0], row[1], row[2], row[3], row[4])
                for row in self.db.execute(
                    "SELECT surface, concept, lang, role, text FROM designations"
                )
            ]
            self._texts = [c[0] for c in self._choices]
        return self._choices, self._texts

    def _term(self, pos: int, data: str | None = None) -> Term:
        term = self._terms.get(pos)
        if term is None:
            if data is None:
                (data,) = self.db.execute(
                    "SELECT data FROM concepts WHERE pos = ?", (pos,)
                ).fetchone()
            term = _term_from_record(json.loads(data))
            self._terms[pos] = term
        return term


def _term_from_record(record: dict[str, Any]) -> Term:
    return Term(
        record["id"],
        en=record["en"],
        ru=record["ru"],
        en_variants=tuple(record["en_variants"]),
        ru_variants=tuple(record["ru_variants"]),
        en_forbidden=tuple(record["en_forbidden"]),
        ru_forbidden=tuple(record["ru_forbidden"]),
        kind=Kind(record["kind"]),
        full_form=record["full_form"],
        definition=record["definition"],
        note=record["note"],
        status=Status(record["status"]),
    )
