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
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from glossary.model import Glossary, Kind, Lang
from glossary.text.segment import segment

if TYPE_CHECKING:
    from glossary.extract.candidate import Candidate

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

    @classmethod
    def of(cls, length: int, anchors: Counter[str]) -> _Unit:
        strict = sum(n for key, n in anchors.items() if key[0] in _STRICT)
        return cls(length, anchors, anchors.total(), strict)


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
        small, large = sorted((source.anchors, target.anchors), key=len)
        shared = sum(min(count, large.get(key, 0)) for key, count in small.items())
        unmatched = (
            source.strict
            + target.strict
            - 2
            * sum(
                min(count, large.get(key, 0)) for key, count in small.items() if key[0] in _STRICT
            )
        )
        anchor = ANCHOR_PENALTY * unmatched - ANCHOR_BONUS * shared
    return prior + length + anchor


def _merged_units(units: Sequence[_Unit]) -> _Unit:
    counter: Counter[str] = Counter()
    for unit in units:
        counter.update(unit.anchors)
    return _Unit.of(sum(u.length for u in units), counter)


def _confidence(cost: float) -> float:
    return 1.0 / (1.0 + math.exp(cost - CONFIDENCE_MIDPOINT))


def align_sentences(
    source: Sequence[Sentence],
    target: Sequence[Sentence],
    *,
    source_terms: Callable[[str], Iterable[str]] | None = None,
    target_terms: Callable[[str], Iterable[str]] | None = None,
) -> list[Bead]:
    """Beads over both sentence lists, paragraphs first, in document order."""
    src = [_Unit.of(len(s.text), anchors(s.text, source_terms)) for s in source]
    tgt = [_Unit.of(len(s.text), anchors(s.text, target_terms)) for s in target]
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
) -> Alignment:
    """Segment both texts (or take one sentence per line) and align them."""
    source = sentences_of(source_text, source_lang, presplit=presplit)
    target = sentences_of(target_text, target_lang, presplit=presplit)
    beads = align_sentences(source, target, source_terms=source_terms, target_terms=target_terms)
    return Alignment(source_lang, target_lang, tuple(source), tuple(target), tuple(beads))


# Term pairs ----------------------------------------------------------------------------

#: Longest term, in words, looked for in a sentence.
LONGEST_TERM = 8
#: Renderings proposed per source term.
RENDERINGS = 3
#: Added to the Dice score of a rendering whose words sound like the term's
#: (transliteration-insensitive, as name anchors: France/Франция).
SOUND_BONUS = 0.5


#: Taken off the Dice score per word a rendering is longer or shorter than the term.
LENGTH_PENALTY = 0.25


def _inside(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    n = len(part)
    return n < len(whole) and any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


def _sounds_alike(term: str, rendering: str) -> bool:
    """Same number of words, each pair with the same transliterated first letters."""
    left, right = term.split(), rendering.split()
    return len(left) == len(right) and all(
        len(a) > NAME_PREFIX and _latin(a)[:NAME_PREFIX] == _latin(b)[:NAME_PREFIX]
        for a, b in zip(left, right, strict=True)
    )


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


def _grams(keys: Sequence[str]) -> set[tuple[str, ...]]:
    return {
        tuple(keys[i : i + n]) for n in range(1, LONGEST_TERM + 1) for i in range(len(keys) - n + 1)
    }


def term_pairs(  # noqa: C901 - both sides' candidates gathered, then every pair scored over one alignment
    alignment: Alignment,
    *,
    source_name: str = "source",
    target_name: str = "target",
    source_terms: Sequence[str] | None = None,
) -> list[TermPair]:
    """For each source term (the extractor's candidates, or ``source_terms``), its
    renderings among the target side's extractor candidates, ranked by the Dice
    coefficient of their occurrence over the aligned pairs; evidence is the pairs'
    ``document:line`` on both sides. Russian renderings are the extractor's dictionary
    forms (nominative, agreement kept)."""
    from glossary.extract.extractor import Extractor
    from glossary.text.normalize import default_normalizer

    normalizer = default_normalizer()
    pairs = alignment.pairs
    source_texts, target_texts = zip(*(alignment.text(b) for b in pairs), strict=True) or ((), ())
    source_grams = [_grams(normalizer.key(t)) for t in source_texts]
    target_grams = [_grams(normalizer.key(t)) for t in target_texts]

    def extracted(lang: Lang, sentences: tuple[Sentence, ...]) -> list[tuple[str, tuple[str, ...]]]:
        extractor = Extractor(lang, normalizer)
        extractor.add("\n".join(s.text for s in sentences), "text")
        return [(c.term, c.key) for c in extractor.candidates()]

    if source_terms is None:
        wanted = extracted(alignment.source_lang, alignment.source)
    else:
        wanted = [(term, normalizer.key(term)) for term in source_terms]
    offered = extracted(alignment.target_lang, alignment.target)
    known = {key for _, key in offered}
    for sentence in alignment.target:  # single words too, in dictionary form
        for token in normalizer.tokens(sentence.text):
            word_key = (token.key,)
            if (
                token.key.isalpha()
                and len(token.key) > _MAX_FUNCTION_WORD
                and word_key not in known
            ):
                known.add(word_key)
                offered.append((token.key, word_key))
    where: dict[tuple[str, ...], set[int]] = {}
    for _, key in offered:
        where[key] = {i for i, grams in enumerate(target_grams) if key in grams}
    result = []
    for term, key in wanted:
        found = {i for i, grams in enumerate(source_grams) if key in grams}
        if not found:
            result.append(TermPair(term, 0, ()))
            continue
        ranked: list[tuple[Rendering, tuple[str, ...]]] = []
        for rendering, target_key in offered:
            both = found & where[target_key]
            if not both:
                continue
            dice = 2 * len(both) / (len(found) + len(where[target_key]))
            dice -= LENGTH_PENALTY * abs(len(target_key) - len(key))
            if _sounds_alike(term, rendering):
                dice += SOUND_BONUS
            evidence = tuple(
                (
                    f"{source_name}:{alignment.source[pairs[i].source[0]].line}",
                    f"{target_name}:{alignment.target[pairs[i].target[0]].line}",
                )
                for i in sorted(both)
            )
            ranked.append((Rendering(rendering, round(dice, 3), len(both), evidence), target_key))
        ranked.sort(key=lambda r: (-r[0].score, -r[0].pairs))
        kept: list[tuple[Rendering, tuple[str, ...]]] = []
        for proposal, proposal_key in ranked:
            # A part of a rendering already proposed is no rendering of its own.
            if not any(_inside(proposal_key, other) for _, other in kept):
                kept.append((proposal, proposal_key))
        result.append(TermPair(term, len(found), tuple(r for r, _ in kept[:RENDERINGS])))
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
    best_for: dict[str, tuple[float, str]] = {}
    for pair in pairs:
        if pair.renderings:
            top = pair.renderings[0]
            if top.score > best_for.get(top.term, (-1.0, ""))[0]:
                best_for[top.term] = (top.score, pair.source)
    for pair in pairs:
        if not pair.renderings:
            continue
        best = pair.renderings[0]
        if best.score < MERGE_SCORE or best_for[best.term][1] != pair.source:
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
