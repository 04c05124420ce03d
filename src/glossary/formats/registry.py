"""The interchange formats in one explicit table: name and suffixes → reader and writer.

N readers and N writers, converting through the model (docs/architecture.md): every format reads
bytes into a :class:`~glossary.model.Glossary` and writes one back. ``fields`` says which
concept fields a format carries; the import merge compares and updates only those.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from glossary.errors import GlossaryError
from glossary.formats import omegat, tbx, terms_csv, tmx, weblate_csv
from glossary.model import Glossary

__all__ = ["FORMATS", "Format", "by_name", "for_path"]

#: Every field of a concept: what TBX and terms.csv carry.
ALL_FIELDS = tbx.FIELDS


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    suffixes: tuple[str, ...]
    description: str
    read: Callable[[bytes, str], Glossary]
    write: Callable[[Glossary], bytes]
    fields: frozenset[str]


def _read_terms_csv(data: bytes, name: str) -> Glossary:
    return terms_csv.read(data, name)[0]


def _write_terms_csv(glossary: Glossary) -> bytes:
    return terms_csv.write(glossary)


FORMATS: tuple[Format, ...] = (
    Format("tbx", (".tbx",), "TBX-Basic term base (ISO 30042), every field",
           tbx.read, tbx.write, tbx.FIELDS),
    Format("tmx", (".tmx",), "TMX 1.4 memory of reviewed term pairs (and draft segments)",
           tmx.read_glossary, tmx.write_glossary, tmx.FIELDS),
    Format("csv", (".csv",), "Weblate glossary CSV (source, target, context, comments)",
           weblate_csv.read, weblate_csv.write, weblate_csv.FIELDS),
    Format("omegat", (".txt", ".utf8", ".tab", ".tsv"),
           "OmegaT tab-separated glossary (source, target, comment)",
           omegat.read, omegat.write, omegat.FIELDS),
    Format("terms", (), "another terms.csv (the project's own format), every field",
           _read_terms_csv, _write_terms_csv, ALL_FIELDS),
)  # fmt: skip

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
