"""The interchange formats in one explicit table: name and suffixes → reader and writer.

N readers and N writers, converting through the model (docs/architecture.md): every format reads
bytes into a :class:`~glossary.model.Glossary` and writes one back. ``fields`` says which
concept fields a format carries; the import merge compares and updates only those.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from glossary.errors import FormatError, GlossaryError
from glossary.model import Glossary

__all__ = [
    "DOCUMENT_FORMATS",
    "FORMATS",
    "MEMORY_FORMATS",
    "Format",
    "by_name",
    "document_format",
    "for_path",
    "memory_format",
]

#: Every field of a concept: what TBX and terms.csv carry.
ALL_FIELDS = frozenset(
    {
        "id", "en", "ru", "en_variants", "ru_variants", "en_forbidden", "ru_forbidden",
        "kind", "full_form", "definition", "note", "status", "source", "extra",
    }
)  # fmt: skip


def _module(name: str) -> Any:
    """A format module, imported on first use: reading a document or a memory must not
    pay for importing every interchange format (cold commands count milliseconds)."""
    return importlib.import_module(f"glossary.formats.{name}")


@dataclass(frozen=True, slots=True)
class Format:
    """An interchange format: its reader and writer are ``module.reader``/``module.writer``."""

    name: str
    suffixes: tuple[str, ...]
    description: str
    module: str
    reader: str = "read"
    writer: str = "write"

    @property
    def read(self) -> Callable[[bytes, str], Glossary]:
        read: Callable[[bytes, str], Glossary] = getattr(_module(self.module), self.reader)
        return read

    @property
    def write(self) -> Callable[[Glossary], bytes]:
        write: Callable[[Glossary], bytes] = getattr(_module(self.module), self.writer)
        return write

    @property
    def fields(self) -> frozenset[str]:
        """The concept fields the format carries (the import merge compares only those)."""
        return ALL_FIELDS if self.name == "terms" else frozenset(_module(self.module).FIELDS)


FORMATS: tuple[Format, ...] = (
    Format("tbx", (".tbx",), "TBX-Basic term base (ISO 30042), every field", "tbx"),
    Format("tmx", (".tmx",), "TMX 1.4 memory of reviewed term pairs (and draft segments)",
           "tmx", "read_glossary", "write_glossary"),
    Format("csv", (".csv",), "Weblate glossary CSV (source, target, context, comments)",
           "weblate_csv"),
    Format("omegat", (".txt", ".utf8", ".tab", ".tsv"),
           "OmegaT tab-separated glossary (source, target, comment)", "omegat"),
    Format("terms", (), "another terms.csv (the project's own format), every field",
           "terms_csv", "read_glossary", "write"),
)  # fmt: skip

#: Source documents by suffix: which text ``read_document`` extracts and which layout
#: ``render`` rebuilds; any other suffix is plain text.
DOCUMENT_FORMATS: dict[str, str] = {
    ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".po": "po", ".pot": "po",
}  # fmt: skip
#: Translation memories by suffix (``draft --memory``, ``extract --memory``).
MEMORY_FORMATS: dict[str, str] = {".po": "po", ".pot": "po", ".tmx": "tmx"}


def document_format(name: str) -> str:
    """``md``, ``html``, ``po`` or ``txt``, from the file name."""
    return DOCUMENT_FORMATS.get(PurePath(name).suffix.lower(), "txt")


def memory_format(name: str) -> str:
    """``po`` or ``tmx``, from the file name; any other suffix is a one-line error."""
    suffix = PurePath(name).suffix.lower()
    try:
        return MEMORY_FORMATS[suffix]
    except KeyError:
        raise FormatError(
            name, 0, f"unknown memory format {suffix or '(no suffix)'!r} (expected .po or .tmx)"
        ) from None


_BY_NAME = {f.name: f for f in FORMATS}
_BY_SUFFIX = {suffix: f for f in FORMATS for suffix in f.suffixes}


def by_name(name: str) -> Format:
    try:
        return _BY_NAME[name]
    except KeyError:
        names = ", ".join(_BY_NAME)
        raise GlossaryError(f"unknown format {name!r} (expected {names})") from None


def for_path(path: str, data: bytes = b"") -> Format:
    """The format a file name implies; a ``.csv`` whose header starts like terms.csv is one."""
    suffix = PurePath(path).suffix.lower()
    found = _BY_SUFFIX.get(suffix)
    if found is None:
        known = ", ".join(sorted(_BY_SUFFIX))
        raise GlossaryError(
            f"{path}: cannot tell the format from the suffix {suffix or '(none)'!r} "
            f"(known: {known}); pass --format"
        )
    if found.name == "csv" and _looks_like_terms_csv(data):
        return _BY_NAME["terms"]
    return found


def _looks_like_terms_csv(data: bytes) -> bool:
    first = data.removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", "replace")
    header = {c.strip().strip('"') for c in first.split(",")}
    return {"id", "en", "ru"} <= header
