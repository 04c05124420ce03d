"""Inflecting a Russian term to the grammatical form of the words it replaces.

Glossary enforcement swaps a wrong rendering in a machine draft («зоны интереса»)
for the approved term («сфера влияния»); the replacement must take the replaced
words' case and number («сферы влияния»). The term's *head* (its first noun) and the
adjectives and participles agreeing with it before it are inflected; everything after
the head (genitive dependents, prepositional phrases) is left as written.

pymorphy3 often cannot tell a form's case on its own («зоны»: genitive singular or
nominative/accusative plural). Rather than guess, every reading of the replaced head
is tried (narrowed by a governing preposition when the caller gives one); the answer
is accepted only when every reading yields the same replacement. Otherwise, or when a
word cannot be inflected, the result is ``None`` and the caller flags the draft for a
reviewer instead of correcting it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from glossary.text.morph_ru import RussianMorphology
from glossary.text.normalize import is_acronym

__all__ = ["PREPOSITION_CASES", "head_forms", "inflect_like", "inflect_term"]

_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*|\S+")
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_CASE_ALIASES = {"gen2": "gent", "loc2": "loct", "acc2": "accs", "voct": "nomn"}
_AGREEING = frozenset({"ADJF", "PRTF", "NUMR"})

#: Cases a preposition governs; narrows the readings of the word after it.
PREPOSITION_CASES: dict[str, frozenset[str]] = {
    p: frozenset(cases)
    for p, cases in {
        "в": ("accs", "loct"), "во": ("accs", "loct"), "на": ("accs", "loct"),
        "о": ("loct",), "об": ("loct",), "обо": ("loct",), "при": ("loct",),
        "по": ("datv", "accs", "loct"), "к": ("datv",), "ко": ("datv",),
        "благодаря": ("datv",), "согласно": ("datv",), "вопреки": ("datv",),
        "с": ("gent", "ablt", "accs"), "со": ("gent", "ablt", "accs"),
        "за": ("accs", "ablt"), "под": ("accs", "ablt"), "над": ("ablt",),
        "перед": ("ablt",), "между": ("ablt",), "через": ("accs",), "про": ("accs",),
        "сквозь": ("accs",), "от": ("gent",), "из": ("gent",), "до": ("gent",),
        "для": ("gent",), "без": ("gent",), "у": ("gent",), "после": ("gent",),
        "против": ("gent",), "около": ("gent",), "вокруг": ("gent",), "среди": ("gent",),
        "из-за": ("gent",), "из-под": ("gent",), "вне": ("gent",), "кроме": ("gent",),
        "относительно": ("gent",), "вследствие": ("gent",), "ради": ("gent",),
    }.items()
}  # fmt: skip


def _case(tag: Any) -> str | None:
    case = tag.case
    return _CASE_ALIASES.get(case, case) if case else None


def _cyrillic(word: str) -> bool:
    return bool(re.fullmatch(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*", word))


def head_forms(words: str, preposition: str = "") -> set[tuple[str, str]] | None:
    """Possible (case, number) readings of a phrase's head, or None without a head.

    Unlike :class:`glossary.text.phrase_ru.PhraseAnalysis`, which keeps the possible
    cases and numbers apart, this keeps them paired («зоны»: genitive singular *or*
    nominative plural), as deciding whether a replacement is safe needs.
    The head is the first noun; its readings are narrowed by the agreeing adjectives or
    participles before it and by the word before the phrase (``preposition``): a
    governing preposition, or an adjective or pronoun agreeing with the head. A phrase with no noun
    («юридически обязывающих») is read through its last adjective or participle.
    """
    morph = RussianMorphology.shared()
    tokens = _WORD.findall(words)
    modifiers: list[tuple[Any, ...]] = []
    head: tuple[Any, ...] | None = None
    cyrillic = [t for t in tokens if _cyrillic(t)]
    for position, token in enumerate(cyrillic):
        parses = morph.parses(token.lower())
        nouns = tuple(p for p in parses if p.tag.POS == "NOUN")
        if nouns and not (_modifier_first(parses) and position < len(cyrillic) - 1):
            head = nouns
            break
        agreeing = tuple(p for p in parses if p.tag.POS in _AGREEING)
        if agreeing:
            modifiers.append(agreeing)
    if head is None:
        if not modifiers:
            return None
        head, modifiers = modifiers[-1], modifiers[:-1]
    readings = {(c, str(p.tag.number)) for p in head if (c := _case(p.tag)) and p.tag.number}
    for modifier in modifiers:
        allowed = {(c, str(p.tag.number)) for p in modifier if (c := _case(p.tag))}
        if allowed:
            readings &= allowed
    previous = preposition.lower().replace("ё", "е")
    cases = PREPOSITION_CASES.get(previous)
    if cases is not None:
        readings = {(c, n) for c, n in readings if c in cases}
    elif previous and _cyrillic(previous):
        # An agreeing word just before the phrase («каждую область») narrows it too.
        before = [p for p in morph.parses(previous) if p.tag.POS in _AGREEING]
        context = {(c, str(p.tag.number)) for p in before if (c := _case(p.tag))}
        if context and readings & context:
            readings &= context
    return readings or None


def _modifier_first(parses: Sequence[Any]) -> bool:
    """A word that can be an adjective or participle (pymorphy also reads «военные» as a noun)."""
    return any(p.tag.POS in _AGREEING for p in parses)


def inflect_term(term: str, case: str, number: str) -> str | None:
    """``term`` (dictionary form) with its head and agreeing modifiers put in case/number.

    The head analysis and the inflection are :mod:`glossary.text.phrase_ru`'s, shared
    with extraction; this adds what a replacement needs on top: a refusal (None) when
    the head cannot take the form, names in apposition declined with the head
    («Сергей Лавров» → «Сергеем Лавровым»), and phrases with no noun («юридически
    обязывающий»). Capitals are kept; acronyms do not decline.
    """
    from glossary.text.phrase_ru import analyse_phrase, inflect_phrase, split_words

    morph = RussianMorphology.shared()
    words = split_words(term)
    if not words:
        return None
    if is_acronym(words[0]):
        return term  # an acronym head does not decline
    analysis = analyse_phrase(words, morph)
    if analysis.head < 0:
        return _inflect_adjectives(words, case, number)
    head = dict(analysis.parses)[analysis.head]
    if "Fixd" not in head.tag:
        own = str(head.tag.number or number) if {"Pltm", "Sgtm"} & head.tag.grammemes else number
        if _inflect(head, {case, own}) is None:
            return None
    result = split_words(inflect_phrase(words, case, number, morph))
    if len(result) != len(words):
        return None
    names = {"Name", "Surn", "Patr"}
    if names & head.tag.grammemes:
        for index in range(analysis.head + 1, len(words)):
            # A name in apposition declines with the head.
            apposed = [
                p
                for p in morph.parses(words[index].lower())
                if p.tag.POS == "NOUN" and p.tag.case == "nomn" and names & p.tag.grammemes
            ]
            if not apposed:
                break
            form = _inflect(apposed[0], {case, number})
            if form is None:
                return None
            result[index] = _match_case(form, words[index])
    return " ".join(result)


def _inflect_adjectives(words: list[str], case: str, number: str) -> str | None:
    morph = RussianMorphology.shared()
    result = list(words)
    changed = False
    for index, word in enumerate(words):
        if not _cyrillic(word):
            continue
        parses = [p for p in morph.parses(word.lower()) if p.tag.POS in _AGREEING]
        if not parses:
            continue
        grammemes = {case, number}
        if number == "sing" and parses[0].tag.gender:
            grammemes.add(parses[0].tag.gender)
        form = _inflect_agreeing(parses[0], grammemes, case, "inan")
        if form is None:
            return None
        result[index] = _match_case(form, word)
        changed = True
    if not changed:
        return None
    return " ".join(result)


def _inflect(parse: Any, grammemes: set[str]) -> str | None:
    try:
        form = parse.inflect(grammemes)
    except ValueError:
        return None
    return str(form.word) if form is not None else None


def _inflect_agreeing(
    parse: Any, grammemes: set[str], case: str, animacy: str | None
) -> str | None:
    if case == "accs" and animacy:
        form = _inflect(parse, grammemes | {animacy})
        if form is not None:
            return form
    return _inflect(parse, grammemes)


def _match_case(form: str, original: str) -> str:
    form = form.replace("ё", "е") if "ё" not in original and "Ё" not in original else form
    if original[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def inflect_like(term: str, replaced: str, preposition: str = "") -> str | None:
    """``term`` in the case and number of ``replaced``, or None when that is not certain.

    Every reading of the replaced words' head is tried; the result stands only when
    all readings agree on one form of the term.
    """
    readings = head_forms(replaced, preposition)
    if not readings:
        return None
    forms = {inflect_term(term, case, number) for case, number in readings}
    if len(forms) != 1:
        return None
    return forms.pop()
