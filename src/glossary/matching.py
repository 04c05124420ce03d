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

import collections
import enum
import itertools
import marshal
import math
import operator
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import ahocorasick

from glossary.model import Glossary, Lang, Term, unfrozen_builder
from glossary.overlaps import cover, owners
from glossary.text.normalize import (
    Normalizer,
    Token,
    default_normalizer,
    fold_case,
    fold_word,
    is_acronym,
    scan_words,
)

__all__ = [
    "PAYLOAD_FORMAT",
    "Designation",
    "Entries",
    "KeyWords",
    "Packer",
    "Role",
    "Span",
    "Summary",
    "TermMatcher",
    "compile_entries",
    "compile_payload",
    "pack_designation",
    "pack_fields",
]

#: Bump when :meth:`TermMatcher.to_payload`'s layout changes.
PAYLOAD_FORMAT = "glossary-matcher-9"
#: Separates the fields of a packed designation (ids, codes and terms never hold it).
_RECORD_SEP = "\x1f"
#: Separates a packed designation from what a plain rendering shows after it (see
#: :func:`pack_fields`); never in a record either.
_SHOWN_SEP = "\x1e"
#: What a plain rendering shows of a concept: English and Russian preferred terms,
#: and whether it is reviewed.
Summary = tuple[str, str, bool]
#: Digits of the word codes in the key stream: position *p* of a code is the
#: character ``_FIRST_DIGIT + p * base + digit``.
_FIRST_DIGIT = 0x100
#: Glossaries with fewer distinct word keys code each word as one character.
_ONE_DIGIT_WORDS = 64
#: The largest base of two-digit codes (beyond, codes get a third digit).
_MAX_BASE = 4096
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


_new_span = unfrozen_builder(Span)
_new_designation = unfrozen_builder(Designation)


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
        self._normalizer: Normalizer | None = normalizer or default_normalizer()
        key = self.normalizer.key
        terms = list(glossary)
        entries = [
            (key(d.text), d) for term in terms for d in designations(term, forbidden=forbidden)
        ]
        if inflections:
            from glossary.text.ru.paradigm import alias_keys

            entries += [
                (alias, d)
                for _, d in list(entries)
                if d.lang is Lang.RU
                for alias in alias_keys(d.text, self.normalizer)
            ]
        self._build(entries, {term.id: (term.en, term.ru, term.reviewed) for term in terms})

    @classmethod
    def from_keys(
        cls,
        entries: Iterable[tuple[tuple[str, ...], Designation]],
        normalizer: Normalizer | None = None,
        form_keys: dict[str, str] | None = None,
    ) -> TermMatcher:
        """A matcher over designations whose match keys are already known (e.g. from the
        persistent index), so a 100k-concept glossary is not lemmatised again.

        ``form_keys`` maps every inflected form of the glossary's words (folded) to
        the normaliser's key of that form, computed at index build time: words of a
        text are then coded by a dictionary lookup, not lemmatised, and a word that is
        no form of a glossary word is filler. (Without it, every new word of a text is
        lemmatised, which finds also the rare word outside the glossary's paradigms
        that the analyser reads as a glossary lemma.)"""
        self = cls.__new__(cls)
        self._normalizer = normalizer or default_normalizer()
        self._build(entries)
        if form_keys is not None:
            self._forms = _form_trie(_form_codes(self._codes, form_keys), self._filler)
        return self

    def _build(
        self,
        items: Iterable[tuple[tuple[str, ...], Designation]],
        shown: Mapping[str, Summary] | None = None,
    ) -> None:
        """The tables over ``items``, with each hit's plain label if ``shown`` gives
        the :data:`Summary` of every concept (see :meth:`labelled`)."""
        if shown is None:
            self._set(_compile(_entries((key, pack_designation(d)) for key, d in items)), None)
        else:
            packed = ((key, pack_designation(d, shown[d.term_id])) for key, d in items)
            self._set(_compile(_entries(packed)), None)

    def _set(self, tables: _Tables, forms: _FormCodes | None) -> None:
        self._tables = tables
        self._width = tables.width
        #: Word key → code; a loaded matcher decodes them (``_code_dump``) when first
        #: asked: a text coded through the forms trie never needs them.
        self._code_table = tables.codes
        self._code_dump = b""
        self._counts = tables.counts
        self._automaton = tables.automaton
        self._groups = _PackedGroups(
            tables.members, tables.offsets, tables.records, tables.record_offsets
        )
        self._filler = _filler(self._width)
        #: Surface word of running text → its code (memoised; words repeat).
        self._word_codes: dict[str, str] = {}
        #: Forms of glossary words → code, when known in advance (see from_keys).
        self._forms = forms
        #: Group → its plain label (decoded on first use, see labelled).
        self._labels: dict[int, str] = {}

    # -- persistence ------------------------------------------------------------

    def to_payload(self) -> list[bytes]:
        """The matcher as byte strings for :meth:`from_payload` (see :func:`compile_payload`)."""
        return _payload(self._tables, self._forms, self._codes)

    @classmethod
    def from_payload(
        cls, payload: list[bytes], normalizer: Normalizer | None = None
    ) -> TermMatcher:
        """The matcher :func:`compile_payload` wrote. Only call it on bytes this program
        wrote and checked (the index's checksum): a damaged automaton dump is not
        validated by pyahocorasick. Raises ``ValueError`` on a foreign layout.

        The automaton's node dump is dropped from ``payload`` once loaded, so that a
        large matcher's bytes are freed before the rest is built, not with the list."""
        state = marshal.loads(payload[0])  # our own checked file, plain data only
        if not isinstance(state, dict) or state.get("format") != PAYLOAD_FORMAT:
            raise ValueError("not a matcher payload of this version")
        names, node_parts = state["parts"], state["automaton_parts"]
        if len(payload) < 1 + len(names) + node_parts:
            raise ValueError("a matcher payload with parts missing")
        part = dict(zip(names, payload[1:], strict=False))
        nodes = 1 + len(names)
        trie = nodes + node_parts
        self = cls.__new__(cls)
        self._normalizer = normalizer
        automaton = _automaton(payload[nodes:trie], state["automaton"])
        forms: _FormCodes | None = None
        if state["forms"] is not None:
            forms = (_automaton(payload[trie:], state["forms"]["trie"]), state["forms"]["values"])
        del payload[nodes:]
        labels = None
        if "label_text" in part:
            labels = _Labels(
                part["label_text"],
                _ints(part["label_offsets"]),
                _ints(part["label_best"]),
                state["tails"],
            )
        tables = _Tables(
            state["width"],
            state["base"],
            None,
            automaton,
            _ints(part["counts"]),
            _ints(part["members"]),
            _ints(part["offsets"]),
            part["records"],
            _ints(part["record_offsets"]),
            labels,
        )
        self._set(tables, forms)
        self._code_dump = part["codes"]
        return self

    @property
    def _codes(self) -> dict[str, str]:
        if self._code_table is None:
            codes = marshal.loads(self._code_dump)  # a part of our own checked payload
            if not isinstance(codes, dict):
                raise ValueError("inconsistent matcher payload")
            self._code_table = codes
        return self._code_table

    @property
    def normalizer(self) -> Normalizer:
        """The normaliser of keys (a loaded matcher loads the morphology only when a
        word must be lemmatised)."""
        if self._normalizer is None:
            self._normalizer = default_normalizer()
        return self._normalizer

    def __len__(self) -> int:
        return len(self._counts)

    def exact(self, text: str) -> tuple[Designation, ...]:
        """The designations whose match key equals the whole of ``text``'s."""
        key = self.normalizer.key(text)
        codes = self._codes
        if not key or not self._counts or any(word not in codes for word in key):
            return ()
        group = self._automaton.get("".join([codes[word] for word in key]), -1)
        return self._groups[group] if group >= 0 else ()

    def find(
        self,
        text: str,
        tokens: list[Token] | None = None,
        *,
        scanned: tuple[list[str], list[int]] | None = None,
    ) -> list[Span]:
        """Non-overlapping hits of glossary terms in ``text`` covering the most words;
        each keeps the hits it beat in ``also``. ``scanned``, if given, is
        ``scan_words(text)`` done beforehand.

        The automaton runs over a stream of fixed-width codes, one per word: the word's
        key coded, or the filler for words no designation contains. Hits therefore
        start and end on word boundaries and map back to words by division.
        """
        if not self._counts:
            return []
        offsets, matches = self._matches(text, tokens, scanned)
        return self._spans(text, offsets, matches)

    def winners(
        self, text: str, *, scanned: tuple[list[str], list[int]] | None = None
    ) -> list[tuple[int, int, tuple[Designation, ...]]]:
        """The hits :meth:`find` returns, as ``(start, end, designations)``, without
        the hits they beat: what a rendering that shows only the terms chosen needs,
        made without a :class:`Span` (and its ``also``) for each."""
        if not self._counts:
            return []
        offsets, matches = self._matches(text, None, scanned)
        starts, ends, chosen = self._chosen(matches)
        bounds = self._bounds(text, offsets)
        return [bounds(starts[i], ends[i], matches[i][1]) for i in chosen]

    @property
    def labels(self) -> bool:
        """Whether :meth:`labelled` can answer (the designations were compiled with
        their concepts' summaries)."""
        return self._tables.labels is not None

    def labelled(
        self, text: str, *, scanned: tuple[list[str], list[int]] | None = None
    ) -> list[tuple[int, int, str]]:
        """The hits :meth:`winners` returns, as ``(start, end, label)``: the label is
        what a plain rendering shows after the hit (its best concept's rendering in
        brackets, see :func:`pack_fields`), compiled in, so no designation or concept
        is made. Only for a matcher with :attr:`labels`."""
        labels = self._tables.labels
        if labels is None:
            raise ValueError("this matcher was compiled without labels")
        if not self._counts:
            return []
        offsets, matches = self._matches(text, None, scanned)
        starts, ends, chosen = self._chosen(matches)
        known = self._labels
        data, label_offsets, best, tails = labels.text, labels.offsets, labels.best, labels.tails
        found = []
        for index in chosen:
            group = matches[index][1]
            label = known.get(group)
            if label is None:
                record = best[group]
                label = data[label_offsets[record] : label_offsets[record + 1]].decode()
                known[group] = label
            start, end = offsets[2 * starts[index]], offsets[2 * ends[index] - 1]
            if group in tails:
                for tail in tails[group]:
                    if text.startswith(tail, end):
                        end += len(tail)
                        break
            found.append((start, end, label))
        return found

    def _matches(
        self,
        text: str,
        tokens: list[Token] | None,
        scanned: tuple[list[str], list[int]] | None,
    ) -> tuple[list[int], list[tuple[int, int]]]:
        """The words' offsets (flat, as :func:`scan_words` gives them) and every hit of
        the automaton over their codes, as ``(end index, group)``."""
        if tokens is None:
            words, offsets = scan_words(text) if scanned is None else scanned
            try:  # every word seen before: no set to build
                stream = "".join(map(self._word_codes.__getitem__, words))
            except KeyError:
                stream = "".join(map(self._codes_of(words).__getitem__, words))
        else:
            codes, filler = self._codes, self._filler
            stream = "".join([codes.get(t.key, filler) for t in tokens])
            offsets = [o for t in tokens for o in (t.start, t.end)]
        return offsets, list(self._automaton.iter(stream))

    def _chosen(self, matches: list[tuple[int, int]]) -> tuple[list[int], list[int], list[int]]:
        """The first and past-the-last word of each of ``matches`` (in order of their
        last word), and the indexes of the selection covering the most words."""
        width, counts = self._width, self._counts
        ends = [end_index // width + 1 for end_index, _ in matches]
        starts = [end - counts[group] for end, (_, group) in zip(ends, matches, strict=True)]
        return starts, ends, cover(starts, ends)

    def _bounds(
        self, text: str, offsets: list[int]
    ) -> Callable[[int, int, int], tuple[int, int, tuple[Designation, ...]]]:
        """``bounds(first word, past the last word, group)``: the hit's character
        offsets in ``text`` (a mark its designations end with kept, the period of
        "U.S.") and its designations."""
        groups = self._groups
        #: group → (its designations, the marks that may follow its last word)
        known: dict[int, tuple[tuple[Designation, ...], tuple[str, ...]]] = {}

        def bounds(first: int, last: int, group: int) -> tuple[int, int, tuple[Designation, ...]]:
            entry = known.get(group)
            if entry is None:
                found = groups[group]
                entry = known[group] = (found, _trailing_marks(d.text for d in found))
            found, tails = entry
            start, end = offsets[2 * first], offsets[2 * last - 1]
            for tail in tails:
                if text.startswith(tail, end):
                    end += len(tail)
                    break
            return start, end, found

        return bounds

    def _spans(self, text: str, offsets: list[int], matches: list[tuple[int, int]]) -> list[Span]:
        """Spans of the selection of ``matches`` (every hit, as ``(end index, group)``
        in order of their last word) covering the most words; the others in ``also``."""
        starts, ends, chosen = self._chosen(matches)
        bounds = self._bounds(text, offsets)

        def span(index: int, also: tuple[Span, ...] = ()) -> Span:
            start, end, found = bounds(starts[index], ends[index], matches[index][1])
            return _new_span(start, end, text[start:end], found, also)

        if len(chosen) == len(matches):
            return list(map(span, chosen))
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
        missing = set(words)
        if cache:
            missing.difference_update(cache)
        if missing:
            if len(cache) + len(missing) > _WORD_CACHE_LIMIT:
                cache.clear()
            filler, forms = self._filler, self._forms
            if forms is not None:
                trie, values = forms  # values[-1] is the filler: what a miss (-1) reads
                words = list(missing)
                found = map(
                    values.__getitem__, map(trie.get, _fold_all(words), itertools.repeat(-1))
                )
                cache.update(zip(words, found, strict=True))
                return cache
            key, codes = self.normalizer.word_key, self._codes
            for word in missing:
                cache[word] = codes.get(key(word), filler)
        return cache


def _fold_all(words: list[str]) -> list[str]:
    """``fold_word`` of each word, the words folded together as one string (one C call
    per step instead of several per word); acronyms, which keep their case, one by one.

    A line break never composes with a neighbour (NFC) nor changes under case folding,
    so the folded lines are the folded words, in order."""
    folded = fold_case("\n".join(words)).split("\n")
    # maybe an acronym (cheap to ask, rare in running text)
    for index in itertools.compress(itertools.count(), map(str.isupper, words)):
        folded[index] = fold_word(words[index])
    return folded


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


_TRAILING = re.compile(r"[^\w\s]+\Z")
_MARK = re.compile(r"[^\w\s]")


def _trailing_marks(texts: Iterable[str]) -> tuple[str, ...]:
    """The marks after the last word that may belong to the term (the period of
    "U.S."), longest first: those its designations' ``texts`` end with. (The last
    character is asked first: searching the whole text for a tail costs more, and
    most end in a letter.)"""
    tails = {
        m.group()
        for text in texts
        if _MARK.match(text, len(text) - 1) and (m := _TRAILING.search(text))
    }
    return tuple(sorted(tails, key=len, reverse=True))


def _ints(data: bytes) -> array[int]:
    values = array("I")
    values.frombytes(data)
    return values


_LANGS = {lang.value: lang for lang in Lang}
_ROLES = {role.value: role for role in Role}


class _PackedGroups:
    """The designations of each group, decoded from the packed string on first use:
    loading a million-concept matcher creates no objects for terms a text lacks."""

    def __init__(
        self, members: array[int], offsets: array[int], records: bytes, record_offsets: array[int]
    ) -> None:
        if len(offsets) < 1 or len(record_offsets) < 1 or offsets[-1] != len(members):
            raise ValueError("inconsistent matcher payload")
        self._members, self._offsets = members, offsets
        self._records, self._record_offsets = records, record_offsets
        self._decoded: dict[int, tuple[Designation, ...]] = {}

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, group: int) -> tuple[Designation, ...]:
        found = self._decoded.get(group)
        if found is None:
            members = self._members[self._offsets[group] : self._offsets[group + 1]]
            found = tuple(map(self._designation, members))
            self._decoded[group] = found
        return found

    def _designation(self, record: int) -> Designation:
        start, end = self._record_offsets[record], self._record_offsets[record + 1]
        fields = self._records[start:end].decode()
        term_id, lang, role, text = fields.split(_RECORD_SEP, 3)
        return _new_designation(term_id, _LANGS[lang], text, _ROLES[role])


@dataclass(frozen=True, slots=True)
class _Tables:
    """What a matcher is made of, built once (here or at index build time)."""

    width: int
    base: int
    #: Word key → its fixed-width code (``None``: a loaded matcher's, decoded when
    #: first asked, see TermMatcher._codes).
    codes: dict[str, str] | None
    #: Code patterns → group number (integer values: nothing Python to load).
    automaton: ahocorasick.Automaton
    #: Words in each group's key.
    counts: array[int]
    #: Group *g*'s designations are records ``members[offsets[g]:offsets[g + 1]]``.
    members: array[int]
    offsets: array[int]
    #: Packed designations, UTF-8 (kept as bytes: a loaded matcher decodes only the
    #: records a text hits): record *r* is ``records[record_offsets[r]:record_offsets[r + 1]]``.
    records: bytes
    record_offsets: array[int]
    #: What a plain rendering shows after each group's hits, when the records carried
    #: their concepts' summaries (see :func:`pack_fields`).
    labels: _Labels | None = None


@dataclass(frozen=True, slots=True)
class _Labels:
    """Each group's plain label: record ``best[g]``'s, the UTF-8 string
    ``text[offsets[r]:offsets[r + 1]]``; ``tails``: the marks after the last word
    that belong to a group's hits (see :func:`_trailing_marks`), for the few groups
    whose designations end in one."""

    text: bytes
    offsets: array[int]
    best: array[int]
    tails: dict[int, tuple[str, ...]]


def pack_designation(designation: Designation, summary: Summary | None = None) -> str:
    """One designation as a record of the packed table (see :func:`compile_payload`)."""
    d = designation
    return pack_fields(d.term_id, d.lang.value, d.role.value, d.text, summary)


def pack_fields(
    term_id: str, lang: str, role: str, text: str, summary: Summary | None = None
) -> str:
    """:func:`pack_designation` from the fields themselves. With its concept's
    :data:`Summary`, the record carries what a plain rendering shows after a hit of
    it (the rendering in brackets) and its rank among homonyms (preferred before
    variant, reviewed before not): the compiled matcher then labels hits without
    fetching a concept (see :meth:`TermMatcher.labelled`). An index build packs its
    designations by columns instead (:class:`Packer`)."""
    record = _RECORD_SEP.join((term_id, lang, role, text))
    if summary is None:
        return record
    en, ru, reviewed = summary
    label = _label(ru if lang == Lang.EN.value else en, reviewed)
    return f"{record}{_SHOWN_SEP}{_ROLE_RANKS[role] + (0 if reviewed else 1)}{label}"


#: A designation's rank among homonyms, before its concept's review adds 1 if unreviewed.
_ROLE_RANKS = {role.value: 0 if role is Role.PREFERRED else 2 for role in Role}


def _label(rendering: str, reviewed: bool) -> str:
    """What a plain rendering shows after a hit of a designation whose other
    language's preferred term is ``rendering``."""
    rendering = rendering or "—"
    return f" [{rendering}]" if reviewed else f" [?{rendering}]"


class Packer:
    """:func:`pack_fields` over columns of designations (an index build's, with every
    concept's summary), the labels worked out once per concept: no string is made
    per designation but its record, and no Python call."""

    def __init__(self, concepts: Sequence[tuple[str, Summary]]) -> None:
        self._ids = [term_id for term_id, _ in concepts]
        #: The label after an English designation's hits for each concept, then after
        #: a Russian one's.
        self._labels = [_label(ru, reviewed) for _, (_, ru, reviewed) in concepts]
        self._labels += [_label(en, reviewed) for _, (en, _, reviewed) in concepts]
        self._sides = {Lang.EN.value: 0, Lang.RU.value: len(concepts)}
        self._unreviewed = bytes([not reviewed for _, (_, _, reviewed) in concepts])

    def pack(
        self,
        concepts: Sequence[int],
        langs: Sequence[str],
        roles: Sequence[str],
        texts: Iterable[str],
    ) -> tuple[list[str], list[str], bytes]:
        """The records, labels and ranks of the designations of these columns
        (concepts by position), as :func:`pack_fields` gives them."""
        ids = map(self._ids.__getitem__, concepts)
        records = list(map(_RECORD_SEP.join, zip(ids, langs, roles, texts, strict=True)))
        sides = map(operator.add, concepts, map(self._sides.__getitem__, langs))
        labels = list(map(self._labels.__getitem__, sides))
        unreviewed = map(self._unreviewed.__getitem__, concepts)
        ranks = bytes(map(operator.add, map(_ROLE_RANKS.__getitem__, roles), unreviewed))
        return records, labels, ranks


def _digits(number: int, width: int, base: int) -> str:
    """``number`` in ``base``, each digit position with its own characters, so a
    pattern can only match at a code boundary (never from the middle of a code)."""
    digits = []
    for position in range(width):
        number, digit = divmod(number, base)
        digits.append(chr(_FIRST_DIGIT + position * base + digit))
    return "".join(digits)


def _filler(width: int) -> str:
    """The code of every word no designation contains: the first digit of the first
    position, ``width`` times. No pattern holds two first-position digits in a row,
    so none matches across or inside it; the automaton has this digit as the root's
    first child (see :func:`_compile`), so most words of a text, which are filler,
    are read with a look at one child or two instead of a walk over the root's."""
    return chr(_FIRST_DIGIT) * width


#: Never in a key stream: the second character of the pattern that puts the filler's
#: digit first among the root's children (it never matches).
_NEVER = chr(_FIRST_DIGIT - 1)


def _shape(words: int) -> tuple[int, int]:
    """``(width, base)`` of the codes of ``words`` distinct word keys (code 0 is
    unused; the filler, see :func:`_filler`, stands for every other word): one
    character each for a small glossary, else two digits of a base just above the
    square root. pyahocorasick finds a node's child by walking its children, so a
    wide node is slow to leave, but each digit is a node more to load: at 100k
    concepts two digits of base 142 scan about as fast as three of base 64 (35 and
    33 ms for 200k words) and make a third smaller automaton (26 MB, loaded in 28 ms,
    against 39 MB in 43 ms)."""
    if words < _ONE_DIGIT_WORDS:
        return 1, words + 1
    width, base = 2, math.isqrt(words) + 1
    while base > _MAX_BASE:
        width += 1
        base = 2
        while base**width <= words:
            base += 1
    return width, base


#: Key characters of :class:`Entries`: word number *n* is ``chr(_KEY_FIRST + n)``;
#: ``_KEY_SEP``, below them, separates the keys joined to be coded in one call.
_KEY_FIRST = 1
_KEY_SEP = "\0"


class KeyWords:
    """Numbers the word keys of some entries, so that a match key is a string of one
    character per word (see :class:`Entries`): hashed and coded faster than a tuple."""

    def __init__(self) -> None:
        self.words: list[str] = []
        #: Word → its character (look-ups that fail: :meth:`char` numbers the word).
        self.chars: dict[str, str] = {}

    def char(self, word: str) -> str:
        """``word``'s character (a new one for a word not seen before)."""
        found = self.chars.get(word)
        if found is None:
            found = self.chars[word] = chr(_KEY_FIRST + len(self.words))
            self.words.append(word)
        return found


@dataclass(frozen=True, slots=True)
class Entries:
    """A matcher's ``(match key, packed designation)`` entries in columns, as an
    index build makes them (no tuple nor packed string per entry).

    Entry *e* is designation ``owners[e]`` under the key ``keys[e]``, one
    :class:`KeyWords` character per word of ``words``, never empty. Designation *d*
    is the record ``records[d]`` (:func:`pack_fields`' fields), shown as
    ``labels[d]`` with rank ``ranks[d]`` if the records have labels (what a summary
    adds), and is a forbidden rendering if ``forbidden[d]``; equal records are
    one designation."""

    words: list[str]
    keys: list[str]
    owners: array[int]
    records: list[str]
    labels: list[str] | None
    ranks: bytes | None
    forbidden: bytes


def _entries(items: Iterable[tuple[tuple[str, ...], str]]) -> Entries:
    """The :class:`Entries` of ``(match key, packed designation)`` pairs (entries with
    an empty key dropped); a packed designation with its summary's part has a label."""
    words = KeyWords()
    chars, char = words.chars, words.char
    number: dict[str, int] = {}
    add = number.setdefault
    keys: list[str] = []
    owners = array("I")
    for key, record in items:
        if key:
            try:
                keys.append("".join(map(chars.__getitem__, key)))
            except KeyError:  # a word not seen before
                keys.append("".join(map(char, key)))
            owners.append(add(record, len(number)))
    records = list(number)
    del number
    labels = ranks = None
    if records and _SHOWN_SEP in records[0]:
        split = [record.partition(_SHOWN_SEP) for record in records]
        records = [fields for fields, _, _ in split]
        labels = [shown[1:] for _, _, shown in split]
        ranks = bytes([int(shown[0]) for _, _, shown in split])
    return Entries(words.words, keys, owners, records, labels, ranks, bytes(len(records)))


#: ``bytes.translate`` table of ``forbidden`` flags into "kept in the plain matcher".
_PLAIN = bytes.maketrans(b"\0\1", b"\1\0")


def _compile(entries: Entries, *, forbidden: bool = True, release: bool = False) -> _Tables:
    """The tables of a matcher over ``entries`` (without the forbidden designations
    unless ``forbidden``); a key's designations keep their first-seen order,
    duplicates dropped, and the records are numbered in the order of the groups.
    With ``release``, the entries' columns are emptied once read, so that the
    automaton, built last, is built with them gone (the compiling is a build's peak).

    Most keys have one designation, so the groups are found by C-level passes over
    the columns; only the entries of a key seen before (homonyms) are looked at one
    by one."""
    keys, owners = entries.keys, entries.owners
    if not forbidden and any(entries.forbidden):
        plain = entries.forbidden.translate(_PLAIN)
        kept = bytes(map(plain.__getitem__, owners))
        keys, owners = (
            list(itertools.compress(keys, kept)),
            array("I", itertools.compress(owners, kept)),
        )
    # each key's first entry, through the map: the groups are the keys in first-seen order
    opened: dict[str, int] = {}
    firsts = list(map(opened.setdefault, keys, itertools.count()))
    groups = list(opened)
    del opened, keys
    member_owners, offsets, homonyms = _members(firsts, len(groups), owners, entries.records)
    del firsts, owners
    if release:
        entries.keys.clear()
        del entries.owners[:]
    order = list(dict.fromkeys(member_owners))  # designations in record order
    numbers = dict(zip(order, range(len(order)), strict=True))
    members = array("I", map(numbers.__getitem__, member_owners))
    del numbers, member_owners
    strings = list(map(entries.records.__getitem__, order))
    labels = None
    if entries.labels is not None and entries.ranks is not None:
        shown = list(map(entries.labels.__getitem__, order))
        ranks = bytes(map(entries.ranks.__getitem__, order))
        labels = _labels(strings, shown, ranks, members, offsets, homonyms)
    del order
    record_offsets = array("I", [0])
    record_offsets.extend(itertools.accumulate(map(len, map(str.encode, strings))))
    records = "".join(strings).encode()
    del strings
    if release:
        entries.records.clear()
    # Each distinct word key is coded as `width` digits (see _shape).
    distinct = dict.fromkeys("".join(groups))
    width, base = _shape(len(distinct))
    digits = {ord(char): _digits(n, width, base) for n, char in enumerate(distinct, 1)}
    del distinct
    words = entries.words
    codes = {words[char - _KEY_FIRST]: code for char, code in digits.items()}
    patterns = _KEY_SEP.join(groups).translate(digits).split(_KEY_SEP) if groups else []
    del digits
    counts = array("I", map(len, groups))
    del groups
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    if patterns:  # first: the filler's digit becomes the root's first child
        automaton.add_word(_filler(1) + _NEVER, len(patterns))
        collections.deque(map(automaton.add_word, patterns, itertools.count()), maxlen=0)
        del patterns
        automaton.make_automaton()
    return _Tables(
        width, base, codes, automaton, counts, members, offsets, records, record_offsets, labels
    )


def _members(
    firsts: list[int], count: int, owners: array[int], records: list[str]
) -> tuple[list[int], array[int], list[int]]:
    """The designations of each of ``count`` groups (entry *e* is in the group its key's
    first entry ``firsts[e]`` opened), flat, group *g*'s at
    ``offsets[g]:offsets[g + 1]``, and the groups with more than one (``records``
    tells duplicates apart)."""
    if count == len(firsts):  # no key twice: each entry is its own group
        return list(owners), array("I", range(count + 1)), []
    opens = list(map(operator.eq, firsts, itertools.count()))
    openers = list(itertools.compress(itertools.count(), opens))  # each group's first entry
    first_owners = list(map(owners.__getitem__, openers))
    more: dict[int, list[int]] = {}
    for entry in itertools.compress(itertools.count(), map(operator.not_, opens)):
        group, owner = bisect_left(openers, firsts[entry]), owners[entry]
        found = more.get(group)
        if found is None:
            if records[first_owners[group]] != records[owner]:
                more[group] = [first_owners[group], owner]
        elif all(records[member] != records[owner] for member in found):
            found.append(owner)
    if not more:
        return first_owners, array("I", range(count + 1)), []
    homonyms = sorted(more)
    pieces, start = [], 0
    for group in homonyms:
        pieces += [first_owners[start:group], more[group]]
        start = group + 1
    pieces.append(first_owners[start:])
    sizes = [1] * count
    for group in homonyms:
        sizes[group] = len(more[group])
    offsets = array("I", [0])
    offsets.extend(itertools.accumulate(sizes))
    return list(itertools.chain.from_iterable(pieces)), offsets, homonyms


def _labels(
    records: list[str],
    shown: list[str],
    ranks: bytes,
    members: array[int],
    offsets: array[int],
    homonyms: Iterable[int],
) -> _Labels:
    """The :class:`_Labels` of groups of ``records`` (packed fields), each shown as
    its label with its rank: a group's best record is its first of the lowest rank,
    as :func:`glossary.annotation.from_spans` ranks the concepts of a hit."""
    best = array("I", map(members.__getitem__, offsets[:-1]))
    for group in homonyms:  # the groups with more than one record
        best[group] = min(members[offsets[group] : offsets[group + 1]], key=ranks.__getitem__)
    text_offsets = array("I", [0])
    text_offsets.extend(itertools.accumulate(map(len, map(str.encode, shown))))
    # a record's fields end with its text: the records ending in a mark
    last = "".join(map(operator.itemgetter(-1), records))
    marked = {found.start() for found in _MARK.finditer(last)}
    tails: dict[int, tuple[str, ...]] = {}
    if marked:
        for position in itertools.compress(itertools.count(), map(marked.__contains__, members)):
            group = bisect_right(offsets, position) - 1
            if group not in tails:
                found = members[offsets[group] : offsets[group + 1]]
                tails[group] = _trailing_marks([records[r] for r in found])
    return _Labels("".join(shown).encode(), text_offsets, best, tails)


def _form_codes(codes: dict[str, str], form_keys: dict[str, str]) -> dict[str, str]:
    """Folded word → its code, for the forms whose key the glossary uses; acronym
    keys as themselves."""
    # Only the folded forms: a capitalised word of the text is folded once when it is
    # first seen (see TermMatcher._codes_of), which costs less than loading a second,
    # capitalised copy of every form with each matcher.
    found = {}
    for form, key in form_keys.items():
        code = codes.get(key)
        if code is not None:
            found[form] = code
    for key, code in codes.items():
        if is_acronym(key):
            found[key] = code
    return found


#: Folded word forms → codes: a trie whose values index the list of codes, the last
#: of which is the filler (what a form outside the trie reads, as index -1). It loads
#: natively from its node dump, several times faster than a dict of its strings.
_FormCodes = tuple[ahocorasick.Automaton, list[str]]


def _form_trie(forms: dict[str, str], filler: str) -> _FormCodes:
    values = list(dict.fromkeys(forms.values()))
    number = {code: index for index, code in enumerate(values)}
    trie = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    add = trie.add_word
    for form, code in forms.items():
        add(form, number[code])
    return trie, [*values, filler]


def _automaton(nodes: list[bytes], arguments: tuple[object, ...] | None) -> ahocorasick.Automaton:
    """An automaton (or trie) loaded from its node dump; an empty one for ``None``."""
    if arguments is None:
        return ahocorasick.Automaton(ahocorasick.STORE_INTS)
    return ahocorasick.Automaton(nodes, *arguments)


def _dump(automaton: ahocorasick.Automaton) -> tuple[list[bytes], tuple[object, ...] | None]:
    """The node dump and the other constructor arguments (``None`` when empty)."""
    if not len(automaton):
        return [], None
    arguments = automaton.__reduce__()[1]
    return list(arguments[0]), tuple(arguments[1:])


def _payload(tables: _Tables, forms: _FormCodes | None, codes: dict[str, str]) -> list[bytes]:
    """The state (small plain data), then each table as a part of its own, then the
    node dumps: a loaded matcher's tables are the bytes read, not copies made by
    unmarshalling them, and its word codes are decoded only if asked for."""
    nodes, arguments = _dump(tables.automaton) if len(tables.counts) else ([], None)
    trie_nodes: list[bytes] = []
    stored_forms = None
    if forms is not None:
        trie_nodes, trie = _dump(forms[0])
        stored_forms = {"trie": trie, "values": forms[1]}
    parts = {
        "codes": marshal.dumps(codes),
        "counts": tables.counts.tobytes(),
        "members": tables.members.tobytes(),
        "offsets": tables.offsets.tobytes(),
        "records": tables.records,
        "record_offsets": tables.record_offsets.tobytes(),
    }
    labels = tables.labels
    if labels is not None:
        parts["label_text"] = labels.text
        parts["label_offsets"] = labels.offsets.tobytes()
        parts["label_best"] = labels.best.tobytes()
    state = {
        "format": PAYLOAD_FORMAT,
        "width": tables.width,
        "base": tables.base,
        "forms": stored_forms,
        "automaton": arguments,
        "parts": list(parts),
        "automaton_parts": len(nodes),
        "tails": labels.tails if labels is not None else {},
    }
    return [marshal.dumps(state), *parts.values(), *nodes, *trie_nodes]


def compile_payload(
    items: Iterable[tuple[tuple[str, ...], str]], form_keys: dict[str, str] | None = None
) -> list[bytes]:
    """A stored matcher (for :meth:`TermMatcher.from_payload`) over ``(match key,
    packed designation)`` pairs, without creating a Designation per entry.

    The byte strings are: a marshal of plain data (no pickle: the layout, the forms
    map's values); the tables, each its own part (the word codes as a marshal, the
    designations packed into one string that is decoded only for the hits of a text,
    the labels); then the automaton and the forms trie as pyahocorasick's own node
    dumps, kept apart so that loading makes no extra copy of them.
    """
    return _compiled(_compile(_entries(items)), form_keys)


def compile_entries(
    entries: Entries,
    form_keys: dict[str, str] | None = None,
    *,
    forbidden: bool = False,
    release: bool = False,
) -> list[bytes]:
    """:func:`compile_payload` over the pairs ``entries`` stand for (the forbidden
    designations only if ``forbidden``): the same bytes, from an index build's
    columns. With ``release`` (their last use), ``entries`` is emptied as it is read."""
    return _compiled(_compile(entries, forbidden=forbidden, release=release), form_keys)


def _compiled(tables: _Tables, form_keys: dict[str, str] | None) -> list[bytes]:
    assert tables.codes is not None  # compiled here, not loaded
    forms = None
    if form_keys is not None:
        forms = _form_trie(_form_codes(tables.codes, form_keys), _filler(tables.width))
    return _payload(tables, forms, tables.codes)
