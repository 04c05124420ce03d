"""Where the glossary lives: ./terms.csv when present, else the one shipped in the package."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from glossary.formats import terms_csv
from glossary.model import Glossary

__all__ = ["DEFAULT_NAME", "Workspace", "embedded_glossary_path", "resolve"]

DEFAULT_NAME = "terms.csv"


def embedded_glossary_path() -> Path:
    """The reviewed glossary shipped inside the package, read-only."""
    return Path(str(resources.files("glossary") / "data" / DEFAULT_NAME))


@dataclass(frozen=True, slots=True)
class Workspace:
    """A glossary file and the ``locales/`` tree beside it."""

    glossary_path: Path
    locales: Path
    embedded: bool = False

    def load(self) -> tuple[Glossary, terms_csv.CsvLayout]:
        return terms_csv.load(self.glossary_path)


def resolve(glossary: str | Path | None = None, locales: str | Path | None = None) -> Workspace:
    """``--glossary`` wins; then ./terms.csv; then the embedded glossary."""
    embedded = False
    if glossary is not None:
        path = Path(glossary)
    elif Path(DEFAULT_NAME).is_file():
        path = Path(DEFAULT_NAME)
    else:
        path, embedded = embedded_glossary_path(), True
    if locales is not None:
        locales_dir = Path(locales)
    elif embedded:
        locales_dir = Path("locales")
    else:
        locales_dir = path.parent / "locales"
    return Workspace(path, locales_dir, embedded)
