"""glossary: a Russian/English terminology workbench for diplomatic and security news.

The public API: the term model and errors, and one function per job —
:func:`annotate` / :func:`annotate_stream` (terms in a text), :func:`search` /
:func:`search_all` (lookup), :func:`term_to_json` (the one JSON shape of a term).
Jobs are imported on first use, so ``import glossary`` (and a cold ``glossary
lookup``) stays cheap. ``__version__`` is read from the installed package's metadata
(pyproject.toml is the one place it is written), on first use too: importing
importlib.metadata costs a cold command tens of milliseconds.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from glossary.errors import ConflictError, FormatError, GlossaryError, MachineTranslationError
from glossary.model import Glossary, Kind, Lang, Status, Term

if TYPE_CHECKING:
    from glossary.annotation import Annotation, Annotator, annotate, annotate_stream
    from glossary.lookup import SearchResult, search, search_all
    from glossary.term_json import term_from_json, term_to_json

#: The version reported when the package runs from a source tree without being installed.
UNINSTALLED_VERSION = "0+unknown"

#: Lazily exported names and the module each comes from.
_LAZY = {
    "Annotation": "glossary.annotation",
    "Annotator": "glossary.annotation",
    "annotate": "glossary.annotation",
    "annotate_stream": "glossary.annotation",
    "SearchResult": "glossary.lookup",
    "search": "glossary.lookup",
    "search_all": "glossary.lookup",
    "term_from_json": "glossary.term_json",
    "term_to_json": "glossary.term_json",
}

__all__ = [
    "Annotation",
    "Annotator",
    "ConflictError",
    "FormatError",
    "Glossary",
    "GlossaryError",
    "Kind",
    "Lang",
    "MachineTranslationError",
    "SearchResult",
    "Status",
    "Term",
    "__version__",
    "annotate",
    "annotate_stream",
    "search",
    "search_all",
    "term_from_json",
    "term_to_json",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("glossary")
        except PackageNotFoundError:
            return UNINSTALLED_VERSION
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'glossary' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
