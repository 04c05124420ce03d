"""Building the persistent index: the morphology once per distinct word, then plain
look-ups per designation, with the database and the matcher made side by side.

A 100k-concept glossary has some 200k designations but only about 25k distinct
words, and what costs (pymorphy3 paradigms, the lemma of every form, lemminflect)
depends on the word alone. So the build runs in three steps:

1. the distinct words of every designation are collected;
2. each word's key, folded form, alternative keys (what
   :func:`~glossary.text.ru.paradigm.alias_keys` combines) and forms are computed
   once, split between worker processes for a large glossary;
3. the matcher entries and the database rows are made from that table by
   dictionary look-ups only. In a large build two child processes do it (forked
   before the glossary is read), both fed the table and the designations: one
   makes the entries and compiles the matcher, the other writes the designation
   rows and their indexes, and both tables are then copied into the index.

The index is the same as analysing designation by designation would give (tested
against :func:`~glossary.text.ru.paradigm.alias_keys` and the per-word functions).
"""

from __future__ import annotations

import contextlib
import itertools
import marshal
import operator
import os
import pickle
import sys
import threading
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from glossary.index import wordcache
from glossary.index.forms import initial, initials, parts_are_words, spelled
from glossary.index.store import (
    INDEXES,
    SCHEMA,
    FileStamp,
    create_indexes,
    exact_forms,
    finish,
    new_database,
    store_matcher,
    term_record,
)
from glossary.model import Glossary, Term
from glossary.processes import can_fork, usable_cores
from glossary.text.ru.paradigm import ALIAS_LIMIT

if TYPE_CHECKING:
    import concurrent.futures
    import sqlite3

    from glossary.matching import Entries, KeyWords
    from glossary.text.normalize import Normalizer

__all__ = [
    "PARALLEL_FROM",
    "Reading",
    "WordInfo",
    "build_index",
    "compiled_matchers",
    "designation_texts",
    "word_table",
]

#: Glossaries from this many concepts are analysed in worker processes.
PARALLEL_FROM = 4000
#: Glossaries from this many concepts keep their word analyses for the next build
#: (:mod:`glossary.index.wordcache`); a small one analyses its words in no time.
CACHE_FROM = PARALLEL_FROM
#: Fewer words than this left to analyse are analysed here, without workers.
_PARALLEL_WORDS = 2000
#: Distinct words per work item of the morphology step.
_CHUNK_WORDS = 500
#: A Russian word's morphology costs about this many English words' (pymorphy3's
#: paradigm and alias keys against lemminflect's look-ups: 96 against 26 µs a word
#: measured at 100k concepts).
_RUSSIAN_WORD_COST = 4
#: Designation rows per ``executemany`` (bounded memory, few calls).
_BATCH_ROWS = 20000

#: Share of the progress bar each step fills: words collected, morphology done,
#: matcher entries sent, rows written (the matcher, the indexes and the statistics
#: fill the rest).
_WORDS_DONE, _MORPHOLOGY_DONE, _ENTRIES_DONE, _ROWS_DONE = 0.05, 0.55, 0.65, 0.9

#: What the morphology step computes for one distinct designation word: its key,
#: folded form, alternative keys in a multiword and in a one-word Russian
#: designation (``alias_keys``; the key alone for other words, ``()`` where the
#: word never stands alone) — plain tuples, as many as distinct words.
WordInfo = tuple[str, str, tuple[str, ...], tuple[str, ...]]
#: ``(form, key of the designation word, the form's own key)`` of one word's forms.
FormRow = tuple[str, str, str]
#: ``(lang, role, text)`` of each designation of a term, as ``designations`` orders them.
Texts = list[tuple[str, str, str]]
#: ``(lang, role)`` of a designation, numbered (one byte a designation in a build).
_KINDS = tuple(
    (lang, role) for lang in ("en", "ru") for role in ("preferred", "variant", "forbidden")
)
_KIND_CODES = {kind: code for code, kind in enumerate(_KINDS)}
_KIND_LANGS = tuple(lang for lang, _ in _KINDS)
_KIND_ROLES = tuple(role for _, role in _KINDS)
#: ``bytes.translate`` tables of kind codes into "is forbidden", "is Russian".
_FORBIDDEN_KINDS = bytes(
    code < len(_KINDS) and _KIND_ROLES[code] == "forbidden" for code in range(256)
)
_RUSSIAN_KINDS = bytes(code < len(_KINDS) and _KIND_LANGS[code] == "ru" for code in range(256))
#: One designation row: concept, lang, role, text, exact, surface, key, initials, words.
Row = tuple[int, str, str, str, str, str, str, str, int]
#: The designations of some rows to write: their concepts, kinds (:data:`_KINDS`),
#: texts, word numbers and the offsets of each one's words in them (one more than
#: designations; the first need not be 0).
RowsChunk = tuple["array[int]", bytearray, list[str], "array[int]", "array[int]"]
#: A concept as the matcher's records carry it: its id and the fields of its label
#: (see :func:`~glossary.matching.pack_fields`).
Concept = tuple[str, tuple[str, str, bool]]
_INSERT_DESIGNATION = "INSERT INTO designations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"

Progress = Callable[[Iterable[Term], int], Iterable[Term]]


def designation_texts(term: Term) -> Texts:
    """``(lang, role, text)`` of every designation of ``term``, forbidden ones included,
    in the order of :func:`glossary.matching.designations` (no objects made)."""
    found = []
    if term.en:
        found.append(("en", "preferred", term.en))
    found.extend(("en", "variant", v) for v in term.en_variants)
    found.extend(("en", "forbidden", v) for v in term.en_forbidden)
    if term.ru:
        found.append(("ru", "preferred", term.ru))
    found.extend(("ru", "variant", v) for v in term.ru_variants)
    found.extend(("ru", "forbidden", v) for v in term.ru_forbidden)
    return found


@dataclass(frozen=True, slots=True)
class Reading:
    """A glossary still to be read, with about how many concepts it has (terms.csv's
    line count): a large build starts its worker and child processes first, so that
    they load the morphology and their modules on the other core while this process
    reads and validates the file (some 1 s at 100k concepts, one core idle)."""

    read: Callable[[], Glossary]
    concepts: int


def build_index(
    glossary: Glossary | Reading,
    stamp: FileStamp,
    target: Path,
    *,
    progress: Progress | None = None,
    workers: int | None = None,
) -> None:
    """Write the index of ``glossary`` at ``target``, compiled matchers included
    (loads the morphology: build time only).

    From :data:`PARALLEL_FROM` concepts the morphology of the distinct words is
    split between ``workers`` processes (default: the usable cores), and the matcher
    and the designation rows are made by two child processes (:class:`_Matchers`,
    :class:`_Rows`) while this process writes the rest. A :class:`Reading` is read
    once they are started (by its estimate of the concepts).

    The cyclic garbage collector is paused meanwhile (the forked workers start
    with it paused too): the build makes no cycles, and each full collection walks
    every tuple of the word table and the designations (0.3 to 0.6 s of this
    process's CPU at 100k concepts).
    """
    with _cyclic_gc_paused():
        _build_index(glossary, stamp, target, progress, workers)


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the block, then as it was."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _build_index(
    glossary: Glossary | Reading,
    stamp: FileStamp,
    target: Path,
    progress: Progress | None,
    workers: int | None,
) -> None:
    size = glossary.concepts if isinstance(glossary, Reading) else len(glossary.terms)
    count = workers if workers is not None else usable_cores()
    parallel = count > 1 and size >= PARALLEL_FROM
    side = Path(f"{target}.matchers")
    rows_side = Path(f"{target}.rows")
    matchers = _Matchers(side if parallel else None)
    rows = _Rows(rows_side if parallel else None)
    db = new_database(target, stamp.meta(), SCHEMA, INDEXES)
    pool = None
    try:
        cache = wordcache.cache_path(target.parent) if size >= CACHE_FROM else None
        known = wordcache.load(cache) if cache is not None else {}
        # no word analysed before: the workers start now, not once the words are known
        pool = _pool(count) if parallel and not known else None
        if isinstance(glossary, Reading):
            glossary = glossary.read()
        terms = glossary.terms
        ticker = _Ticker(progress, terms)
        words = _words(terms)
        ticker.to(_WORDS_DONE)
        table, forms, analyses = _morphology(
            words, known, db, terms, count if parallel else 0, ticker, pool
        )
        del known
        # the two children first (the matcher's compiling waits for the last entry),
        # then what only this process does
        aliases = matchers.send(words, table, _concepts(terms), forms)
        rows.send(words, table)
        if cache is not None:
            wordcache.save(cache, analyses)
        del analyses
        db.executemany(
            "INSERT OR IGNORE INTO forms VALUES (?, ?)", [(form, key) for form, key, _ in forms]
        )
        del forms
        db.executemany("INSERT INTO aliases VALUES (?, ?)", aliases)
        del aliases
        db.executemany("INSERT INTO word_keys VALUES (?)", map(_one, _key_words(table.keys)))
        ticker.to(_ENTRIES_DONE)
        rows.store(db, words, table, ticker)
        del words, table
        matchers.store(db)
        finish(db)  # the indexes too, unless the rows came with them
    except BaseException:
        if pool is not None:
            pool.shutdown(cancel=True)
        rows.close()
        matchers.close()
        db.close()
        raise
    finally:
        for leftover in (side, rows_side):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    ticker.close()


class _Ticker:
    """Advances the caller's progress bar (an iterator over the concepts) to a share
    of the whole build, whatever step the build is at."""

    def __init__(self, progress: Progress | None, terms: tuple[Term, ...]) -> None:
        self._ticks: Iterator[Term] | None = None
        if progress is not None:
            self._ticks = iter(progress(iter(terms), len(terms)))
        self._total = len(terms)
        self._done = 0

    def to(self, share: float) -> None:
        if self._ticks is None:
            return
        target = min(self._total, int(self._total * share))
        for _ in itertools.islice(self._ticks, target - self._done):
            self._done += 1

    def close(self) -> None:
        """The bar at its end (and cleared by the caller's progress)."""
        if self._ticks is not None:
            for _ in self._ticks:
                pass


@dataclass(frozen=True, slots=True)
class _Words:
    """The words of every designation (in :func:`designation_texts` order, forbidden
    ones included) as numbers into ``distinct``: designation *d* is
    ``ids[starts[d]:starts[d + 1]]``. Four bytes a word instead of a string."""

    distinct: list[str]
    ids: array[int]
    starts: array[int]
    #: Per distinct word: is it a one-word Russian designation somewhere?
    alone: bytearray
    #: Per designation: its concept's position, its language and role (a number into
    #: :data:`_KINDS`) and its text, for the rows (no second walk over the concepts).
    concepts: array[int]
    kinds: bytearray
    texts: list[str]


@dataclass(frozen=True, slots=True)
class _Table:
    """The morphology step's results, by word number (see :data:`WordInfo`)."""

    keys: list[str]
    folds: list[str]
    multi: list[tuple[str, ...]]
    single: list[tuple[str, ...]]
    #: Per word: has it alternative keys in a multiword / a one-word designation?
    multi_alternatives: bytearray
    single_alternatives: bytearray

    @classmethod
    def empty(cls) -> _Table:
        return cls([], [], [], [], bytearray(), bytearray())

    def add(self, key: str, fold: str, multi: tuple[str, ...], single: tuple[str, ...]) -> None:
        """The next word's analysis."""
        self.keys.append(key)
        self.folds.append(fold)
        self.multi.append(multi)
        self.single.append(single)
        self.multi_alternatives.append(len(multi) > 1)
        self.single_alternatives.append(len(single) > 1)


def _words(terms: tuple[Term, ...]) -> _Words:
    """The designations in :func:`designation_texts` order (inlined, kinds numbered
    as :data:`_KINDS`: a call per concept costs a fifth of this walk) and their words,
    numbered."""
    from glossary.text.normalize import words_of_each

    concepts = array("I")
    kinds = bytearray()
    texts: list[str] = []
    en_variant, en_forbidden, ru, ru_variant, ru_forbidden = b"\1", b"\2", 3, b"\4", b"\5"
    for pos, term in enumerate(terms):
        count = len(texts)
        if term.en:
            texts.append(term.en)
            kinds.append(0)
        texts.extend(term.en_variants)
        kinds.extend(en_variant * len(term.en_variants))
        texts.extend(term.en_forbidden)
        kinds.extend(en_forbidden * len(term.en_forbidden))
        if term.ru:
            texts.append(term.ru)
            kinds.append(ru)
        texts.extend(term.ru_variants)
        kinds.extend(ru_variant * len(term.ru_variants))
        texts.extend(term.ru_forbidden)
        kinds.extend(ru_forbidden * len(term.ru_forbidden))
        concepts.extend([pos] * (len(texts) - count))
    numbers: dict[str, int] = {}
    number = numbers.setdefault
    ids = array("I")
    starts = array("I", [0])
    alone: set[int] = set()
    for kind, found in zip(kinds, words_of_each(texts), strict=True):
        ids.extend([number(word, len(numbers)) for word in found])
        starts.append(len(ids))
        if len(found) == 1 and kind >= ru:
            alone.add(ids[-1])
    flags = bytearray(len(numbers))
    for word in alone:
        flags[word] = 1
    return _Words(list(numbers), ids, starts, flags, concepts, kinds, texts)


def _morphology(
    words: _Words,
    known: wordcache.Analyses,
    db: sqlite3.Connection,
    terms: tuple[Term, ...],
    count: int,
    ticker: _Ticker,
    pool: _Workers | None,
) -> tuple[_Table, list[FormRow], wordcache.Analyses]:
    """The word table and the forms of the distinct words, from ``known`` analyses
    where it has them and else by ``pool`` or a pool of ``count`` forked workers
    (none: here; either pool is shut down); the concepts are written meanwhile.
    Also returns every word's analysis (for the next build)."""
    distinct, alone = words.distinct, words.alone
    missing = [i for i, word in enumerate(distinct) if (word, bool(alone[i])) not in known]
    if pool is None and count > 1 and len(missing) >= _PARALLEL_WORDS:
        from glossary.text.normalize import script

        pool = _pool(count, english=any(script(distinct[i]) == "en" for i in missing))
    order, work = _work(distinct, alone, missing, count if pool is not None else 0)
    try:
        results: Iterable[list[tuple[WordInfo, list[FormRow]]]]
        if pool is None:
            _write_concepts(db, terms)
            results = (word_analyses(*item) for item in work)
        else:
            results = pool.map(work)
            _write_concepts(db, terms)
        made: list[tuple[WordInfo, list[FormRow]]] = []
        span = _MORPHOLOGY_DONE - _WORDS_DONE
        for done, found in enumerate(results, 1):
            made.extend(found)
            ticker.to(_WORDS_DONE + span * done / len(work))
    finally:
        if pool is not None:
            pool.shutdown()
    fresh: list[tuple[WordInfo, list[FormRow]] | None] = [None] * len(distinct)
    for i, analysis in zip(order, made, strict=True):
        fresh[i] = analysis
    del made
    analyses: wordcache.Analyses = {}
    table = _Table.empty()
    forms: list[FormRow] = []
    for i, word in enumerate(distinct):
        name = (word, bool(alone[i]))
        analysis = fresh[i] or known[name]
        analyses[name] = analysis
        info, rows = analysis
        table.add(*info)
        forms.extend(rows)
    ticker.to(_MORPHOLOGY_DONE)
    return table, forms, analyses


def _work(
    distinct: list[str], alone: bytearray, missing: list[int], count: int
) -> tuple[list[int], list[tuple[list[str], list[str]]]]:
    """The morphology's work items (words, and those of them that stand alone) for
    ``count`` workers, and the word numbers in the order the items hold them.

    English words need lemminflect, which takes a worker longer to load (about 0.4 s)
    than pymorphy3 (0.08 s), so while they are at most one worker's share they make
    one item, and only the worker that takes it loads lemminflect."""
    from glossary.text.normalize import script

    english = [i for i in missing if script(distinct[i]) == "en"]
    cost = len(missing) + (_RUSSIAN_WORD_COST - 1) * (len(missing) - len(english))
    if count > 1 and english and len(english) * count <= cost:
        others = [i for i in missing if script(distinct[i]) != "en"]
        groups = [english, *_pieces(others, _CHUNK_WORDS)]
    else:
        groups = _pieces(missing, _CHUNK_WORDS)
    order = [i for group in groups for i in group]
    work = [
        ([distinct[i] for i in group], [distinct[i] for i in group if alone[i]]) for group in groups
    ]
    return order, work


def _pieces(numbers: list[int], size: int) -> list[list[int]]:
    return [numbers[i : i + size] for i in range(0, len(numbers), size)]


def _word_analyses_job(
    item: tuple[list[str], list[str]],
) -> list[tuple[WordInfo, list[FormRow]]]:
    return word_analyses(*item)


def word_table(
    words: list[str], singles: Iterable[str], normalizer: Normalizer | None = None
) -> tuple[list[WordInfo], list[FormRow]]:
    """The :data:`WordInfo` of each of ``words`` and every ``(form, key, form's key)``
    of their forms; ``singles`` are the words that are a one-word Russian designation."""
    found = word_analyses(words, singles, normalizer)
    return [info for info, _ in found], [row for _, rows in found for row in rows]


def word_analyses(
    words: list[str], singles: Iterable[str], normalizer: Normalizer | None = None
) -> list[tuple[WordInfo, list[FormRow]]]:
    """:func:`word_table` word by word: each word's info and the rows of its forms."""
    from glossary.index.forms import fold_form, forms_by_word
    from glossary.text.normalize import default_normalizer, is_acronym, script
    from glossary.text.ru.paradigm import _alternatives

    normalizer = normalizer or default_normalizer()
    key_of = normalizer.word_key
    alone = set(singles)
    found: list[tuple[WordInfo, list[FormRow]]] = []
    for word, forms in forms_by_word(words):
        key = key_of(word)
        if script(word) == "ru" and not is_acronym(word):
            multi = _alternatives(word, key, False, normalizer)
            single = _alternatives(word, key, True, normalizer) if word in alone else ()
        else:
            multi = single = (key,)
        rows = [(form, key, key_of(form)) for form in forms]
        found.append(((key, fold_form(word), multi, single), rows))
    return found


def _in_characters(table: _Table, words: KeyWords) -> _Table:
    """The word table's keys and alternative keys as :class:`~glossary.matching.KeyWords`
    characters, by word number (the folds left out: the entries do not use them)."""
    char = words.char
    return _Table(
        list(map(char, table.keys)),
        [],
        [tuple(map(char, keys)) for keys in table.multi],
        [tuple(map(char, keys)) for keys in table.single],
        table.multi_alternatives,
        table.single_alternatives,
    )


def _key_words(keys: Iterable[str]) -> list[str]:
    """The distinct words of word keys (a key may hold a space), as the
    ``word_keys`` table lists them."""
    return sorted({word for key in keys for word in key.split(" ") if word})


def _one(value: str) -> tuple[str]:
    return (value,)


def _aliases(word_ids: array[int], key: str, table: _Table) -> list[str]:
    """:func:`~glossary.text.ru.paradigm.alias_keys` of a Russian designation of these
    words whose match key is ``key``, all as characters of ``table``."""
    if len(word_ids) == 1:
        if not table.single_alternatives[word_ids[0]]:
            return []
        options = [table.single[word_ids[0]]]
    else:
        if not any(map(table.multi_alternatives.__getitem__, word_ids)):
            return []
        options = list(map(table.multi.__getitem__, word_ids))
    combinations = itertools.islice(itertools.product(*options), ALIAS_LIMIT + 1)
    return [c for c in map("".join, combinations) if c != key][:ALIAS_LIMIT]


def _write_concepts(db: sqlite3.Connection, terms: tuple[Term, ...]) -> None:
    """The concepts with their acronym/expansion links (full_form, both ways)."""
    positions = {term.id: pos for pos, term in enumerate(terms)}
    links: dict[int, list[int]] = {}
    for pos, term in enumerate(terms):
        if term.full_form:
            other = positions.get(term.full_form)
            if other is not None and other != pos:
                links.setdefault(pos, []).append(other)
                links.setdefault(other, []).append(pos)
    del positions
    db.executemany(
        "INSERT INTO concepts VALUES (?, ?, ?, ?, ?)",
        (
            (
                pos,
                term.id,
                term.full_form,
                ",".join(map(str, links.get(pos, ()))),
                term_record(term),
            )
            for pos, term in enumerate(terms)
        ),
    )


def _concepts(terms: tuple[Term, ...]) -> list[Concept]:
    return [(term.id, (term.en, term.ru, term.reviewed)) for term in terms]


def matcher_entries(
    chunks: Iterable[RowsChunk],
    concepts: list[Concept],
    table: _Table,
    aliases: list[tuple[int, str]],
) -> Entries:
    """The matcher entries of every designation (forbidden ones too) and of the alias
    keys of the Russian ones, in columns, made chunk by chunk as ``chunks`` come
    (from the first designation on); the alias rows (designation row, key) of those
    that are not forbidden go to ``aliases`` (forbidden aliases are the forbidden
    matcher's only).

    A chunk's keys are slices of one string of its words' characters, and its records
    are packed by columns (:class:`~glossary.matching.Packer`): only the Russian
    designations are visited one by one, for their alias keys."""
    from glossary.matching import Entries, KeyWords, Packer

    words = KeyWords()
    alternatives = _in_characters(table, words)
    chars = alternatives.keys
    # a key's characters back to its words, each after a space
    spaced = {ord(char): f" {word}" for word, char in words.chars.items()}
    packer = Packer(concepts)
    keys: list[str] = []
    records: list[str] = []
    labels: list[str] = []
    ranks, forbidden = bytearray(), bytearray()
    alias_keys: list[str] = []
    alias_owners = array("I")
    for concept_of, kinds, texts, ids, starts in chunks:
        base = starts[0]
        bounds = [start - base for start in starts]
        line = "".join(map(chars.__getitem__, ids))
        worded = list(map(operator.lt, bounds, bounds[1:]))  # designations with words
        spans = list(itertools.compress(map(slice, bounds, bounds[1:]), worded))
        keys += map(line.__getitem__, spans)
        kept = bytes(itertools.compress(kinds, worded))
        packed = packer.pack(
            list(itertools.compress(concept_of, worded)),
            list(map(_KIND_LANGS.__getitem__, kept)),
            list(map(_KIND_ROLES.__getitem__, kept)),
            itertools.compress(texts, worded),
        )
        first = len(records)
        records += packed[0]
        labels += packed[1]
        ranks += packed[2]
        forbidden += kept.translate(_FORBIDDEN_KINDS)
        for index in itertools.compress(itertools.count(), kept.translate(_RUSSIAN_KINDS)):
            found = _aliases(ids[spans[index]], keys[first + index], alternatives)
            if found:
                owner = first + index
                alias_keys += found
                alias_owners.extend([owner] * len(found))
                if not forbidden[owner]:
                    aliases += [(owner + 1, alias.translate(spaced)[1:]) for alias in found]
    owners = array("I", range(len(records)))
    owners += alias_owners
    keys += alias_keys
    return Entries(words.words, keys, owners, records, labels, bytes(ranks), bytes(forbidden))


def _write_designations(
    db: sqlite3.Connection, words: _Words, table: _Table, ticker: _Ticker
) -> None:
    """Every designation row (forbidden ones too, without initials), here (a small
    glossary, or no interpreter for :class:`_Rows`' child), batch by batch."""
    span = _ROWS_DONE - _ENTRIES_DONE
    total = len(words.texts)
    letters = word_letters(words.distinct)
    for done, chunk in enumerate(_chunks(words), 1):
        rows = designation_rows(chunk, table.folds, table.keys, letters)
        db.executemany(_INSERT_DESIGNATION, rows)
        ticker.to(_ENTRIES_DONE + span * min(total, done * _BATCH_ROWS) / total)
    ticker.to(_ROWS_DONE)


def _chunks(words: _Words) -> Iterator[RowsChunk]:
    """Every designation, :data:`_BATCH_ROWS` a chunk."""
    for first in range(0, len(words.texts), _BATCH_ROWS):
        yield _rows_chunk(words, first, first + _BATCH_ROWS)


def _rows_chunk(words: _Words, first: int, last: int) -> RowsChunk:
    """The designations numbered ``first`` to ``last`` (excluded), as :data:`RowsChunk`."""
    starts = words.starts
    return (
        words.concepts[first:last],
        words.kinds[first:last],
        words.texts[first:last],
        words.ids[starts[first] : starts[min(last, len(words.texts))]],
        starts[first : last + 1],
    )


def designation_rows(
    chunk: RowsChunk, folds: list[str], keys: list[str], letters: list[str]
) -> list[Row]:
    """The rows of the designations of ``chunk`` that have words, from the word table's
    ``folds``, ``keys`` and ``letters`` (:func:`word_letters`). The exact form and
    initials are made here, in the walk over the designations, so no column of a
    million strings waits for the rows: the initials of a lower-case text whose parts
    are its words are its words' letters joined (no regex and folds per text)."""
    concepts, kinds, texts, ids, starts = chunk
    rows: list[Row] = []
    base = starts[0]
    kinds_of, join = _KINDS, " ".join
    fold, key, letter = folds.__getitem__, keys.__getitem__, letters.__getitem__
    exacts, plain = exact_forms(texts), parts_are_words(texts)
    for number, text in enumerate(texts):
        word_ids = ids[starts[number] - base : starts[number + 1] - base]
        if not word_ids:
            continue
        lang, role = kinds_of[kinds[number]]
        if role == "forbidden":
            found = ""
        elif plain[number] and text.islower():  # no acronym, parts are words
            found = spelled("".join(map(letter, word_ids)))
        else:
            found = initials(text)
        exact = exacts[number]
        rows.append(
            (concepts[number], lang, role, text, text if exact == text else exact,
             join(map(fold, word_ids)), join(map(key, word_ids)), found, len(word_ids))
        )  # fmt: skip
    return rows


def word_letters(distinct: list[str]) -> list[str]:
    """The :func:`~glossary.index.forms.initial` of each distinct word."""
    return [initial(word) for word in distinct]


def compiled_matchers(
    entries: Entries, form_keys: dict[str, str]
) -> Iterator[tuple[str, list[bytes] | None]]:
    """The plain matcher's payload, then the forbidden one's (``None``: the entries
    have no forbidden rendering, the plain one serves), each compiled when asked for
    (the first is stored and let go before the second is made); ``entries`` is
    emptied by the last."""
    from glossary.matching import compile_entries

    both = any(entries.forbidden)
    yield "plain", compile_entries(entries, form_keys, release=not both)
    if both:
        yield "forbidden", compile_entries(entries, form_keys, forbidden=True, release=True)
    else:
        yield "forbidden", None


def _store_matchers(
    db: sqlite3.Connection, payloads: Iterable[tuple[str, list[bytes] | None]]
) -> None:
    for variant, payload in payloads:
        if payload is None:
            db.execute("INSERT INTO meta VALUES ('matcher.forbidden', 'plain')")
        else:
            store_matcher(db, variant, payload)
        # the loop's name would keep the plain payload (tens of MB at 100k concepts)
        # alive while the forbidden one is compiled
        del payload


class _Matchers:
    """Where the matcher entries are made and compiled: here (a small glossary), or in a
    child process (:class:`_Child`) fed the word table, the concepts and the
    designations, which walks them for the entries and the alias rows while this
    process goes on, and stores the payloads and the alias rows in the database
    ``side``, whose rows SQLite then copies over."""

    def __init__(self, side: Path | None) -> None:
        self._entries: Entries | None = None
        self._form_keys: dict[str, str] = {}
        self._side = side
        self._child = _Child.start(_matcher_main, side)

    def send(
        self, words: _Words, table: _Table, concepts: list[Concept], forms: list[FormRow]
    ) -> list[tuple[int, str]]:
        """The entries made (here, or from now on by the child, which also gets each
        form's own key: what the matcher codes it as, once the entries are sent); the
        alias rows to write here."""
        if self._child is None:
            aliases: list[tuple[int, str]] = []
            self._entries = matcher_entries(_chunks(words), concepts, table, aliases)
            self._form_keys = _form_keys(forms)
            return aliases
        entry_table = _Table(table.keys, [], table.multi, table.single,
                             table.multi_alternatives, table.single_alternatives)  # fmt: skip
        self._child.feed((entry_table, concepts), words, lambda: _form_keys(forms))
        return []

    def store(self, db: sqlite3.Connection) -> None:
        """The compiled matchers (and the child's alias rows) into the index."""
        if self._child is None:
            assert self._entries is not None, "the entries are sent first"
            entries, self._entries = self._entries, None
            _store_matchers(db, compiled_matchers(entries, self._form_keys))
            return
        child, self._child = self._child, None
        child.wait("compiling the matcher")
        _copy(db, self._side, "matchers", "meta", "aliases")

    def close(self) -> None:
        if self._child is not None:
            self._child.kill()
            self._child = None


def _form_keys(forms: list[FormRow]) -> dict[str, str]:
    return {form: own for form, _, own in forms}


def _copy(db: sqlite3.Connection, side: Path | None, *tables: str) -> None:
    """The rows of ``tables`` of the database ``side`` into the same tables of ``db``
    (into an empty table with the same indexes, SQLite copies the records and index
    entries as they are, without decoding them)."""
    db.commit()  # ATTACH and DETACH need no open transaction
    db.execute("ATTACH DATABASE ? AS side", (str(side),))
    for table in tables:
        db.execute(f"INSERT INTO {table} SELECT * FROM side.{table}")
    db.commit()
    db.execute("DETACH DATABASE side")


class _Child:
    """A forked process running one of this module's ``*_main`` functions, forked as
    the build starts, before the glossary is read (so it carries no copy of it nor of
    the tables, and imports nothing again: a fresh interpreter spent some 0.5 s of CPU
    on its imports); messages are length-prefixed on a pipe, and its one answer
    (empty, or the traceback) comes back on another."""

    def __init__(self, pid: int, feed: BinaryIO, answer: int) -> None:
        self._pid = pid
        self._feed = feed
        self._answer = answer
        self._sender: threading.Thread | None = None

    @classmethod
    def start(cls, main: Callable[[BinaryIO, Path], None], side: Path | None) -> _Child | None:
        """The child running ``main(messages, side)``, or ``None`` when ``side`` is
        (no child wanted) or no process can be forked (the work is then done here)."""
        if side is None or not hasattr(os, "fork"):
            return None
        source, feed = os.pipe()
        answer, said = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        try:
            pid = os.fork()
        except OSError:
            for end in (source, feed, answer, said):
                os.close(end)
            return None
        if pid == 0:  # the child: never returns into the caller's code
            code = 1
            try:
                for end in (feed, answer, *_PARENT_ENDS):
                    with contextlib.suppress(OSError):
                        os.close(end)
                with open(source, "rb") as messages:
                    _answered(lambda: main(messages, side), said)
                code = 0
            finally:
                os._exit(code)
        os.close(source)
        os.close(said)
        _PARENT_ENDS.add(feed)
        _widen_pipe(feed)
        return cls(pid, open(feed, "wb"), answer)

    def send(self, data: bytes) -> None:
        """One message (``b""``: the end)."""
        with contextlib.suppress(BrokenPipeError):  # it failed: wait() tells why
            self._feed.write(len(data).to_bytes(8, "little"))
            self._feed.write(data)

    def flush(self) -> None:
        with contextlib.suppress(BrokenPipeError):  # it failed: wait() tells why
            self._feed.flush()

    def feed(self, header: object, words: _Words, trailer: Callable[[], object] | None) -> None:
        """``header``, every designation in :data:`RowsChunk` pieces, the end, then what
        ``trailer`` makes, pickled and sent by a thread of this process (one a child, so
        that neither waits for the other), which goes on while the pipe is full."""

        def send_all() -> None:
            self.send(pickle.dumps(header, pickle.HIGHEST_PROTOCOL))
            for chunk in _chunks(words):
                self.send(pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL))
            self.send(b"")
            if trailer is not None:
                self.send(pickle.dumps(trailer(), pickle.HIGHEST_PROTOCOL))
            self.flush()

        self._sender = threading.Thread(target=send_all, daemon=True)
        self._sender.start()

    def wait(self, what: str) -> None:
        """Until it ends; an error saying ``what`` failed if it did."""
        if self._sender is not None:
            self._sender.join()
        self._close_feed()
        with open(self._answer, "rb") as stream:
            answer = stream.read()
        _, status = os.waitpid(self._pid, 0)
        if status != 0 or answer:
            said = answer.decode(errors="replace") or f"status {status}"
            raise RuntimeError(f"{what} failed: {said}")

    def kill(self) -> None:
        import signal

        os.kill(self._pid, signal.SIGKILL)
        if self._sender is not None:
            self._sender.join()  # its writes fail from now on
        self._close_feed()
        os.close(self._answer)
        os.waitpid(self._pid, 0)

    def _close_feed(self) -> None:
        _PARENT_ENDS.discard(self._feed.fileno())
        with contextlib.suppress(BrokenPipeError):  # it failed: the answer tells why
            self._feed.close()


#: This process's ends of its children's pipes: a child forked later closes them
#: (else a child would hold another's pipe open).
_PARENT_ENDS: set[int] = set()


class _Rows:
    """Where the designation rows are written: here (a small glossary), or by a child
    process (:class:`_Child`) fed the word table's folds and keys, the distinct words
    and the designations, into the database ``side``, indexes included, while this
    process goes on; SQLite then copies the table and its index entries over whole."""

    def __init__(self, side: Path | None) -> None:
        self._side = side
        self._child = _Child.start(_rows_main, side)

    def send(self, words: _Words, table: _Table) -> None:
        """Start the child on the rows (nothing here without a child: see :meth:`store`)."""
        if self._child is not None:
            self._child.feed((table.folds, table.keys, words.distinct), words, None)

    def store(self, db: sqlite3.Connection, words: _Words, table: _Table, ticker: _Ticker) -> None:
        """The rows in ``db``: written here, or the child's copied over (with the indexes)."""
        if self._child is None:
            _write_designations(db, words, table, ticker)
            return
        child, self._child = self._child, None
        child.wait("writing the designations")
        create_indexes(db)  # on the empty table, so the copy brings the child's entries
        _copy(db, self._side, "designations")
        ticker.to(_ROWS_DONE)

    def close(self) -> None:
        if self._child is not None:
            self._child.kill()
            self._child = None


#: Bytes the pipe to the matcher's child may hold (Linux's default for an
#: unprivileged process's maximum; the default pipe holds 64 KB).
_PIPE_BYTES = 1 << 20


def _widen_pipe(feed: int) -> None:
    """A pipe that holds a batch of entries, where the system allows it: with 64 KB,
    each batch of megabytes takes dozens of turns between the two processes, each a
    wait for the scheduler on a busy machine."""
    try:
        import fcntl
    except ImportError:  # not on a POSIX system
        return
    setpipe = getattr(fcntl, "F_SETPIPE_SZ", None)  # Linux only
    if setpipe is not None:
        with contextlib.suppress(OSError):
            fcntl.fcntl(feed, setpipe, _PIPE_BYTES)


def _matcher_main(source: BinaryIO, side: Path) -> None:
    """The child's side of :class:`_Matchers`: the word table and the concepts, then
    designation chunks until an empty message, then the forms (on ``source``); the
    alias rows and the payloads go into the database ``side``.

    The cyclic garbage collector is off: this short-lived process makes no cycles,
    and each full collection would walk every tuple of the table and the entries
    (0.3 s of collections at 100k concepts)."""
    import gc

    gc.disable()
    # filled once the entries end, before compiled_matchers reads it
    form_keys: dict[str, str] = {}
    db = new_database(side, {}, SCHEMA, "")
    db.execute("DELETE FROM meta")  # only the matchers' own rows are copied over

    def chunks() -> Iterator[RowsChunk]:
        while data := _read(source):
            yield pickle.loads(data)  # our parent's pipe
        form_keys.update(pickle.loads(_read(source)))  # our parent's pipe

    aliases: list[tuple[int, str]] = []
    table, concepts = pickle.loads(_read(source))  # our parent's pipe
    entries = matcher_entries(chunks(), concepts, table, aliases)
    # the table, the concepts and the alias rows are let go once the entries are
    # made: the compiling that follows is this process's peak
    del table, concepts
    db.executemany("INSERT INTO aliases VALUES (?, ?)", aliases)
    del aliases
    _store_matchers(db, compiled_matchers(entries, form_keys))
    db.commit()
    db.close()


def _rows_main(source: BinaryIO, side: Path) -> None:
    """The child's side of :class:`_Rows`: the folds, keys and distinct words, then row
    chunks until an empty message (on ``source``); the rows and their indexes go into
    the database ``side``."""
    folds, keys, distinct = pickle.loads(_read(source))  # our parent's pipe, never a file
    letters = word_letters(distinct)
    del distinct
    db = new_database(side, {}, SCHEMA, INDEXES)
    while data := _read(source):
        chunk = pickle.loads(data)  # our parent's pipe
        db.executemany(_INSERT_DESIGNATION, designation_rows(chunk, folds, keys, letters))
    create_indexes(db)
    db.commit()
    db.close()


def _answered(main: Callable[[], None], said: int) -> None:
    """Run a child's ``main`` and write :class:`_Child`'s one answer on the pipe
    ``said``: empty, or the traceback of what went wrong (the parent raises it)."""
    import traceback

    answer = ""
    try:
        main()
    except BaseException:
        answer = traceback.format_exc()
    with open(said, "wb") as stream:
        stream.write(answer.encode())


def _read(stream: Any) -> bytes:
    """One length-prefixed message (empty: the end)."""
    size = int.from_bytes(stream.read(8), "little")
    return bytes(stream.read(size)) if size else b""


def _pool(count: int, *, english: bool = True) -> _Workers | None:
    """``count`` forked workers, started now, each loading the morphology while this
    process goes on (this one never loads it: some 50 MB less at its peak), or
    ``None`` where fork is unavailable (the work then stays here); ``english``: one
    of them loads lemminflect too (the words may need it)."""
    import concurrent.futures
    import multiprocessing

    if not can_fork():
        return None
    fork = multiprocessing.get_context("fork")
    source, feed = os.pipe()
    try:
        pool = concurrent.futures.ProcessPoolExecutor(
            count, mp_context=fork, initializer=_load_morphology, initargs=(feed,)
        )
        # with fork, every worker starts at the first job: this one, which the first
        # free worker takes, loads lemminflect there while the words are collected
        first = pool.submit(_first_item_job, source, english)
    except BaseException:
        os.close(feed)
        raise
    finally:
        os.close(source)  # the workers hold it
    return _Workers(pool, first, feed)


class _Workers:
    """The morphology's worker pool, one of whose workers waits, lemminflect loaded,
    for the first work item (the English words, when they make one: see
    :func:`_work`) on a pipe, so that loading lemminflect (0.4 s) overlaps the
    collecting of the words instead of delaying the morphology."""

    def __init__(
        self,
        pool: concurrent.futures.ProcessPoolExecutor,
        first: concurrent.futures.Future[list[tuple[WordInfo, list[FormRow]]] | None],
        feed: int,
    ) -> None:
        self._pool = pool
        self._first = first
        self._feed: int | None = feed
        self._sender: threading.Thread | None = None

    def map(
        self, work: list[tuple[list[str], list[str]]]
    ) -> Iterator[list[tuple[WordInfo, list[FormRow]]]]:
        """The analyses of each item of ``work``, in order, all started now: the first
        by the waiting worker, the others by whichever worker is free."""
        feed, self._feed = self._feed, None
        assert feed is not None
        data = marshal.dumps(work[0] if work else ([], []))

        def send() -> None:
            with contextlib.suppress(BrokenPipeError), open(feed, "wb") as stream:
                stream.write(data)  # the pipe's end closed: the worker reads it all

        self._sender = threading.Thread(target=send, daemon=True)
        self._sender.start()
        rest = self._pool.map(_word_analyses_job, work[1:])
        return itertools.chain(self._first_item(work), rest)

    def _first_item(
        self, work: list[tuple[list[str], list[str]]]
    ) -> Iterator[list[tuple[WordInfo, list[FormRow]]]]:
        if work:
            found = self._first.result()
            if found is None:  # no pipe in that worker (a pool that forks its workers later)
                found = self._pool.submit(_word_analyses_job, work[0]).result()
            yield found

    def shutdown(self, *, cancel: bool = False) -> None:
        """The workers stopped (the waiting one told that nothing comes, if not sent)."""
        if self._feed is not None:
            os.close(self._feed)
            self._feed = None
        self._pool.shutdown(cancel_futures=cancel)
        if self._sender is not None:  # done, or failing now that no worker holds the pipe
            self._sender.join()


def _first_item_job(source: int, english: bool) -> list[tuple[WordInfo, list[FormRow]]] | None:
    """A worker's side of :class:`_Workers`: lemminflect loaded (if ``english``), then
    the item that comes on the pipe ``source`` analysed (none when the pipe closes
    empty; ``None`` when this worker has no such pipe)."""
    if english:
        from glossary.text.morph_en import all_lemmas

        all_lemmas("loading")
    try:
        with open(source, "rb") as stream:
            data = stream.read()
    except OSError:
        return None
    if not data:
        return []
    words, singles = marshal.loads(data)  # written by our parent, never a file
    return word_analyses(words, singles)


def _load_morphology(feed: int) -> None:
    """The Russian morphology, which every worker needs (the English one loads in the
    worker that takes the first item: see :class:`_Workers`); ``feed``, the pipe's
    end the parent writes the first item to, closed here, so that the waiting worker
    sees the pipe end once the parent closes it."""
    from glossary.text.normalize import default_normalizer

    os.close(feed)
    default_normalizer().key("загрузка мира")
