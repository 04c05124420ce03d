"""The lookup cascade over the persistent index: exact, lemma, variant, forbidden,
acronym, contained, prefix or substring, fuzzy; each hit says how it matched.

A forbidden rendering is found like any designation and reported as such, with
the approved term to write instead; a longer pasted phrase (an inflected term and
a country name) finds the terms it contains, with their position in the query.

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
from glossary.model import Lang, Term
from glossary.overlaps import best_cover
from glossary.term_json import term_from_json, term_to_json
from glossary.text.normalize import scan_words, script

if TYPE_CHECKING:
    from glossary.matching import Designation, TermMatcher

__all__ = ["Hit", "Lookup", "Match"]

#: A one-word query longer than this is not tried as an acronym.
_MAX_ACRONYM_LETTERS = 8
#: Rows each covering-index scan of the substring stage of a large index may propose.
_SUBSTRING_CANDIDATES = 1000
#: Fuzzy queries shorter than this get the full candidate bucket for each prefix.
_SHORT_FUZZY_QUERY = 3

#: Prefix and substring hits shown at most.
PARTIAL_LIMIT = 20
FUZZY_LIMIT = 5
#: rapidfuzz scores (0-100): a fuzzy result, and a mere suggestion after no match.
FUZZY_CUTOFF = 80.0
SUGGESTION_CUTOFF = 55.0
_MAX_KEYS = 256
#: Up to this many designations the fuzzy stage scores them all (held in memory);
#: beyond, it reads candidates that begin like the query, at most FUZZY_BUCKET a prefix.
FUZZY_SCAN_ALL = 50_000
FUZZY_BUCKET = 4_000
_FUZZY_COLUMNS = "surface, concept, lang, role, text"
#: Letters of a query's start whose one-typo variants choose fuzzy candidates (+1).
_TYPO_PREFIX = 4
_NOT_FORBIDDEN = "WHERE role != 'forbidden'"
#: Ids per query when many concepts are fetched at once (below SQLite's 999 variables).
_BATCH = 500
#: Contained terms: the longest sub-phrase tried, and lemma-key combinations per sub-phrase.
CONTAINED_MAX_WORDS = 12
_CONTAINED_KEYS = 16
#: A single word contains no shorter run of words.
_CONTAINED_MIN_QUERY_WORDS = 2
#: SQLite's bound on parameters per statement, with room to spare.
_SQL_PARAMETERS = 900
#: SQL texts by number of parameters, so sqlite3's statement cache is hit.
_FORMS_SQL: dict[int, str] = {}
_DESIGNATION_SQL: dict[int, str] = {}
_TOP = "\U0010ffff"
_SUMMARY_SQL = (
    "SELECT id, json_extract(data, '$.en'), json_extract(data, '$.ru'), "
    "json_extract(data, '$.status') = 'reviewed' "
    "FROM concepts WHERE id IN (SELECT value FROM json_each(?))"
)


class Match(enum.StrEnum):
    """How a query matched, best first."""

    EXACT = "exact"
    LEMMA = "lemma"
    VARIANT = "variant"
    #: A rendering the glossary forbids: the hit's ``approved`` says what to write.
    FORBIDDEN = "forbidden"
    ACRONYM = "acronym"
    #: A term inside a longer query, at ``position``.
    CONTAINED = "contained"
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
    Match.FORBIDDEN: 90.0,
    Match.ACRONYM: 85.0,
}
#: Contained hits score between these, by the share of the query they cover.
_CONTAINED_BASE = 60.0
_CONTAINED_SPAN = 20.0


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
    #: ``(start, end)`` of the matched words in the query, for a contained hit.
    position: tuple[int, int] | None = None
    #: The designation matched is one of the term's forbidden renderings.
    forbidden: bool = False

    @property
    def approved(self) -> str:
        """For a forbidden rendering: the approved term of its language, to use instead."""
        if not self.forbidden or self.lang is None:
            return ""
        return self.term.preferred(self.lang)

    def to_json(self) -> dict[str, Any]:
        """The term's JSON (:func:`glossary.term_json.term_to_json`) and how it matched."""
        return {
            **term_to_json(self.term),
            "match": self.match.value,
            "score": round(self.score, 1),
            "matched": self.matched,
            "lang": self.lang.value if self.lang else None,
            "via": self.via or None,
            "forbidden": self.forbidden,
            "approved": self.approved or None,
            "position": list(self.position) if self.position else None,
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
        self._by_id: dict[str, Term] = {}
        self._choices: list[tuple[str, int, str, str, str]] | None = None
        self._texts: list[str] = []
        #: Fuzzy candidates of a large index by (folded query, cutoff).
        self._candidates: dict[
            tuple[str, float], tuple[list[tuple[str, int, str, str, str]], list[str]]
        ] = {}
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
            self._contained(query, lang, found, everything=everything)
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
        choices, texts = self._fuzzy_choices(folded, cutoff)
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
        choices = self._word_keys(query_words, folded)
        if all(len(options) == 1 for options in choices):
            return [" ".join(options[0] for options in choices)]
        product = itertools.islice(itertools.product(*choices), _MAX_KEYS)
        return [" ".join(combination) for combination in product]

    def _word_keys(self, query_words: list[str], folded: list[str]) -> list[list[str]]:
        """The lemma keys each query word may have (from the forms table, else a fallback)."""
        unique = list(dict.fromkeys(folded))
        known: dict[str, list[str]] = {}
        sql = _FORMS_SQL.get(len(unique))
        if sql is None:
            sql = f"SELECT form, key FROM forms WHERE form IN ({','.join('?' * len(unique))})"
            _FORMS_SQL[len(unique)] = sql
        for form, key in self.db.execute(sql, unique):
            known.setdefault(form, []).append(key)
        return [
            known.get(form) or [self._fallback_key(word, form)]
            for word, form in zip(query_words, folded, strict=True)
        ]

    def term(self, term_id: str) -> Term | None:
        """The concept with ``term_id``, as stored in the index (memoised: annotation
        asks for the same concepts once per hit)."""
        found = self._by_id.get(term_id)
        if found is None:
            row = self.db.execute(
                "SELECT pos, data FROM concepts WHERE id = ?", (term_id,)
            ).fetchone()
            if row is None:
                return None
            found = self._by_id[term_id] = self._term(row[0], row[1])
        return found

    def terms(self, term_ids: Iterable[str]) -> dict[str, Term]:
        """The concepts with these ids that exist, fetched in batches (an annotated
        text resolves thousands: one query each would cost more than the matching)."""
        found: dict[str, Term] = {}
        asked = list(dict.fromkeys(term_ids))
        # in index order: neighbouring ids share B-tree pages (a third faster than as given)
        wanted = sorted(i for i in asked if i not in self._by_id)
        rows: list[tuple[int, str, str]] = []
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start : start + _BATCH]
            sql = f"SELECT pos, id, data FROM concepts WHERE id IN ({','.join('?' * len(batch))})"
            rows += self.db.execute(sql, batch).fetchall()
        fresh = [row for row in rows if row[0] not in self._terms]
        # one JSON document for the lot: json.loads per row costs more than the query
        records = json.loads("[" + ",".join([row[2] for row in fresh]) + "]")
        for (pos, _, _), record in zip(fresh, records, strict=True):
            self._terms[pos] = term_from_json(record)
        for pos, term_id, _ in rows:
            self._by_id[term_id] = self._terms[pos]
        for term_id in asked:
            term = self._by_id.get(term_id)
            if term is not None:
                found[term_id] = term
        return found

    def summaries(self, term_ids: Iterable[str]) -> dict[str, tuple[str, str, bool]]:
        """``(en, ru, reviewed)`` of the concepts with these ids that exist: what a
        plain rendering of annotations shows, read by SQLite's JSON functions in one
        query rather than decoded whole (see :meth:`terms`)."""
        wanted = json.dumps(sorted(set(term_ids)))
        try:
            rows = self.db.execute(_SUMMARY_SQL, (wanted,)).fetchall()
        except sqlite3.OperationalError:  # an SQLite built without its JSON functions
            return {i: (t.en, t.ru, t.reviewed) for i, t in self.terms(json.loads(wanted)).items()}
        return {term_id: (en, ru, bool(reviewed)) for term_id, en, ru, reviewed in rows}

    def match_keys(self) -> Iterator[tuple[tuple[str, ...], Designation]]:
        """Every designation with its precomputed match key, for
        :meth:`glossary.matching.TermMatcher.from_keys`."""
        from glossary.matching import Designation, Role

        sql = (
            "SELECT d.rowid, d.key, c.id, d.lang, d.text, d.role FROM designations d "
            "JOIN concepts c ON c.pos = d.concept WHERE d.role != 'forbidden' ORDER BY d.rowid"
        )
        by_row: dict[int, Designation] = {}
        for rowid, key, term_id, lang_value, text, role in self.db.execute(sql):
            designation = Designation(term_id, Lang(lang_value), text, Role(role))
            by_row[rowid] = designation
            yield tuple(key.split(" ")), designation
        for rowid, key in self.db.execute("SELECT designation, key FROM aliases"):
            if rowid in by_row:
                yield tuple(key.split(" ")), by_row[rowid]

    def matcher(self) -> TermMatcher:
        """The term matcher stored with the index (forbidden renderings left out), or,
        when it cannot be trusted, one built from the index's match keys."""
        from glossary.index.store import UntrustedMatcher, load_matcher
        from glossary.matching import TermMatcher

        try:
            return load_matcher(self.db)
        except UntrustedMatcher:
            return TermMatcher.from_keys(self.match_keys())

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
            forbidden = role == "forbidden"
            if role == "preferred":
                match = Match.EXACT if is_exact else Match.LEMMA
                score = _BASE_SCORE[match]
            else:
                match = Match.FORBIDDEN if forbidden else Match.VARIANT
                score = 100.0 if is_exact else _BASE_SCORE[match]
            found.add(Hit(term, match, score, text, Lang(lang_value), forbidden=forbidden))
            if links and not forbidden:
                self._links[term.id] = [int(p) for p in links.split(",")]

    def _add_links(self, found: _Found) -> None:
        """Acronym ↔ expansion through ``full_form``, both ways."""
        for hit in list(found.hits.values()):
            if hit.forbidden:
                continue
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
        if (
            len(query_words) == 1
            and query_words[0].isalpha()
            and len(query_words[0]) <= _MAX_ACRONYM_LETTERS
        ):
            letters = fold_form(query.replace(".", "").replace(" ", "")).upper()
            sql = (
                "SELECT concept, lang, text FROM designations "
                "WHERE initials = ? AND initials != '' AND words > 1 AND role != 'forbidden'"
            )
        else:
            letters = initials(query)
            sql = (
                "SELECT concept, lang, text FROM designations "
                "WHERE initials = ? AND initials != '' AND words = 1 AND role != 'forbidden'"
            )
        if not letters:
            return
        for pos, lang_value, text in self.db.execute(sql, (letters,)):
            if lang is None or lang_value == lang.value:
                found.add(
                    Hit(self._term(pos), Match.ACRONYM, 80.0, text, Lang(lang_value), via=letters)
                )

    def _contained(
        self, query: str, lang: Lang | None, found: _Found, *, everything: bool = False
    ) -> None:
        """Designations whose lemma key is a run of words inside a longer query: the
        runs covering the most of it (every run with ``everything``), each at its position."""
        query_words, offsets = scan_words(query)
        count = len(query_words)
        if count < _CONTAINED_MIN_QUERY_WORDS:
            return
        choices = self._word_keys(query_words, [fold_form(w) for w in query_words])
        runs: dict[str, list[tuple[int, int]]] = {}
        for first in range(count):
            for stop in range(first + 1, min(count, first + CONTAINED_MAX_WORDS) + 1):
                if stop - first == count:
                    continue
                options = itertools.islice(itertools.product(*choices[first:stop]), _CONTAINED_KEYS)
                for combination in options:
                    runs.setdefault(" ".join(combination), []).append((first, stop))
        rows: list[tuple[int, str, str, str, str]] = []
        keys = list(runs)
        for chunk in range(0, len(keys), _SQL_PARAMETERS):
            part = keys[chunk : chunk + _SQL_PARAMETERS]
            rows += self.db.execute(
                "SELECT concept, lang, role, text, key FROM designations "
                f"WHERE key IN ({','.join('?' * len(part))})",
                part,
            ).fetchall()
        matches = [
            (run, row)
            for row in rows
            if lang is None or row[1] == lang.value
            for run in runs[row[4]]
        ]
        intervals = [run for run, _ in matches]
        chosen = range(len(matches)) if everything else best_cover(intervals)
        for index in chosen:
            (first, stop), (pos, lang_value, role, text, _) = matches[index]
            start, end = offsets[2 * first], offsets[2 * stop - 1]
            share = (end - start) / max(len(query), 1)
            forbidden = role == "forbidden"
            hit = Hit(
                self._term(pos),
                Match.FORBIDDEN if forbidden else Match.CONTAINED,
                _CONTAINED_BASE + _CONTAINED_SPAN * share,
                text,
                Lang(lang_value),
                position=(start, end),
                forbidden=forbidden,
            )
            found.add(hit)

    def _partial(self, query: str, lang: Lang | None, found: _Found) -> None:
        """Designations that start with, then contain, the query (words or lemma keys)."""
        folded = surface(query)
        if not folded:
            return
        keys = self.keys(query)
        seen = len(found.hits)
        rows = self.db.execute(
            "SELECT concept, lang, text, surface FROM designations "
            "WHERE surface > ? AND surface < ? AND role != 'forbidden' LIMIT ?",
            (folded, folded + _TOP, PARTIAL_LIMIT * 2),
        ).fetchall()
        for key in keys[:8]:
            rows += self.db.execute(
                "SELECT concept, lang, text, surface FROM designations "
                "WHERE key > ? AND key < ? AND role != 'forbidden' LIMIT ?",
                (key + " ", key + " " + _TOP, PARTIAL_LIMIT * 2),
            ).fetchall()
        self._add_partial(rows, Match.PREFIX, folded, lang, found)
        if len(found.hits) - seen >= PARTIAL_LIMIT:
            return
        inner = [f" {key} " for key in keys[:3]]
        if self._size() > FUZZY_SCAN_ALL:
            rows = self._substring_rows(folded, inner)
        else:
            # one scan of the table: characters of the folded text, or whole lemma keys
            condition = " OR ".join(
                ["instr(surface, ?) > 0"] + ["instr(' ' || key || ' ', ?) > 0"] * len(inner)
            )
            rows = self.db.execute(
                "SELECT concept, lang, text, surface FROM designations "
                f"WHERE ({condition}) AND role != 'forbidden' LIMIT ?",
                (folded, *inner, PARTIAL_LIMIT * 2),
            ).fetchall()
        self._add_partial(rows, Match.SUBSTRING, folded, lang, found)

    def _substring_rows(self, folded: str, inner: list[str]) -> list[tuple[int, str, str, str]]:
        """The substring stage of a large index: its two conditions each over the
        covering index of its column (a fraction of the table's bytes: a misspelt query
        that matches nothing scanned the whole table), then the first rows (by rowid,
        as one scan of the table gives them) read by rowid."""
        found: set[int] = set()
        scans: list[tuple[str, str, list[str]]] = []
        if self._may_hold(folded):
            scans.append(("designations_surface", "instr(surface, ?) > 0", [folded]))
        inner = [key for key in inner if self._all_key_words(key.split())]
        if inner:
            condition = " OR ".join(["instr(key, ?) > 0"] * len(inner))
            scans.append(("designations_key", condition, [key.strip() for key in inner]))
        for index, condition, arguments in scans:
            found.update(
                rowid
                for (rowid,) in self.db.execute(
                    f"SELECT rowid FROM designations INDEXED BY {index} WHERE {condition} LIMIT ?",
                    (*arguments, _SUBSTRING_CANDIDATES),
                )
            )
        rows = []
        for rowid in sorted(found):
            row = self.db.execute(
                "SELECT concept, lang, text, surface, key FROM designations "
                "WHERE rowid = ? AND role != 'forbidden'",
                (rowid,),
            ).fetchone()
            # a key condition matched characters: whole keys only, as the small scan has it
            if row is not None and (folded in row[3] or any(key in f" {row[4]} " for key in inner)):
                rows.append(row[:4])
                if len(rows) == PARTIAL_LIMIT * 2:
                    break
        return rows

    def _may_hold(self, folded: str) -> bool:
        """Whether some designation's folded text may contain ``folded``: the words
        inside it must then be whole designation words, and its last word (of two or
        more) the start of one; the forms table lists every designation word, so a
        misspelt word there saves scanning every designation."""
        parts = folded.split(" ")
        if len(parts) < _CONTAINED_MIN_QUERY_WORDS:
            return True
        last = parts[-1]
        if (
            self.db.execute(
                "SELECT 1 FROM forms WHERE form >= ? AND form < ? LIMIT 1", (last, last + _TOP)
            ).fetchone()
            is None
        ):
            return False
        inner = parts[1:-1]
        return not inner or self._all_listed("count(DISTINCT form) FROM forms WHERE form", inner)

    def _all_key_words(self, words: list[str]) -> bool:
        """Whether each of ``words`` is a word of some designation's match key: a key
        holding another word (a misspelt one) is inside no designation's key, and its
        scan of every key is saved."""
        return bool(words) and self._all_listed("count(*) FROM word_keys WHERE key", words)

    def _all_listed(self, counted: str, values: list[str]) -> bool:
        """Whether ``SELECT {counted} IN (values)`` counts each distinct value once:
        every one of ``values`` is in the table."""
        unique = list(dict.fromkeys(values))
        placeholders = ",".join("?" * len(unique))
        (known,) = self.db.execute(f"SELECT {counted} IN ({placeholders})", unique).fetchone()
        return bool(known == len(unique))

    def _size(self) -> int:
        """Rows of the designations table (its largest rowid: no count scan)."""
        (rows,) = self.db.execute("SELECT max(rowid) FROM designations").fetchone()
        return int(rows or 0)

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

    def _fuzzy_choices(
        self, folded: str, cutoff: float
    ) -> tuple[list[tuple[str, int, str, str, str]], list[str]]:
        """Designations the fuzzy stage scores: all of a small glossary (loaded once);
        in a large one only the candidates :meth:`_fuzzy_candidates` reads."""
        if self._size() > FUZZY_SCAN_ALL:
            # read once per query, for the loosest cutoff: the suggestions after no
            # match ask again with a lower one (a stricter cutoff's bounds are inside)
            loosest = min(cutoff, SUGGESTION_CUTOFF)
            memo = self._candidates.get((folded, loosest))
            if memo is None:
                choices = self._fuzzy_candidates(folded, loosest)
                memo = self._candidates[folded, loosest] = (choices, [c[0] for c in choices])
            return memo
        if self._choices is None:
            self._choices = [
                (row[0], row[1], row[2], row[3], row[4])
                for row in self.db.execute(
                    f"SELECT {_FUZZY_COLUMNS} FROM designations {_NOT_FORBIDDEN}"
                )
            ]
            self._texts = [c[0] for c in self._choices]
        return self._choices, self._texts

    def _fuzzy_candidates(self, folded: str, cutoff: float) -> list[tuple[str, int, str, str, str]]:
        """Designations that begin like ``folded`` (its first letters, or those letters
        with one typo: two swapped, one missing) and whose length allows the score:
        indexed range reads of a few thousand rows, never the whole table."""
        shortest = int(len(folded) * cutoff / (200 - cutoff))
        longest = int(len(folded) * (200 - cutoff) / cutoff) + 1
        padded = folded + "\0" * _TYPO_PREFIX
        a, b, c, d = padded[0], padded[1], padded[2], padded[3]
        prefixes = [p.rstrip("\0") for p in (a + b + c, a + c + b, b + a + c, a + c + d, a + b + d)]
        prefixes.append(a + b)
        seen: set[int] = set()
        choices = []
        sql = (
            f"SELECT rowid, {_FUZZY_COLUMNS} FROM designations "
            "WHERE surface >= ? AND surface < ? AND length(surface) BETWEEN ? AND ? "
            "AND role != 'forbidden' LIMIT ?"
        )
        for prefix in dict.fromkeys(p for p in prefixes if p):
            limit = (
                FUZZY_BUCKET
                if len(prefix) > len(a + b) or len(folded) < _SHORT_FUZZY_QUERY
                else FUZZY_BUCKET // 4
            )
            for rowid, *row in self.db.execute(
                sql, (prefix, prefix + _TOP, shortest, longest, limit)
            ):
                if rowid not in seen:
                    seen.add(rowid)
                    choices.append((row[0], row[1], row[2], row[3], row[4]))
        # a letter missing from the query's start: one scan of its first letter's range
        if len(folded) >= _TYPO_PREFIX - 1:
            like = [_like(a) + "_" + _like(b + c) + "%", _like(a + b) + "_" + _like(c) + "%"]
            missing = (
                f"SELECT rowid, {_FUZZY_COLUMNS} FROM designations "
                "WHERE surface >= ? AND surface < ? AND length(surface) BETWEEN ? AND ? "
                "AND (surface LIKE ? ESCAPE '\\' OR surface LIKE ? ESCAPE '\\') "
                "AND role != 'forbidden' LIMIT ?"
            )
            arguments = (a, a + _TOP, shortest, longest, *like, FUZZY_BUCKET)
            for rowid, *row in self.db.execute(missing, arguments):
                if rowid not in seen:
                    seen.add(rowid)
                    choices.append((row[0], row[1], row[2], row[3], row[4]))
        return choices

    def _term(self, pos: int, data: str | None = None) -> Term:
        term = self._terms.get(pos)
        if term is None:
            if data is None:
                (data,) = self.db.execute(
                    "SELECT data FROM concepts WHERE pos = ?", (pos,)
                ).fetchone()
            term = term_from_json(json.loads(data))
            self._terms[pos] = term
        return term


def _like(text: str) -> str:
    """``text`` as a literal inside a LIKE pattern (escape character ``\\``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
