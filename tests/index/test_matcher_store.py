"""The compiled matcher stored in the index: loaded (not rebuilt) by later processes,
invalidated with the index, rebuilt when damaged, refused outside a private cache."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from glossary.errors import GlossaryError
from glossary.formats import terms_csv
from glossary.index import build, open_index, open_lookup, open_matcher, store
from glossary.index.store import UntrustedMatcher, index_path, load_matcher
from glossary.matching import TermMatcher
from glossary.model import Glossary, Status, Term

from ..conftest import small_glossary

TEXT = (
    "Стороны обсудили вопрос юридически обязывающих гарантий безопасности и сфер влияния; "
    "OSCE and the Organization for Security and Cooperation in Europe met on spheres of influence."
)
SRC = str(Path(__file__).resolve().parents[2] / "src")


@pytest.fixture
def terms(tmp_path: Path) -> Path:
    path = tmp_path / "work" / "terms.csv"
    path.parent.mkdir()
    terms_csv.save(small_glossary(), path)
    return path


def _spans(matcher: TermMatcher, text: str = TEXT) -> list[tuple[int, int, tuple[str, ...]]]:
    return [(s.start, s.end, s.term_ids) for s in matcher.find(text)]


def test_stored_matcher_finds_what_a_fresh_one_finds(terms: Path) -> None:
    _, stored = open_matcher(terms)
    fresh = TermMatcher(small_glossary(), inflections=True)
    assert _spans(stored) == _spans(fresh)
    assert ("legally-binding-security-guarantees",) in [ids for _, _, ids in _spans(stored)]
    assert stored.exact("сферы влияния") == fresh.exact("сферы влияния") != ()


def test_forbidden_variant_matches_forbidden_renderings(terms: Path) -> None:
    glossary = small_glossary()
    forbidden = [(t.id, f) for t in glossary for f in t.ru_forbidden]
    assert forbidden, "the small glossary has a forbidden rendering"
    term_id, text = forbidden[0]
    _, plain = open_matcher(terms)
    _, full = open_matcher(terms, forbidden=True)
    assert term_id not in [i for _, _, ids in _spans(plain, text) for i in ids]
    assert term_id in [i for _, _, ids in _spans(full, text) for i in ids]


_SECOND_PROCESS = """
import sys
from pathlib import Path
from glossary.index import build
from glossary.matching import TermMatcher

def refuse(*args, **kwargs):
    raise AssertionError("rebuilt")

build.build_index = refuse
TermMatcher._build = refuse
from glossary.index import open_matcher
_, matcher = open_matcher(Path(sys.argv[1]))
print(",".join(i for s in matcher.find(sys.argv[2]) for i in s.term_ids))
"""


def test_a_later_process_loads_it_without_rebuilding(terms: Path) -> None:
    open_matcher(terms)
    env = {**os.environ, "PYTHONPATH": SRC}
    result = subprocess.run(
        [sys.executable, "-c", _SECOND_PROCESS, str(terms), TEXT],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "legally-binding-security-guarantees" in result.stdout.split(",")


def test_invalidated_when_the_glossary_changes(terms: Path) -> None:
    open_matcher(terms)
    new = Term("red-lines", en="red lines", ru="красные линии", status=Status.REVIEWED)
    terms_csv.save(small_glossary().with_terms([new]), terms)
    _, matcher = open_matcher(terms)
    assert _spans(matcher, "о красных линиях") == [(2, 16, ("red-lines",))]


def test_damaged_payload_is_rebuilt(terms: Path) -> None:
    index, _ = open_matcher(terms)
    index.db.close()
    path = index_path(terms)
    with sqlite3.connect(path) as db:
        (data,) = db.execute("SELECT data FROM matchers WHERE seq = 0").fetchone()
        damaged = bytes([data[0] ^ 0xFF]) + data[1:]
        db.execute("UPDATE matchers SET data = ? WHERE seq = 0", (damaged,))
    db.close()
    with pytest.raises(UntrustedMatcher):
        load_matcher(open_index(terms))
    _, matcher = open_matcher(terms)
    assert _spans(matcher) == _spans(TermMatcher(small_glossary(), inflections=True))
    load_matcher(open_index(terms))  # the rebuilt one is sound


def test_matcher_outside_a_private_directory_is_refused(terms: Path) -> None:
    open_matcher(terms)
    directory = index_path(terms).parent
    directory.chmod(0o777)  # anyone could have planted the file
    with pytest.raises(UntrustedMatcher):
        load_matcher(open_index(terms))
    _, matcher = open_matcher(terms)  # rebuilt, and the directory made private again
    assert _spans(matcher) == _spans(TermMatcher(small_glossary(), inflections=True))
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700


def test_writable_index_file_is_refused(terms: Path) -> None:
    open_matcher(terms)
    index_path(terms).chmod(0o666)
    with pytest.raises(UntrustedMatcher):
        load_matcher(open_index(terms))


def test_cache_directory_is_created_private(terms: Path) -> None:
    open_index(terms).close()
    assert stat.S_IMODE(index_path(terms).parent.stat().st_mode) == 0o700


def test_parallel_build_equals_serial(
    terms: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "PARALLEL_FROM", 1)
    monkeypatch.setattr(build, "_CHUNK_WORDS", 3)
    monkeypatch.setattr(build, "_BATCH_ROWS", 3)  # the children get several chunks
    glossary = small_glossary()
    stamp = store.FileStamp.of(terms, terms.read_bytes())
    tables = []
    matchers = []
    forbidden = []
    for workers, name in ((1, "serial.sqlite3"), (2, "parallel.sqlite3")):
        target = tmp_path / name
        build.build_index(glossary, stamp, target, workers=workers)
        db = sqlite3.connect(target)
        tables.append(
            [
                db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
                for table in ("concepts", "designations", "aliases")
            ]
            + [db.execute("SELECT * FROM forms ORDER BY form, key").fetchall()]
        )
        matchers.append(load_matcher(db))
        forbidden.append(load_matcher(db, forbidden=True))
        db.close()
    assert tables[0] == tables[1]
    assert tables[0][1], "designations were written"
    serial, parallel = matchers
    assert _spans(serial) == _spans(parallel) == _spans(TermMatcher(glossary, inflections=True))
    text = TEXT + " " + " ".join(f for t in glossary for f in t.ru_forbidden + t.en_forbidden)
    fresh = TermMatcher(glossary, forbidden=True, inflections=True)
    assert _spans(forbidden[0], text) == _spans(forbidden[1], text) == _spans(fresh, text)
    assert len(_spans(fresh, text)) > len(_spans(serial, text)), "forbidden renderings found"
    assert _form_codes(serial) == _form_codes(parallel)
    assert _form_codes(serial)["гарантиям"] == _form_codes(serial)["гарантии"] != ""


def _form_codes(matcher: TermMatcher) -> dict[str, str]:
    """The stored forms map of ``matcher`` (a trie of indexes into its codes) as a dict."""
    assert matcher._forms is not None
    trie, values = matcher._forms
    return {form: values[index] for form, index in trie.items()}


def test_progress_sees_every_concept(terms: Path, tmp_path: Path) -> None:
    seen: list[str] = []

    def progress(items: object, total: int) -> object:
        for term in items:  # type: ignore[attr-defined]
            seen.append(term.id)
            yield term

    glossary = small_glossary()
    stamp = store.FileStamp.of(terms, terms.read_bytes())
    build.build_index(glossary, stamp, tmp_path / "x.sqlite3", progress=progress)  # type: ignore[arg-type]
    assert seen == [t.id for t in glossary]


# -- index freshness and damage (issue 9) ----------------------------------------


def test_edit_keeping_size_and_mtime_is_seen(terms: Path) -> None:
    assert open_lookup(terms).lookup("military blocs")[0].term.id == "military-bloc"
    before = terms.stat()
    data = terms.read_bytes()
    changed = data.replace(b"military bloc", b"military blok")
    assert len(changed) == len(data) and changed != data
    terms.write_bytes(changed)
    os.utime(terms, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert terms.stat().st_size == before.st_size
    assert terms.stat().st_mtime_ns == before.st_mtime_ns
    hits = open_lookup(terms).lookup("military blok")
    assert hits and hits[0].term.id == "military-bloc" and hits[0].matched == "military blok"


def test_index_path_that_is_a_directory_is_one_line_error(terms: Path) -> None:
    index_path(terms).mkdir(parents=True)
    with pytest.raises(GlossaryError) as info:
        open_index(terms)
    assert "directory" in str(info.value) and "\n" not in str(info.value)


def test_stale_journal_means_a_rebuild(terms: Path) -> None:
    open_index(terms).close()
    journal = Path(f"{index_path(terms)}-journal")
    journal.write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\0" * 600)
    assert open_lookup(terms).lookup("OSCE")[0].term.id == "osce"
    assert not journal.exists()


_LOOKUP_ONLY = """
import sys
from glossary.cli import main
main(["--glossary", sys.argv[1], "lookup", "OSCE"])
assert "ahocorasick" not in sys.modules, "lookup loaded the matcher"
"""


def test_lookup_does_not_load_the_matcher(terms: Path) -> None:
    open_matcher(terms)
    result = subprocess.run(
        [sys.executable, "-c", _LOOKUP_ONLY, str(terms)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": SRC},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "osce" in result.stdout.casefold()


def test_empty_glossary_matcher_round_trips() -> None:
    matcher = TermMatcher(Glossary(()))
    loaded = TermMatcher.from_payload(matcher.to_payload())
    assert loaded.find("any text") == [] and len(loaded) == 0


def test_stored_matcher_folds_capitalised_and_spelling_variants(terms: Path) -> None:
    """The stored forms are folded only: capitalised and stressed words of a text are
    folded when first seen and still found, acronyms keep their case (invented text)."""
    _, stored = open_matcher(terms)
    fresh = TermMatcher(small_glossary(), inflections=True)
    text = (
        "Гарантиям безопасности посвятили день. Сферы Влияния делят опять; сфе\u0301ры "
        "влияния тоже. ОБСЕ и Обсерватория, но не обсе."
    )
    found = _spans(stored, text)
    assert found == _spans(fresh, text)
    ids = [i for _, _, spans in found for i in spans]
    assert ids.count("osce") == 1
    assert ids.count("sphere-of-influence") == 2  # capitalised and stressed
    assert text[found[0][0] : found[0][1]].startswith("Гарантиям")
