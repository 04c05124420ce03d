"""Canonical forms, on invented sentences: capitals, number, names, verbs, acronyms."""

from __future__ import annotations

from collections import Counter

from glossary.extract.canonical import CanonicalForms, english_head
from glossary.extract.documents import Document
from glossary.extract.rules import Rule
from glossary.extract.units import build_units
from glossary.model import Lang
from glossary.text.morph_ru import RussianMorphology
from glossary.text.normalize import default_normalizer
from tests.extract.occurrences import samples


def document(text: str, tags: str = "") -> Document:
    tokens = default_normalizer().tokens(text)
    units = build_units(text, tokens)
    return Document.of("a.txt", text, tokens, units, tags or "N" * len(units.words))


def english(text: str, phrase: str, key: tuple[str, ...], tags: str = "") -> str:
    doc = document(text, tags)
    forms = CanonicalForms(Lang.EN, [doc], default_normalizer())
    found = samples(doc, phrase)
    return forms.of(key, Rule.PHRASE, found, Counter(forms.surface(s) for s in found))


def russian(text: str, phrases: list[str], rule: Rule) -> str:
    doc = document(text)
    forms = CanonicalForms(Lang.RU, [doc], default_normalizer(), RussianMorphology.shared())
    found = [s for phrase in phrases for s in samples(doc, phrase)]
    return forms.of((), rule, found, Counter(forms.surface(s) for s in found))


def test_a_sentence_start_capital_is_lowered_and_a_mid_sentence_one_kept() -> None:
    text = "Border checkpoints reopened. Officials inspected the border checkpoints."
    assert english(text, "Border checkpoints", ("border", "checkpoint")) == "border checkpoints"
    text = "Trade Envoy Alvarez arrived. The Trade Envoy spoke."
    assert english(text, "Trade Envoy", ("trade", "envoy")) == "Trade Envoy"


def test_a_phrase_going_on_in_capitals_keeps_them_at_a_sentence_start() -> None:
    text = "Minister of Fisheries resigned on Monday."
    got = english(text, "Minister of Fisheries", ("minister", "of", "fishery"))
    assert got == "Minister of Fisheries"


def test_a_headline_name_keeps_capitals_the_text_gives_it_mid_sentence() -> None:
    text = "Harbour Authority Approves Budget\n\nOn Friday the Harbour Authority met."
    doc = document(text)
    forms = CanonicalForms(Lang.EN, [doc], default_normalizer())
    headline = samples(doc, "Harbour Authority")[0]
    assert forms.cased_en(headline) == "Harbour Authority"
    assert forms.cased_en(samples(doc, "Approves Budget")[0]) == "approves budget"


def test_the_singular_is_preferred_unless_the_text_has_only_the_plural() -> None:
    text = "A fishing quota was agreed. Later the fishing quotas grew."
    doc = document(text)
    forms = CanonicalForms(Lang.EN, [doc], default_normalizer())
    found = samples(doc, "fishing quota") + samples(doc, "fishing quotas")
    got = forms.of(("fishing", "quota"), Rule.PHRASE, found, Counter())
    assert got == "fishing quota"
    assert english("They set fishing quotas.", "fishing quotas", ("fishing", "quota")) == (
        "fishing quotas"
    )


def test_a_possessive_ending_a_phrase_is_dropped() -> None:
    text = "On Monday the Harbour Ministers' Meeting opened."
    assert english(text, "Harbour Ministers'", ("harbour", "minister")) == "Harbour Ministers"
    assert english(text, "Harbour Ministers' Meeting", ("harbour", "minister", "meeting")) == (
        "Harbour Ministers' Meeting"
    )


def test_the_english_head_is_before_of_else_last() -> None:
    assert english_head(("minister", "of", "fishery")) == 0
    assert english_head(("fishing", "quota")) == 1
    assert english_head(("of",)) == 0


def test_russian_phrases_are_listed_in_the_dictionary_form() -> None:
    text = "Стороны обсудили условия новых пограничных соглашений."
    got = russian(text, ["новых пограничных соглашений"], Rule.PHRASE)
    assert got == "новые пограничные соглашения"


def test_a_russian_sentence_start_capital_is_lowered_unless_a_name() -> None:
    text = "Пограничные соглашения подписаны."
    assert russian(text, ["Пограничные соглашения"], Rule.PHRASE) == ("пограничные соглашения")
    text = "Северная Гвинея подписала соглашение."
    assert russian(text, ["Северная Гвинея"], Rule.PHRASE) == "Северная Гвинея"


def test_a_russian_person_name_goes_to_the_nominative_in_its_shared_case() -> None:
    text = "Министр встретился с Игорем Лавровским."
    assert russian(text, ["Игорем Лавровским"], Rule.PERSON) == "Игорь Лавровский"


def test_the_fullest_form_of_a_name_is_listed() -> None:
    text = "Вчера Лавровский прибыл. Игорь Лавровский выступил."
    got = russian(text, ["Лавровский", "Игорь Лавровский"], Rule.PERSON)
    assert got == "Игорь Лавровский"


def test_a_russian_verb_is_listed_in_the_infinitive() -> None:
    assert russian("Совет продлевает мандат.", ["продлевает"], Rule.VERB) == "продлевать"


def test_a_declined_acronym_is_listed_as_written_in_capitals() -> None:
    assert russian("Заявление МИДа опубликовано.", ["МИДа"], Rule.ACRONYM) == "МИД"
