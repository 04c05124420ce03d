"""Acronyms linked to their expansions, in the text and through the glossary."""

from __future__ import annotations

from glossary.extract import extract
from glossary.extract.acronyms import initials_match
from glossary.model import Kind, Lang
from tests.conftest import small_glossary


def test_expansion_then_acronym() -> None:
    text = "Talks within the Organization for Security and Cooperation in Europe (OSCE) resumed."
    by_term = {c.term: c for c in extract(text, Lang.EN)}
    assert by_term["OSCE"].kind is Kind.ACRONYM
    assert by_term["OSCE"].expansion == "Organization for Security and Cooperation in Europe"
    assert by_term["Organization for Security and Cooperation in Europe"].acronym == "OSCE"


def test_acronym_then_expansion() -> None:
    text = (
        "Obligations adopted within the OSCE (Organization for Security and Cooperation in Europe)."
    )
    by_term = {c.term: c for c in extract(text, Lang.EN)}
    assert by_term["OSCE"].expansion == "Organization for Security and Cooperation in Europe"


def test_russian_expansion_in_dictionary_form() -> None:
    text = "Представитель Организации по безопасности и сотрудничеству в Европе (ОБСЕ) выступил."
    by_term = {c.term: c for c in extract(text, Lang.RU)}
    assert by_term["ОБСЕ"].expansion == "Организация по безопасности и сотрудничеству в Европе"


def test_transliterated_acronym_links_to_capitalised_phrase() -> None:
    text = "Расширение Организации Североатлантического договора (НАТО) продолжается."
    by_term = {c.term: c for c in extract(text, Lang.RU)}
    assert by_term["НАТО"].expansion == "Организация Североатлантического договора"


def test_glossary_supplies_expansion_and_suggestion() -> None:
    candidates = extract("The OSCE met. The OSCE agreed.", Lang.EN, glossary=small_glossary())
    osce = next(c for c in candidates if c.term == "OSCE")
    assert osce.expansion == "Organization for Security and Co-operation in Europe"
    assert osce.suggestion == "ОБСЕ"
    assert osce.suggestion_source == "glossary"


def test_unknown_term_has_no_suggestion() -> None:
    candidates = extract("The zebra crossing was closed.", Lang.EN, glossary=small_glossary())
    assert all(c.suggestion is None and c.suggestion_source is None for c in candidates)


def test_translator_suggestion_is_marked_mt() -> None:
    class Upper:
        def translate(self, segments: list[str]) -> list[str]:
            return [s.upper() for s in segments]

    candidates = extract("The zebra crossing was closed.", Lang.EN, translator=Upper())
    crossing = next(c for c in candidates if c.term == "zebra crossing")
    assert crossing.suggestion == "ZEBRA CROSSING"
    assert crossing.suggestion_source == "mt"


def test_initials() -> None:
    assert initials_match(
        "OSCE", ["Organization", "for", "Security", "and", "Cooperation", "in", "Europe"]
    )
    assert initials_match(
        "ОБСЕ", ["Организация", "по", "безопасности", "и", "сотрудничеству", "в", "Европе"]
    )
    assert not initials_match("NATO", ["said", "Russia"])
    assert not initials_match("OSCE", ["for", "Security"])


def test_all_caps_dateline_is_not_an_acronym() -> None:
    candidates = extract("GENEVA, Jan. 21 -- Talks in Geneva ended. Geneva was calm.", Lang.EN)
    assert "GENEVA" not in [c.term for c in candidates]
    assert "Geneva" in [c.term for c in candidates]
