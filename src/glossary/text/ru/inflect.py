"""The one Russian inflection: a phrase put into a case and number, agreement kept.

Extraction lists a term in its nominative dictionary form («Постоянного совета
ОБСЕ» → «Постоянный совет ОБСЕ»), enforcement puts an approved term into the case
of the words it replaces («зоны интереса» → «сферы влияния»), and the tests
generate every case of every term. All three go through :func:`inflect`: the head
and the modifiers agreeing with it take the form; dependents after the head stay
as written, except names in apposition, which decline with a name head («Сергей
Лавров» → «Сергеем Лавровым»); a conjunction starts a second phrase («союзники и
партнёры»); acronyms and indeclinables keep their form; a phrase of adjectives
alone («юридически обязывающий») inflects as a group. Pluralia and singularia
tantum keep their own number. Capitals and the writer's е/ё are kept.

:func:`inflect` refuses (None) rather than guess; :func:`dictionary_form` keeps
what it cannot inflect as written, since a candidate must have some form.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from glossary.text.normalize import is_acronym
from glossary.text.ru.grammar import (
    AGREEING_POS,
    CASE_ALIASES,
    CASES,
    CONJUNCTIONS,
    NAME_GRAMMEMES,
    NUMBERS,
)
from glossary.text.ru.phrase import PhraseAnalysis, analyse_phrase, head_readings, shared_morph
from glossary.text.ru.phrase import split_words as split_words

if TYPE_CHECKING:
    from glossary.text.morph_ru import RussianMorphology

__all__ = ["dictionary_form", "inflect", "inflect_like", "name_form"]

#: Marks a word that could not take the requested form.
_FAILED = None
_GENDERS = frozenset({"masc", "femn", "neut"})


def inflect(
    phrase: str | Sequence[str],
    case: str,
    number: str | None = None,
    morph: RussianMorphology | None = None,
) -> str | None:
    """``phrase`` with its head and agreeing modifiers in ``case`` (and ``number``).

    ``number`` ``None`` keeps the phrase's own number. None when the phrase has no
    head (a verb phrase, an adverb) or a word that must change cannot take the form.
    """
    words = _checked(phrase, case, number)
    if not words:
        return None
    result = _inflect_words(words, case, number, shared_morph(morph), strict=True)
    if result is None or any(w is _FAILED for w in result):
        return None
    return " ".join(w for w in result if w is not None)


def dictionary_form(
    phrase: str | Sequence[str],
    number: str | None = None,
    morph: RussianMorphology | None = None,
) -> str:
    """The nominative dictionary form a glossary lists, with agreement kept.

    ``number`` forces singular or plural; ``None`` keeps the phrase's number as
    read from its most likely analysis (pluralia tantum stay plural). Words that
    cannot be inflected, and a phrase without a head, stay as written.
    """
    words = _checked(phrase, "nomn", number)
    result = _inflect_words(words, "nomn", number, shared_morph(morph), strict=False)
    if result is None:
        return " ".join(words)
    return " ".join(w if w is not None else o for w, o in zip(result, words, strict=True))


def name_form(words: Sequence[str], morph: RussianMorphology | None = None) -> str:
    """A person's name in the nominative («Наото Кана» → «Наото Кан», «Виктории
    Нуланд» → «Виктория Нуланд», «Климкина» → «Климкин»).

    The words of a name share one case: the case read is one every word allows
    (an indeclinable word allows all), taking readings as names (Name, Surn, Patr)
    before other nouns, and the nominative when it is possible; each word is then
    put into the nominative singular from its reading in that case. A word with no
    reading in that case, or an indeclinable one, stays as written.
    """
    analyser = shared_morph(morph)
    readings = [_name_readings(word, analyser) for word in words]
    cases = [{_case(p) for p in parses} for parses in readings if parses]
    shared = set.intersection(*cases) if cases else set()
    if not shared or "nomn" in shared:
        return " ".join(words)
    case = min(shared, key=CASES.index)  # genitive before accusative, as more common
    result = []
    for word, parses in zip(words, readings, strict=True):
        # A word read by its endings alone follows the case the others settled.
        guesses = parses or _nouns(word, analyser)
        parse = next((p for p in guesses if _case(p) == case), None)
        form = None if parse is None or "Fixd" in parse.tag else _safe_inflect(parse, {"nomn"})
        result.append(word if form is None else _restore_case(word, form.word))
    return " ".join(result)


def _case(parse: Any) -> str:
    case = str(parse.tag.case)
    return CASE_ALIASES.get(case, case)


def _name_readings(word: str, morph: RussianMorphology) -> list[Any]:
    """Singular noun readings of ``word``, its readings as a name when it has any.
    An indeclinable word gives none (it allows every case), and so does a word the
    dictionary lacks that has no reading as a name: its endings are only a guess
    («Раттке» is no dative of «Ратка»)."""
    nouns = _nouns(word, morph)
    named = [p for p in nouns if NAME_GRAMMEMES & p.tag.grammemes]
    if named or (nouns and nouns[0].is_known):
        return named or nouns
    return []


def _nouns(word: str, morph: RussianMorphology) -> list[Any]:
    parses = morph.parses(word.lower())
    if parses and not parses[0].is_known and word.lower().endswith(_INDECLINABLE_ENDINGS):
        return []  # a borrowed name ending so does not decline: «Хироси», «Наото»
    return [
        p for p in parses if p.tag.POS == "NOUN" and p.tag.number != "plur" and "Fixd" not in p.tag
    ]


#: Endings of borrowed names that do not decline (no Russian noun has them as a case
#: ending of a consonant stem).
_INDECLINABLE_ENDINGS = ("и", "о", "э")


def inflect_like(term: str, replaced: str, preposition: str = "") -> str | None:
    """``term`` in the case and number of ``replaced``, or None when that is not certain.

    Every reading of the replaced words' head is tried; the result stands only when
    all readings agree on one form of the term.
    """
    readings = head_readings(replaced, preposition)
    if not readings:
        return None
    forms = {inflect(term, case, number) for case, number in readings}
    if len(forms) != 1:
        return None
    return forms.pop()


def _checked(phrase: str | Sequence[str], case: str, number: str | None) -> list[str]:
    if case not in CASES:
        raise ValueError(f"unknown case {case!r} (expected one of {', '.join(CASES)})")
    if number is not None and number not in NUMBERS:
        raise ValueError(f"unknown number {number!r} (expected sing or plur)")
    return split_words(phrase) if isinstance(phrase, str) else list(phrase)


def _inflect_words(
    words: list[str], case: str, number: str | None, morph: RussianMorphology, *, strict: bool
) -> list[str | None] | None:
    """The words inflected (None for a word that failed), or None for no head at all."""
    analysis = analyse_phrase(words, morph)
    if analysis.head < 0 and is_acronym(words[0]):
        return list(words)  # an acronym pymorphy3 does not know (СРН) does not decline
    if analysis.head < 0:
        return _inflect_adjectives(words, case, number, morph) if strict else None
    conjunction = analysis.head + 1
    if conjunction < len(words) - 1 and words[conjunction].lower() in CONJUNCTIONS:
        # "союзников и партнёров": each conjunct is a phrase of its own.
        right = _inflect_words(words[conjunction + 1 :], case, number, morph, strict=strict)
        if right is None:
            right = list(words[conjunction + 1 :]) if not strict else [_FAILED]
        left = _inflected(analyse_phrase(words[:conjunction], morph), case, number, morph)
        return [*left, words[conjunction], *right]
    return _inflected(analysis, case, number, morph)


def _inflected(
    analysis: PhraseAnalysis, case: str, number: str | None, morph: RussianMorphology
) -> list[str | None]:
    words: list[str | None] = list(analysis.words)
    head_parse = analysis.head_parse
    if number is None or {"Pltm", "Sgtm"} & head_parse.tag.grammemes:
        number = analysis.number
    gender = _inflect_head(analysis, words, case, number)
    animacy = "anim" if "anim" in head_parse.tag else "inan"
    for index, parse in analysis.parses:
        if index == analysis.head or is_acronym(analysis.words[index]):
            continue
        grammemes = _agreement(parse, case, number, gender, animacy)
        _put(words, index, _inflect_word(parse, grammemes, analysis.words[index]))
    if NAME_GRAMMEMES & head_parse.tag.grammemes:
        _decline_apposition(analysis, words, case, number, morph)
    return words


def _inflect_head(
    analysis: PhraseAnalysis, words: list[str | None], case: str, number: str
) -> str | None:
    """Put the head into ``words``; returns the gender its modifiers agree with."""
    head_parse = analysis.head_parse
    gender = str(head_parse.tag.gender) if head_parse.tag.gender else None
    if is_acronym(analysis.words[analysis.head]):
        return gender
    form = _inflect_word(head_parse, {case, number}, analysis.words[analysis.head])
    _put(words, analysis.head, form)
    if form is not None and form is not _UNCHANGED and form.tag.gender:
        gender = str(form.tag.gender)
    return gender


def _agreement(parse: Any, case: str, number: str, gender: str | None, animacy: str) -> set[str]:
    """The grammemes a modifier takes to agree with its head."""
    grammemes = {case, number}
    if number == "sing" and gender in _GENDERS:
        grammemes.add(gender)
    if (
        case == "accs"
        and parse.tag.POS in ("ADJF", "PRTF")
        and (number == "plur" or gender == "masc")
    ):
        # Accusative adjectives follow the animacy of their noun (видим союзников).
        grammemes.add(animacy)
    return grammemes


def _put(words: list[str | None], index: int, form: Any | None) -> None:
    """Write an inflected form over the written word (None: the word failed)."""
    if form is None:
        words[index] = _FAILED
    elif form is not _UNCHANGED:
        original = words[index]
        assert original is not None
        words[index] = _restore_case(original, form.word)


def _decline_apposition(
    analysis: PhraseAnalysis,
    words: list[str | None],
    case: str,
    number: str,
    morph: RussianMorphology,
) -> None:
    """Names after a name head decline with it («Сергея Лаврова» → «Сергей Лавров»)."""
    for index in range(analysis.head + 1, len(analysis.words)):
        original = analysis.words[index]
        apposed = [
            p
            for p in morph.parses(original.lower())
            if p.tag.POS == "NOUN"
            and p.tag.case == analysis.case
            and NAME_GRAMMEMES & p.tag.grammemes
        ]
        if not apposed:
            return
        form = _safe_inflect(apposed[0], {case, number})
        words[index] = _FAILED if form is None else _restore_case(original, form.word)


def _inflect_adjectives(
    words: list[str], case: str, number: str | None, morph: RussianMorphology
) -> list[str | None] | None:
    """A phrase of adjectives and participles alone, each put into case and number."""
    result: list[str | None] = list(words)
    changed = False
    for index, word in enumerate(words):
        parses = [p for p in morph.parses(word.lower()) if p.tag.POS in AGREEING_POS]
        if not parses or is_acronym(word):
            continue
        own = number or str(parses[0].tag.number or "sing")
        grammemes = {case, own}
        if own == "sing" and parses[0].tag.gender:
            grammemes.add(str(parses[0].tag.gender))
        form = None
        if case == "accs":
            form = _safe_inflect(parses[0], grammemes | {"inan"})
        form = form or _safe_inflect(parses[0], grammemes)
        result[index] = _FAILED if form is None else _restore_case(word, form.word)
        changed = True
    return result if changed else None


class _Unchanged:
    """Sentinel: the word keeps its written form (indeclinable)."""


_UNCHANGED: Any = _Unchanged()


def _inflect_word(parse: Any, grammemes: set[str], original: str) -> Any | None:
    if "Fixd" in parse.tag:
        return _UNCHANGED
    if "Supr" in parse.tag or "Cmp2" in parse.tag:
        # pymorphy3 puts высший and высочайший in one lexeme: keep the writer's stem.
        forms = [f for f in parse.lexeme if grammemes <= f.tag.grammemes and f.tag.POS == "ADJF"]
        if forms:
            return max(forms, key=lambda f: _common_prefix(f.word, original.lower()))
    form = _safe_inflect(parse, grammemes)
    if form is None and "anim" in grammemes:
        form = _safe_inflect(parse, grammemes - {"anim"})
    if form is None and "inan" in grammemes:
        form = _safe_inflect(parse, grammemes - {"inan"})
    return form


def _safe_inflect(parse: Any, grammemes: set[str]) -> Any | None:
    try:
        return parse.inflect(grammemes)
    except ValueError:  # a few predicted paradigms cannot be expanded
        return None


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _restore_case(original: str, word: str) -> str:
    """Keep the writer's capitals and е/ё: «Постоянного» → «Постоянный», «ОБСЕ» stays.

    A ё pymorphy3 writes where the writer wrote е (партнеры → партнерам) becomes е;
    a ё in an ending the writer never wrote stays (секретарь → секретарём).
    """
    lower = original.lower()
    word = "".join(
        "е" if c == "ё" and i < len(lower) and lower[i] == "е" else c for i, c in enumerate(word)
    )
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
