"""Russian noun phrases: the head noun, the modifiers that agree with it, its readings.

Only the head noun and the adjectives/participles before it that agree with it
change when a phrase is inflected; adverbs before a participle («юридически») and
the dependents after the head (genitives, prepositional groups) stay as written.
pymorphy3 often cannot tell a form's case on its own («зоны»: genitive singular or
nominative/accusative plural), so the analysis keeps every reading of the agreeing
group, as paired (case, number) readings: deciding whether a replacement is safe
needs the pairs, choosing a dictionary number needs only the numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from glossary.text.ru.grammar import AGREEING_POS, PREPOSITION_CASES, case_of

if TYPE_CHECKING:
    from glossary.text.morph_ru import RussianMorphology

__all__ = ["PhraseAnalysis", "analyse_phrase", "head_readings", "shared_morph", "split_words"]

_WORD_RE = re.compile(r"\S+")
#: Words of a replaced span: Cyrillic words (hyphenated compounds whole), then anything else.
_SPAN_TOKEN = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*|\S+")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
#: A noun reading this much less likely than the word's best reading is a guess of the
#: suffix predictor (деэскалировать as a feminine noun), not a head.
UNLIKELY_NOUN = 0.01
#: Added to a modifier's score when weighing readings, so a zero score does not erase one.
SCORE_FLOOR = 0.01

Reading = tuple[str, str]


@dataclass(frozen=True, slots=True)
class PhraseAnalysis:
    """The grammatical skeleton of a phrase.

    ``head`` is the index of the head noun (``-1`` when the phrase has none);
    ``modifiers`` are the indices of the words before it that agree with it;
    ``readings`` the (case, number) pairs the agreeing group can be read as,
    ``cases`` and ``numbers`` the same unpaired, and ``case``/``number`` the most
    likely reading.
    """

    words: tuple[str, ...]
    head: int
    modifiers: tuple[int, ...]
    cases: frozenset[str]
    numbers: frozenset[str]
    case: str
    number: str
    #: The chosen pymorphy3 parse of each inflectable word (head and modifiers), by index.
    parses: tuple[tuple[int, Any], ...] = ()
    readings: frozenset[Reading] = frozenset()

    @property
    def dependents(self) -> tuple[int, ...]:
        """Indices after the head: they keep their form whatever the phrase's case."""
        return tuple(range(self.head + 1, len(self.words))) if self.head >= 0 else ()

    @property
    def head_parse(self) -> Any:
        """The chosen pymorphy3 parse of the head (None without a head)."""
        return dict(self.parses).get(self.head)


def split_words(phrase: str) -> list[str]:
    """Words of a phrase as written (hyphenated compounds stay one word)."""
    return _WORD_RE.findall(phrase)


def shared_morph(morph: RussianMorphology | None = None) -> RussianMorphology:
    """``morph``, or the process-wide analyser (loaded on first use: 0.25 s)."""
    if morph is not None:
        return morph
    from glossary.text.morph_ru import RussianMorphology

    return RussianMorphology.shared()


def _features(parse: Any) -> tuple[str, str, str | None]:
    """(case, number, gender) of a parse; gender only matters in the singular."""
    number = str(parse.tag.number or "sing")
    gender = str(parse.tag.gender) if number == "sing" and parse.tag.gender else None
    return str(case_of(parse.tag)), number, gender


def _is_noun(parse: Any) -> bool:
    # An abbreviated adjective («тур» for «турецкий») is no noun: «второй тур» is masculine.
    return "NOUN" in parse.tag or ("Abbr" in parse.tag and parse.tag.POS not in AGREEING_POS)


def _agrees(noun: tuple[str, str, str | None], modifier: tuple[str, str, str | None]) -> bool:
    if noun[0] != modifier[0] or noun[1] != modifier[1]:
        return False
    # Common-gender nouns (ms-f) and indeclinables carry no gender to clash with.
    return noun[2] is None or modifier[2] is None or noun[2] == modifier[2]


def _noun_parses(word_parses: tuple[Any, ...]) -> list[Any]:
    nouns = [p for p in word_parses if _is_noun(p)]
    best = max((float(p.score) for p in word_parses), default=0.0)
    if (
        nouns
        and not _is_noun(word_parses[0])
        and max(float(p.score) for p in nouns) < best * UNLIKELY_NOUN
    ):
        return []
    return nouns


#: A part of speech whose readings together weigh less than this share of the word's
#: likeliest part of speech is not considered.
UNLIKELY_READING = 0.3


def likely_adjective(parses: Sequence[Any]) -> bool:
    """Whether the adjective and participle readings of a word, together, weigh at least
    :data:`UNLIKELY_READING` of its likeliest part of speech: «главой» (a noun; the
    adjective «главый» 8 %) is none, «боевой» (an adjective in many cases) is one. The
    readings of one part of speech are summed, as pymorphy3 splits an adjective's score
    between its many homonymous forms."""
    weights: dict[str, float] = {}
    for p in parses:
        pos = "ADJ" if p.tag.POS in AGREEING_POS else str(p.tag.POS)
        weights[pos] = weights.get(pos, 0.0) + float(p.score)
    return bool(weights) and weights.get("ADJ", 0.0) >= UNLIKELY_READING * max(weights.values())


def analyse_phrase(words: Sequence[str], morph: RussianMorphology | None = None) -> PhraseAnalysis:
    """Find the head noun of ``words`` and the modifiers before it that agree with it.

    The head is the first word that can be a noun (or an acronym) such that every
    adjective or participle before it agrees with it in case, number and gender.
    """
    morph = shared_morph(morph)
    words = tuple(words)
    parses = [morph.parses(w) for w in words]
    for index, word_parses in enumerate(parses):
        nouns = _noun_parses(word_parses)
        if not nouns:
            continue
        if index + 1 < len(words) and _modifies_next(word_parses, parses[index + 1]):
            continue  # "военных инцидентов": an adjective here, though also a noun
        result = _try_head(words, parses, index, nouns)
        if result is not None:
            return result
        # A noun that nothing before it agrees with: the phrase has no clean head here.
    return PhraseAnalysis(words, -1, (), frozenset(), frozenset(), "", "")


def _modifies_next(word_parses: tuple[Any, ...], next_parses: tuple[Any, ...]) -> bool:
    # An abbreviation reading («тур» for «турецкий») is no modifier of a spelled-out word.
    # Nor is a reading far less likely than the word's best («главой» of «главый»).
    if not likely_adjective(word_parses):
        return False
    adjectives = [
        _features(p) for p in word_parses if p.tag.POS in AGREEING_POS and "Abbr" not in p.tag
    ]
    if not adjectives:
        return False
    nouns = [_features(p) for p in next_parses if _is_noun(p)]
    return any(_agrees(n, a) for n in nouns for a in adjectives)


def _try_head(
    words: tuple[str, ...], parses: list[tuple[Any, ...]], head: int, nouns: list[Any]
) -> PhraseAnalysis | None:
    modifiers = []
    for index in range(head):
        word_parses = parses[index]
        if any(p.tag.POS in AGREEING_POS for p in word_parses):
            modifiers.append(index)
        elif any(p.tag.POS in ("ADVB", "PRCL") for p in word_parses) or not word_parses:
            continue  # "юридически обязывающие": the adverb modifies the participle
        else:
            return None
    # Readings of the group: head parses whose features every modifier can share.
    readings: list[tuple[float, Any, list[Any]]] = []
    for noun in nouns:
        features = _features(noun)
        chosen = []
        weight = float(noun.score)
        for index in modifiers:
            match = [
                p
                for p in parses[index]
                if p.tag.POS in AGREEING_POS and _agrees(features, _features(p))
            ]
            if not match:
                break
            best = max(match, key=lambda p: p.score)
            chosen.append(best)
            weight *= float(best.score) + SCORE_FLOOR
        else:
            readings.append((weight, noun, chosen))
    if not readings:
        return None
    readings.sort(key=lambda r: -r[0])
    _, noun, chosen = readings[0]
    case, number, _ = _features(noun)
    pairs = frozenset(_features(r[1])[:2] for r in readings)
    return PhraseAnalysis(
        words=words,
        head=head,
        modifiers=tuple(modifiers),
        cases=frozenset(c for c, _ in pairs),
        numbers=frozenset(n for _, n in pairs),
        case=case,
        number=number,
        parses=((head, noun), *zip(modifiers, chosen, strict=True)),
        readings=pairs,
    )


def _agreeing_readings(word: str, morph: RussianMorphology) -> set[Reading]:
    return {
        (c, str(p.tag.number))
        for p in morph.parses(word.lower())
        if p.tag.POS in AGREEING_POS and (c := case_of(p.tag)) and p.tag.number
    }


def head_readings(text: str, preposition: str = "") -> frozenset[Reading] | None:
    """Possible (case, number) readings of the head of ``text``, or None without a head.

    The readings are the analysis's, narrowed by the word before the phrase
    (``preposition``): a governing preposition, or an adjective or pronoun that
    agrees with the head («каждую область»). A phrase with no noun («юридически
    обязывающих») is read through its adjectives and participles.
    """
    morph = shared_morph()
    words = [t for t in _SPAN_TOKEN.findall(text) if _CYRILLIC.fullmatch(t)]
    analysis = analyse_phrase([w.lower() for w in words], morph)
    if analysis.head >= 0:
        readings = set(analysis.readings)
    else:
        groups = [r for w in words if (r := _agreeing_readings(w, morph))]
        if not groups:
            return None
        readings = groups[-1]
        for group in groups[:-1]:
            readings &= group
    previous = preposition.lower().replace("ё", "е")
    cases = PREPOSITION_CASES.get(previous)
    if cases is not None:
        readings = {(c, n) for c, n in readings if c in cases}
    elif previous and _CYRILLIC.fullmatch(previous):
        context = _agreeing_readings(previous, morph)
        if context and readings & context:
            readings &= context
    return frozenset(readings) or None
