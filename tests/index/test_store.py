"""The persistent index: where it lives, when it is rebuilt, and that damage is not fatal."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.formats import terms_csv
from glossary.index import open_index, open_lookup
from glossary.index.store import (
    SCHEMA_VERSION,
    cache_dir,
    exact_form,
    exact_forms,
    index_path,
    term_record,
)
from glossary.model import Kind, Status, Term
from glossary.term_json import term_to_json

from ..conftest import small_glossary


@pytest.fixture
def terms(tmp_path: Path) -> Path:
    path = tmp_path / "work" / "terms.csv"
    path.parent.mkdir()
    terms_csv.save(small_glossary(), path)
    return path


def test_lives_in_the_xdg_cache_dir(terms: Path, private_dirs: Path) -> None:
    open_index(terms).close()
    assert cache_dir() == private_dirs / "cache" / "glossary"
    assert index_path(terms).parent == cache_dir()
    assert index_path(terms).is_file()


def test_home_cache_without_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "glossary"


def test_reused_while_unchanged(terms: Path) -> None:
    open_index(terms).close()
    first = index_path(terms).stat().st_ino  # a rebuild renames a new file into place
    os.utime(terms)  # touched, same content: hashed, not rebuilt
    connection = open_index(terms)
    connection.close()
    assert index_path(terms).stat().st_ino == first
    stamp = dict(open_index(terms).execute("SELECT name, value FROM meta").fetchall())
    assert stamp["mtime_ns"] == str(terms.stat().st_mtime_ns)  # restamped: no hash next time


def test_stale_index_is_rebuilt(terms: Path) -> None:
    assert open_lookup(terms).lookup("military blocs")[0].term.id == "military-bloc"
    glossary = small_glossary().with_terms(
        [Term("red-lines", en="red lines", ru="красные линии", status=Status.REVIEWED)]
    )
    terms_csv.save(glossary, terms)
    lookup = open_lookup(terms)
    assert lookup.lookup("красными линиями")[0].term.id == "red-lines"


def test_corrupt_index_is_rebuilt(terms: Path) -> None:
    open_index(terms).close()
    index_path(terms).write_bytes(b"this is not a database" * 100)
    assert open_lookup(terms).lookup("сферами влияния")[0].term.id == "sphere-of-influence"


def test_truncated_index_is_rebuilt(terms: Path) -> None:
    open_index(terms).close()
    path = index_path(terms)
    path.write_bytes(path.read_bytes()[:1024])
    assert open_lookup(terms).lookup("OSCE")[0].term.id == "osce"


def test_index_of_another_schema_is_rebuilt(terms: Path) -> None:
    path = index_path(terms)
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)")
        db.execute("INSERT INTO meta VALUES ('schema', 'glossary-index-0')")
    db.close()
    connection = open_index(terms)
    schema = connection.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
    assert schema == (SCHEMA_VERSION,)


def test_bad_terms_csv_is_a_one_line_error(terms: Path) -> None:
    from glossary.errors import FormatError

    terms.write_text("id,en\nx,y\n", encoding="utf-8")
    with pytest.raises(FormatError) as info:
        open_index(terms)
    assert "terms.csv" in str(info.value)
    assert "\n" not in str(info.value)


def test_unwritable_cache_is_not_fatal(
    terms: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert open_lookup(terms).lookup("сферами влияния")[0].term.id == "sphere-of-influence"
    assert blocker.read_text() == "a file where the cache directory should be"


def test_failed_build_leaves_no_files(terms: Path) -> None:
    terms.write_text("id,en\n", encoding="utf-8")  # invalid: missing columns
    from glossary.errors import GlossaryError

    with pytest.raises(GlossaryError):
        open_index(terms)
    assert not index_path(terms).exists()
    assert list(cache_dir().glob("*.tmp")) == []


_FIELD = st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)


@given(
    st.builds(
        Term,
        _FIELD,
        en=_FIELD,
        ru=_FIELD,
        en_variants=st.lists(_FIELD, max_size=2).map(tuple),
        ru_forbidden=st.lists(_FIELD, max_size=2).map(tuple),
        kind=st.sampled_from(Kind),
        full_form=_FIELD,
        definition=_FIELD,
        note=_FIELD,
        status=st.sampled_from(Status),
        source=st.lists(_FIELD, max_size=2).map(tuple),
    )
)
def test_term_record_is_the_json_of_term_to_json(term: Term) -> None:
    assert term_record(term) == json.dumps(term_to_json(term), ensure_ascii=False)


#: Characters exact_form changes or that border on a change: spaces of every kind, a
#: newline, decomposed and composed accents, a singleton (Å as the Ångström sign).
_SPACED = st.text(alphabet="ab яё\t\n\u00a0\u2003e\u0301\u00e9\u212b\u0308", max_size=8)


@given(st.lists(_SPACED, max_size=6))
def test_exact_forms_are_each_texts_exact_form(texts: list[str]) -> None:
    assert exact_forms(texts) == [exact_form(text) for text in texts]


@given(st.lists(st.text(alphabet="ab яё", max_size=8), min_size=1, max_size=6))
def test_exact_forms_of_plain_texts_are_the_texts(texts: list[str]) -> None:
    expected = [exact_form(text) for text in texts]
    assert (exact_forms(texts) is texts) == (expected == texts)
