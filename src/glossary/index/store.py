"""The persistent lookup index: one SQLite file per glossary in the user's cache directory.

A CLI lookup must answer in well under 300 ms on a 100k-concept glossary, which
rules out reading terms.csv and loading the morphology on every run. The index is
built once per glossary version: concepts, their designations with exact, folded,
lemma-key and initials columns, and every inflected form of every designation word
(see :mod:`glossary.index.forms`). It lives in ``$XDG_CACHE_HOME/glossary`` (else
``~/.cache/glossary``), named after the glossary's path, and records the file's
size, mtime and SHA-256: a changed file means a rebuild, an unchanged file touched
by an editor only costs a hash. A file that is not a readable index of this schema
is rebuilt, never fatal. The database is built in memory and written with
:func:`glossary.atomic.atomic_write`, so readers never see half an index.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from glossary.index.forms import initials, surface
from glossary.model import Glossary, Term

__all__ = [
    "SCHEMA_VERSION",
    "FileStamp",
    "build_index",
    "cache_dir",
    "exact_form",
    "finish",
    "index_path",
    "new_database",
    "open_fresh",
    "rebuild_on_error",
    "term_record",
]

#: Bump whenever the tables or their meaning change: old files are then rebuilt.
SCHEMA_VERSION = "glossary-index-4"

_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE concepts (
    pos INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    full_form TEXT NOT NULL,
    -- positions of the concepts linked by full_form, both ways, comma-separated
    links TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE designations (
    concept INTEGER NOT NULL,
    lang TEXT NOT NULL,
    role TEXT NOT NULL,
    text TEXT NOT NULL,
    exact TEXT NOT NULL,
    surface TEXT NOT NULL,
    key TEXT NOT NULL,
    initials TEXT NOT NULL,
    words INTEGER NOT NULL
);
CREATE TABLE forms (form TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (form, key))
    WITHOUT ROWID;
-- extra match keys of a designation (row of designations) for the annotator
CREATE TABLE aliases (designation INTEGER NOT NULL, key TEXT NOT NULL);
"""
_INDEXES = """
CREATE INDEX designations_exact ON designations (exact);
CREATE INDEX designations_surface ON designations (surface);
CREATE INDEX designations_key ON designations (key);
CREATE INDEX designations_initials ON designations (initials) WHERE initials != '';
"""


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What identifies one version of a file: path, size, mtime and content hash."""

    path: str
    size: int
    mtime_ns: int
    sha256: str = ""

    @classmethod
    def of(cls, path: Path, data: bytes | None = None) -> FileStamp:
        stat = path.stat()
        digest = hashlib.sha256(data).hexdigest() if data is not None else ""
        return cls(str(path.resolve()), stat.st_size, stat.st_mtime_ns, digest)

    def meta(self) -> dict[str, str]:
        return {
            "path": self.path,
            "size": str(self.size),
            "mtime_ns": str(self.mtime_ns),
            "sha256": self.sha256,
        }


def cache_dir() -> Path:
    """Where users expect caches: ``$XDG_CACHE_HOME/glossary``, else ``~/.cache/glossary``."""
    base = os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / "glossary"


def index_path(source: Path, prefix: str = "glossary") -> Path:
    """The index file of ``source``, named by a hash of its absolute path."""
    digest = hashlib.sha256(str(source.resolve()).encode()).hexdigest()[:20]
    return cache_dir() / f"{prefix}-{digest}.sqlite3"


def open_fresh(
    source: Path,
    build: Callable[[bytes, FileStamp, Path], None],
    *,
    prefix: str = "glossary",
    extra_meta: dict[str, str] | None = None,
) -> sqlite3.Connection:
    """A read-only connection to ``source``'s index, (re)built by ``build`` when needed.

    ``build(data, stamp, target)`` writes a new database at ``target``, a temporary
    file beside the index that then replaces it atomically (like
    :func:`glossary.atomic.atomic_write`, but without holding a 100 MB database in
    memory twice); it runs when the index is missing, of another schema, built from
    other content (or ``extra_meta`` differs), or unreadable.
    """
    path = index_path(source, prefix)
    stat = source.stat()
    wanted = dict(extra_meta or {})
    data: bytes | None = None
    connection = _try_open(path)
    if connection is not None:
        meta = _meta(connection)
        if meta is not None and all(meta.get(k) == v for k, v in wanted.items()):
            if meta.get("size") == str(stat.st_size) and meta.get("mtime_ns") == str(
                stat.st_mtime_ns
            ):
                return connection
            data = source.read_bytes()
            if meta.get("sha256") == hashlib.sha256(data).hexdigest():
                return connection  # touched, not changed
        connection.close()
    if data is None:
        data = source.read_bytes()
    stamp = FileStamp.of(source, data)
    private = False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        # no writable cache directory: an index for this run only, never an error
        fd, tmp_name = tempfile.mkstemp(prefix="glossary-index-", suffix=".sqlite3")
        private = True
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()  # sqlite3 creates it
        build(data, stamp, tmp)
        if not private:
            os.replace(tmp, path)
            tmp = path
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    connection = _try_open(tmp)
    if private:
        with contextlib.suppress(OSError):
            tmp.unlink()  # the open connection keeps reading it (POSIX)
    if connection is None or _meta(connection) is None:
        raise OSError(f"cannot read back the index written to {tmp}")
    return connection


def rebuild_on_error(path: Path) -> None:
    """Forget an index that failed mid-query, so the next open rebuilds it."""
    with contextlib.suppress(OSError):
        path.unlink()


def _try_open(path: Path) -> sqlite3.Connection | None:
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        # memory-mapped reads: a lookup touches a few pages without read() calls
        connection.execute("PRAGMA mmap_size = 1073741824")
    except sqlite3.Error:
        return None
    return connection


def _meta(connection: sqlite3.Connection) -> dict[str, str] | None:
    """The index's metadata, or ``None`` when the file is not an index of this schema."""
    try:
        meta = dict(connection.execute("SELECT name, value FROM meta").fetchall())
    except sqlite3.Error:
        return None
    if meta.get("schema") != SCHEMA_VERSION:
        return None
    return meta


def new_database(
    target: Path, meta: dict[str, str], schema: str, indexes: str
) -> sqlite3.Connection:
    """A new database at ``target`` with ``schema`` and its metadata, for a builder to
    fill (no journal: a failed build is thrown away whole)."""
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    connection.executescript(schema)
    connection.executemany(
        "INSERT INTO meta VALUES (?, ?)", [("schema", SCHEMA_VERSION), *meta.items()]
    )
    connection.execute("CREATE TABLE IF NOT EXISTS _indexes (sql TEXT)")
    connection.execute("INSERT INTO _indexes VALUES (?)", (indexes,))
    return connection


def finish(connection: sqlite3.Connection) -> None:
    """Create the indexes and the planner statistics, and close the database."""
    (indexes,) = connection.execute("SELECT sql FROM _indexes").fetchone()
    connection.execute("DROP TABLE _indexes")
    connection.executescript(indexes)
    connection.execute("ANALYZE")
    connection.commit()
    connection.close()


def term_record(term: Term) -> str:
    """The concept as stored: its JSON (:func:`glossary.term_json.term_to_json`)."""
    from glossary.term_json import term_to_json

    return json.dumps(term_to_json(term), ensure_ascii=False)


def build_index(
    glossary: Glossary,
    stamp: FileStamp,
    target: Path,
    *,
    progress: Callable[[Iterable[Term], int], Iterable[Term]] | None = None,
) -> None:
    """Write the index of ``glossary`` at ``target`` (loads the morphology: build time only)."""
    from glossary.index.forms import alias_keys, word_forms
    from glossary.matching import designations
    from glossary.text.normalize import default_normalizer

    normalizer = default_normalizer()
    db = new_database(target, stamp.meta(), _SCHEMA, _INDEXES)
    rows = []
    all_words: dict[str, None] = {}
    terms: Iterable[Term] = glossary
    if progress is not None:
        terms = progress(glossary, len(glossary))
    concepts = []
    for pos, term in enumerate(terms):
        concepts.append((pos, term.id, term.full_form, term_record(term)))
        for designation in designations(term, forbidden=True):
            text = designation.text
            key = normalizer.key(text)
            if not key:
                continue
            for word in _words_of(text):
                all_words[word] = None
            rows.append(
                (
                    pos,
                    designation.lang.value,
                    designation.role.value,
                    text,
                    exact_form(text),
                    surface(text),
                    " ".join(key),
                    initials(text),
                    len(key),
                )
            )
    db.executemany("INSERT INTO concepts VALUES (?, ?, ?, ?, ?)", _with_links(concepts))
    db.executemany("INSERT INTO designations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    aliases = [
        (rowid, " ".join(alias))
        for rowid, row in enumerate(rows, 1)
        if row[1] == "ru" and row[2] != "forbidden"
        for alias in alias_keys(row[3], normalizer)
    ]
    db.executemany("INSERT INTO aliases VALUES (?, ?)", aliases)
    db.executemany("INSERT OR IGNORE INTO forms VALUES (?, ?)", word_forms(all_words, normalizer))
    finish(db)


def _with_links(
    concepts: list[tuple[int, str, str, str]],
) -> list[tuple[int, str, str, str, str]]:
    """Add each concept's acronym/expansion links (full_form, both ways) as positions."""
    position = {term_id: pos for pos, term_id, _, _ in concepts}
    links: dict[int, list[int]] = {}
    for pos, _, full_form, _ in concepts:
        target = position.get(full_form)
        if target is not None and target != pos:
            links.setdefault(pos, []).append(target)
            links.setdefault(target, []).append(pos)
    return [
        (pos, term_id, full_form, ",".join(map(str, links.get(pos, ()))), data)
        for pos, term_id, full_form, data in concepts
    ]


def exact_form(text: str) -> str:
    """The text as written, only Unicode-composed and with spaces collapsed."""
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", text).split())


def _words_of(text: str) -> list[str]:
    from glossary.index.forms import words

    return words(text)
