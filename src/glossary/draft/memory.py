"""Translation memory: earlier translations offered as drafts, exact match first, then fuzzy.

The memory holds :class:`~glossary.model.TranslationUnit` values; where they come from
(the reviewed catalogs, ``--memory`` PO or TMX files) is the caller's business, and
:func:`units_from_po` / :func:`read_memory` turn file bytes into units.

Fuzzy lookup must stay fast on 100k segments, so it is indexed: every segment's words
go into an inverted index, a query collects the segments that share its rarer words
(words found in more than a few percent of segments say nothing), keeps those whose
length allows the threshold at all, and only the few best by shared words are scored
with rapidfuzz's normalised Indel similarity (``fuzz.ratio``). A segment sharing no
word with the query cannot reach a useful threshold anyway.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from glossary.formats.po import POFile, read_translation_units, translation_units
from glossary.formats.registry import memory_format
from glossary.model import Lang, TranslationUnit

__all__ = [
    "DEFAULT_THRESHOLD",
    "MemoryMatch",
    "TranslationMemory",
    "fold_segment",
    "read_memory",
    "units_from_po",
]

#: rapidfuzz scores are percentages: a hundred is the same segment.
EXACT_SCORE = 100.0

#: Fuzzy matches scoring below this (0-100) are not offered.
DEFAULT_THRESHOLD = 75.0
_WORD = re.compile(r"[^\W_]+")
#: Candidates scored per query, best by shared words.
_SHORTLIST = 64
#: A word in more than this share of the segments is too common to select candidates.
_COMMON_SHARE = 0.05
_COMMON_FLOOR = 200
#: Selecting words: the rarest ones, at least this many, while their postings stay small.
_MIN_SELECTORS = 4
_POSTING_BUDGET = 4000


@dataclass(frozen=True, slots=True)
class MemoryMatch:
    """A memory segment offered as the draft of a query, with its similarity (0-100)."""

    source: str
    target: str
    score: float
    origin: str

    @property
    def exact(self) -> bool:
        return self.score >= EXACT_SCORE


def fold_segment(text: str) -> str:
    """Comparison form of a segment: NFC, case-folded, ё as е, one space between words."""
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    return " ".join(text.split())


class TranslationMemory:
    """Source→target units of one language pair, indexed for exact and fuzzy lookup.

    When two units share a source, the first one added wins: callers add the reviewed
    catalogs before ``--memory`` files, so reviewed work is preferred.
    """

    def __init__(
        self,
        units: Iterable[TranslationUnit],
        source_lang: Lang,
        target_lang: Lang,
        *,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.threshold = threshold
        self._units: list[TranslationUnit] = []
        self._folded: list[str] = []
        self._exact: dict[str, int] = {}
        self._postings: dict[str, list[int]] = {}
        for unit in units:
            self.add(unit)

    def __len__(self) -> int:
        return len(self._units)

    def add(self, unit: TranslationUnit) -> None:
        """Add one unit (a reverse-direction unit is turned round); empty ones are ignored."""
        if (unit.target_lang, unit.source_lang) == (self.source_lang, self.target_lang):
            unit = TranslationUnit(
                unit.target_lang, unit.target, unit.source_lang, unit.source, unit.origin
            )
        if (unit.source_lang, unit.target_lang) != (self.source_lang, self.target_lang):
            return
        if not unit.source.strip() or not unit.target.strip():
            return
        folded = fold_segment(unit.source)
        if folded in self._exact:
            return
        index = len(self._units)
        self._units.append(unit)
        self._folded.append(folded)
        self._exact[folded] = index
        for word in set(_WORD.findall(folded)):
            self._postings.setdefault(word, []).append(index)

    def lookup(self, segment: str) -> MemoryMatch | None:
        """The exact match, else the best fuzzy one at or above the threshold, else None."""
        folded = fold_segment(segment)
        index = self._exact.get(folded)
        if index is not None:
            return self._match(index, 100.0)
        candidates = self._candidates(folded)
        if not candidates:
            return None
        best = process.extractOne(
            folded,
            {i: self._folded[i] for i in candidates},
            scorer=fuzz.ratio,
            score_cutoff=self.threshold,
        )
        if best is None:
            return None
        _, score, index = best
        return self._match(int(index), min(float(score), 99.0))

    def _match(self, index: int, score: float) -> MemoryMatch:
        unit = self._units[index]
        return MemoryMatch(unit.source, unit.target, score, unit.origin)

    def _candidates(self, folded: str) -> Sequence[int]:
        words = set(_WORD.findall(folded))
        if not words:
            return ()
        common = max(_COMMON_FLOOR, int(len(self._units) * _COMMON_SHARE))
        postings = sorted(
            (p for w in words if (p := self._postings.get(w)) is not None and len(p) <= common),
            key=len,
        )
        # The rarest words select; a segment close enough to the query shares most of them.
        shared: Counter[int] = Counter()
        budget = 0
        for used, posting in enumerate(postings):
            if used >= _MIN_SELECTORS and budget + len(posting) > _POSTING_BUDGET:
                break
            shared.update(posting)
            budget += len(posting)
        # fuzz.ratio = 2·matches / (len(a) + len(b)) ≤ 2·min / (len(a) + len(b)).
        low, high = _length_window(len(folded), self.threshold / 100.0)
        if not shared:
            # Only common words: every segment of the length holding the rarest of them
            # (rapidfuzz scores tens of thousands of strings per millisecond).
            present = [self._postings[w] for w in words if w in self._postings]
            if not present:
                return ()
            return [i for i in min(present, key=len) if low <= len(self._folded[i]) <= high]
        fitting = ((count, i) for i, count in shared.items() if low <= len(self._folded[i]) <= high)
        return [i for _, i in sorted(fitting, reverse=True)[:_SHORTLIST]]


def _length_window(length: int, threshold: float) -> tuple[float, float]:
    if threshold <= 0:
        return 0.0, float("inf")
    return length * threshold / (2 - threshold), length * (2 - threshold) / threshold


def units_from_po(po: POFile, name: str) -> list[TranslationUnit]:
    """Translated, non-fuzzy entries of a PO file as units, with ``name:line`` origins.

    The languages come from the ``Language`` and ``X-Source-Language`` headers; a file
    without ``X-Source-Language`` is taken to translate from the other language.
    """
    return translation_units(po, name, origin_by_line=True)


def read_memory(data: bytes, name: str) -> list[TranslationUnit]:
    """Units of a memory file, by suffix: ``.po`` (gettext) or ``.tmx`` (TMX 1.4)."""
    if memory_format(name) == "po":
        # the fast reader: polib reads a 100k-entry catalog in seconds, this in a fraction
        return read_translation_units(data, name)
    from glossary.formats import tmx

    return tmx.read(data, name)
