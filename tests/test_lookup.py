"""The lookup job: hits, suggestions and dictionary references per query, one index."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from glossary.formats import terms_csv
from glossary.index import Lookup, Match, using_index
from glossary.index.store import index_path
from glossary.lookup import search, search_all

from .conftest import small_glossary
from .formats.dictd_files import write_dictd


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def terms(tmp_path: Path) -> Path:
    path = tmp_path / "terms.csv"
    terms_csv.save(small_glossary(), path)
    return path


def test_one_result_per_query_in_order(terms: Path) -> None:
    results = search_all(["ОБСЕ", "qqqqqq", "зона интереса", "secretery of state"], terms)
    assert [(r.query, r.found, r.matched) for r in results] == [
        ("ОБСЕ", True, True),
        ("qqqqqq", False, False),
        ("зона интереса", True, True),
        ("secretery of state", False, False),
    ]
    assert results[2].hits[0].match is Match.FORBIDDEN
    assert results[2].hits[0].approved == "сфера влияния"
    # a fuzzy guess is a suggestion, never a hit
    assert [h.match for h in results[3].suggestions] == [Match.FUZZY]
    assert results[3].hits == ()


def test_a_damaged_index_is_rebuilt_once(terms: Path) -> None:
    calls: list[int] = []

    def job(index: Lookup) -> str:
        calls.append(index.db.execute("SELECT count(*) FROM concepts").fetchone()[0])
        if len(calls) == 1:
            assert index_path(terms).is_file()
            raise sqlite3.DatabaseError("database disk image is malformed")
        return index.lookup("сферами влияния")[0].term.id

    assert using_index(terms, job) == "sphere-of-influence"
    assert calls == [len(small_glossary())] * 2

    def broken(index: Lookup) -> None:
        raise sqlite3.DatabaseError("still malformed")

    with pytest.raises(sqlite3.DatabaseError):  # a second failure is not hidden
        using_index(terms, broken)


def test_dictionary_only_is_found_but_not_matched(terms: Path, tmp_path: Path) -> None:
    from glossary.index.dictionaries import add

    add(write_dictd(tmp_path / "d", "x", {"zebra": "zebra\n  зебра\n"}))
    result = search("zebras", terms)  # the naive singular finds the headword
    assert (result.found, result.matched) == (True, False)
    assert [r.headword for r in result.references] == ["zebra"]
    assert search("zebras", terms, dictionaries=False).references == ()
