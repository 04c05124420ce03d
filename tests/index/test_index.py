"""The index package's entry points: open a lookup, run a job with one retry, load a matcher."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from glossary.formats import terms_csv
from glossary.index import open_lookup, open_matcher, using_index
from glossary.index.lookup import Lookup
from tests.conftest import small_glossary


@pytest.fixture
def terms(tmp_path: Path) -> Path:
    path = tmp_path / "terms.csv"
    terms_csv.save(small_glossary(), path)
    return path


def test_a_glossary_in_memory_gets_a_private_index() -> None:
    lookup = open_lookup(small_glossary())
    hits = lookup.lookup("сферы влияния")
    assert hits and hits[0].term.id == "sphere-of-influence"


def test_a_job_is_retried_once_on_a_damaged_index(terms: Path) -> None:
    calls: list[int] = []

    def flaky(lookup: Lookup) -> str:
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.DatabaseError("database disk image is malformed")
        return lookup.lookup("OSCE")[0].term.id

    assert using_index(terms, flaky) == "osce"
    assert len(calls) == 2

    def broken(lookup: Lookup) -> str:
        raise sqlite3.DatabaseError("still broken")

    with pytest.raises(sqlite3.DatabaseError):
        using_index(terms, broken)


def test_the_stored_matcher_finds_inflected_terms(terms: Path) -> None:
    _, matcher = open_matcher(terms)
    text = "Речь шла о юридически обязывающих гарантиях безопасности."
    found = {term_id for span in matcher.find(text) for term_id in span.term_ids}
    assert "legally-binding-security-guarantees" in found
