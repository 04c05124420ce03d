"""Name evidence, on invented sentences: people, name fragments, independent phrases."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from glossary.extract import candidates_en, candidates_ru
from glossary.extract.candidates import CandidateRules
from glossary.extract.canonical import Sample
from glossary.extract.documents import Document
from glossary.extract.names import (
    People,
    independent,
    inside_capitalised,
    inside_names,
    name_fragments,
    surname_stem,
)
from glossary.extract.rules import Rule
from glossary.extract.units import build_units
from glossary.model import Lang
from glossary.text.morph_ru import RussianMorphology
from glossary.text.normalize import default_normalizer
from tests.extract.occurrences import samples


@dataclass
class Entry:
    rule: Rule = Rule.PHRASE
    free: bool = False
    samples: list[Sample] = field(default_factory=list)


@cache
def rules(lang: Lang) -> CandidateRules:
    if lang is Lang.EN:
        return candidates_en.EnglishRules(candidates_en.EnglishTagger())
    return candidates_ru.RussianRules(candidates_ru.RussianTagger(RussianMorphology.shared()))


def document(text: str, lang: Lang) -> Document:
    """The text tagged by the extractor's own rules, as the extractor counts it."""
    tokens = default_normalizer().tokens(text)
    units = build_units(text, tokens)
    return Document.of("a.txt", text, tokens, units, rules(lang).tag(units))


def key(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().split())


def counted(doc: Document, *phrases: str, rule: Rule = Rule.PHRASE) -> dict[tuple[str, ...], Entry]:
    return {key(p): Entry(rule, samples=samples(doc, p)) for p in phrases}


def test_a_surname_loses_its_case_ending_but_keeps_a_stem() -> None:
    assert surname_stem("коллинзом") == surname_stem("коллинза") == "коллинз"
    assert surname_stem("климкиным") == "климкин"
    assert surname_stem("ома") == "ома"  # «-а» off would leave two letters: no stem


def test_a_russian_surname_in_any_case_is_the_full_name() -> None:
    doc = document(
        "Павел Климкин прибыл в Москву. Климкина встретили. Климкиным довольны.", Lang.RU
    )
    stats = counted(doc, "Павел Климкин", "Климкина", "Климкиным")
    people = People.of(stats, [doc], Lang.RU)
    assert people.full_name(key("Климкина"), stats[key("Климкина")]) == key("Павел Климкин")
    assert people.full_name(key("Климкиным"), stats[key("Климкиным")]) == key("Павел Климкин")
    # English surnames have no case endings: only the same last word joins the name.
    english = People.of(stats, [doc], Lang.EN)
    assert english.full_name(key("Климкина"), stats[key("Климкина")]) is None


def test_an_english_surname_alone_is_the_full_name_and_an_acronym_no_surname() -> None:
    doc = document("Lavrov met Sergey Lavrov. The LAV and Lav units left.", Lang.EN)
    stats = counted(doc, "Sergey Lavrov", "Lavrov", "Lav")
    people = People.of(stats, [doc], Lang.EN)
    assert people.full_name(key("Lavrov"), stats[key("Lavrov")]) == key("Sergey Lavrov")
    assert people.full_name(key("Lav"), stats[key("Lav")]) is None
    russian = document("Павел Климкин прибыл. Климкина из МИДа встретили.", Lang.RU)
    stats = counted(russian, "Павел Климкин") | counted(russian, "Климкина", rule=Rule.ACRONYM)
    people = People.of(stats, [russian], Lang.RU)
    assert people.full_name(key("Климкина"), stats[key("Климкина")]) is None


def test_a_capitalised_word_after_another_mid_sentence_is_inside_a_name() -> None:
    doc = document("Members of the Security Council met. Council members left.", Lang.EN)
    words = doc.units.words
    assert inside_capitalised(doc.units, words.index("Council"))
    assert not inside_capitalised(doc.units, words.index("Security"))  # after "the"
    assert not inside_capitalised(doc.units, words.index("Members"))  # the first word


def test_phrases_only_inside_a_spelled_out_name_are_listed_but_not_the_name() -> None:
    doc = document("The Office for Coordination of Humanitarian Affairs (OCHA) met.", Lang.EN)
    whole = samples(doc, "Office for Coordination of Humanitarian Affairs")[0]
    _, first, last, _ = whole
    names = {(0, first, last)}
    inside = {(0, u) for u in range(first, last + 1)}
    stats = counted(doc, "Coordination of Humanitarian Affairs", "Humanitarian Affairs")
    stats |= counted(doc, "Office for Coordination of Humanitarian Affairs", rule=Rule.EXPANSION)
    stats |= counted(doc, "Affairs", rule=Rule.ACRONYM)
    stats |= counted(doc, "met")
    assert inside_names(stats, names, inside) == [
        key("Coordination of Humanitarian Affairs"),
        key("Humanitarian Affairs"),
    ]


def test_a_part_of_a_longer_capitalised_name_is_a_fragment_unless_written_alone() -> None:
    text = "The Deputy Chairman of the Security Council spoke. Each Deputy Chairman voted."
    doc = document(text, Lang.EN)
    stats = counted(doc, "Deputy Chairman of the Security Council", "Deputy Chairman")
    stats |= counted(doc, "Chairman of the Security Council", "Security Council")
    fragment = name_fragments(stats, [doc])
    assert fragment(stats[key("Chairman of the Security Council")])
    assert not fragment(stats[key("Deputy Chairman")])  # also written alone
    # After "of the" in a longer name: a name of its own.
    assert not fragment(stats[key("Security Council")])
    # A person's name is never a fragment.
    samples_inside = stats[key("Chairman of the Security Council")].samples
    assert not fragment(Entry(Rule.PERSON, samples=samples_inside))


def test_a_phrase_after_a_free_modifier_stands_on_its_own() -> None:
    doc = document("Officials held new nuclear weapons talks.", Lang.EN)
    stats = counted(doc, "new nuclear weapons talks", "nuclear weapons talks", "weapons talks")
    free = rules(Lang.EN).free_modifiers
    # after the adjectives "new" and "nuclear", not after the verb "held"
    found = independent(stats, [doc], Lang.EN, free)
    assert found == {key("nuclear weapons talks"), key("weapons talks")}
    stats[key("new nuclear weapons talks")].free = True  # seen as a dependent elsewhere
    assert key("new nuclear weapons talks") in independent(stats, [doc], Lang.EN, free)


def test_a_phrase_always_going_on_to_the_right_is_never_independent() -> None:
    doc = document("They discussed new nuclear weapons talks.", Lang.EN)
    stats = counted(doc, "nuclear weapons talks", "nuclear weapons")
    found = independent(stats, [doc], Lang.EN, rules(Lang.EN).free_modifiers)
    assert found == {key("nuclear weapons talks")}


def test_a_russian_acronym_is_a_name_of_its_own_in_any_phrase() -> None:
    doc = document("Саммит НАТО прошёл.", Lang.RU)
    stats = counted(doc, "НАТО", rule=Rule.ACRONYM) | counted(doc, "Саммит НАТО")
    found = independent(stats, [doc], Lang.RU, rules(Lang.RU).free_modifiers)
    assert found == {key("НАТО")}
    assert independent(stats, [doc], Lang.EN, rules(Lang.EN).free_modifiers) == set()
