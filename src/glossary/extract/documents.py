"""A counted document: its units and classes, and the references and contexts into it.

References are ``document:line`` (the same form every command prints); a document
fed in chunks keeps the file's line numbers through ``line_offset``.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field

from glossary.extract.units import Units
from glossary.text.normalize import Token

__all__ = ["CONTEXT_CHARACTERS", "Document"]

#: Characters of context shown on each side of an occurrence.
CONTEXT_CHARACTERS = 60
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class Document:
    """One document (or chunk of one) as the extractor counted it.

    Token offsets are kept as two integer arrays, not token objects, so a document
    is cheap to send back from a worker process in corpus mode.
    """

    name: str
    text: str
    starts: array[int]
    ends: array[int]
    units: Units
    tags: str
    line_offset: int = 0
    line_starts: list[int] = field(default_factory=list)
    capitalised_words: frozenset[str] | None = None

    @classmethod
    def of(
        cls,
        name: str,
        text: str,
        tokens: Sequence[Token],
        units: Units,
        tags: str,
        line_offset: int = 0,
    ) -> Document:
        starts = array("i", [t.start for t in tokens])
        ends = array("i", [t.end for t in tokens])
        return cls(name, text, starts, ends, units, tags, line_offset)

    def line(self, offset: int) -> int:
        """The file's line number (from 1) of a character offset."""
        if not self.line_starts:
            self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        return self.line_offset + bisect.bisect_right(self.line_starts, offset)

    def name_words(self) -> frozenset[str]:
        """Words (lower-cased) the document capitalises away from a sentence start: its
        names, which a headline's capitals do not make (memoised)."""
        if self.capitalised_words is None:
            units = self.units
            self.capitalised_words = frozenset(
                w.lower()
                for w, initial in zip(units.words, units.initial, strict=True)
                if not initial and w[:1].isupper()
            )
        return self.capitalised_words

    def reference(self, unit: int) -> str:
        """``document:line`` of a unit."""
        offset = self.starts[self.units.first[unit]]
        return f"{self.name}:{self.line(offset)}"

    def context(self, first: int, last: int) -> str:
        """The line around units ``first``..``last``, cut with an ellipsis when long."""
        start = self.starts[self.units.first[first]]
        end = self.ends[self.units.last[last]]
        text = self.text
        left = text.rfind("\n", 0, start) + 1
        right = text.find("\n", end)
        right = len(text) if right < 0 else right
        left = max(left, start - CONTEXT_CHARACTERS)
        right = min(right, end + CONTEXT_CHARACTERS)
        snippet = _SPACE.sub(" ", text[left:right]).strip()
        prefix = "…" if left > 0 and text[left - 1] != "\n" else ""
        suffix = "…" if right < len(text) and text[right] != "\n" else ""
        return f"{prefix}{snippet}{suffix}"
