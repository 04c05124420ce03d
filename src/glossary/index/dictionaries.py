"""Attached reference dictionaries (dictd), their headword indexes and lookups.

The list of attached dictionaries is user configuration, kept in
``$XDG_CONFIG_HOME/glossary/dictionaries.json`` (else ``~/.config/glossary``). Each
dictionary's headwords are indexed, folded like glossary designations, in its own
SQLite file in the cache directory, rebuilt when the ``.index`` or the data file
changes. Entries are read-only references, never glossary content.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from glossary.errors import FormatError, GlossaryError, display_path, json_error_line
from glossary.index.forms import surface

if TYPE_CHECKING:
    from glossary.formats.dictd import DictdData
    from glossary.index.store import FileStamp

# The dictd reader, the index builder and the atomic writer are imported where used:
# every cold `glossary lookup` imports this module, most with no dictionary attached.

__all__ = [
    "Attached",
    "DictEntry",
    "add",
    "attached",
    "config_dir",
    "lookup",
    "remove",
]

_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries (folded TEXT NOT NULL, headword TEXT NOT NULL, "offset" INTEGER NOT NULL,
                      length INTEGER NOT NULL);
"""
_INDEXES = "CREATE INDEX entries_folded ON entries (folded);"


@dataclass(frozen=True, slots=True)
class Attached:
    """One attached dictionary: a name to show and its two files."""

    name: str
    index: Path
    data: Path


@dataclass(frozen=True, slots=True)
class DictEntry:
    dictionary: str
    headword: str
    text: str


def config_dir() -> Path:
    """``$XDG_CONFIG_HOME/glossary``, else ``~/.config/glossary``."""
    base = os.environ.get("XDG_CONFIG_HOME")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".config"
    return root / "glossary"


def _registry() -> Path:
    return config_dir() / "dictionaries.json"


def attached() -> list[Attached]:
    """The attached dictionaries, in the order they were added."""
    path = _registry()
    if not path.is_file():
        return []
    try:
        records = json.loads(path.read_text("utf-8"))
        return [Attached(r["name"], Path(r["index"]), Path(r["data"])) for r in records]
    except (ValueError, KeyError, TypeError) as exc:
        message = "not a dictionary list written by 'glossary dict add'"
        raise FormatError(path, json_error_line(exc), message) from None


def _save(items: list[Attached]) -> None:
    from glossary.atomic import atomic_write

    records = [{"name": a.name, "index": str(a.index), "data": str(a.data)} for a in items]
    atomic_write(_registry(), (json.dumps(records, ensure_ascii=False, indent=2) + "\n").encode())


def _index_file(path: Path) -> Path:
    """Accept the .index, the .dict/.dict.dz, or the common stem."""
    name = path.name
    for suffix in (".dict.dz", ".dict", ".index"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    index = path.with_name(name + ".index")
    if not index.is_file():
        raise FormatError(path, 0, f"no dictd index {index.name} found")
    return index


def add(path: Path) -> tuple[Attached, int]:
    """Validate and attach a dictionary; returns it and its number of entries."""
    from glossary.formats.dictd import data_path_for

    index = _index_file(path).resolve()
    data = data_path_for(index).resolve()
    items = attached()
    if any(a.index == index for a in items):
        raise GlossaryError(f"{display_path(index)} is already attached")
    connection = _open(index, data)
    try:
        (count,) = connection.execute("SELECT count(*) FROM entries").fetchone()
        name_row = connection.execute("SELECT value FROM meta WHERE name = 'title'").fetchone()
    finally:
        connection.close()
    name = name_row[0] if name_row and name_row[0] else index.stem
    taken = {a.name for a in items}
    unique, n = name, 2
    while unique in taken:
        unique, n = f"{name}-{n}", n + 1
    item = Attached(unique, index, data)
    _save([*items, item])
    return item, int(count)


def remove(name: str) -> Attached:
    """Detach a dictionary by name or by path."""
    items = attached()
    for item in items:
        if name == item.name or (
            Path(name).exists() and _safe_resolve(Path(name)) in (item.index, item.data)
        ):
            _save([a for a in items if a is not item])
            return item
    raise GlossaryError(f"no attached dictionary named {name!r} (see 'glossary dict list')")


def _safe_resolve(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path


def _read_entry(reader: DictdData, index: Path, headword: str, offset: int, length: int) -> str:
    """The entry's text; a data file that cannot give it is reported at the ``.index``
    line that asked for it (the data file has no lines to name)."""
    try:
        return reader.read(offset, length)
    except FormatError as exc:
        line = _index_line(index, headword, offset, length)
        message = f"entry {headword!r}: {exc.message} in {display_path(reader.path)}"
        raise FormatError(index, line, message) from None


def _index_line(index: Path, headword: str, offset: int, length: int) -> int:
    """The line of ``index`` holding this entry; 0 when the file no longer has it."""
    from glossary.formats.dictd import parse_index

    try:
        for entry in parse_index(index.read_bytes(), display_path(index)):
            if (entry.headword, entry.offset, entry.length) == (headword, offset, length):
                return entry.line
    except (FormatError, OSError):
        pass
    return 0


def _open(index: Path, data: Path) -> sqlite3.Connection:
    from glossary.formats.dictd import INFO_PREFIXES, DictdData, parse_index
    from glossary.index.store import finish, new_database, open_fresh

    stat = data.stat()
    extra = {"data": str(data), "data_size": str(stat.st_size), "data_mtime": str(stat.st_mtime_ns)}

    def build(raw: bytes, stamp: FileStamp, target: Path) -> None:
        size = DictdData(data).size
        db = new_database(target, {**stamp.meta(), **extra}, _SCHEMA, _INDEXES)
        rows = []
        title = ""
        for entry in parse_index(raw, display_path(index), size):
            if entry.headword.startswith(INFO_PREFIXES):
                if entry.headword.replace("-", "") == "00databaseshort":
                    text = _read_entry(
                        DictdData(data), index, entry.headword, entry.offset, entry.length
                    )
                    lines = [line.strip() for line in text.splitlines() if line.strip()]
                    title = lines[-1] if lines else ""
                continue
            rows.append((surface(entry.headword), entry.headword, entry.offset, entry.length))
        db.executemany("INSERT INTO entries VALUES (?, ?, ?, ?)", rows)
        db.execute("INSERT INTO meta VALUES ('title', ?)", (title,))
        finish(db)

    return open_fresh(index, build, prefix="dict", extra_meta=extra)


def lookup(candidates: Iterable[str], limit: int = 5) -> list[DictEntry]:
    """Entries of every attached dictionary whose headword folds to one of ``candidates``.

    A dictionary whose files vanished or broke is skipped with a one-line warning on
    stderr: references must never stop a glossary lookup.
    """
    import sys

    folded = list(dict.fromkeys(c for c in (surface(x) for x in candidates) if c))
    if not folded:
        return []
    results: list[DictEntry] = []
    for item in attached():
        try:
            connection = _open(item.index, item.data)
            rows = connection.execute(
                f'SELECT headword, "offset", length FROM entries WHERE folded IN '
                f"({','.join('?' * len(folded))}) LIMIT ?",
                [*folded, limit],
            ).fetchall()
            connection.close()
            from glossary.formats.dictd import DictdData

            reader = DictdData(item.data) if rows else None
            for headword, offset, length in rows:
                assert reader is not None
                text = _read_entry(reader, item.index, headword, offset, length)
                results.append(DictEntry(item.name, headword, text))
        except FormatError as exc:
            print(f"glossary: warning: dictionary {item.name}: {exc}", file=sys.stderr)
        except OSError as exc:
            print(
                f"glossary: warning: dictionary {item.name}: cannot read: {exc.strerror or exc}",
                file=sys.stderr,
            )
    return results


#: Headwords per SQL query (SQLite's default variable limit is far above this).
_BATCH = 500


def entries(headwords: Iterable[str]) -> list[tuple[str, str]]:
    """Every ``(headword, entry text)`` of every attached dictionary whose headword
    folds to one of ``headwords`` (all of them, for a bilingual lexicon; a broken
    dictionary is skipped with a warning, as in :func:`lookup`)."""
    import sys

    folded = sorted({c for c in (surface(x) for x in headwords) if c})
    results: list[tuple[str, str]] = []
    if not folded:
        return results
    for item in attached():
        try:
            connection = _open(item.index, item.data)
            rows = []
            for start in range(0, len(folded), _BATCH):
                batch = folded[start : start + _BATCH]
                rows += connection.execute(
                    f'SELECT headword, "offset", length FROM entries WHERE folded IN '
                    f"({','.join('?' * len(batch))})",
                    batch,
                ).fetchall()
            connection.close()
            if rows:
                from glossary.formats.dictd import DictdData

                reader = DictdData(item.data)
                results += [(h, _read_entry(reader, item.index, h, o, n)) for h, o, n in rows]
        except (FormatError, OSError) as exc:
            print(f"glossary: warning: dictionary {item.name}: {exc}", file=sys.stderr)
    return results
