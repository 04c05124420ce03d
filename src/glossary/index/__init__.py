"""The persistent lookup index of a glossary and the lookup cascade over it.

``open_lookup(path)`` returns a :class:`Lookup` over an index that is fresh for
``path`` (built or rebuilt on the way when terms.csv changed or the file is not a
readable index); ``open_matcher(path)`` adds the term matcher compiled with that
index, loaded rather than rebuilt (for ``annotate``, ``draft`` and ``check``).
:func:`using_index` runs a job over the index and owns the one retry: an index
damaged beyond its metadata (a query fails half-way) or holding a matcher that
cannot be trusted is forgotten, rebuilt and the job run again, so a corrupt cache
is never fatal and no caller repeats that.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from glossary.index.lookup import Hit, Lookup, Match
from glossary.index.store import (
    FileStamp,
    UntrustedMatcher,
    index_path,
    load_matcher,
    open_fresh,
    rebuild_on_error,
)
from glossary.model import Glossary, Term

if TYPE_CHECKING:
    from glossary.matching import TermMatcher

__all__ = ["Hit", "Lookup", "Match", "open_index", "open_lookup", "open_matcher", "using_index"]

Progress = Callable[[Iterable[Term], int], Iterable[Term]]
T = TypeVar("T")


def open_index(path: Path, *, progress: Progress | None = None) -> sqlite3.Connection:
    """A read-only connection to the fresh index of the terms.csv at ``path``."""

    def build(data: bytes, stamp: FileStamp, target: Path) -> None:
        from glossary.index import known_valid
        from glossary.index.build import Reading, build_index  # by builds, not lookups

        def read() -> Glossary:
            return known_valid.read(data, path)[0]

        # about one concept a line: the build's processes start before the reading
        build_index(Reading(read, data.count(b"\n")), stamp, target, progress=progress)

    return open_fresh(path, build)


def open_lookup(
    path: Path | Glossary, *, progress: Progress | None = None, morphology: bool = True
) -> Lookup:
    """A :class:`Lookup` over the index of the terms.csv at ``path`` (or of a glossary
    in memory, indexed for this process only); ``morphology`` lets unseen Russian query
    words be lemmatised (loads pymorphy3 only when that happens)."""

    def lemmatize(word: str) -> str:
        from glossary.text.normalize import default_normalizer

        return default_normalizer().word_key(word)

    if isinstance(path, Glossary):
        connection = _private_index(path, progress)
    else:
        connection = open_index(path, progress=progress)
    return Lookup(connection, lemmatize if morphology else None)


def using_index(
    path: Path | Glossary,
    job: Callable[[Lookup], T],
    *,
    progress: Progress | None = None,
    morphology: bool = True,
) -> T:
    """``job(lookup)`` over ``path``'s index. If the index turns out damaged mid-job
    (:class:`sqlite3.DatabaseError`) or its stored matcher cannot be trusted
    (:class:`~glossary.index.store.UntrustedMatcher`), it is deleted and rebuilt and
    ``job`` runs once more; a second failure propagates."""
    try:
        return job(open_lookup(path, progress=progress, morphology=morphology))
    except (sqlite3.DatabaseError, UntrustedMatcher):
        if isinstance(path, Glossary):
            raise
        rebuild_on_error(index_path(path))
        return job(open_lookup(path, progress=progress, morphology=morphology))


def open_matcher(
    path: Path, *, forbidden: bool = False, progress: Progress | None = None
) -> tuple[Lookup, TermMatcher]:
    """The index of ``path`` and its compiled matcher (``forbidden``: forbidden
    renderings matched too, as drafts and checks need), loaded, not rebuilt.

    A stored matcher that is damaged or cannot be trusted makes the index be built
    again once (:func:`using_index`); should that fail too (no private cache), the
    matcher is built in memory from terms.csv for this run.
    """

    def load(index: Lookup) -> tuple[Lookup, TermMatcher]:
        return index, load_matcher(index.db, forbidden=forbidden)

    try:
        return using_index(path, load, progress=progress, morphology=False)
    except (UntrustedMatcher, sqlite3.DatabaseError):
        pass
    from glossary.formats import terms_csv
    from glossary.matching import TermMatcher

    glossary, _ = terms_csv.load(path)
    index = open_lookup(path, progress=progress, morphology=False)
    return index, TermMatcher(glossary, forbidden=forbidden, inflections=True)


def _private_index(glossary: Glossary, progress: Progress | None) -> sqlite3.Connection:
    """An index of ``glossary`` in a temporary file that disappears with its connection."""
    import tempfile

    fd, name = tempfile.mkstemp(prefix="glossary-index-", suffix=".sqlite3")
    os.close(fd)
    target = Path(name)
    try:
        target.unlink()  # sqlite3 creates it
        from glossary.index.build import build_index

        build_index(glossary, FileStamp("<memory>", 0, 0), target, progress=progress)
        connection = sqlite3.connect(f"file:{target}?mode=ro", uri=True, check_same_thread=False)
    finally:
        with contextlib.suppress(OSError):
            target.unlink()  # the open connection keeps reading it (POSIX)
    return connection
