"""Finding glossary terms in running text, in either language, in one pass.

Every designation of every concept (preferred terms, variants and, on request,
forbidden renderings) is reduced to its match key; the keys go into one
Aho-Corasick automaton over the *key stream* (a fixed-width code per word: one for
each word key the glossary uses, one filler for every other word), so inflected
forms match ("гарантиям безопасности" → гарантия безопасность) and
a hit can only start and end on word boundaries (ОБСЕ is not inside Обсерватория).
Overlapping hits resolve to the selection covering the most words (see
:mod:`glossary.overlaps`); the others stay attached to the hit they overlap, and
each hit maps back to the character offsets of the original text.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from glossary.model import Glossary, Lang, Term
from glossary.overlaps import cover, owners
from glossary.text.normalize import Normalizer, Token, default_normalizer, scan_words

__all__ = ["Designation", "Role", "Span", "TermMatcher"]

# Each word key is wrapped as OPEN key CLOSE, so adjacent hits share no character
# and a key can never match inside a longer one.
_OPEN, _CLOSE = "\x02", "\x03"
#: Digits of the word codes in the key stream.
_BASE = 64
_FIRST_DIGIT = 0x100
_WORD_CACHE_LIMIT = 1 << 20


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
    #: Hits overlapping or nested in this one that lost to it (longest coverage wins).
    also: tuple[Span, ...] = ()

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
        entries: dict[tuple[str, ...], list[Designation]] = {}
        for key, designation in items:
            if key:
                found = entries.setdefault(key, [])
                if designation not in found:
                    found.append(designation)
        self.keys = {_joined(k): tuple(v) for k, v in entries.items()}
        # Each distinct word key is coded as `width` digits of base 64 (code 0, the
        # filler, stands for every word no designation contains): nodes of the
        # automaton then branch at most 64 ways, which keeps its transitions fast.
        distinct = {word for key in entries for word in key}
        self._width = 1
        while _BASE**self._width <= len(distinct):
            self._width += 1
        self._filler = self._digits(0)
        self._codes: dict[str, str] = {}
        #: Surface word of running text → its code (memoised; words repeat).
        self._word_codes: dict[str, str] = {}
        self._automaton = ahocorasick.Automaton()
        for key, found in entries.items():
            pattern = "".join(self._code(word) for word in key)
            self._automaton.add_word(pattern, (len(key), tuple(found)))
        if entries:
            self._automaton.make_automaton()

    def _digits(self, number: int) -> str:
        """``number`` in base 64, each digit position with its own characters, so a
        pattern can only match at a code boundary (never from the middle of a code)."""
        digits = []
        for position in range(self._width):
            number, digit = divmod(number, _BASE)
            digits.append(chr(_FIRST_DIGIT + position * _BASE + digit))
        return "".join(digits)

    def _code(self, word_key: str) -> str:
        code = self._codes.get(word_key)
        if code is None:
            code = self._digits(len(self._codes) + 1)
            self._codes[word_key] = code
        return code

    def __len__(self) -> int:
        return len(self.keys)

    def exact(self, text: str) -> tuple[Designation, ...]:
        """The designations whose match key equals the whole of ``text``'s."""
        return self.keys.get(_joined(self.normalizer.key(text)), ())

    def find(self, text: str, tokens: list[Token] | None = None) -> list[Span]:
        """Non-overlapping hits of glossary terms in ``text`` covering the most words;
        each keeps the hits it beat in ``also``.

        The automaton runs over a stream of fixed-width codes, one per word: the word's
        key coded, or the filler for words no designation contains. Hits therefore
        start and end on word boundaries and map back to words by division.
        """
        if not self.keys:
            return []
        if tokens is None:
            words, offsets = scan_words(text)
            try:  # every word seen before: no set to build
                stream = "".join(map(self._word_codes.__getitem__, words))
            except KeyError:
                stream = "".join(map(self._codes_of(words).__getitem__, words))
        else:
            codes, filler = self._codes, self._filler
            stream = "".join([codes.get(t.key, filler) for t in tokens])
            offsets = [o for t in tokens for o in (t.start, t.end)]
        return self._spans(text, offsets, list(self._automaton.iter(stream)))

    def _spans(
        self,
        text: str,
        offsets: list[int],
        matches: list[tuple[int, tuple[int, tuple[Designation, ...]]]],
    ) -> list[Span]:
        """Spans of the selection covering the most words; the others in ``also``."""
        width = self._width
        ends = [end_index // width + 1 for end_index, _ in matches]
        starts = [end - value[0] for end, (_, value) in zip(ends, matches, strict=True)]
        chosen = cover(starts, ends)
        marks: dict[int, tuple[str, ...]] = {}

        def span(index: int, also: tuple[Span, ...] = ()) -> Span:
            found = matches[index][1][1]
            start, end = offsets[2 * starts[index]], offsets[2 * ends[index] - 1]
            tails = marks.get(id(found))
            if tails is None:
                tails = marks[id(found)] = _trailing_marks(found)
            for tail in tails:
                if text.startswith(tail, end):
                    end += len(tail)
                    break
            return Span(start, end, text[start:end], found, also)

        if len(chosen) == len(matches):
            return [span(i) for i in chosen]
        beaten: dict[int, list[Span]] = {}
        intervals = list(zip(starts, ends, strict=True))
        for loser, winner in owners(intervals, chosen).items():
            beaten.setdefault(winner, []).append(span(loser))
        return [
            span(i, tuple(sorted(beaten[i], key=lambda s: (s.start, -s.end))))
            if i in beaten
            else span(i)
            for i in chosen
        ]

    def _codes_of(self, words: list[str]) -> dict[str, str]:
        """The word → code memo, completed for ``words`` (set operations, not a loop)."""
        cache = self._word_codes
        missing = set(words).difference(cache)
        if missing:
            if len(cache) + len(missing) > _WORD_CACHE_LIMIT:
                cache.clear()
            key, codes, filler = self.normalizer.word_key, self._codes, self._filler
            for word in missing:
                cache[word] = codes.get(key(word), filler)
        return cache


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


_TRAILING = re.compile(r"[^\w\s]+\Z")


def _trailing_marks(found: tuple[Designation, ...]) -> tuple[str, ...]:
    """The marks after the last word that may belong to the term (the period of
    "U.S."), longest first: those its designations end with."""
    tails = {m.group() for d in found if (m := _TRAILING.search(d.text))}
    return tuple(sorted(tails, key=len, reverse=True))
