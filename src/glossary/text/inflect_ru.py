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


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def head_forms(words: str, preposition: str = "") -> set[tuple[str, str]] | None:
    """Possible (case, number) readings of a phrase's head, or None without a head.

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

    Capitals are kept as in the term; acronyms and non-Cyrillic words stay as they are.
    Returns None when a word cannot be inflected.
    """
    morph = RussianMorphology.shared()
    pieces = re.split(r"(\s+)", term.strip())
    words = pieces[::2]
    head_index = None
    last = max((i for i, w in enumerate(words) if _cyrillic(w)), default=-1)
    for index, word in enumerate(words):
        if not _cyrillic(word) or _acronym(word):
            if _acronym(word):
                return term if index == 0 else None  # an acronym head does not decline
            continue
        parses = morph.parses(word.lower())
        nominative = [p for p in parses if p.tag.POS == "NOUN" and p.tag.case == "nomn"]
        if nominative and not (_modifier_first(parses) and index < last):
            head_index = index
            break
    if head_index is None:
        return _inflect_adjectives(words, pieces, case, number)
    head_parses = tuple(
        p
        for p in morph.parses(words[head_index].lower())
        if p.tag.POS == "NOUN" and p.tag.case == "nomn"
    )
    head = head_parses[0]
    if "Pltm" in head.tag or "Sgtm" in head.tag or "Fixd" in head.tag:
        number = str(head.tag.number or number)
    inflected_head = _inflect(head, {case, number})
    if inflected_head is None:
        return None
    gender = head.tag.gender
    animacy = head.tag.animacy
    result = list(words)
    result[head_index] = _match_case(inflected_head, words[head_index])
    for index in range(head_index):
        word = words[index]
        if not _cyrillic(word):
            continue
        agreeing = [p for p in morph.parses(word.lower()) if p.tag.POS in _AGREEING]
        if not agreeing:
            continue  # an adverb such as «юридически»
        grammemes = {case, number}
        if number == "sing" and gender:
            grammemes.add(gender)
        form = _inflect_agreeing(agreeing[0], grammemes, case, animacy)
        if form is None:
            return None
        result[index] = _match_case(form, word)
    names = {"Name", "Surn", "Patr"}
    for index in range(head_index + 1, len(words)):
        # A name in apposition declines with the head: «Сергей Лавров» → «Сергеем Лавровым».
        apposed = [
            p
            for p in morph.parses(words[index].lower())
            if p.tag.POS == "NOUN" and p.tag.case == "nomn" and names & p.tag.grammemes
        ]
        if not apposed or not names & head.tag.grammemes:
            break
        form = _inflect(apposed[0], {case, number})
        if form is None:
            return None
        result[index] = _match_case(form, words[index])
    pieces[::2] = result
    return "".join(pieces)


def _inflect_adjectives(words: list[str], pieces: list[str], case: str, number: str) -> str | None:
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
    pieces[::2] = result
    return "".join(pieces)


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
