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

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

import ahocorasick

from glossary.model import Glossary, Lang, Term
from glossary.text.normalize import WORD_RE, Normalizer, Token, default_normalizer

__all__ = ["Designation", "Role", "Span", "TermMatcher"]

# Each word key is wrapped as OPEN key CLOSE, so adjacent hits share no character
# and a key can never match inside a longer one.
_OPEN, _CLOSE = "\x02", "\x03"
_POSSESSIVE_APOSTROPHES = "'’ʼ"
#: The normaliser's word pattern as a capturing split: separators and words alternate.
_WORD_SPLIT = re.compile(f"({WORD_RE.pattern})")


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
        inflections: bool = False,
    ) -> None:
        """``inflections`` adds keys for Russian forms the normaliser lemmatises to
        another word (Уставом ООН, Шермана); it costs a paradigm per word to build, and
        the persistent index stores them precomputed (see :meth:`from_keys`)."""
        self.normalizer = normalizer or default_normalizer()
        key = self.normalizer.key
        entries = [
            (key(d.text), d) for term in glossary for d in designations(term, forbidden=forbidden)
        ]
        if inflections:
            from glossary.index.forms import alias_keys

            entries += [
                (alias, d)
                for _, d in list(entries)
                if d.lang is Lang.RU
                for alias in alias_keys(d.text, self.normalizer)
            ]
        self._build(entries)

    @classmethod
    def from_keys(
        cls,
        entries: Iterable[tuple[tuple[str, ...], Designation]],
        normalizer: Normalizer | None = None,
    ) -> TermMatcher:
        """A matcher over designations whose match keys are already known (e.g. from the
        persistent index), so a 100k-concept glossary is not lemmatised again."""
        self = cls.__new__(cls)
        self.normalizer = normalizer or default_normalizer()
        self._build(entries)
        return self

    def _build(self, items: Iterable[tuple[tuple[str, ...], Designation]]) -> None:
        entries: dict[str, list[Designation]] = {}
        for key, designation in items:
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
        if tokens is None:
            keys, bounds = self._scan(text)
        else:
            keys = [t.key for t in tokens]
            bounds = [(t.start, t.end) for t in tokens]
        if not keys:
            return []
        # every word key is OPEN key CLOSE, so the number of OPENs up to a hit's end
        # is the index of its last word; hits come in order, so counting is one pass
        stream = _OPEN + (_CLOSE + _OPEN).join(keys) + _CLOSE
        spans = []
        counted, opens = 0, 0
        for end_index, (words, found) in self._automaton.iter_long(stream):
            opens += stream.count(_OPEN, counted, end_index + 1)
            counted = end_index + 1
            last = opens - 1
            start, end = bounds[last - words + 1][0], bounds[last][1]
            spans.append(Span(start, end, text[start:end], found))
        return spans

    def _scan(self, text: str) -> tuple[list[str], list[tuple[int, int]]]:
        """Word keys and offsets of ``text`` (the hot path of annotation).

        One ``split`` on the word pattern gives separators and words alternately; the
        offsets are running sums of their lengths and the keys a ``map`` over the
        memoised word keys, so no Python code runs per word."""
        parts = _WORD_SPLIT.split(text)
        words = parts[1::2]
        ends = list(accumulate(map(len, parts)))
        bounds = list(zip(ends[0::2], ends[1::2], strict=False))
        if any(a in text for a in _POSSESSIVE_APOSTROPHES):
            drop = {
                index
                for index, word in enumerate(words)
                if (word == "s" or word == "S")
                and index
                and text[bounds[index][0] - 1] in _POSSESSIVE_APOSTROPHES
            }
            if drop:
                words = [w for i, w in enumerate(words) if i not in drop]
                bounds = [b for i, b in enumerate(bounds) if i not in drop]
        return list(map(self.normalizer.word_key, words)), bounds


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
