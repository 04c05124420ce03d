"""Russian noun phrases: find the head noun and its agreeing modifiers, then inflect.

A glossary lists Russian terms in nominative dictionary form with agreement kept
("Постоянного совета ОБСЕ" → "Постоянный совет ОБСЕ", "гарантиям безопасности"
→ "гарантии безопасности"). Only the head noun and the adjectives/participles
that agree with it change; adverbs before a participle ("юридически") and the
dependents after the head (genitives, prepositional groups) stay as written.
The same analysis inflects a glossary term into the case of the words it
replaces when a draft is corrected, so it is a small public API:
:func:`analyse_phrase`, :func:`inflect_phrase` and :func:`dictionary_form`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from glossary.text.morph_ru import RussianMorphology

__all__ = [
    "CASES",
    "PhraseAnalysis",
    "analyse_phrase",
    "dictionary_form",
    "inflect_phrase",
    "split_words",
]

#: pymorphy3 case grammemes, in school order (nominative ... prepositional).
CASES: tuple[str, ...] = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_CASE_ALIASES = {"gen2": "gent", "acc2": "accs", "loc2": "loct", "voct": "nomn"}
_MODIFIER_POS = frozenset({"ADJF", "PRTF", "NUMR"})
_WORD_RE = re.compile(r"\S+")
_CONJUNCTIONS = frozenset({"и", "или"})


@dataclass(frozen=True, slots=True)
class PhraseAnalysis:
    """The grammatical skeleton of a phrase.

    ``head`` is the index of the head noun (``-1`` when the phrase has none);
    ``modifiers`` are the indices of the words before it that agree with it;
    ``cases`` and ``numbers`` are what the agreeing group can be read as, and
    ``case``/``number`` the most likely reading.
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

    @property
    def dependents(self) -> tuple[int, ...]:
        """Indices after the head: they keep their form whatever the phrase's case."""
        return tuple(range(self.head + 1, len(self.words))) if self.head >= 0 else ()


def split_words(phrase: str) -> list[str]:
    """Words of a phrase as written (hyphenated compounds stay one word)."""
    return _WORD_RE.findall(phrase)


def _morph(morph: RussianMorphology | None) -> RussianMorphology:
    if morph is not None:
        return morph
    from glossary.text.morph_ru import RussianMorphology

    return RussianMorphology.shared()


def _case(tag: Any) -> str:
    case = str(tag.case)
    return _CASE_ALIASES.get(case, case)


def _features(parse: Any) -> tuple[str, str, str | None]:
    """(case, number, gender) of a parse; gender only matters in the singular."""
    number = str(parse.tag.number or "sing")
    gender = str(parse.tag.gender) if number == "sing" and parse.tag.gender else None
    return _case(parse.tag), number, gender


def _is_noun(parse: Any) -> bool:
    return "NOUN" in parse.tag or "Abbr" in parse.tag


def _agrees(noun: tuple[str, str, str | None], modifier: tuple[str, str, str | None]) -> bool:
    if noun[0] != modifier[0] or noun[1] != modifier[1]:
        return False
    # Common-gender nouns (ms-f) and indeclinables carry no gender to clash with.
    return noun[2] is None or modifier[2] is None or noun[2] == modifier[2]


def analyse_phrase(words: Sequence[str], morph: RussianMorphology | None = None) -> PhraseAnalysis:
    """Find the head noun of ``words`` and the modifiers before it that agree with it.

    The head is the first word that can be a noun (or an acronym) such that every
    adjective or participle before it agrees with it in case, number and gender.
    """
    morph = _morph(morph)
    words = tuple(words)
    parses = [morph.parses(w) for w in words]
    for index, word_parses in enumerate(parses):
        nouns = [p for p in word_parses if _is_noun(p)]
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
    adjectives = [_features(p) for p in word_parses if p.tag.POS in _MODIFIER_POS]
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
        if any(p.tag.POS in _MODIFIER_POS for p in word_parses):
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
                if p.tag.POS in _MODIFIER_POS and _agrees(features, _features(p))
            ]
            if not match:
                break
            best = max(match, key=lambda p: p.score)
            chosen.append(best)
            weight *= float(best.score) + 0.01
        else:
            readings.append((weight, noun, chosen))
    if not readings:
        return None
    readings.sort(key=lambda r: -r[0])
    _, noun, chosen = readings[0]
    case, number, _ = _features(noun)
    return PhraseAnalysis(
        words=words,
        head=head,
        modifiers=tuple(modifiers),
        cases=frozenset(_features(r[1])[0] for r in readings),
        numbers=frozenset(_features(r[1])[1] for r in readings),
        case=case,
        number=number,
        parses=((head, noun), *zip(modifiers, chosen, strict=True)),
    )


def _restore_case(original: str, word: str) -> str:
    """Keep the writer's capitals: "Постоянного" → "Постоянный", "ОБСЕ" stays."""
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def inflect_phrase(
    phrase: str | Sequence[str],
    case: str,
    number: str | None = None,
    morph: RussianMorphology | None = None,
) -> str:
    """``phrase`` with its head and agreeing modifiers put into ``case`` (and ``number``).

    ``number`` ``None`` keeps the phrase's own number. Words that cannot be
    inflected (indeclinables, unknown words, a phrase without a head) stay as written.
    """
    if case not in CASES:
        raise ValueError(f"unknown case {case!r} (expected one of {', '.join(CASES)})")
    if number not in (None, "sing", "plur"):
        raise ValueError(f"unknown number {number!r} (expected sing or plur)")
    words = split_words(phrase) if isinstance(phrase, str) else list(phrase)
    return " ".join(_inflect_words(words, case, number, morph))


def _inflect_words(
    words: list[str], case: str, number: str | None, morph: RussianMorphology | None
) -> list[str]:
    analysis = analyse_phrase(words, morph)
    if analysis.head < 0:
        return words
    conjunction = analysis.head + 1
    if conjunction < len(words) - 1 and words[conjunction].lower() in _CONJUNCTIONS:
        # "союзников и партнёров": each conjunct is a phrase of its own.
        right = _inflect_words(words[conjunction + 1 :], case, number, morph)
        left = _inflected(analyse_phrase(words[:conjunction], morph), case, number)
        return [*left, words[conjunction], *right]
    return _inflected(analysis, case, number)


def _inflected(analysis: PhraseAnalysis, case: str, number: str | None) -> list[str]:
    words = list(analysis.words)
    head_parse = dict(analysis.parses)[analysis.head]
    if number is None or "Pltm" in head_parse.tag or "Sgtm" in head_parse.tag:
        number = analysis.number
    noun_form = _inflect_word(head_parse, {case, number}, analysis.words[analysis.head])
    gender = str(head_parse.tag.gender) if head_parse.tag.gender else None
    if noun_form is not None:
        words[analysis.head] = _restore_case(analysis.words[analysis.head], noun_form.word)
        if noun_form.tag.gender:
            gender = str(noun_form.tag.gender)
    animacy = "anim" if "anim" in head_parse.tag else "inan"
    for index, parse in analysis.parses:
        if index == analysis.head:
            continue
        grammemes = {case, number}
        if number == "sing" and gender in ("masc", "femn", "neut"):
            grammemes.add(gender)
        if (
            case == "accs"
            and parse.tag.POS in ("ADJF", "PRTF")
            and (number == "plur" or gender == "masc")
        ):
            # Accusative adjectives follow the animacy of their noun (видим союзников).
            grammemes.add(animacy)
        form = _inflect_word(parse, grammemes, analysis.words[index])
        if form is not None:
            words[index] = _restore_case(analysis.words[index], form.word)
    return words


def _inflect_word(parse: Any, grammemes: set[str], original: str) -> Any | None:
    if "Fixd" in parse.tag:
        return None
    if "Supr" in parse.tag or "Cmp2" in parse.tag:
        # pymorphy3 puts высший and высочайший in one lexeme: keep the writer's stem.
        forms = [f for f in parse.lexeme if grammemes <= f.tag.grammemes and f.tag.POS == "ADJF"]
        if forms:
            return max(forms, key=lambda f: _common_prefix(f.word, original.lower()))
    form = parse.inflect(grammemes)
    if form is None and "anim" in grammemes:
        form = parse.inflect(grammemes - {"anim"})
    if form is None and "inan" in grammemes:
        form = parse.inflect(grammemes - {"inan"})
    return form


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def dictionary_form(
    phrase: str | Sequence[str],
    number: str | None = None,
    morph: RussianMorphology | None = None,
) -> str:
    """The nominative dictionary form a glossary lists, with agreement kept.

    ``number`` forces singular or plural; ``None`` keeps the phrase's number as
    read from its most likely analysis (pluralia tantum stay plural).
    """
    return inflect_phrase(phrase, "nomn", number, morph)


def numbers_seen(
    phrases: Iterable[Sequence[str]], morph: RussianMorphology | None = None
) -> set[str]:
    """Numbers that are certain in at least one of ``phrases`` (for choosing sg or pl)."""
    seen: set[str] = set()
    for words in phrases:
        analysis = analyse_phrase(words, morph)
        if len(analysis.numbers) == 1:
            seen |= analysis.numbers
    return seen
