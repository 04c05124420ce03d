"""Sentence alignment of a published text with its published translation (en↔ru).

No maintained aligner on the package index fits: the embedding aligners (bertalign,
vecalign and its wrappers) need model downloads, bleualign needs machine translation,
and the length-only packages take no anchors. So this is the Gale–Church length model
(Gale & Church 1993) with its published bead priors, by dynamic programming over 1-1,
1-0, 0-1, 2-1, 1-2 and 2-2 beads, plus lexical anchors in the bead cost:

- numbers, acronyms (Latin or Cyrillic letters compared through transliteration:
  NATO/НАТО), capitalised names (transliteration-insensitive: Putin/Путин,
  Carlson/Карлсон) and glossary concepts (found by the project's matcher, passed in
  as a function from a sentence to concept ids);
- each anchor shared by the two sides of a bead lowers its cost by
  :data:`ANCHOR_BONUS`, each anchor without its counterpart raises it by
  :data:`ANCHOR_PENALTY`.

Paragraphs are aligned first with the same model (a paragraph missing on one side is
one 1-0 bead, not a run of sentence deletions), then the sentences inside each pair of
aligned paragraphs. The DP runs in a band around the diagonal, so time is linear in
the text. Every bead gets a confidence (a logistic of its cost); beads below
:data:`LOW_CONFIDENCE`, and every 1-0 or 0-1 bead, are marked low — never dropped.

Pure core: sentences in, beads out. Reading files and writing TMX/JSON are the CLI's.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from glossary.extract.units import word_set
from glossary.model import Glossary, Kind, Lang
from glossary.text.segment import segment
from glossary.wordalign import (
    LEXICON_PRIOR,
    SPELLING_PRIOR,
    PairWords,
    WordAligner,
    best_spans,
    similar_spelling,
)

if TYPE_CHECKING:
    from glossary.extract.candidate import Candidate
    from glossary.lexicon import Lexicon

__all__ = [
    "Alignment",
    "Bead",
    "Rendering",
    "Sentence",
    "TermPair",
    "align_sentences",
    "align_texts",
    "anchors",
    "merge_proposals",
    "sentences_of",
    "term_pairs",
]

#: Gale & Church's bead priors (as NLTK's implementation has them).
PRIORS = {
    (1, 1): 0.89,
    (1, 0): 0.0099,
    (0, 1): 0.0099,
    (2, 1): 0.089,
    (1, 2): 0.089,
    (2, 2): 0.011,
}
_COSTS = {kind: -math.log(p) for kind, p in PRIORS.items()}
#: The target/source length ratio is the two texts' ratio, kept within this factor
#: of 1 (a paragraph missing on one side of a short text would bias it far).
RATIO_BOUND = 1.25
#: Letters in the shortest capitalised word read as an acronym anchor (NATO, ЕС).
_MIN_ACRONYM_LETTERS = 2
#: Single target words this short or shorter (в, на, of) are never offered as renderings.
_MAX_FUNCTION_WORD = 2
#: Variance of the target length per source character (Gale & Church: 6.8).
VARIANCE = 6.8
#: Cost (nats) taken off a bead per anchor both sides share.
ANCHOR_BONUS = 1.5
#: Cost added per anchor with no counterpart on the other side.
ANCHOR_PENALTY = 0.4
#: Cost taken off a bead at a lexicon Dice of 1 (its words all pair up).
LEXICON_WEIGHT = 4.0
#: Half-width of the DP band round the line from (0, 0) to the end, in units.
BAND = 40
#: Half-width of the paragraph DP band, in paragraphs.
PARAGRAPH_BAND = 12
#: Bead cost at which confidence is one half.
CONFIDENCE_MIDPOINT = 4.0
#: Beads less confident than this are marked low.
LOW_CONFIDENCE = 0.5
#: A paragraph missing on one side costs this much per sentence it holds, at most
#: :data:`DELETION_CAP` sentences (the bead is one deletion, not a run of them).
DELETION_CAP = 3
_INFINITY = float("inf")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its text, its 1-based line, its paragraph (0-based)."""

    text: str
    line: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Bead:
    """Sentences (0-based indexes) of each side that translate each other."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    confidence: float

    @property
    def low(self) -> bool:
        return not self.source or not self.target or self.confidence < LOW_CONFIDENCE


@dataclass(frozen=True, slots=True)
class Alignment:
    source_lang: Lang
    target_lang: Lang
    source: tuple[Sentence, ...]
    target: tuple[Sentence, ...]
    beads: tuple[Bead, ...]

    def text(self, bead: Bead) -> tuple[str, str]:
        return (
            " ".join(self.source[i].text for i in bead.source),
            " ".join(self.target[i].text for i in bead.target),
        )

    @property
    def pairs(self) -> list[Bead]:
        """Beads with a sentence on each side (what a translation memory can hold)."""
        return [b for b in self.beads if b.source and b.target]


def sentences_of(text: str, lang: Lang, *, presplit: bool = False) -> list[Sentence]:
    """The sentences of a text; ``presplit``: one sentence per non-blank line."""
    paragraph = 0
    if presplit:
        result: list[Sentence] = []
        blank = False
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                blank = True
                continue
            if blank and result:
                paragraph += 1
            blank = False
            result.append(Sentence(" ".join(line.split()), number, paragraph))
        return result
    lines = text.splitlines()
    result = []
    previous_line = 0
    for found in segment(text, lang):
        between = lines[previous_line : found.line - 1] if previous_line else []
        if result and any(not line.strip() for line in between):
            paragraph += 1
        result.append(Sentence(found.text, found.line, paragraph))
        previous_line = found.line
    return result


# Anchors -----------------------------------------------------------------------------

_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "sch",
            "_",
            "y",
            "_",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)
#: Latin spellings folded so English and transliterated Russian names meet.
_FOLDS = (("kh", "h"), ("ck", "k"), ("c", "k"), ("q", "k"), ("w", "v"), ("ph", "f"),
          ("y", "i"), ("j", "i"), ("x", "ks"), ("_", ""), ("ts", "z"))  # fmt: skip
#: Letters of a name compared (prefix), so inflected Russian names still meet.
NAME_PREFIX = 4
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
#: Capitalised in English, lower case in Russian: never name anchors.
_NOT_NAMES = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_ACRONYM_KEYS = {"сша": "us", "usa": "us", "ес": "eu", "оон": "un", "рф": "rf"}


def _latin(word: str) -> str:
    lowered = unicodedata.normalize("NFC", word.casefold())
    out = "".join(_CYRILLIC.get(ch, ch) for ch in lowered)
    for old, new in _FOLDS:
        out = out.replace(old, new)
    return out


def anchors(text: str, terms: Callable[[str], Iterable[str]] | None = None) -> Counter[str]:
    """The anchors of a sentence, as language-neutral keys."""
    found: Counter[str] = Counter()
    words = _WORD.findall(text)
    for index, word in enumerate(words):
        if word[0].isdigit():
            found["#" + re.sub(r"[.,]", "", word)] += 1
        elif len(word) >= _MIN_ACRONYM_LETTERS and word.isupper():
            key = _ACRONYM_KEYS.get(word.casefold(), _latin(word))
            found["A" + key] += 1
        elif (
            word[0].isupper()
            and index > 0
            and len(word) > NAME_PREFIX
            and word.casefold() not in _NOT_NAMES
        ):
            found["N" + _latin(word)[:NAME_PREFIX]] += 1
    if terms is not None:
        for concept in terms(text):
            found["T" + concept] += 1
    return found


# The length model --------------------------------------------------------------------


def _length_cost(source: int, target: int, ratio: float) -> float:
    """Gale & Church: -log P(match | lengths), the lengths' difference as a normal."""
    if source == 0 and target == 0:
        return 0.0
    mean = (source + target / ratio) / 2
    delta = (ratio * source - target) / math.sqrt(max(mean, 1.0) * VARIANCE)
    tail = math.erfc(abs(delta) / math.sqrt(2))  # 2 * (1 - Phi(|delta|))
    return -math.log(max(tail, 1e-300))


@dataclass(frozen=True, slots=True)
class _Unit:
    length: int
    anchors: Counter[str]
    total: int = 0
    #: Anchors whose absence on the other side counts against a bead (numbers and
    #: acronyms; a name or a term may be rendered by a pronoun or a paraphrase).
    strict: int = 0
    #: Lexicon anchors: English keys of the words a lexicon knows (English side) or
    #: of the words it translates them as (Russian side), and how many words those are
    #: (a word pair counts once in a bead: sets, whose union and intersection are cheap).
    lexical: frozenset[str] = frozenset()
    lexical_words: int = 0

    @classmethod
    def of(
        cls, length: int, anchors: Counter[str], lexical: tuple[frozenset[str], int] | None = None
    ) -> _Unit:
        strict = sum(n for key, n in anchors.items() if key[0] in _STRICT)
        if lexical is None:
            return cls(length, anchors, anchors.total(), strict)
        return cls(length, anchors, anchors.total(), strict, lexical[0], lexical[1])


_STRICT = "#A"
_EMPTY = _Unit(0, Counter())


def _dp(
    source: Sequence[_Unit], target: Sequence[_Unit], ratio: float, band: int = BAND
) -> list[tuple[int, int, float]]:
    """Beads as (source count, target count, cost), by DP in a band round the diagonal."""
    n, m = len(source), len(target)
    source_sides = _sides(source)
    target_sides = _sides(target)
    cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int, float]] = {}
    for i in range(n + 1):
        centre = i * m / n if n else 0
        low, high = max(0, int(centre) - band), min(m, int(centre) + band)
        for j in range(low, high + 1):
            if i == 0 and j == 0:
                continue
            best, choice = _INFINITY, (0, 0, 0.0)
            for (di, dj), prior in _COSTS.items():
                before = cost.get((i - di, j - dj))
                if before is None or i < di or j < dj:
                    continue
                bead = _bead_cost(source_sides[di][i], target_sides[dj][j], prior, ratio)
                if before + bead < best:
                    best, choice = before + bead, (di, dj, bead)
            if best < _INFINITY:
                cost[(i, j)] = best
                back[(i, j)] = choice
    beads = []
    i, j = n, m
    if (n, m) not in back and (n or m):
        raise AssertionError("alignment band did not reach the end")  # pragma: no cover
    while i or j:
        di, dj, bead = back[(i, j)]
        beads.append((di, dj, bead))
        i, j = i - di, j - dj
    beads.reverse()
    return beads


def _sides(units: Sequence[_Unit]) -> dict[int, list[_Unit | None]]:
    """For 0, 1 and 2 units ending before index ``i``: the merged unit (``None``: empty)."""
    pairs: list[_Unit | None] = [None, None]
    pairs.extend(_merged_units(units[i - 2 : i]) for i in range(2, len(units) + 1))
    return {0: [None] * (len(units) + 1), 1: [None, *units], 2: pairs}


def _bead_cost(source: _Unit | None, target: _Unit | None, prior: float, ratio: float) -> float:
    """The bead's cost in nats; ``prior`` is already ``-log`` of the bead's prior."""
    if source is None or target is None:
        # A deletion: the prior and a few of its lost anchors. Its length says nothing
        # (Gale–Church's length term would make a long missing paragraph cost more
        # than merging it wrongly into a neighbour).
        lost = (source or target or _EMPTY).strict
        return prior + ANCHOR_PENALTY * min(lost, DELETION_CAP)
    length = _length_cost(source.length, target.length, ratio)
    anchor = 0.0
    if source.total or target.total:
        left, right = source.anchors, target.anchors
        shared = strict_shared = 0
        for key in left.keys() & right.keys():  # a set operation in C; few keys meet
            both = min(left[key], right[key])
            shared += both
            if key[0] in _STRICT:
                strict_shared += both
        unmatched = source.strict + target.strict - 2 * strict_shared
        anchor = ANCHOR_PENALTY * unmatched - ANCHOR_BONUS * shared
    if source.lexical_words and target.lexical_words:
        anchor -= LEXICON_WEIGHT * _lexical_dice(source, target)
    return prior + length + anchor


def _lexical_dice(source: _Unit, target: _Unit) -> float:
    """Dice of the lexicon's word pairs over the two sides (a word pair counted once):
    a share, so merging a sentence into a bead gains nothing unless its words have
    counterparts there."""
    # Distinct shared keys (a set operation in C: the DP asks this for every bead).
    shared = len(source.lexical & target.lexical)
    shared = min(shared, source.lexical_words, target.lexical_words)
    return 2 * shared / (source.lexical_words + target.lexical_words)


def _merged_units(units: Sequence[_Unit]) -> _Unit:
    counter: Counter[str] = Counter()
    for unit in units:
        counter.update(unit.anchors)
    if not any(u.lexical_words for u in units):
        return _Unit.of(sum(u.length for u in units), counter)
    lexical = frozenset().union(*(u.lexical for u in units))
    words = sum(u.lexical_words for u in units)
    return _Unit.of(sum(u.length for u in units), counter, (lexical, words))


def _lexical(text: str, lexicon: Lexicon, lang: Lang) -> tuple[frozenset[str], int]:
    """A sentence's lexicon anchors (see :class:`_Unit`); function words left out."""
    from glossary.text.normalize import default_normalizer

    keys = default_normalizer().key(text)
    found: set[str] = set()
    words = 0
    for key in keys:
        if lang is Lang.EN:
            if key not in _EN_EDGE and lexicon.knows(key):
                found.add(key)
                words += 1
            continue
        english = lexicon.english_for(key)
        if english:
            found.update(english)
            words += 1
    return frozenset(found), words


def _confidence(cost: float) -> float:
    return 1.0 / (1.0 + math.exp(cost - CONFIDENCE_MIDPOINT))


def align_sentences(
    source: Sequence[Sentence],
    target: Sequence[Sentence],
    *,
    source_terms: Callable[[str], Iterable[str]] | None = None,
    target_terms: Callable[[str], Iterable[str]] | None = None,
    lexicon: Lexicon | None = None,
    source_lang: Lang = Lang.EN,
) -> list[Bead]:
    """Beads over both sentence lists, paragraphs first, in document order;
    ``lexicon`` (English→Russian word pairs, e.g. from an attached dictd dictionary)
    adds the Dice of its word pairs over a bead as an anchor."""

    def lexical(text: str, lang: Lang) -> tuple[frozenset[str], int] | None:
        return _lexical(text, lexicon, lang) if lexicon else None

    target_lang = source_lang.other
    src = [
        _Unit.of(len(s.text), anchors(s.text, source_terms), lexical(s.text, source_lang))
        for s in source
    ]
    tgt = [
        _Unit.of(len(s.text), anchors(s.text, target_terms), lexical(s.text, target_lang))
        for s in target
    ]
    measured = (sum(u.length for u in tgt) or 1) / (sum(u.length for u in src) or 1)
    ratio = min(max(measured, 1 / RATIO_BOUND), RATIO_BOUND)
    src_paragraphs = _groups(source)
    tgt_paragraphs = _groups(target)
    paragraph_units_src = [_merged(src, p) for p in src_paragraphs]
    paragraph_units_tgt = [_merged(tgt, p) for p in tgt_paragraphs]
    paragraph_beads = _dp(paragraph_units_src, paragraph_units_tgt, ratio, PARAGRAPH_BAND)
    # The ratio again, from the paragraphs that have a counterpart (a missing paragraph
    # biased the first estimate), and the paragraphs aligned once more with it.
    paired = _paired_lengths(paragraph_beads, paragraph_units_src, paragraph_units_tgt)
    if paired[0] and paired[1]:
        ratio = min(max(paired[1] / paired[0], 1 / RATIO_BOUND), RATIO_BOUND)
        paragraph_beads = _dp(paragraph_units_src, paragraph_units_tgt, ratio, PARAGRAPH_BAND)
    beads: list[Bead] = []
    i = j = 0
    for di, dj, _ in paragraph_beads:
        s_idx = [k for p in src_paragraphs[i : i + di] for k in p]
        t_idx = [k for p in tgt_paragraphs[j : j + dj] for k in p]
        i, j = i + di, j + dj
        if not s_idx or not t_idx:
            beads.extend(Bead((k,), (), 0.0) for k in s_idx)
            beads.extend(Bead((), (k,), 0.0) for k in t_idx)
            continue
        a = b = 0
        for si, sj, cost in _dp([src[k] for k in s_idx], [tgt[k] for k in t_idx], ratio):
            beads.append(
                Bead(
                    tuple(s_idx[a : a + si]),
                    tuple(t_idx[b : b + sj]),
                    round(_confidence(cost), 3) if si and sj else 0.0,
                )
            )
            a, b = a + si, b + sj
    return beads


def _paired_lengths(
    beads: Sequence[tuple[int, int, float]], source: Sequence[_Unit], target: Sequence[_Unit]
) -> tuple[int, int]:
    """Total lengths of the units in beads with both sides."""
    i = j = source_length = target_length = 0
    for di, dj, _ in beads:
        if di and dj:
            source_length += sum(u.length for u in source[i : i + di])
            target_length += sum(u.length for u in target[j : j + dj])
        i, j = i + di, j + dj
    return source_length, target_length


def _groups(sentences: Sequence[Sentence]) -> list[list[int]]:
    groups: list[list[int]] = []
    for index, sentence in enumerate(sentences):
        if not groups or sentence.paragraph != sentences[groups[-1][-1]].paragraph:
            groups.append([])
        groups[-1].append(index)
    return groups


def _merged(units: Sequence[_Unit], indexes: Sequence[int]) -> _Unit:
    return _merged_units([units[k] for k in indexes])


def align_texts(
    source_text: str,
    target_text: str,
    source_lang: Lang,
    target_lang: Lang,
    *,
    presplit: bool = False,
    source_terms: Callable[[str], Iterable[str]] | None = None,
    target_terms: Callable[[str], Iterable[str]] | None = None,
    lexicon: Lexicon | None = None,
) -> Alignment:
    """Segment both texts (or take one sentence per line) and align them."""
    source = sentences_of(source_text, source_lang, presplit=presplit)
    target = sentences_of(target_text, target_lang, presplit=presplit)
    beads = align_sentences(
        source,
        target,
        source_terms=source_terms,
        target_terms=target_terms,
        lexicon=lexicon,
        source_lang=source_lang,
    )
    return Alignment(source_lang, target_lang, tuple(source), tuple(target), tuple(beads))


# Term pairs ----------------------------------------------------------------------------

#: Words a target span may have beyond the source term's own.
SPAN_REACH = 2
#: Renderings proposed per source term.
RENDERINGS = 3
#: Spans of one occurrence that share its vote (softmax over their scores).
SPANS_VOTING = 6
#: Softmax temperature of the vote, in span-score units (one well-linked word is ~1).
VOTE_TEMPERATURE = 0.5
#: A rendering's vote share in a pair from which that pair counts as its evidence.
EVIDENCE_SHARE = 0.2
#: pymorphy3 parts of speech no rendering starts or ends with.
_RU_EDGE_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "NPRO", "PRED", "COMP"})
#: English closed-class words no rendering starts or ends with (ru→en).
_EN_EDGE = word_set(
    "a an the of to in on at by for from with and or but as is are was were be been "
    "this that these those it its their his her our your my we you they he she i "
    "not no so than then there here which who whom what about above across after "
    "against along among around before behind below beyond despite during except inside "
    "into like near off onto out outside over per since through throughout toward towards "
    "under unlike until upon via within without would will shall should can could may "
    "might must do does did have has had other another such same own all both each every "
    "any some"
)
#: lemminflect classes a word of an English rendering may have (a verb-only word
#: makes a clause, not the name of a thing).
_EN_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ"})
#: Joins the parts of a compound (large-scale, neo-Nazi, по-прежнему): no span edge
#: falls between them.
_COMPOUND_JOINS = frozenset("-‐‑")
#: pymorphy3 parts of speech a rendering of a noun may begin and end with (no tag:
#: Latin words, digits, acronyms pymorphy3 does not know).
_RU_NOMINAL_EDGE = frozenset({"NOUN", "ADJF", "PRTF", "NUMR", None})
#: Parts of speech an adverb may stand before to open a rendering (it modifies them).
_RU_MODIFIER_POS = frozenset({"ADJF", "PRTF"})
#: Parts of speech that name a thing (no tag: Latin words, digits, unknown words).
_RU_NOUN_POS = frozenset({"NOUN", None})
#: ... and may hold at all (verbs and predicatives make clauses, not names of things).
_RU_CLAUSAL = frozenset({"VERB", "INFN", "GRND", "PRED", "PRTS", "ADJS"})
#: English prepositions that end a term's head phrase ("summit in Bucharest").
_EN_HEAD_END = word_set("of for in on to with at from by between against")
#: English conjunctions a rendering has a word for.
_EN_CONJUNCTIONS = word_set("and or")
#: English prepositions (a Russian rendering holds no more prepositions than its term).
_EN_PREPOSITIONS = _EN_HEAD_END | word_set(
    "about above across after among around before behind below beyond during inside into "
    "near off onto out outside over per since through throughout toward towards under "
    "until upon via within without"
)
#: Grammemes of Russian words written with a capital anywhere (names, places, bodies).
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})


@dataclass(frozen=True, slots=True)
class Rendering:
    """A proposed target rendering of a source term, with its evidence."""

    term: str
    score: float
    pairs: int
    evidence: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class TermPair:
    source: str
    occurrences: int
    renderings: tuple[Rendering, ...]


def _occurrences(keys: Sequence[str], term: Sequence[str]) -> list[int]:
    n = len(term)
    if not n:
        return []
    return [i for i in range(len(keys) - n + 1) if tuple(keys[i : i + n]) == tuple(term)]


class _TargetSide:
    """One pair's target sentence: tokens, which spans may be renderings, their forms."""

    def __init__(
        self, text: str, tokens: Sequence[Any], lang: Lang, number: str | None = None
    ) -> None:
        self.text = text
        self.tokens = tokens
        self.lang = lang
        self.number = number
        words = [text[t.start : t.end] for t in tokens]
        self.words = words
        self.edge_ok = [self._edge(w) for w in words]
        self.clausal = [self._clausal(w) for w in words]
        # Only spaces (or a compound's hyphen) between two tokens: a span may run across.
        self.joined = [
            not text[a.end : b.start].strip() or text[a.end : b.start] in _COMPOUND_JOINS
            for a, b in pairwise(tokens)
        ]
        # A comma between two tokens: a span crosses only as many as the source term
        # has (a coordination: "freedom of thought, conscience and religion").
        self.comma = [text[a.end : b.start].strip() == "," for a, b in pairwise(tokens)]
        #: Commas the current source term holds (set per term, like ``number``).
        self.commas = 0
        # Prepositions: a Russian rendering holds no more than its English term (a
        # preposition past them belongs to the sentence: «основанного на совершении»).
        self.preposition = [self._preposition(w) for w in words]
        # A Russian rendering names a thing: it holds a noun (an acronym, or a word
        # pymorphy3 does not know, counts), never an adjective alone («сложные»).
        self.noun = [self.lang is Lang.EN or self._noun(w) for w in words]
        #: Prepositions the current English term holds (``None``: no limit).
        self.prepositions: int | None = None
        # An adverb opens a span before the adjective or participle it modifies
        # («свободно избранные представители»): it belongs to the noun phrase.
        self.start_ok = [
            ok or (k + 1 < len(words) and self.joined[k] and self._adverb_before_modifier(k))
            for k, ok in enumerate(self.edge_ok)
        ]
        self.cut_ok = [self._may_end(k) for k in range(len(tokens))]
        self.opens = [not self._joined_to(t.start - 1, t.start - 2) for t in tokens]
        self.closes = [not self._joined_to(t.end, t.end + 1) for t in tokens]

    def _joined_to(self, join: int, letter: int) -> bool:
        """Whether a hyphen at ``join`` ties the word to a letter at ``letter``."""
        text = self.text
        return (
            min(join, letter) >= 0
            and max(join, letter) < len(text)
            and text[join] in _COMPOUND_JOINS
            and text[letter].isalnum()
        )

    def _edge(self, word: str) -> bool:
        if self.lang is Lang.EN:
            return word.casefold() not in _EN_EDGE and not _english_clausal(word)
        if _acronym(word):
            return True
        parses = _morph().parses(word.lower())
        return (
            bool(parses) and parses[0].tag.POS in _RU_NOMINAL_EDGE and "Apro" not in parses[0].tag
        )

    def _noun(self, word: str) -> bool:
        if _acronym(word):
            return True
        parses = _morph().parses(word.lower())
        return not parses or parses[0].tag.POS in _RU_NOUN_POS

    def _preposition(self, word: str) -> bool:
        if self.lang is Lang.EN or _acronym(word):
            return False
        parses = _morph().parses(word.lower())
        return bool(parses) and parses[0].tag.POS == "PREP"

    def _adverb_before_modifier(self, index: int) -> bool:
        if self.lang is Lang.EN:
            return False
        here = _morph().parses(self.words[index].lower())
        after = _morph().parses(self.words[index + 1].lower())
        return (
            bool(here and after)
            and here[0].tag.POS == "ADVB"
            and after[0].tag.POS in _RU_MODIFIER_POS
        )

    def _clausal(self, word: str) -> bool:
        if self.lang is Lang.EN:
            return _english_clausal(word)
        if _acronym(word):
            return False
        parses = _morph().parses(word.lower())
        return bool(parses) and parses[0].tag.POS in _RU_CLAUSAL

    def _may_end(self, index: int) -> bool:
        """A span may end at word ``index`` unless that cuts a modifier from its noun."""
        if self.lang is Lang.EN or index + 1 >= len(self.words) or not self.joined[index]:
            return True
        from glossary.text.ru.phrase import analyse_phrase

        pair = [self.words[index].lower(), self.words[index + 1].lower()]
        analysis = analyse_phrase(pair)
        return not (analysis.head == 1 and analysis.modifiers == (0,))

    def allowed(self, start: int, end: int) -> bool:
        inner = range(start, end - 1)
        return (
            self.start_ok[start]
            and self.edge_ok[end - 1]
            and self.opens[start]
            and self.closes[end - 1]
            and self.cut_ok[end - 1]
            and all(self.joined[k] or self.comma[k] for k in inner)
            and sum(self.comma[k] for k in inner) <= self.commas
            and (self.prepositions is None or sum(self.preposition[start:end]) <= self.prepositions)
            and not any(self.clausal[start:end])
            and any(self.noun[start:end])
        )

    def form(self, start: int, end: int) -> str:
        """The span as a rendering: Russian in its dictionary form, agreement kept."""
        phrase = self.text[self.tokens[start].start : self.tokens[end - 1].end]
        words = phrase.split()
        first = words[0]
        at_start = not self.text[: self.tokens[start].start].strip(" «»\"'„“”-–—(")
        if at_start and first[:1].isupper() and not first.isupper() and not self._proper(first):
            words[0] = first[:1].lower() + first[1:]
        if self.lang is Lang.EN:
            return " ".join(words)
        return _dictionary_form(tuple(words), _number_for(tuple(words), self.number))

    def _proper(self, word: str) -> bool:
        if self.lang is Lang.EN:
            return False
        parses = _morph().parses(word.lower())
        return bool(parses) and any(g in parses[0].tag for g in _PROPER)


def _acronym(word: str) -> bool:
    """A word in capitals (ПРО, ООН) is an acronym, a noun, whatever its lower-case
    homograph is (про is a preposition)."""
    return len(word) >= _MIN_ACRONYM_LETTERS and word.isupper()


@lru_cache(maxsize=1 << 14)
def _english_clausal(word: str) -> bool:
    """A word lemminflect knows only as a verb, adverb or auxiliary (threw, declined)."""
    from glossary.text.morph_en import lemminflect

    if word.isupper() or not word.isalpha():
        return False
    classes = set(lemminflect().getAllLemmas(word.casefold()))
    return bool(classes) and not classes & _EN_NOMINAL


def _morph() -> Any:
    from glossary.text.ru.phrase import shared_morph

    return shared_morph()


@lru_cache(maxsize=1 << 14)
def _dictionary_form(words: tuple[str, ...], number: str | None) -> str:
    from glossary.text.ru.inflect import dictionary_form

    return dictionary_form(list(words), number)


@lru_cache(maxsize=1 << 14)
def _number_for(words: tuple[str, ...], english: str | None) -> str | None:
    """The number a Russian rendering takes: the English term's where the Russian
    form allows it (пенсии: genitive singular or nominative plural), else its own
    (военных действий is plural only); names of places and bodies keep theirs."""
    from glossary.text.ru.phrase import analyse_phrase

    if english is None:
        return None
    analysis = analyse_phrase([w.lower() for w in words])
    if analysis.head < 0 or english not in analysis.numbers:
        return None
    head = analysis.head_parse
    if head is not None and any(g in head.tag for g in _PROPER):
        return None
    return english


def _prepositions(term: str) -> int:
    """Prepositions of an English term (its rendering may hold as many)."""
    return sum(1 for w in term.split() if w.casefold() in _EN_PREPOSITIONS)


def _english_number(term: str) -> str | None:
    """The grammatical number of an English term's head noun (``None``: not a noun
    lemminflect knows, e.g. a name): a Russian rendering takes the same number."""
    from glossary.text.morph_en import lemminflect

    words = term.split()
    content = [w for w in words if w.casefold() not in _EN_EDGE]
    if content and all(w[:1].isupper() and not w.isupper() for w in content):
        # A name ("United Nations"): its Russian name has its own number
        # («Организация Объединенных Наций», singular).
        return None
    for index, word in enumerate(words):
        if index and word.casefold() in _EN_HEAD_END:
            words = words[:index]
            break
    head = words[-1].removesuffix("'s").removesuffix("’s") if words else ""
    lemmas = lemminflect().getAllLemmas(head)
    if "NOUN" not in lemmas or head.isupper():
        return None
    return "sing" if head.casefold() == lemmas["NOUN"][0].casefold() else "plur"


#: Spellings folded further for cognates than for name anchors: Greek eu is ев in
#: Russian (Europe/Европа), and Latin h is г (hyper-/гипер-, Hamburg/Гамбург).
_COGNATE_FOLDS = (("eu", "ev"), ("h", "g"))


def _cognate(key: str) -> str:
    out = _latin(key)
    for old, new in _COGNATE_FOLDS:
        out = out.replace(old, new)
    return out


def _content_words(term: str) -> int:
    """Words a rendering is expected to have: the content words, and the conjunctions
    of a coordination (and/or are rendered by и/или)."""
    words = [w.casefold() for w in term.split()]
    return max(1, sum(1 for w in words if w not in _EN_EDGE or w in _EN_CONJUNCTIONS))


def _spelling_prior(lexicon: Lexicon | None, source_lang: Lang) -> Callable[[str, str], float]:
    """Priors of word pairs: the lexicon's translations, and keys spelt alike."""

    @lru_cache(maxsize=1 << 16)
    def latin(key: str) -> str:
        return _ACRONYM_KEYS.get(key.casefold(), _cognate(key))

    def prior(source: str, target: str) -> float:
        factor = 1.0
        if source == target or similar_spelling(latin(source), latin(target)):
            factor *= SPELLING_PRIOR
        if lexicon is not None:
            english, russian = (source, target) if source_lang is Lang.EN else (target, source)
            if lexicon.has(english, russian):
                factor *= LEXICON_PRIOR
        return factor

    return prior


def _votes(
    side: _TargetSide,
    links: tuple[list[list[float]], list[list[float]]],
    term: range,
    expected: int,
) -> tuple[dict[str, float], str]:
    """One occurrence's vote, shared by its best target spans (softmax of their
    scores, by form), and the best span's form."""
    spans = best_spans(*links, term, side.allowed, len(term) + SPAN_REACH, expected)
    spans = spans[:SPANS_VOTING]
    if not spans:
        return {}, ""
    weights = [math.exp((s - spans[0][0]) / VOTE_TEMPERATURE) for s, _, _ in spans]
    total = sum(weights)
    shares: dict[str, float] = defaultdict(float)
    for weight, (_, a, b) in zip(weights, spans, strict=True):
        shares[side.form(a, b)] += weight / total
    return shares, side.form(spans[0][1], spans[0][2])


def term_pairs(
    alignment: Alignment,
    *,
    source_name: str = "source",
    target_name: str = "target",
    source_terms: Sequence[str] | None = None,
    lexicon: Lexicon | None = None,
) -> list[TermPair]:
    """For each source term (the extractor's candidates, or ``source_terms``), its
    renderings in the target, read off word alignments of the aligned pairs (see
    :mod:`glossary.wordalign`): in each pair holding the term, the target spans that
    agree best with the term's links share one vote; a rendering's score is its share
    of the votes, its evidence the pairs' ``document:line`` on both sides. Russian
    renderings are in dictionary form (nominative, agreement kept); ``lexicon`` (an
    attached dictd dictionary's word pairs) weighs in on the links."""
    from glossary.text.normalize import default_normalizer

    normalizer = default_normalizer()
    pairs = alignment.pairs
    texts = [alignment.text(b) for b in pairs]
    source_tokens = [normalizer.tokens(s) for s, _ in texts]
    target_tokens = [normalizer.tokens(t) for _, t in texts]
    words = [
        PairWords(tuple(t.key for t in s), tuple(t.key for t in t_))
        for s, t_ in zip(source_tokens, target_tokens, strict=True)
    ]
    aligner = WordAligner(words, _spelling_prior(lexicon, alignment.source_lang))
    if source_terms is None:
        from glossary.extract.extractor import Extractor

        extractor = Extractor(alignment.source_lang, normalizer)
        extractor.add("\n".join(s.text for s in alignment.source), "text")
        wanted = [(c.term, c.key) for c in extractor.candidates()]
    else:
        wanted = [(term, normalizer.key(term)) for term in source_terms]
    sides: dict[int, _TargetSide] = {}
    links: dict[int, tuple[list[list[float]], list[list[float]]]] = {}

    def evidence_of(index: int) -> tuple[str, str]:
        bead = pairs[index]
        return (
            f"{source_name}:{alignment.source[bead.source[0]].line}",
            f"{target_name}:{alignment.target[bead.target[0]].line}",
        )

    result = []
    english = alignment.source_lang is Lang.EN
    for term, key in wanted:
        number = _english_number(term) if english else None
        expected = _content_words(term) if english else len(key)
        votes: dict[str, float] = defaultdict(float)
        seen: dict[str, set[int]] = defaultdict(set)
        found = 0
        for index, pair in enumerate(words):
            starts = _occurrences(pair.source, key)
            if not starts or not pair.target:
                continue
            found += 1
            if index not in sides:
                sides[index] = _TargetSide(
                    texts[index][1], target_tokens[index], alignment.target_lang
                )
                links[index] = aligner.posteriors(index)
            side = sides[index]
            side.number = number
            side.commas = term.count(",")
            side.prepositions = _prepositions(term) if english else None
            for start in starts:
                shares, best = _votes(side, links[index], range(start, start + len(key)), expected)
                for form, share in shares.items():
                    votes[form] += share / len(starts)
                    if share >= EVIDENCE_SHARE or form == best:
                        seen[form].add(index)
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], -len(seen[kv[0]]), kv[0]))
        renderings = tuple(
            Rendering(
                form,
                round(share / found, 3),
                len(seen[form]),
                tuple(evidence_of(i) for i in sorted(seen[form])),
            )
            for form, share in ranked[:RENDERINGS]
            if seen[form]
        )
        result.append(TermPair(term, found, renderings))
    return result


#: Lowest score of a rendering ``--merge`` adds.
MERGE_SCORE = 0.5


def merge_proposals(
    pairs: Sequence[TermPair], glossary: Glossary, source_lang: Lang
) -> tuple[list[Candidate], list[str]]:
    """Candidates for ``extract --merge``'s writer (the best rendering as an ``aligned``
    suggestion, the evidence as references), and, for terms the glossary already has,
    a line for each published rendering that differs from the glossary's."""
    from glossary.extract.candidate import Candidate
    from glossary.matching import TermMatcher

    matcher = TermMatcher(glossary, forbidden=True)
    target_lang = source_lang.other
    candidates: list[Candidate] = []
    differing: list[str] = []
    # Each rendering goes to its best-scoring term only (two concepts with one
    # rendering would make terms.csv invalid), and never to one the glossary has.
    # Best: seen in the most pairs, then the largest vote share.
    best_for: dict[str, tuple[int, float, str]] = {}
    for pair in pairs:
        if pair.renderings:
            top = pair.renderings[0]
            if (top.pairs, top.score) > best_for.get(top.term, (-1, -1.0, ""))[:2]:
                best_for[top.term] = (top.pairs, top.score, pair.source)
    for pair in pairs:
        if not pair.renderings:
            continue
        best = pair.renderings[0]
        if best.score < MERGE_SCORE or best_for[best.term][2] != pair.source:
            continue
        ids = {d.term_id for span in matcher.find(pair.source) for d in span.designations}
        exact = [glossary.get(i) for i in ids if matcher.exact(pair.source)]
        known = [t for t in exact if t is not None]
        if known:
            for term in known:
                renderings = {term.preferred(target_lang), *term.variants(target_lang)}
                if best.term not in renderings:
                    differing.append(
                        f"{term.id}: published rendering «{best.term}» differs from "
                        f"«{term.preferred(target_lang)}» ({' '.join(best.evidence[0])})"
                    )
            continue
        if matcher.exact(best.term):
            continue
        references = tuple(dict.fromkeys(ref for both in best.evidence for ref in both))
        candidates.append(
            Candidate(
                term=pair.source,
                lang=source_lang,
                key=(),
                kind=Kind.TERM,
                score=best.score,
                frequency=pair.occurrences,
                forms=(pair.source,),
                references=references,
                context="",
                suggestion=best.term,
                suggestion_source="aligned",
            )
        )
    return candidates, differing
