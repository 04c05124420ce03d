"""Inflected forms of glossary words and phrases, computed once at index build time.

A CLI lookup must not load pymorphy3 (0.25 s) or lemminflect (0.7 s and more), so
the index stores, for every word of every designation, every surface form of its
lexeme (Russian: all cases, numbers and genders through pymorphy3; English: plural,
singular and verb forms through lemminflect), each mapped to the designation word's
lemma key. A query is then folded word by word and looked up, no morphology loaded.

:func:`inflect_phrase` builds whole agreeing noun phrases ("юридически обязывающих
гарантий безопасности") for tests and benchmarks.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from glossary.text.normalize import (
    WORD_RE,
    Normalizer,
    fold_case,
    is_acronym,
    scan_words,
    script,
)

__all__ = [
    "CASES",
    "NUMBERS",
    "alias_keys",
    "english_forms",
    "fold_form",
    "inflect_phrase",
    "initials",
    "russian_forms",
    "surface",
    "word_forms",
    "words",
]

#: pymorphy3 grammemes of the six Russian cases, in grammar-book order.
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
NUMBERS = ("sing", "plur")

_AGREEING = frozenset({"ADJF", "PRTF"})
_CONJUNCTIONS = frozenset({"и", "или", "and", "or"})
_HYPHENS = frozenset("-\u2010\u2011")
#: Words left out of initials (OSCE has no letter for "for", "and", "in").
_FUNCTION_WORDS = frozenset(
    ("a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
     "в", "во", "и", "или", "к", "ко", "на", "о", "об", "от", "по", "при", "с", "со", "у", "для")
)  # fmt: skip
#: Initials count a hyphenated compound (Co-operation) as one word.
_COMPOUND_SPLIT = re.compile(r"[^\w\-\u2010\u2011]+")


#: The case-insensitive lookup form of one word.
fold_form = fold_case


def words(text: str) -> list[str]:
    """The words of ``text`` as the normaliser sees them (English possessive 's dropped)."""
    return scan_words(text)[0]


def surface(text: str) -> str:
    """Whole-text lookup form: folded words joined by one space (hyphens, quotes, dashes gone)."""
    return " ".join(fold_form(w) for w in words(text))


def initials(text: str) -> str:
    """Capital initials of the significant words ("Organization for Security and
    Co-operation in Europe" → OSCE); an acronym gives its own letters (U.N. → UN).
    Empty for a single ordinary word."""
    stripped = text.replace(".", "").replace(" ", "")
    if is_acronym(stripped) and stripped.isalpha():
        return fold_form(stripped).upper()
    parts = [p for p in _COMPOUND_SPLIT.split(text) if p]
    letters = [p[0] for p in parts if fold_form(p) not in _FUNCTION_WORDS and p[0].isalpha()]
    if len(letters) < 2:
        return ""
    return fold_form("".join(letters)).upper()


def russian_forms(word: str, morph: Any) -> set[str]:
    """Every form of every lexeme ``word`` may belong to (folded), the word included."""
    forms = {fold_form(word)}
    if is_acronym(word):
        return forms
    for parse in morph.parse(word.casefold()):
        if parse.score < 0.01 and forms:
            continue
        try:
            lexeme = parse.lexeme
        except (IndexError, ValueError):  # a few predicted paradigms cannot be expanded
            continue
        forms.update(fold_form(p.word) for p in lexeme)
    return forms


def english_forms(word: str, get_inflections: Any, get_lemmas: Any) -> set[str]:
    """Plural, singular and verb forms of ``word`` and of its lemmas (folded)."""
    folded = fold_form(word)
    forms = {folded}
    if is_acronym(word):
        return forms
    lemmas = {folded}
    for found in get_lemmas(folded).values():
        lemmas.update(found)
    for lemma in lemmas:
        for inflected in get_inflections(lemma).values():
            forms.update(fold_form(f) for f in inflected)
    return forms


def word_forms(words: Iterable[str], normalizer: Normalizer) -> Iterator[tuple[str, str]]:
    """``(folded form, lemma key)`` for every form of every word in ``words``.

    The key is the normaliser's key of the designation word itself, so a query word
    finds the term even where pymorphy3 would read that form as another lexeme
    (стали: сталь or стать).
    """
    from glossary.text.morph_en import lemminflect as import_lemminflect
    from glossary.text.morph_ru import RussianMorphology

    lemminflect = import_lemminflect()
    getAllInflections, getAllLemmas = lemminflect.getAllInflections, lemminflect.getAllLemmas

    morph = RussianMorphology.shared().analyzer
    for word in words:
        key = normalizer.word_key(word)
        kind = script(word)
        if kind == "ru":
            forms = russian_forms(word, morph)
        elif kind == "en":
            forms = english_forms(word, getAllInflections, getAllLemmas)
        else:
            forms = {fold_form(word)}
        for form in forms:
            yield form, key


def alias_keys(text: str, normalizer: Normalizer, limit: int = 16) -> list[tuple[str, ...]]:
    """Extra match keys of a designation for forms the normaliser reads as another word.

    pymorphy3 lemmatises "Уставом" to устав but "Устав" to устать, and an unknown
    surname's cases to different predicted lemmas (Шермана → шермана); the running
    text then carries keys the designation does not. For every Russian word, the keys
    of its paradigm's forms become alternatives: in a multiword term freely (the other
    words keep hits precise), in a single-word term only from forms the dictionary
    does not know (so "после" never becomes a form of "посол").
    """
    term_words = words(text)
    canonical = tuple(normalizer.word_key(w) for w in term_words)
    single = len(term_words) == 1
    options = [
        _alternatives(word, key, single, normalizer)
        if script(word) == "ru" and not is_acronym(word)
        else (key,)
        for word, key in zip(term_words, canonical, strict=True)
    ]
    if all(len(o) == 1 for o in options):
        return []
    combinations = itertools.islice(itertools.product(*options), limit + 1)
    return [c for c in combinations if c != canonical][:limit]


@lru_cache(maxsize=1 << 17)
def _alternatives(word: str, key: str, single: bool, normalizer: Normalizer) -> tuple[str, ...]:
    """``key`` first, then the other keys of ``word``'s paradigm (see :func:`alias_keys`)."""
    from glossary.text.morph_ru import RussianMorphology

    morph = RussianMorphology.shared().analyzer
    alternatives = {key: None}
    for form in sorted(_russian_paradigm(word.casefold())):
        other = normalizer.word_key(form)
        if other not in alternatives and (not single or not morph.word_is_known(form)):
            alternatives[other] = None
    return tuple(alternatives)


@lru_cache(maxsize=1 << 16)
def _russian_paradigm(word: str) -> frozenset[str]:
    from glossary.text.morph_ru import RussianMorphology

    return frozenset(russian_forms(word, RussianMorphology.shared().analyzer))


def inflect_phrase(phrase: str, case: str, number: str, morph: Any) -> str | None:
    """``phrase`` (a Russian noun phrase in the nominative) put into ``case`` and ``number``.

    The head noun and the adjectives and participles before it agree; dependents
    after the head ("гарантии *безопасности*") keep their form; a second noun phrase
    after "и" inflects too. ``None`` when the phrase has no nominative noun head or
    pymorphy3 has no such form (singular of a plurale tantum).
    """
    pieces: list[str] = []
    position = 0
    matches = list(WORD_RE.finditer(phrase))
    parses = [_nominative_parse(m.group(), morph) for m in matches]
    inflect = [False] * len(matches)
    head_found = False
    index = 0
    # the first part of a hyphenated compound (пресс-конференция) never inflects
    prefix = [
        phrase[m.end() : m.end() + 1] in _HYPHENS
        and i + 1 < len(matches)
        and matches[i + 1].start() == m.end() + 1
        for i, m in enumerate(matches)
    ]

    def modifier(i: int) -> bool:
        parse = parses[i]
        return prefix[i] or (parse is not None and parse.tag.POS in (*_AGREEING, "ADVB"))

    while index < len(matches):
        # one noun phrase: agreeing modifiers, then its head
        start = index
        while index < len(matches) and modifier(index):
            index += 1
        head = parses[index] if index < len(matches) else None
        if head is None or head.tag.POS != "NOUN":
            break
        for i in range(start, index + 1):
            parse = parses[i]
            inflect[i] = not prefix[i] and parse is not None and parse.tag.POS != "ADVB"
        head_found = True
        index += 1
        # skip dependents up to a conjunction that starts a coordinated phrase
        while index < len(matches) and matches[index].group().casefold() not in _CONJUNCTIONS:
            index += 1
        index += 1
    if not head_found:
        return None
    heads = [
        i for i, p in enumerate(parses) if inflect[i] and p is not None and p.tag.POS == "NOUN"
    ]
    for i, match in enumerate(matches):
        pieces.append(phrase[position : match.start()])
        word = match.group()
        position = match.end()
        if not inflect[i] or is_acronym(word):
            pieces.append(word)
            continue
        parse = parses[i]
        assert parse is not None
        head_index = next((h for h in heads if h >= i), heads[-1])
        head = parses[head_index]
        assert head is not None
        grammemes = {case, number}
        if parse.tag.POS in _AGREEING:
            if number == "sing" and head.tag.gender:
                grammemes.add(head.tag.gender)
            if case == "accs" and (number == "plur" or head.tag.gender == "masc"):
                grammemes.add(head.tag.animacy or "inan")
        if parse.tag.POS == "NOUN" and number == "sing" and "Pltm" in parse.tag:
            return None
        form = parse.inflect(grammemes)
        if form is None and parse.tag.POS == "NOUN" and "Fixd" in parse.tag:
            pieces.append(word)
            continue
        if form is None:
            return None
        pieces.append(_same_case(word, form.word))
    pieces.append(phrase[position:])
    return "".join(pieces)


def _nominative_parse(word: str, morph: Any) -> Any:
    """The most likely parse of ``word`` as a nominative noun phrase member, if any."""
    if is_acronym(word):
        return None
    parses = morph.parse(word.casefold())
    if not parses or parses[0].tag.POS not in ("NOUN", "ADVB", *_AGREEING):
        return None  # a verb, preposition... first: not a noun phrase member
    for parse in parses:
        tag = parse.tag
        if tag.POS in ("NOUN", *_AGREEING) and tag.case == "nomn":
            return parse
        if tag.POS == "ADVB":
            return parse
    return None


def _same_case(original: str, form: str) -> str:
    if original[:1].isupper():
        return form[:1].upper() + form[1:]
    return form
