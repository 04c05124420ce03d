"""The analyses of designation words kept between index builds, so that a rebuild
after an edit runs the morphology only for the words it has not seen.

The morphology (pymorphy3 paradigms, lemminflect) is most of an index build's work
and depends on the word alone, so its results are stored beside the index, in the
private cache directory, named by a digest of everything they depend on: the
morphology packages' versions and the source of the code that computes them. A file
of another version is simply not looked at (and removed at the next save); a file
that is not this user's own in a private directory, or whose checksum does not
match, is ignored and the words are analysed again. Nothing from outside the private
cache is ever read (the file is in :mod:`marshal`'s format: plain strings, tuples,
lists and a dict, written and read in C, with no object table as pickle keeps).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

from glossary.index.store import _trusted

__all__ = ["Analyses", "cache_path", "load", "save"]

#: ``(word, is it a one-word Russian designation?)`` → ``(WordInfo, its form rows)``
#: (see :mod:`glossary.index.build`); the flag is part of the key because a word
#: standing alone has alternative keys of its own.
Analyses = dict[tuple[str, bool], tuple[Any, list[Any]]]

#: The distributions whose data the analyses come from.
_PACKAGES = ("pymorphy3", "pymorphy3-dicts-ru", "lemminflect")
#: What the file starts with, before the checksum of what follows.
_MAGIC = b"glossary-word-analyses 1\n"
_DIGEST_BYTES = 32
_PREFIX = "words-"


def _version() -> str:
    """A digest of what the analyses depend on: Python, the morphology packages and
    this package's text code and index build code (any edit there invalidates).
    importlib.metadata is imported here, not with the module: the build's child
    processes import this module and never look (some 0.05 s of CPU each)."""
    from importlib import metadata

    import glossary

    digest = hashlib.sha256(sys.version.encode())
    for name in _PACKAGES:
        try:
            digest.update(f"{name}={metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none\n".encode())
    root = Path(glossary.__file__).parent
    sources = sorted((root / "text").rglob("*.py"))
    sources += [root / "index" / "forms.py", root / "index" / "build.py", Path(__file__)]
    for source in sources:
        digest.update(source.relative_to(root).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:24]


def cache_path(directory: Path) -> Path:
    """The analyses file of this version of the morphology in ``directory``."""
    return directory / f"{_PREFIX}{_version()}.marshal"


def load(path: Path) -> Analyses:
    """The stored analyses, or none when the file is missing, not this user's own in
    a private directory, damaged or unreadable (never an error: a rebuild follows)."""
    if not _trusted(path):
        return {}
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    head = len(_MAGIC) + _DIGEST_BYTES
    if (
        not data.startswith(_MAGIC)
        or hashlib.sha256(data[head:]).digest() != data[len(_MAGIC) : head]
    ):
        return {}
    try:
        found = marshal.loads(data[head:])  # our own file in our private cache
    except (ValueError, EOFError, TypeError):  # damaged despite the checksum
        return {}
    return found if isinstance(found, dict) else {}


def save(path: Path, analyses: Analyses) -> None:
    """Store ``analyses`` at ``path`` atomically (best effort: a failure only costs
    the next build its morphology) and remove the files of other versions."""
    import tempfile

    body = marshal.dumps(analyses)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(_MAGIC)
            out.write(hashlib.sha256(body).digest())
            out.write(body)
        os.replace(tmp, path)
        tmp = None
        for other in path.parent.glob(f"{_PREFIX}*.marshal"):
            if other != path:
                other.unlink()
    except OSError:
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
