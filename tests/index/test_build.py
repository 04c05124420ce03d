"""The index build: a word table made once per distinct word gives what analysing
designation by designation gives (keys, surfaces, alias keys, matcher entries)."""

from __future__ import annotations

import contextlib
import marshal
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.index import build
from glossary.index.forms import fold_form, initials, surface
from glossary.index.forms import words as fold_words
from glossary.index.store import FileStamp, exact_form
from glossary.matching import (
    _KEY_FIRST,
    _SHOWN_SEP,
    Designation,
    Entries,
    KeyWords,
    Role,
    TermMatcher,
    compile_entries,
    compile_payload,
    designations,
    pack_designation,
)
from glossary.model import Glossary, Lang, Term
from glossary.text.normalize import default_normalizer, script
from glossary.text.ru.paradigm import alias_keys

from ..conftest import small_glossary

#: Invented and real words with awkward morphology: homonymous forms (стали, Устав),
#: unknown surnames (Шерманом), acronyms, hyphens, ё, stress marks, digits.
RU_WORDS = (
    "Устав",
    "стали",
    "после",
    "Шерманом",
    "кракозяброй",
    "ООН",
    "СНВ-3",
    "ёлочный",
    "догово\u0301р",
    "гарантиям",
    "безопасности",
    "пограничная",
    "2",
)
EN_WORDS = ("guarantees", "U.S.", "NATO", "de-escalate", "frobnicators", "bloc's", "stars")


def _phrase(pool: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pool), min_size=1, max_size=3).map(" ".join)


@st.composite
def _terms(draw: st.DrawFn) -> Glossary:
    count = draw(st.integers(1, 5))
    terms = []
    for n in range(count):
        terms.append(
            Term(
                f"t{n}",
                en=draw(_phrase(EN_WORDS)),
                ru=draw(st.one_of(st.just(""), _phrase(RU_WORDS))),
                ru_variants=tuple(draw(st.lists(_phrase(RU_WORDS), max_size=2, unique=True))),
                ru_forbidden=tuple(draw(st.lists(_phrase(RU_WORDS), max_size=1))),
                en_forbidden=tuple(draw(st.lists(_phrase(EN_WORDS), max_size=1))),
            )
        )
    return Glossary(tuple(terms))


def _table(glossary: Glossary) -> tuple[build._Words, build._Table]:
    words = build._words(glossary.terms)
    singles = [w for w, alone in zip(words.distinct, words.alone, strict=True) if alone]
    infos, _ = build.word_table(words.distinct, singles)
    table = build._Table.empty()
    for info in infos:
        table.add(*info)
    return words, table


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_terms())
def test_word_table_gives_the_keys_and_alias_keys_of_each_designation(glossary: Glossary) -> None:
    normalizer = default_normalizer()
    words, table = _table(glossary)
    words_ = KeyWords()
    alternatives = build._in_characters(table, words_)
    number = 0
    for pos, term in enumerate(glossary.terms):
        for lang, role, text in build.designation_texts(term):
            assert build._KINDS[words.kinds[number]] == (lang, role)
            assert (words.texts[number], words.concepts[number]) == (text, pos)
            ids = words.ids[words.starts[number] : words.starts[number + 1]]
            number += 1
            key = tuple(table.keys[i] for i in ids)
            assert key == normalizer.key(text)
            assert " ".join(table.folds[i] for i in ids) == surface(text)
            if lang == "ru" and key:
                chars = "".join(map(words_.char, key))
                found = build._aliases(ids, chars, alternatives)
                decoded = [tuple(words_.words[ord(c) - _KEY_FIRST] for c in a) for a in found]
                assert decoded == alias_keys(text, normalizer)
    assert number == len(words.texts)


def _expected_entries(
    glossary: Glossary,
) -> tuple[list[tuple[tuple[str, ...], str, bool]], list[tuple[tuple[str, ...], str, bool]]]:
    """``(key, packed designation, forbidden?)`` of every designation with a key, then
    of the alias keys of the Russian ones, made designation by designation."""
    normalizer = default_normalizer()
    every = [d for t in glossary.terms for d in designations(t, forbidden=True)]
    keyed = [(normalizer.key(d.text), d) for d in every]
    shown = {t.id: (t.en, t.ru, t.reviewed) for t in glossary.terms}

    def packed(d: Designation) -> str:
        return pack_designation(d, shown[d.term_id])

    expected = [(key, packed(d), d.role is Role.FORBIDDEN) for key, d in keyed if key]
    aliases = [
        (alias, packed(d), d.role is Role.FORBIDDEN)
        for key, d in keyed
        if key and d.lang is Lang.RU
        for alias in alias_keys(d.text, normalizer)
    ]
    return expected, aliases


def _entries(glossary: Glossary, size: int) -> tuple[Entries, list[tuple[int, str]]]:
    """The build's entries of ``glossary``, the designations sent ``size`` a chunk."""
    words, table = _table(glossary)
    rows: list[tuple[int, str]] = []
    total = len(words.texts)
    chunks = (build._rows_chunk(words, first, first + size) for first in range(0, total, size))
    return build.matcher_entries(chunks, build._concepts(glossary.terms), table, rows), rows


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_terms(), st.integers(1, 4))
def test_matcher_entries_are_the_designations_then_their_alias_keys(
    glossary: Glossary, size: int
) -> None:
    entries, _ = _entries(glossary, size)
    expected, aliases = _expected_entries(glossary)
    assert entries.labels is not None and entries.ranks is not None
    found = []
    for key, owner in zip(entries.keys, entries.owners, strict=True):
        words = tuple(entries.words[ord(char) - _KEY_FIRST] for char in key)
        shown = f"{entries.ranks[owner]}{entries.labels[owner]}"
        found.append(
            (words, f"{entries.records[owner]}{_SHOWN_SEP}{shown}", entries.forbidden[owner] == 1)
        )
    assert found == expected + aliases
    assert list(entries.owners[: len(expected)]) == list(range(len(expected)))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_terms(), st.integers(1, 4))
def test_the_build_compiles_what_the_entries_compile_to_one_by_one(
    glossary: Glossary, size: int
) -> None:
    """The payloads of the build's column entries are those of the pairs made
    designation by designation (the automaton and the forms trie compared by their
    content: their node dumps hold unset padding bytes)."""
    entries, _ = _entries(glossary, size)
    expected, aliases = _expected_entries(glossary)
    form_keys = {"стали": "сталь", "stars": "star"}
    for forbidden in (False, True):
        pairs = [(k, r) for k, r, f in expected + aliases if forbidden or not f]
        # the last compile empties the entries as it goes
        ours = compile_entries(entries, form_keys, forbidden=forbidden, release=forbidden)
        reference = compile_payload(pairs, form_keys)
        assert _parts(ours) == _parts(reference)
        matcher, other = TermMatcher.from_payload(ours), TermMatcher.from_payload(reference)
        assert list(matcher._automaton.items()) == list(other._automaton.items())
        assert matcher._forms is not None and other._forms is not None
        assert list(matcher._forms[0].items()) == list(other._forms[0].items())
        assert matcher._forms[1] == other._forms[1]
    assert not entries.keys and not entries.records


def _parts(payload: list[bytes]) -> list[bytes]:
    """The parts of ``payload`` before the node dumps."""
    state = marshal.loads(payload[0])
    return payload[: 1 + len(state["parts"])]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_terms())
def test_rows_are_what_each_designation_gives_alone(glossary: Glossary) -> None:
    """The designation and alias rows of a build equal those made designation by
    designation with the per-text functions (the build makes them in two walks)."""
    normalizer = default_normalizer()
    rows, aliases = [], []
    for pos, term in enumerate(glossary.terms):
        for d in designations(term, forbidden=True):
            key = normalizer.key(d.text)
            if not key:
                continue
            forbidden = d.role is Role.FORBIDDEN
            rows.append(
                (pos, d.lang.value, d.role.value, d.text, exact_form(d.text), surface(d.text),
                 " ".join(key), "" if forbidden else initials(d.text), len(key))
            )  # fmt: skip
            if d.lang is Lang.RU and not forbidden:
                aliases.extend((len(rows), " ".join(a)) for a in alias_keys(d.text, normalizer))
    with tempfile.TemporaryDirectory() as directory:
        target = Path(directory) / "x.sqlite3"
        build.build_index(glossary, FileStamp("x", 0, 0), target, workers=1)
        with contextlib.closing(sqlite3.connect(target)) as db:
            assert db.execute("SELECT * FROM designations ORDER BY rowid").fetchall() == rows
            assert db.execute("SELECT * FROM aliases ORDER BY rowid").fetchall() == aliases


def test_a_failing_matcher_process_is_an_error(tmp_path: Path) -> None:
    matchers = build._Matchers(tmp_path / "side.sqlite3")
    assert matchers._child is not None
    matchers._child.send(b"not a pickle")
    db = sqlite3.connect(tmp_path / "index.sqlite3")
    with pytest.raises(RuntimeError, match="compiling the matcher failed"):
        matchers.store(db)


_UNGUARDED_SCRIPT = """
from pathlib import Path
import sys
from glossary.index import build
from glossary.index.store import FileStamp
from glossary.model import Glossary, Term
build.PARALLEL_FROM = 1
build._PARALLEL_WORDS = 1
terms = (Term("a", en="security guarantees", ru="гарантии безопасности"),
         Term("b", en="red lines", ru="красные линии", ru_forbidden=("красная черта",)))
build.build_index(Glossary(terms), FileStamp("x", 0, 0), Path(sys.argv[1]), workers=2)
print("built")
"""


def test_a_parallel_build_from_a_script_without_a_main_guard(tmp_path: Path) -> None:
    """Regression: worker processes started by multiprocessing's spawn import the
    caller's script again, which builds again, which fails; ours never do."""
    import os
    import subprocess
    import sys

    script = tmp_path / "script.py"
    script.write_text(_UNGUARDED_SCRIPT, encoding="utf-8")
    src = str(Path(__file__).resolve().parents[2] / "src")
    result = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "x.sqlite3")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": src},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["built"]
    with sqlite3.connect(tmp_path / "x.sqlite3") as db:
        variants = db.execute("SELECT DISTINCT variant FROM matchers").fetchall()
    assert sorted(variants) == [("forbidden",), ("plain",)]


@given(_terms())
def test_designation_texts_follow_designations(glossary: Glossary) -> None:
    for term in glossary.terms:
        every = designations(term, forbidden=True)
        expected = [(d.lang.value, d.role.value, d.text) for d in every]
        assert build.designation_texts(term) == expected


def test_progress_reaches_the_end_in_a_parallel_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "PARALLEL_FROM", 1)
    monkeypatch.setattr(build, "_PARALLEL_WORDS", 1)
    monkeypatch.setattr(build, "_CHUNK_WORDS", 2)
    seen: list[str] = []
    finished = []

    def progress(items: object, total: int) -> object:
        for term in items:  # type: ignore[attr-defined]
            seen.append(term.id)
            yield term
        finished.append(total)

    glossary = small_glossary()
    target = tmp_path / "x.sqlite3"
    build.build_index(glossary, FileStamp("x", 0, 0), target, progress=progress, workers=2)  # type: ignore[arg-type]
    assert seen == [t.id for t in glossary]
    assert finished == [len(glossary.terms)]
    with sqlite3.connect(target) as db:
        (rows,) = db.execute("SELECT count(*) FROM concepts").fetchone()
    assert rows == len(glossary.terms)


def test_without_an_interpreter_to_start_the_matcher_is_compiled_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build.sys, "executable", str(tmp_path / "no-such-python"))
    monkeypatch.setattr(build, "PARALLEL_FROM", 1)
    target = tmp_path / "x.sqlite3"
    build.build_index(small_glossary(), FileStamp("x", 0, 0), target, workers=2)
    with sqlite3.connect(target) as db:
        variants = db.execute("SELECT DISTINCT variant FROM matchers").fetchall()
    assert sorted(variants) == [("forbidden",), ("plain",)]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_terms(), st.integers(1, 4))
def test_rows_made_chunk_by_chunk_are_the_rows_made_at_once(glossary: Glossary, size: int) -> None:
    """The rows child gets the designations in chunks whose word offsets do not start
    at 0; the rows are the same however the designations are cut."""
    words, table = _table(glossary)
    total = len(words.texts)
    letters = build.word_letters(words.distinct)
    whole = build.designation_rows(
        build._rows_chunk(words, 0, total), table.folds, table.keys, letters
    )
    cut = [
        row
        for first in range(0, total, size)
        for row in build.designation_rows(
            build._rows_chunk(words, first, first + size), table.folds, table.keys, letters
        )
    ]
    assert cut == whole


#: Designation material the morphology need not know: capitals and acronyms, function
#: words, hyphens, underscores, apostrophes, stress and combining marks, uneven and
#: other spaces, decomposed and singleton letters, ß, digits, separators alone.
_AWKWARD = st.lists(
    st.sampled_from(
        ["of", "the", "и", "для", "Для", "NATO", "U.N.", "ООН", "ß", "Ёлка", "ёж", "e\u0301",
         "\u212b", "x2", "2", "co-operation", "a_b", "bloc's", "’s", "\u0483", " ", "  ", "\t",
         "\u00a0", "«", "—", "İ"]
    ),
    min_size=1,
    max_size=6,
).map("".join)  # fmt: skip


#: The field of a term that holds a designation of each kind.
_FIELDS = {
    ("en", "preferred"): "en",
    ("en", "variant"): "en_variants",
    ("en", "forbidden"): "en_forbidden",
    ("ru", "preferred"): "ru",
    ("ru", "variant"): "ru_variants",
    ("ru", "forbidden"): "ru_forbidden",
}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_AWKWARD, st.sampled_from(build._KINDS)), max_size=8))
def test_designation_rows_are_each_designations_row(
    designations: list[tuple[str, tuple[str, str]]],
) -> None:
    """The rows made a chunk at a time from the word table (letters joined, exact forms
    checked at once) are the per-designation definitions of each column (the keys
    here stand in for the morphology's)."""
    terms = tuple(
        Term(f"t{n}", **{_FIELDS[kind]: text if kind[1] == "preferred" else (text,)})
        for n, (text, kind) in enumerate(designations)
    )
    words = build._words(terms)
    assert words.texts == [text for text, _ in designations]
    keys = [f"key:{word}" for word in words.distinct]
    folds = [fold_form(word) for word in words.distinct]
    letters = build.word_letters(words.distinct)
    chunk = build._rows_chunk(words, 0, len(designations))
    rows = build.designation_rows(chunk, folds, keys, letters)
    expected = [
        (n, lang, role, text, exact_form(text), surface(text),
         " ".join(f"key:{w}" for w in ws), "" if role == "forbidden" else initials(text), len(ws))
        for n, (text, (lang, role)) in enumerate(designations)
        if (ws := fold_words(text))
    ]  # fmt: skip
    assert rows == expected


def _tables(target: Path) -> dict[str, list[tuple[object, ...]]]:
    with contextlib.closing(sqlite3.connect(target)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        found = {
            table: db.execute(f"SELECT rowid, * FROM {table} ORDER BY rowid").fetchall()
            for table in ("concepts", "designations", "aliases")
        }
        found["forms"] = db.execute("SELECT * FROM forms ORDER BY form, key").fetchall()
        found["word keys"] = db.execute("SELECT key FROM word_keys ORDER BY key").fetchall()
        found["schema"] = db.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY name"
        ).fetchall()
        found["by initials"] = db.execute(
            "SELECT rowid FROM designations INDEXED BY designations_initials"
            " WHERE initials != '' ORDER BY initials, rowid"
        ).fetchall()
    return found


def test_a_parallel_build_writes_the_rows_a_single_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows child's table and indexes, copied over, are the table and indexes the
    build writes in one process (chunks of three designations, so several)."""
    monkeypatch.setattr(build, "PARALLEL_FROM", 1)
    monkeypatch.setattr(build, "_PARALLEL_WORDS", 1)
    monkeypatch.setattr(build, "_BATCH_ROWS", 3)
    terms = (*small_glossary().terms, Term("dash", en="—", ru="«—»", ru_forbidden=("ООН",)))
    glossary = Glossary(terms)
    alone, together = tmp_path / "alone.sqlite3", tmp_path / "together.sqlite3"
    build.build_index(glossary, FileStamp("x", 0, 0), alone, workers=1)
    build.build_index(glossary, FileStamp("x", 0, 0), together, workers=2)
    assert _tables(together) == _tables(alone)
    assert not list(tmp_path.glob("*.rows"))


@pytest.mark.parametrize("fails", [False, True])
def test_the_cyclic_gc_is_paused_during_a_build_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fails: bool
) -> None:
    """Paused while the build runs, enabled again after it, even when it fails."""
    import gc

    seen: list[bool] = []
    words = build._words

    def watched(terms: tuple[Term, ...]) -> build._Words:
        seen.append(gc.isenabled())
        if fails:
            raise OSError("disk full")
        return words(terms)

    monkeypatch.setattr(build, "_words", watched)
    assert gc.isenabled()
    with contextlib.suppress(OSError):
        build.build_index(small_glossary(), FileStamp("x", 0, 0), tmp_path / "i.sqlite3")
    assert seen == [False]
    assert gc.isenabled()


def test_word_keys_are_the_words_of_every_designations_key(tmp_path: Path) -> None:
    """The table the substring stage checks a key's words in lists each word of each
    designation's match key (forbidden ones too) and nothing else."""
    terms = (*small_glossary().terms, Term("dash", en="—", ru="«—»", ru_forbidden=("ООН",)))
    target = tmp_path / "index.sqlite3"
    build.build_index(Glossary(terms), FileStamp("x", 0, 0), target, workers=1)
    with contextlib.closing(sqlite3.connect(target)) as db:
        listed = [key for (key,) in db.execute("SELECT key FROM word_keys")]
        used = {
            word for (key,) in db.execute("SELECT key FROM designations") for word in key.split()
        }
    assert len(listed) == len(set(listed))
    assert set(listed) == used
    assert "оон" in used or "ООН" in used  # the forbidden rendering's word is listed


def test_a_failing_rows_process_is_an_error(tmp_path: Path) -> None:
    rows = build._Rows(tmp_path / "side.sqlite3")
    assert rows._child is not None
    rows._child.send(b"not a pickle")
    words, table = _table(small_glossary())
    db = sqlite3.connect(tmp_path / "index.sqlite3")
    with pytest.raises(RuntimeError, match="writing the designations failed"):
        rows.store(db, words, table, build._Ticker(None, small_glossary().terms))


@pytest.mark.parametrize(
    ("english", "russian", "one_english_item"), [(3, 5, True), (30, 2, False), (0, 4, False)]
)
def test_work_items_hold_every_missing_word_once_in_their_order(
    english: int, russian: int, one_english_item: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """English words make one item (one worker loads lemminflect) while they are at
    most a worker's share of the cost, else they are cut like the others."""
    monkeypatch.setattr(build, "_CHUNK_WORDS", 2)
    distinct = [f"peace{chr(97 + n)}" for n in range(english)]
    distinct += [f"мир{chr(0x430 + n)}" for n in range(russian)] + ["2024"]
    alone = bytearray(n % 2 for n in range(len(distinct)))
    missing = [n for n in range(len(distinct)) if n != 1]  # word 1 analysed before
    order, work = build._work(distinct, alone, missing, 2)
    assert sorted(order) == missing
    assert [w for words, _ in work for w in words] == [distinct[n] for n in order]
    position = {word: n for n, word in enumerate(distinct)}
    for words, singles in work:
        assert singles == [w for w in words if alone[position[w]]]
    english_words = {distinct[n] for n in missing if script(distinct[n]) == "en"}
    english_item = bool(english_words) and set(work[0][0]) == english_words
    assert english_item == one_english_item


def test_the_workers_analyse_every_item_as_here_the_first_from_the_pipe() -> None:
    """The worker that waits on the pipe (lemminflect loaded) takes the first item,
    the others go to the pool; the analyses come back in the items' order."""
    work = [(["peace", "guarantees"], []), (["мир", "договор"], ["мир"]), (["2024"], [])]
    workers = build._pool(2, english=False)  # lemminflect loaded where it is used
    assert workers is not None
    try:
        found = list(workers.map(work))
    finally:
        workers.shutdown()
    assert found == [build.word_analyses(*item) for item in work]


@pytest.mark.parametrize("english", [True, False])
def test_workers_shut_down_before_any_work_stop_the_waiting_one(english: bool) -> None:
    """A build that fails before the morphology closes the pipe: the waiting worker
    sees it empty and the shutdown does not wait for ever."""
    workers = build._pool(2, english=english)
    assert workers is not None
    workers.shutdown(cancel=True)
    assert workers._first.result(timeout=0) == []


def test_without_fork_there_is_no_pool_and_the_morphology_stays_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(build, "can_fork", lambda: False)
    assert build._pool(2) is None


def test_a_worker_without_the_pipe_leaves_the_first_item_to_the_pool() -> None:
    """``None`` from the waiting job (no pipe in that worker): the pool analyses the
    first item too; a pipe nobody reads fails the sender quietly."""
    import concurrent.futures
    import multiprocessing
    import os

    pool = concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    first: concurrent.futures.Future[None] = concurrent.futures.Future()
    first.set_result(None)
    source, feed = os.pipe()
    os.close(source)
    workers = build._Workers(pool, first, feed)  # type: ignore[arg-type]
    work = [(["мир"], ["мир"]), (["peace"], [])]
    try:
        found = list(workers.map(work))
    finally:
        workers.shutdown()
    assert found == [build.word_analyses(*item) for item in work]


@pytest.mark.parametrize("english", [True, False])
def test_the_waiting_job_analyses_the_item_read_from_its_pipe(english: bool) -> None:
    import marshal
    import os

    item = (["мир", "peace"], ["мир"])
    source, feed = os.pipe()
    with open(feed, "wb") as stream:
        stream.write(marshal.dumps(item))
    assert build._first_item_job(source, english) == build.word_analyses(*item)
    empty, feed = os.pipe()
    os.close(feed)
    assert build._first_item_job(empty, english) == []


def test_a_reading_builds_what_its_glossary_builds_once_the_processes_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A glossary read by the build, after it started its child and worker processes,
    gives the tables the same glossary given read gives."""
    monkeypatch.setattr(build, "PARALLEL_FROM", 1)
    monkeypatch.setattr(build, "_PARALLEL_WORDS", 1)
    glossary = small_glossary()
    events: list[str] = []
    start, pool = build._Child.start, build._pool

    def started(main: Callable[[BinaryIO, Path], None], side: Path | None) -> build._Child | None:
        events.append(main.__name__)
        return start(main, side)

    def pooled(count: int, *, english: bool = True) -> build._Workers | None:
        events.append("pool")
        return pool(count, english=english)

    def read() -> Glossary:
        events.append("read")
        return glossary

    monkeypatch.setattr(build._Child, "start", started)
    monkeypatch.setattr(build, "_pool", pooled)
    given_read, read_here = tmp_path / "given.sqlite3", tmp_path / "read.sqlite3"
    build.build_index(glossary, FileStamp("x", 0, 0), given_read, workers=2)
    events.clear()
    reading = build.Reading(read, len(glossary.terms))
    build.build_index(reading, FileStamp("x", 0, 0), read_here, workers=2)
    assert events == ["_matcher_main", "_rows_main", "pool", "read"]
    assert _tables(read_here) == _tables(given_read)


def test_a_reading_that_fails_stops_the_started_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reading's error comes out of the build, the children and the workers are
    stopped and nothing of theirs is left beside the target."""
    monkeypatch.setattr(build, "PARALLEL_FROM", 1)

    def read() -> Glossary:
        raise ValueError("terms.csv:2: a broken row")

    with pytest.raises(ValueError, match="broken row"):
        build.build_index(
            build.Reading(read, 10), FileStamp("x", 0, 0), tmp_path / "i.sqlite3", workers=2
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["i.sqlite3"]
