"""Every form of a Russian word, and the extra match keys its paradigm gives a term.

The index stores all surface forms of each designation word so that a lookup
needs no morphology at query time; the matcher adds alternative keys where
pymorphy3 reads a form of the designation word as another lexeme.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from typing import Any

from glossary.text.normalize import Normalizer, fold_case, is_acronym, scan_words, script

__all__ = ["ALIAS_LIMIT", "MIN_PARSE_SCORE", "alias_keys", "lexeme_words", "russian_forms"]

#: Parses less likely than this add no forms (once the word itself is in).
MIN_PARSE_SCORE = 0.01
#: At most this many alternative key tuples per designation.
ALIAS_LIMIT = 16


def russian_forms(word: str) -> set[str]:
    """Every form of every lexeme ``word`` may belong to (folded), the word included:
    the lexemes of its readings scored at least :data:`MIN_PARSE_SCORE`."""
    forms = {fold_case(word)}
    if not is_acronym(word):
        forms.update(_lexemes_of(word.casefold()))
    return forms


@lru_cache(maxsize=1 << 16)
def _lexemes_of(word: str) -> frozenset[str]:
    """The folded forms of the lexemes of lower-case ``word``'s likely readings."""
    from glossary.text.morph_ru import RussianMorphology

    morphology = RussianMorphology.shared()
    readings = morphology.readings(word)
    if readings is None:  # not a dictionary word: the analyser's predicted paradigms
        return frozenset(_predicted_forms(word, morphology.analyzer))
    dictionary = morphology.analyzer.dictionary
    lexemes = {  # a lexeme is its paradigm and stem: several readings share one
        (paradigm, dictionary.build_stem(dictionary.paradigms[paradigm], index, fixed))
        for fixed, paradigm, index, score in readings
        if score >= MIN_PARSE_SCORE
    }
    if len(lexemes) == 1:  # most words: the lexeme's own set, shared by its forms
        return _lexeme(*lexemes.pop())
    return frozenset().union(*(_lexeme(paradigm, stem) for paradigm, stem in lexemes))


@lru_cache(maxsize=1 << 16)
def _lexeme(paradigm: int, stem: str) -> frozenset[str]:
    """The folded forms of the dictionary lexeme of ``stem`` in ``paradigm``."""
    from glossary.text.morph_ru import RussianMorphology

    dictionary = RussianMorphology.shared().analyzer.dictionary
    table = dictionary.paradigms[paradigm]
    size = len(table) // 3
    prefixes, suffixes = dictionary.paradigm_prefixes, dictionary.suffixes
    spelt = {prefixes[table[2 * size + i]] + stem + suffixes[table[i]] for i in range(size)}
    # folded in one call: folding works letter by letter (NFC composes nothing
    # across a line break), so the joined forms fold to the joined folded forms
    return frozenset(fold_case("\n".join(spelt)).split("\n"))


def _predicted_forms(word: str, morph: Any) -> set[str]:
    """The folded forms of the lexemes of the analyser's likely parses of ``word``."""
    forms: set[str] = set()
    for parse in morph.parse(word):
        if parse.score < MIN_PARSE_SCORE:
            continue
        try:
            lexeme = lexeme_words(parse, morph)
        except (IndexError, ValueError):  # a few predicted paradigms cannot be expanded
            continue
        forms.update(map(fold_case, lexeme))
    return forms


def lexeme_words(parse: Any, morph: Any) -> list[str]:
    """The words of ``parse.lexeme``. For a dictionary word they are spelt straight
    from its paradigm (prefix + stem + suffix, as pymorphy3 does), without the parse
    and tag objects of every form: index builds expand tens of thousands of words."""
    stack = parse.methods_stack
    if len(stack) == 1 and type(stack[0][0]) is _dictionary_unit():
        return _spelt(morph.dictionary, stack[0][2], stack[0][3], parse.word)
    return [p.word for p in parse.lexeme]


def _spelt(dictionary: Any, para_id: int, idx: int, word: str) -> list[str]:
    """The forms of the lexeme whose form ``idx`` of paradigm ``para_id`` is ``word``."""
    paradigm = dictionary.paradigms[para_id]
    size = len(paradigm) // 3
    stem = dictionary.build_stem(paradigm, idx, word)
    prefixes, suffixes = dictionary.paradigm_prefixes, dictionary.suffixes
    return [prefixes[paradigm[2 * size + i]] + stem + suffixes[paradigm[i]] for i in range(size)]


@lru_cache(maxsize=1)
def _dictionary_unit() -> type:
    from pymorphy3.units.by_lookup import DictionaryAnalyzer

    unit: type = DictionaryAnalyzer
    return unit


def alias_keys(
    text: str, normalizer: Normalizer, limit: int = ALIAS_LIMIT
) -> list[tuple[str, ...]]:
    """Extra match keys of a designation for forms the normaliser reads as another word.

    pymorphy3 lemmatises "Уставом" to устав but "Устав" to устать, and an unknown
    surname's cases to different predicted lemmas (Шермана → шермана); the running
    text then carries keys the designation does not. For every Russian word, the keys
    of its paradigm's forms become alternatives: in a multiword term freely (the other
    words keep hits precise), in a single-word term only from forms the dictionary
    does not know (so "после" never becomes a form of "посол").
    """
    term_words = scan_words(text)[0]
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

    keyed = _keyed(_russian_paradigm(word.casefold()), normalizer)
    if not single:
        return tuple(dict.fromkeys((key, *(other for _, other in keyed))))
    known = RussianMorphology.shared().analyzer.word_is_known
    alternatives = {key: None}
    for form, other in keyed:
        if other not in alternatives and not known(form):
            alternatives[other] = None
    return tuple(alternatives)


@lru_cache(maxsize=1 << 16)
def _keyed(forms: frozenset[str], normalizer: Normalizer) -> tuple[tuple[str, str], ...]:
    """``forms`` in order with their keys (words of one lexeme share its set of forms)."""
    key = normalizer.word_key
    return tuple((form, key(form)) for form in sorted(forms))


@lru_cache(maxsize=1 << 16)
def _russian_paradigm(word: str) -> frozenset[str]:
    """:func:`russian_forms` of a lower-case word, shared with its lexeme where it can."""
    forms = _lexemes_of(word)
    folded = fold_case(word)
    return forms if folded in forms else forms | {folded}
