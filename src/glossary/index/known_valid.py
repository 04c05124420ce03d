"""terms.csv contents this tool found valid, remembered by digest in the private cache.

Validating 100k concepts takes about half a second (a million, five), and a command
that writes (a sync, a build) or builds the index validates terms.csv as it reads it,
though the bytes are most often those the previous command wrote or read and
validated. So the digest of the bytes last found valid is kept per terms.csv, with a
fingerprint of the code that validated them; those very bytes are then parsed without
being validated again. Other bytes, other code, or a cache that is not this user's
private directory: everything is validated as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from glossary import model
from glossary.errors import display_path
from glossary.formats import terms_csv
from glossary.index.store import cache_dir, private_directory
from glossary.model import Glossary

__all__ = ["read", "remember"]


def read(data: bytes, path: Path) -> tuple[Glossary, terms_csv.CsvLayout]:
    """:func:`glossary.formats.terms_csv.read` of the bytes of the terms.csv at ``path``,
    validated unless they are the bytes last found valid there."""
    key = _key(data)
    marker = _marker(path) if key is not None else None
    known = False
    if marker is not None:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            known = marker.read_text(encoding="ascii") == key
    found = terms_csv.read(data, display_path(path), validated=known)
    if not known and marker is not None and key is not None:
        _write(marker, key)
    return found


def remember(path: Path, data: bytes) -> None:
    """Record that ``data``, just written to ``path`` after validation, is valid."""
    key = _key(data)
    marker = _marker(path) if key is not None else None
    if marker is not None and key is not None:
        _write(marker, key)


def _key(data: bytes) -> str | None:
    """The digest of ``data`` and the fingerprint of the validating code: the size and
    modification time of its modules (another release or an edited checkout differs);
    ``None`` when they cannot be stated (nothing is then remembered)."""
    try:
        stamps = [os.stat(module.__file__ or "") for module in (model, terms_csv)]
    except OSError:
        return None
    code = ",".join(f"{s.st_size}:{s.st_mtime_ns}" for s in stamps)
    return f"{hashlib.sha256(data).hexdigest()} {code}"


def _marker(path: Path) -> Path | None:
    """The file holding the key of ``path``'s bytes last found valid (named by a hash
    of its real path), or ``None`` when the cache is not this user's private directory."""
    directory = private_directory(cache_dir() / "valid")
    if directory is None:
        return None
    return directory / hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:20]


def _write(marker: Path, key: str) -> None:
    """Best effort: a marker that cannot be written only costs the next validation."""
    tmp = marker.with_name(f".{marker.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(key, encoding="ascii")
        os.replace(tmp, marker)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
