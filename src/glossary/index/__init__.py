"""The persistent lookup index of a glossary and the lookup cascade over it.

``open_lookup(path)`` returns a :class:`Lookup` over an index that is fresh for
``path`` (built or rebuilt on the way when terms.csv changed or the file is corrupt);
``open_matcher(path)`` adds the term matcher compiled with that index, loaded
rather than rebuilt (for ``annotate``, ``draft`` and ``check``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from glossary.index.lookup import Hit, Lookup, Match
from glossary.index.store import (
    FileStamp,
    UntrustedMatcher,
    build_index,
    index_path,
    load_matcher,
    open_fresh,
    rebuild_on_error,
)
from glossary.model import Term

if TYPE_CHECKING:
    from glossary.matching import TermMatcher

__all__ = ["Hit", "Lookup", "Match", "open_index", "open_lookup", "open_matcher"]

Progress = Callable[[Iterable[Term], int], Iterable[Term]]


def open_index(path: Path, *, progress: Progress | None = None) -> sqlite3.Connection:
    """A read-only connection to the fresh index of the terms.csv at ``path``."""

    def build(data: bytes, stamp: FileStamp, target: Path) -> None:
        from glossary.formats import terms_csv

        glossary, _ = terms_csv.read(data, str(path))
        build_index(glossary, stamp, target, progress=progress)

    try:
        return open_fresh(path, build)
    except sqlite3.DatabaseError:
        # the file passed the metadata check but is damaged further in: start over
        rebuild_on_error(index_path(path))
        return open_fresh(path, build)


def open_lookup(path: Path, *, progress: Progress | None = None, morphology: bool = True) -> Lookup:
    """A :class:`Lookup` over ``path``'s index; ``morphology`` lets unseen Russian
    query words be lemmatised (loads pymorphy3 only when that happens)."""

    def lemmatize(word: str) -> str:
        from glossary.text.normalize import default_normalizer

        return default_normalizer().word_key(word)

    return Lookup(open_index(path, progress=progress), lemmatize if morphology else None)


def open_matcher(
    path: Path, *, forbidden: bool = False, progress: Progress | None = None
) -> tuple[Lookup, TermMatcher]:
    """The index of ``path`` and its compiled matcher (``forbidden``: forbidden
    renderings matched too, as drafts and checks need), loaded, not rebuilt.

    A stored matcher that is damaged or cannot be trusted makes the index be built
    again once; should that fail too (no private cache), the matcher is built in
    memory from terms.csv for this run.
    """
    for _ in range(2):
        index = open_lookup(path, progress=progress, morphology=False)
        try:
            return index, load_matcher(index.db, forbidden=forbidden)
        except (UntrustedMatcher, sqlite3.DatabaseError):
            index.db.close()
            rebuild_on_error(index_path(path))
    from glossary.formats import terms_csv
    from glossary.matching import TermMatcher

    glossary, _ = terms_csv.load(path)
    index = open_lookup(path, progress=progress, morphology=False)
    return index, TermMatcher(glossary, forbidden=forbidden, inflections=True)
