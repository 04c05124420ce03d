"""Finding glossary terms in running text, in either language, in one pass.

Every designation of every concept (preferred terms, variants and, on request,
forbidden renderings) is reduced to its match key; the keys go into one
Aho-Corasick automaton over the *key stream* (word keys joined by a separator),
so inflected forms match ("гарантиям безопасности" → гарантия безопасность) and
a hit can only start and end on word boundaries (ОБСЕ is not inside Обсерватория).
Overlaps resolve leftmost-longest, and each hit maps back to the character
offsets of the original text.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from glossary.model import Glossary, Lang, Term
from glossary.text.normalize import Normalizer, Token, default_normalizer

__all__ = ["Designation", "Role", "Span", "TermMatcher"]

# Each word key is wrapped as OPEN key CLOSE, so adjacent hits share no character
# and a key can never match inside a longer one.
_OPEN, _CLOSE = "\x02", "\x03"


class Role(enum.StrEnum):
    PREFERRED = "preferred"
    VARIANT = "variant"
    FORBIDDEN = "forbidden"


@dataclass(frozen=True, slots=True)
class Designation:
    """One way a concept is written in one language."""

    term_id: str
    lang: Lang
    text: str
    role: Role


@dataclass(frozen=True, slots=True)
class Span:
    """A glossary hit: ``text[start:end]`` designates every concept in ``designations``."""

    start: int
    end: int
    text: str
    designations: tuple[Designation, ...]

    @property
    def term_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d.term_id for d in self.designations))


class TermMatcher:
    """An automaton over the match keys of a glossary's designations."""

    def __init__(
        self,
        glossary: Glossary | Iterable[Term],
        normalizer: Normalizer | None = None,
        *,
        forbidden: bool = False,
    ) -> None:
        self.normalizer = normalizer or default_normalizer()
        entries: dict[str, list[Designation]] = {}
        for term in glossary:
            for designation in designations(term, forbidden=forbidden):
                key = self.normalizer.key(designation.text)
                if key:
                    entries.setdefault(_joined(key), []).append(designation)
        self.keys = {k: tuple(v) for k, v in entries.items()}
        self._automaton = ahocorasick.Automaton()
        for joined, found in self.keys.items():
            self._automaton.add_word(joined, (joined.count(_OPEN), found))
        if self.keys:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self.keys)

    def exact(self, text: str) -> tuple[Designation, ...]:
        """The designations whose match key equals the whole of ``text``'s."""
        return self.keys.get(_joined(self.normalizer.key(text)), ())

    def find(self, text: str, tokens: list[Token] | None = None) -> list[Span]:
        """Leftmost-longest, non-overlapping hits of glossary terms in ``text``."""
        if not self.keys:
            return []
        tokens = self.normalizer.tokens(text) if tokens is None else tokens
        if not tokens:
            return []
        stream_parts = []
        starts = []  # offset in the stream where each token's key begins
        position = 0
        for token in tokens:
            starts.append(position)
            stream_parts.append(_OPEN + token.key + _CLOSE)
            position += len(token.key) + 2
        stream = "".join(stream_parts)
        spans = []
        for end_index, (words, found) in self._automaton.iter_long(stream):
            last = bisect.bisect_right(starts, end_index) - 1
            first = last - words + 1
            start, end = tokens[first].start, tokens[last].end
            spans.append(Span(start, end, text[start:end], found))
        return spans


def designations(term: Term, *, forbidden: bool = False) -> list[Designation]:
    """Every way ``term`` is written, preferred first; forbidden renderings on request."""
    result = []
    for lang in Lang:
        preferred = term.preferred(lang)
        if preferred:
            result.append(Designation(term.id, lang, preferred, Role.PREFERRED))
        result.extend(Designation(term.id, lang, v, Role.VARIANT) for v in term.variants(lang))
        if forbidden:
            result.extend(
                Designation(term.id, lang, v, Role.FORBIDDEN) for v in term.forbidden(lang)
            )
    return result


def _joined(key: tuple[str, ...]) -> str:
    return "".join(_OPEN + k + _CLOSE for k in key)
