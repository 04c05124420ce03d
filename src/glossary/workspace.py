"""Where the glossary lives, found the way git finds its repository.

``--glossary PATH`` wins; otherwise the nearest ``terms.csv`` in the working folder or
one of its parents (so ``cd locales && glossary catalogs build`` works on the
repository's glossary, not on a new ``locales/locales`` tree); otherwise the glossary
shipped in the package, which is read-only: every command that writes refuses it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from glossary.errors import GlossaryError

if TYPE_CHECKING:  # the CSV reader is imported on use: a cold lookup never reads terms.csv
    from glossary.formats import terms_csv
    from glossary.model import Glossary

__all__ = [
    "CEILING_ENV",
    "DEFAULT_NAME",
    "LOCALES_NAME",
    "Workspace",
    "discover",
    "embedded_glossary_path",
    "resolve",
]

DEFAULT_NAME = "terms.csv"
LOCALES_NAME = "locales"
#: Folders (``os.pathsep``-separated) above which discovery never looks, like git's
#: ``GIT_CEILING_DIRECTORIES``: a shared parent folder's terms.csv is not picked up.
CEILING_ENV = "GLOSSARY_CEILING_DIRECTORIES"


def embedded_glossary_path() -> Path:
    """The reviewed glossary shipped inside the package, read-only."""
    from importlib import resources

    return Path(str(resources.files("glossary") / "data" / DEFAULT_NAME))


@dataclass(frozen=True, slots=True)
class Workspace:
    """A glossary file and the ``locales/`` tree beside it."""

    glossary_path: Path
    locales: Path
    embedded: bool = False

    def load(self) -> tuple[Glossary, terms_csv.CsvLayout]:
        from glossary.formats import terms_csv

        return terms_csv.load(self.glossary_path)

    def require_writable(self) -> None:
        """Refuse to write when the glossary is the embedded one (it lives in the package)."""
        if self.embedded:
            raise GlossaryError(
                f"no {DEFAULT_NAME} in this folder or its parents, and the embedded glossary "
                f"is read-only; run inside a glossary repository or pass --glossary PATH"
            )


def discover(start: Path | None = None) -> Path | None:
    """The nearest ``terms.csv`` in ``start`` (default: the working folder) or its parents."""
    here = (start or Path.cwd()).resolve()
    ceilings = {Path(p).resolve() for p in os.environ.get(CEILING_ENV, "").split(os.pathsep) if p}
    for folder in (here, *here.parents):
        candidate = folder / DEFAULT_NAME
        if candidate.is_file():
            return candidate if folder != here else Path(DEFAULT_NAME)
        if folder in ceilings:
            break
    return None


def resolve(glossary: str | Path | None = None, locales: str | Path | None = None) -> Workspace:
    """``--glossary`` wins; then the nearest terms.csv upwards; then the embedded glossary.

    The catalogs live in ``locales/`` beside the glossary file unless ``locales`` is given.
    """
    embedded = False
    if glossary is not None:
        path = Path(glossary)
    elif (found := discover()) is not None:
        path = found
    else:
        path, embedded = embedded_glossary_path(), True
    if locales is not None:
        locales_dir = Path(locales)
    elif embedded:
        locales_dir = Path(LOCALES_NAME)
    else:
        locales_dir = path.parent / LOCALES_NAME
    return Workspace(path, locales_dir, embedded)
