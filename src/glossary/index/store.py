"""The persistent lookup index: one SQLite file per glossary in the user's cache directory.

A CLI lookup must answer in well under 300 ms on a 100k-concept glossary, which
rules out reading terms.csv and loading the morphology on every run. The index is
built once per glossary version: concepts, their designations with exact, folded,
lemma-key and initials columns, and every inflected form of every designation word
(see :mod:`glossary.index.forms`). It lives in ``$XDG_CACHE_HOME/glossary`` (else
``~/.cache/glossary``, made private: mode 0700), named after the glossary's path,
and records the file's size, mtime, ctime, inode and SHA-256: a changed file means a
rebuild, an unchanged file touched by an editor only costs a hash (and the stamp is
updated). ``ctime`` and the inode cannot be set back by a program, so an edit that
keeps size and mtime is still seen. A file that is not a readable index of this
schema, or has a stale journal beside it, is rebuilt, never fatal. The database is
written to a temporary file renamed over the old one, so readers never see half an
index.

The index also stores the compiled term matchers (see :func:`load_matcher`): the
automaton and packed designations that ``annotate``, ``draft`` and ``check`` load
instead of rebuilding, checked by a CRC and trusted only in a private directory.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import itertools
import os
import re
import sqlite3
import stat as stat_module
import unicodedata
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from json.encoder import encode_basestring as _json_string
from pathlib import Path
from typing import TYPE_CHECKING

from glossary.errors import GlossaryError
from glossary.model import Term

if TYPE_CHECKING:
    from glossary.matching import TermMatcher

__all__ = [
    "INDEXES",
    "SCHEMA",
    "SCHEMA_VERSION",
    "FileStamp",
    "UntrustedMatcher",
    "cache_dir",
    "create_indexes",
    "exact_form",
    "exact_forms",
    "finish",
    "index_path",
    "load_matcher",
    "new_database",
    "open_fresh",
    "private_directory",
    "rebuild_on_error",
    "store_matcher",
    "term_record",
]

#: Bump whenever the tables or their meaning change: old files are then rebuilt.
SCHEMA_VERSION = "glossary-index-7"

SCHEMA = """
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
-- every word of every designation's match key, once: a lookup's whole-key substring
-- stage skips scanning for a key with a word outside it (a misspelt query's)
CREATE TABLE word_keys (key TEXT PRIMARY KEY) WITHOUT ROWID;
-- extra match keys of a designation (row of designations) for the annotator
CREATE TABLE aliases (designation INTEGER NOT NULL, key TEXT NOT NULL);
-- compiled matchers (TermMatcher.to_payload) in chunks, CRC in meta
CREATE TABLE matchers (
    variant TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY (variant, seq)
);
"""
#: Matcher payloads are stored in pieces of this size (SQLite caps one value at 1 GB).
_CHUNK_BYTES = 1 << 29
#: How much of the index SQLite may memory-map (lookups touch a few pages).
_MMAP_BYTES = 1 << 30
#: Permission bits that must be clear on the cache directory (group and others).
_SHARED_BITS = 0o077
_PRIVATE_MODE = 0o700
INDEXES = """
CREATE INDEX designations_exact ON designations (exact);
CREATE INDEX designations_surface ON designations (surface);
CREATE INDEX designations_key ON designations (key);
CREATE INDEX designations_initials ON designations (initials) WHERE initials != '';
"""


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What identifies one version of a file: path, size, mtime, ctime, inode and
    content hash. No program can set ctime back, and a rewritten file usually gets a
    new inode, so an edit that keeps size and mtime still changes the stamp."""

    path: str
    size: int
    mtime_ns: int
    sha256: str = ""
    ctime_ns: int = 0
    inode: int = 0
    device: int = 0

    @classmethod
    def of(cls, path: Path, data: bytes | None = None) -> FileStamp:
        stat = path.stat()
        digest = hashlib.sha256(data).hexdigest() if data is not None else ""
        return cls(
            str(path.resolve()),
            stat.st_size,
            stat.st_mtime_ns,
            digest,
            stat.st_ctime_ns,
            stat.st_ino,
            stat.st_dev,
        )

    def meta(self) -> dict[str, str]:
        return {
            "path": self.path,
            "sha256": self.sha256,
            **_quick_stamp(self.size, self.mtime_ns, self.ctime_ns, self.inode, self.device),
        }


def _quick_stamp(
    size: int, mtime_ns: int, ctime_ns: int, inode: int, device: int
) -> dict[str, str]:
    """The metadata that says, without reading the file, that it has not changed."""
    return {
        "size": str(size),
        "mtime_ns": str(mtime_ns),
        "ctime_ns": str(ctime_ns),
        "inode": str(inode),
        "device": str(device),
    }


def _stamp_of(stat: os.stat_result) -> dict[str, str]:
    return _quick_stamp(stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev)


def cache_dir() -> Path:
    """Where users expect caches: ``$XDG_CACHE_HOME/glossary``, else ``~/.cache/glossary``."""
    base = os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / "glossary"


def index_path(source: Path, prefix: str = "glossary") -> Path:
    """The index file of ``source``, named by a hash of its absolute path."""
    digest = hashlib.sha256(str(source.resolve()).encode()).hexdigest()[:20]
    return cache_dir() / f"{prefix}-{digest}.sqlite3"


def open_fresh(  # noqa: C901 - the freshness ladder: missing, other schema, stamp, hash, journal
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
    other content (or ``extra_meta`` differs), unreadable or left with a journal.
    An index path that is a directory is a one-line error.
    """
    path = index_path(source, prefix)
    if path.is_dir():
        raise GlossaryError(
            f"{path}: the glossary index path is a directory; remove it to rebuild the index"
        )
    stat = source.stat()
    wanted = dict(extra_meta or {})
    data: bytes | None = None
    connection = _try_open(path)
    if connection is not None:
        meta = _meta(connection)
        if meta is not None and all(meta.get(k) == v for k, v in wanted.items()):
            quick = _stamp_of(stat)
            if all(meta.get(k) == v for k, v in quick.items()):
                return connection
            data = source.read_bytes()
            if meta.get("sha256") == hashlib.sha256(data).hexdigest():
                _restamp(path, quick)  # touched, not changed: no hash next time
                return connection
        connection.close()
    if data is None:
        data = source.read_bytes()
    stamp = FileStamp.of(source, data)
    import tempfile  # a build only: a cold lookup of a fresh index never needs it

    directory = private_directory(path.parent)
    shared = directory is None
    if directory is None:
        # no private cache directory: an index for this run only, never an error
        directory = Path(tempfile.mkdtemp(prefix="glossary-index-"))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()  # sqlite3 creates it
        build(data, stamp, tmp)
        if not shared:
            _remove_journals(path)
            os.replace(tmp, path)
            tmp = path
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        if shared:
            with contextlib.suppress(OSError):
                directory.rmdir()
        raise
    connection = _try_open(tmp)
    if shared:  # kept private to this run, removed at exit
        import shutil

        atexit.register(shutil.rmtree, directory, ignore_errors=True)
    if connection is None or _meta(connection) is None:
        raise OSError(f"cannot read back the index written to {tmp}")
    return connection


def private_directory(directory: Path) -> Path | None:
    """``directory``, created or tightened to mode 0700, if this user owns it; else
    ``None`` (another user's or unwritable: nothing there is trusted or written)."""
    try:
        directory.mkdir(mode=_PRIVATE_MODE, parents=True, exist_ok=True)
        info = directory.lstat()
        if not stat_module.S_ISDIR(info.st_mode) or not _owned(info):
            return None
        if info.st_mode & _SHARED_BITS:
            directory.chmod(_PRIVATE_MODE)
        if not os.access(directory, os.W_OK):
            return None
    except OSError:
        return None
    return directory


def _owned(info: os.stat_result) -> bool:
    geteuid = getattr(os, "geteuid", None)
    return geteuid is None or info.st_uid == geteuid()


def _trusted(path: Path) -> bool:
    """Whether ``path`` is this user's file in this user's private directory, so that
    what it holds is what this program wrote (a planted file fails this)."""
    try:
        info = path.lstat()
        parent = path.parent.lstat()
    except OSError:
        return False
    return (
        stat_module.S_ISREG(info.st_mode)
        and _owned(info)
        and not info.st_mode & 0o022
        and stat_module.S_ISDIR(parent.st_mode)
        and _owned(parent)
        and not parent.st_mode & _SHARED_BITS
    )


def _restamp(path: Path, quick: dict[str, str]) -> None:
    """Record a new stamp for unchanged content (best effort: a failure costs a hash)."""
    with contextlib.suppress(sqlite3.Error, OSError):
        connection = sqlite3.connect(path, timeout=0.5)
        try:
            with connection:
                connection.executemany(
                    "UPDATE meta SET value = ? WHERE name = ?",
                    [(value, name) for name, value in quick.items()],
                )
        finally:
            connection.close()


def _remove_journals(path: Path) -> None:
    for suffix in ("-journal", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


def rebuild_on_error(path: Path) -> None:
    """Forget an index that failed mid-query, so the next open rebuilds it."""
    with contextlib.suppress(OSError):
        path.unlink()


def _try_open(path: Path) -> sqlite3.Connection | None:
    if not path.is_file():
        return None
    if any(Path(f"{path}{suffix}").exists() for suffix in ("-journal", "-wal")):
        # a write was interrupted: a read-only connection cannot roll it back
        return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        # memory-mapped reads: a lookup touches a few pages without read() calls
        connection.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
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


def create_indexes(connection: sqlite3.Connection) -> None:
    """Create the indexes :func:`new_database` was given (once the rows are in)."""
    (indexes,) = connection.execute("SELECT sql FROM _indexes").fetchone()
    connection.execute("DROP TABLE _indexes")
    connection.executescript(indexes)


def finish(connection: sqlite3.Connection) -> None:
    """Create the indexes (unless :func:`create_indexes` has) and the planner
    statistics, and close the database."""
    pending = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_indexes'"
    ).fetchone()
    if pending:
        create_indexes(connection)
    connection.execute("ANALYZE")
    connection.commit()
    connection.close()


def term_record(term: Term) -> str:
    """The concept as stored: the JSON of :func:`glossary.term_json.term_to_json`
    (``ensure_ascii=False``), written field by field: a dict and ``json.dumps`` per
    concept cost half as much again on a large glossary (equality is tested)."""
    t, text, strings = term, _json_string, _json_list
    return (
        f'{{"id": {text(t.id)}, "en": {text(t.en)}, "ru": {text(t.ru)}, '
        f'"en_variants": {strings(t.en_variants)}, "ru_variants": {strings(t.ru_variants)}, '
        f'"en_forbidden": {strings(t.en_forbidden)}, "ru_forbidden": {strings(t.ru_forbidden)}, '
        f'"kind": {text(t.kind)}, "full_form": {text(t.full_form)}, '
        f'"definition": {text(t.definition)}, "note": {text(t.note)}, '
        f'"status": {text(t.status)}, "source": {strings(t.source)}}}'
    )


def _json_list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(map(_json_string, values)) + "]" if values else "[]"


def store_matcher(db: sqlite3.Connection, variant: str, parts: list[bytes]) -> None:
    """``parts`` as rows of at most :data:`_CHUNK_BYTES`; the meta records how many
    rows each part has and one CRC over all of them."""
    layout = []
    crc = 0
    seq = 0
    for part in parts:
        pieces = [part[i : i + _CHUNK_BYTES] for i in range(0, len(part), _CHUNK_BYTES)] or [b""]
        layout.append(str(len(pieces)))
        for piece in pieces:
            db.execute("INSERT INTO matchers VALUES (?, ?, ?)", (variant, seq, piece))
            seq += 1
        crc = zlib.crc32(part, crc)
    db.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            (f"matcher.{variant}.crc32", str(crc)),
            (f"matcher.{variant}.layout", ",".join(layout)),
            (f"matcher.{variant}.bytes", str(sum(map(len, parts)))),
        ],
    )


class UntrustedMatcher(Exception):
    """The stored matcher is missing, damaged or in a file this program cannot vouch for."""


def load_matcher(connection: sqlite3.Connection, *, forbidden: bool = False) -> TermMatcher:
    """The compiled matcher stored in the index (``forbidden``: with forbidden
    renderings, for drafts and checks), without rebuilding it.

    Loading runs pyahocorasick on a node dump, so the bytes must be the ones this
    program wrote: the index file must be this user's, in a directory only this user
    can write, and the payload must match its CRC and layout version; otherwise
    :class:`UntrustedMatcher` is raised and the caller rebuilds the index.
    """
    from glossary.matching import TermMatcher

    files = [row[2] for row in connection.execute("PRAGMA database_list") if row[1] == "main"]
    if not files or not files[0] or not _trusted(Path(files[0])):
        raise UntrustedMatcher("the index is not in a private cache directory")
    meta = _meta(connection)
    if meta is None:
        raise UntrustedMatcher("not an index of this version")
    variant = "forbidden" if forbidden else "plain"
    variant = meta.get(f"matcher.{variant}", variant)
    crc, size = meta.get(f"matcher.{variant}.crc32"), meta.get(f"matcher.{variant}.bytes")
    layout = meta.get(f"matcher.{variant}.layout", "")
    try:
        counts = [int(n) for n in layout.split(",")]
    except ValueError:
        raise UntrustedMatcher("the stored matcher has no layout") from None
    # read through SQLite's memory map (a fifth less CPU than its page cache), and as
    # blobs, copied once from the pages into the bytes (a SELECT copies them twice);
    # the map is dropped right after, so its pages leave this process's resident
    # memory before the automaton is built beside the copy
    rows = iter(
        connection.execute(
            "SELECT rowid FROM matchers WHERE variant = ? ORDER BY seq", (variant,)
        ).fetchall()
    )
    payload = []
    total = 0
    crc_found = 0
    for count in counts:
        pieces = [_read_blob(connection, row[0]) for row in itertools.islice(rows, count)]
        part = pieces[0] if len(pieces) == 1 else b"".join(pieces)
        del pieces
        total += len(part)
        crc_found = zlib.crc32(part, crc_found)
        payload.append(part)
    connection.execute("PRAGMA mmap_size = 0")
    connection.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
    if crc is None or size != str(total) or str(crc_found) != crc or not payload:
        raise UntrustedMatcher("the stored matcher is damaged")
    try:
        return TermMatcher.from_payload(payload)
    except (ValueError, TypeError, EOFError, KeyError) as exc:
        raise UntrustedMatcher(f"the stored matcher is unreadable: {exc}") from exc


def _read_blob(connection: sqlite3.Connection, rowid: int) -> bytes:
    with connection.blobopen("matchers", "data", rowid, readonly=True) as blob:
        return blob.read()


def exact_form(text: str) -> str:
    """The text as written, only Unicode-composed and with spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


#: Whitespace :func:`exact_form` changes that is not a space (``\s`` is what
#: ``str.split`` splits at); newlines join the texts :func:`exact_forms` checks.
_OTHER_SPACE = re.compile(r"[^\S \n]")


def exact_forms(texts: list[str]) -> list[str]:
    """:func:`exact_form` of each of ``texts``; ``texts`` itself when that changes none
    of them (the common case, checked for all at once: a newline composes with nothing,
    so the texts joined by newlines are composed if and only if each is)."""
    joined = "\n" + "\n".join(texts) + "\n"  # every text between two newlines
    if (
        joined.count("\n") == len(texts) + 1
        and unicodedata.is_normalized("NFC", joined)
        and _OTHER_SPACE.search(joined) is None
        and not any(spaces in joined for spaces in ("  ", "\n ", " \n"))
    ):
        return texts
    return [exact_form(text) for text in texts]
