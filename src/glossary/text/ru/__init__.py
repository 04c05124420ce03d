"""Russian grammar in one room: constants, phrase analysis, inflection, paradigms.

``grammar`` lists the cases, numbers and agreeing parts of speech; ``phrase``
finds a phrase's head and its (case, number) readings; ``inflect`` is the one
inflection extraction, enforcement and the tests use; ``paradigm`` gives the
index every form of a word. Everything loads pymorphy3 lazily.
"""

from __future__ import annotations

from glossary.text.ru.grammar import CASES, NUMBERS, PREPOSITION_CASES
from glossary.text.ru.inflect import dictionary_form, inflect, inflect_like, name_form
from glossary.text.ru.phrase import PhraseAnalysis, analyse_phrase, head_readings, split_words

__all__ = [
    "CASES",
    "NUMBERS",
    "PREPOSITION_CASES",
    "PhraseAnalysis",
    "analyse_phrase",
    "dictionary_form",
    "head_readings",
    "inflect",
    "inflect_like",
    "name_form",
    "split_words",
]
