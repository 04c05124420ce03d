"""Canonical forms: the spelling a candidate is listed under, from the forms it was seen in.

English keeps the surface but lowers the capitals that carry no information (a sentence
start, a title-case headline) and prefers the singular; Russian lists the dictionary form
(nominative, in the number the text settles), a person's name in the case its words share,
a verb in the infinitive and an acronym as written. Pure: documents and samples in, a
string out; called once per returned candidate, never on the counting path.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from glossary.extract import candidates_ru
from glossary.extract.documents import Document
from glossary.extract.rules import Rule
from glossary.extract.units import word_set
from glossary.model import Lang
from glossary.text.normalize import Normalizer

__all__ = ["NAME_RULES", "CanonicalForms", "Sample", "english_head", "surface"]

#: An occurrence: document index, first unit, last unit, a unit left out (-1: none).
Sample = tuple[int, int, int, int]
#: Rules whose candidates keep their capitals at a sentence start.
NAME_RULES = frozenset({Rule.ACRONYM, Rule.EXPANSION, Rule.PERSON})
#: Words written in lower case inside capitalised names ("Charter of the United Nations").
LOWER_IN_NAMES = word_set("of the and for on in to a an")
#: English word classes whose capitals are their own (proper nouns, titles, acronyms, numbers).
_OWN_CAPITALS_EN = "PTXM"
#: pymorphy grammemes of a word whose capital is its own.
_PROPER_GRAMMEMES_RU = ("Name", "Surn", "Geox", "Orgn", "Trad", "Abbr")
_POSSESSIVE_END = re.compile("(?<=\\w)['\u2019]s?$")


def surface(documents: Sequence[Document], sample: Sample) -> str:
    """The words of an occurrence as written."""
    doc_index, a, b, skip = sample
    words = documents[doc_index].units.words
    return " ".join(words[u] for u in range(a, b + 1) if u != skip)


def english_head(key: tuple[str, ...]) -> int:
    """Index of the head word: before "of", else the last word."""
    return key.index("of") - 1 if "of" in key[1:] else len(key) - 1


@dataclass(frozen=True, slots=True)
class CanonicalForms:
    """Canonical forms over the documents one extractor counted."""

    lang: Lang
    documents: Sequence[Document]
    normalizer: Normalizer
    #: The Russian morphological analyser (None for English).
    morph: Any = None

    def surface(self, sample: Sample) -> str:
        """The words of an occurrence as written."""
        return surface(self.documents, sample)

    def of(
        self, key: tuple[str, ...], rule: Rule, samples: Sequence[Sample], forms: Counter[str]
    ) -> str:
        """The canonical form of a candidate seen as ``forms`` (surface counts) at ``samples``."""
        if self.lang is Lang.RU:
            return self._russian(rule, samples, forms)
        return self._english(key, samples)

    def cased_en(self, sample: Sample) -> str:
        """The surface with the capitals that carry no information lowered: a word's at a
        sentence start (unless the phrase goes on in capitals: "Secretary of State"),
        and every word's in a title-case headline (where all count as initial)."""
        doc_index, a, b, skip = sample
        document = self.documents[doc_index]
        units, tags = document.units, document.tags
        indices = [u for u in range(a, b + 1) if u != skip]
        titled = any(
            units.words[u][:1].isupper() and not units.initial[u]
            for u in indices[1:]
            if units.words[u].lower() not in LOWER_IN_NAMES
        )
        # In a headline, a phrase every word of which the text also capitalises
        # mid-sentence is a name there too: "Security Council Extends ..." .
        named = not titled and all(
            units.words[u][:1].isupper() and units.words[u].lower() in document.name_words()
            for u in indices
        )
        words = []
        for u in indices:
            word = units.words[u]
            if (
                units.initial[u]
                and tags[u] not in _OWN_CAPITALS_EN
                and not titled
                and not named
                and not any(c.isupper() for c in word[1:])
            ):
                # A capital past the first letter is the word's own ("UN-Brokered").
                word = word[:1].lower() + word[1:]
            words.append(word)
        if words and ("'" in words[-1] or "\u2019" in words[-1]):
            # A name's possessive ends the phrase only as the possessor: "Ministers'".
            words[-1] = _POSSESSIVE_END.sub("", words[-1])
        return " ".join(words)

    def _english(self, key: tuple[str, ...], samples: Sequence[Sample]) -> str:
        ranked = [f for f, _ in Counter(self.cased_en(s) for s in samples).most_common()]
        # Singular unless the text only uses the plural: the head word equal to its lemma.
        head = english_head(key)
        for form in ranked:
            words = form.replace("-", " ").split()
            if head < len(words) and self.normalizer.word_key(words[head]) == words[head].lower():
                return form
        return ranked[0]

    def _russian(self, rule: Rule, samples: Sequence[Sample], forms: Counter[str]) -> str:
        from glossary.text.ru import analyse_phrase, dictionary_form, name_form

        morph = self.morph
        best = forms.most_common(1)[0][0]
        if rule is Rule.ACRONYM and " " not in best:
            return candidates_ru.acronym_of(best)
        if rule is Rule.PERSON:
            # A name's words share a case, whatever each word's likeliest reading:
            # «Наото Кана» → «Наото Кан», not «Наото Кана».
            # The full name, when its surname was also seen alone («Кристин Вормут»).
            fullest = max(forms, key=lambda f: (len(f.split()), forms[f]))
            return name_form(fullest.split(), morph)
        if rule is Rule.VERB:
            # A verb is listed in the infinitive: "деэскалирует" → "деэскалировать".
            parses = morph.parses(best.lower())
            return str(parses[0].normal_form) if parses else best.lower()
        certain: Counter[str] = Counter()
        for form in forms:
            analysis = analyse_phrase(form.split(), morph)
            if len(analysis.numbers) == 1:
                certain[next(iter(analysis.numbers))] += forms[form]
        number = None
        if certain:
            number = "plur" if certain["plur"] > certain["sing"] else "sing"
        term = dictionary_form(best.split(), number, morph)
        doc_index, a, _, _ = next(s for s in samples if self.surface(s) == best)
        units = self.documents[doc_index].units
        if units.initial[a] and rule not in NAME_RULES:
            first = units.words[a]
            parses = morph.parses(first)
            proper = parses and any(g in parses[0].tag for g in _PROPER_GRAMMEMES_RU)
            # A later capital makes the phrase a name ("Северная Африка"), as in English.
            named = any(w[:1].isupper() for w in best.split()[1:])
            if not proper and not first.isupper() and not named:
                term = term[:1].lower() + term[1:]
        return term
