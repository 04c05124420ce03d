from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from glossary.index import build, wordcache
from glossary.index.store import FileStamp, load_matcher
from glossary.matching import TermMatcher
from glossary.model import Glossary, Term

from ..conftest import small_glossary


def _contents(target: Path) -> list[object]:
    db = sqlite3.connect(target)
    try:
        found: list[object] = [
            db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
            for table in ("concepts", "designations", "aliases")
        ]
        found.append(db.execute("SELECT * FROM forms ORDER BY form, key").fetchall())
        matcher = load_matcher(db)
    finally:
        db.close()
    found.append(sorted((m.start, m.end, m.text) for m in matcher.find(_TEXT)))
    return found


_TEXT = "Гарантиям безопасности и красной черте — security guarantees, красные линии."


def _build(glossary: Glossary, directory: Path, name: str) -> Path:
    directory.mkdir(mode=0o700, exist_ok=True)
    target = directory / name
    build.build_index(glossary, FileStamp("x", 0, 0), target, workers=1)
    return target


@pytest.fixture
def analysed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The words the morphology is run on, build by build."""
    monkeypatch.setattr(build, "CACHE_FROM", 0)
    seen: list[str] = []
    original = build.word_analyses

    def recording(words: list[str], singles: object, normalizer: object = None) -> object:
        seen.extend(words)
        return original(words, singles)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "word_analyses", recording)
    return seen


def test_a_rebuild_analyses_only_new_words_and_gives_the_same_index(
    tmp_path: Path, analysed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    glossary = small_glossary()
    first = _build(glossary, tmp_path / "cache", "first.sqlite3")
    assert analysed, "the first build runs the morphology"
    assert list((tmp_path / "cache").glob("words-*.marshal"))
    edited = Glossary(
        (*glossary.terms, Term("new", en="frobnication guarantees", ru="гарантии кракозябре"))
    )
    analysed.clear()
    again = _build(edited, tmp_path / "cache", "again.sqlite3")
    before = set(build._words(glossary.terms).distinct)
    assert "безопасности" in before
    assert sorted(analysed) == sorted(set(build._words(edited.terms).distinct) - before)
    assert "кракозябре" in analysed
    monkeypatch.setattr(build, "CACHE_FROM", 1 << 30)
    plain = _build(edited, tmp_path / "plain", "plain.sqlite3")
    assert _contents(again) == _contents(plain)
    assert _contents(first)[0] == _contents(_build(glossary, tmp_path / "plain", "p.sqlite3"))[0]


def test_a_damaged_or_planted_cache_is_ignored(tmp_path: Path, analysed: list[str]) -> None:
    glossary = small_glossary()
    directory = tmp_path / "cache"
    reference = _contents(_build(glossary, directory, "first.sqlite3"))
    (cache,) = directory.glob("words-*.marshal")
    data = cache.read_bytes()
    cache.write_bytes(data[:-5] + b"xxxxx")  # checksum no longer matches
    assert wordcache.load(cache) == {}
    analysed.clear()
    assert _contents(_build(glossary, directory, "second.sqlite3")) == reference
    assert analysed, "the damaged cache was not used"
    assert wordcache.load(cache) != {}, "and was written anew"
    cache.chmod(0o666)  # anyone could have written it: never read
    assert wordcache.load(cache) == {}
    cache.chmod(0o600)
    directory.chmod(0o755)  # nor in a directory others can read
    assert wordcache.load(cache) == {}


def test_a_cache_of_another_version_is_not_read_and_is_removed(
    tmp_path: Path, analysed: list[str]
) -> None:
    directory = tmp_path / "cache"
    directory.mkdir(mode=0o700)
    foreign = directory / "words-0000.marshal"
    foreign.write_bytes(b"not ours")
    foreign.chmod(0o600)
    _build(small_glossary(), directory, "x.sqlite3")
    assert not foreign.exists()
    assert [p.name for p in directory.glob("words-*.marshal")] == [
        wordcache.cache_path(directory).name
    ]


def test_matcher_of_a_cached_build_finds_inflected_forms(
    tmp_path: Path, analysed: list[str]
) -> None:
    glossary = small_glossary()
    _build(glossary, tmp_path / "c", "a.sqlite3")
    target = _build(glossary, tmp_path / "c", "b.sqlite3")
    db = sqlite3.connect(target)
    try:
        cached = load_matcher(db)
    finally:
        db.close()
    fresh = TermMatcher(glossary, inflections=True)
    found = [(m.start, m.end, m.designations) for m in cached.find(_TEXT)]
    assert found == [(m.start, m.end, m.designations) for m in fresh.find(_TEXT)]
    assert found, "the text has hits"
