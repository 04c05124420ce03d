"""Terminal output: colour only on a terminal (and never with NO_COLOR), progress on stderr."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any, TypeVar

__all__ = ["JSON_SCHEMA_VERSION", "colour", "json_document", "print_json", "progress", "use_colour"]

#: The bar is redrawn at most this often (seconds): drawing costs more than a step.
_REDRAW_SECONDS = 0.1

#: Version of every ``--json`` shape; docs/json.md describes version 1. A change that
#: removes or retypes a key raises it; adding a key does not.
JSON_SCHEMA_VERSION = 1

T = TypeVar("T")

_CODES = {
    "bold": "1",
    "dim": "2",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "blue": "34",
    "magenta": "35",
    "cyan": "36",
    "reverse": "7",
}


def use_colour(stream: IO[str] | None = None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def colour(text: str, *styles: str, stream: IO[str] | None = None) -> str:
    if not styles or not use_colour(stream):
        return text
    codes = ";".join(_CODES[s] for s in styles)
    return f"\x1b[{codes}m{text}\x1b[0m"


def json_document(name: str, body: Mapping[str, Any]) -> dict[str, Any]:
    """``body`` under its schema name: ``{"schema": "glossary.NAME/1", ...}``."""
    return {"schema": f"glossary.{name}/{JSON_SCHEMA_VERSION}", **body}


def print_json(name: str, body: Mapping[str, Any], stream: IO[str] | None = None) -> None:
    """Print one JSON document (see docs/json.md): an object whose ``schema`` names its shape."""
    stream = stream or sys.stdout
    json.dump(json_document(name, body), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def progress(
    items: Iterable[T], total: int, label: str, *, min_total: int = 1, stream: IO[str] | None = None
) -> Iterator[T]:
    """Yield ``items``, drawing a bar on stderr when it is a terminal and the job is long."""
    out = stream or sys.stderr
    isatty = getattr(out, "isatty", None)
    if total < min_total or not (isatty and isatty()):
        yield from items
        return
    width, last = 30, 0.0
    for done, item in enumerate(items, 1):
        yield item
        now = time.monotonic()
        if now - last > _REDRAW_SECONDS or done == total:
            last = now
            filled = int(width * done / max(total, 1))
            out.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            out.flush()
    out.write("\r" + " " * (len(label) + width + 30) + "\r")
    out.flush()
