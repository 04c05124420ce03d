"""Putting an approved Russian term into the case and number of the words it replaces."""

from __future__ import annotations

import pytest

from glossary.text.inflect_ru import head_forms, inflect_like, inflect_term


@pytest.mark.parametrize(
    ("term", "replaced", "preposition", "expected"),
    [
        ("сфера влияния", "зоне интереса", "в", "сфере влияния"),
        ("сфера влияния", "зону интереса", "", "сферу влияния"),
        ("сфера влияния", "зоной интереса", "", "сферой влияния"),
        # gent sg / nomn pl / accs pl all give the same form: safe.
        ("сфера влияния", "зоны интереса", "", "сферы влияния"),
        ("гарантии безопасности", "гарантиях защиты", "о", "гарантиях безопасности"),
        ("государственный секретарь", "секретарю государства", "", "государственному секретарю"),
        ("военные учения", "военных упражнений", "", "военных учений"),
        ("меры доверия", "мерами построения доверия", "", "мерами доверия"),
        (
            "Организация Североатлантического договора",
            "Организации Северо-Атлантического договора",
            "в",
            "Организации Североатлантического договора",
        ),
    ],
)
def test_inflects_to_the_replaced_form(
    term: str, replaced: str, preposition: str, expected: str
) -> None:
    assert inflect_like(term, replaced, preposition) == expected


def test_ambiguous_readings_are_refused() -> None:
    # «Хартии» may be genitive, dative, prepositional singular or a plural: no guess.
    assert inflect_like("Устав ООН", "Хартии ООН") is None


def test_a_preposition_settles_an_ambiguous_case() -> None:
    assert inflect_like("Устав ООН", "Хартии ООН", "согласно") == "Уставу ООН"


def test_a_phrase_without_a_noun_or_adjective_has_no_head() -> None:
    assert head_forms("очень быстро") is None
    assert inflect_like("сфера влияния", "очень быстро") is None


def test_acronyms_do_not_decline() -> None:
    assert inflect_term("ОБСЕ", "datv", "sing") == "ОБСЕ"


def test_names_in_apposition_decline_together() -> None:
    assert inflect_term("Сергей Лавров", "ablt", "sing") == "Сергеем Лавровым"


def test_capitals_of_the_term_are_kept() -> None:
    assert inflect_term("Совет Безопасности ООН", "loct", "sing") == "Совете Безопасности ООН"
