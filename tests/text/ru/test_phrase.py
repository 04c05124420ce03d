"""Russian phrase analysis (head, agreement, readings) and dictionary forms."""

from __future__ import annotations

import pytest

from glossary.text.ru import analyse_phrase, dictionary_form, head_readings, inflect

# One phrase per case, singular and plural: (form in text, dictionary form).
SINGULAR = [
    ("Постоянный совет ОБСЕ", "Постоянный совет ОБСЕ"),
    ("Постоянного совета ОБСЕ", "Постоянный совет ОБСЕ"),
    ("Постоянному совету ОБСЕ", "Постоянный совет ОБСЕ"),
    ("территориальную целостность", "территориальная целостность"),
    ("Постоянным советом ОБСЕ", "Постоянный совет ОБСЕ"),
    ("Постоянном совете ОБСЕ", "Постоянный совет ОБСЕ"),
]
PLURAL = [
    (
        "юридически обязывающие гарантии безопасности",
        "юридически обязывающие гарантии безопасности",
    ),
    (
        "юридически обязывающих гарантий безопасности",
        "юридически обязывающие гарантии безопасности",
    ),
    ("гарантиям безопасности", "гарантии безопасности"),
    ("бывшие советские республики", "бывшие советские республики"),
    ("бывшими советскими республиками", "бывшие советские республики"),
    ("бывших советских республиках", "бывшие советские республики"),
]


@pytest.mark.parametrize(("phrase", "expected"), SINGULAR)
def test_singular_phrase_in_each_case_goes_to_nominative(phrase: str, expected: str) -> None:
    assert dictionary_form(phrase) == expected


@pytest.mark.parametrize(("phrase", "expected"), PLURAL)
def test_plural_phrase_in_each_case_stays_plural(phrase: str, expected: str) -> None:
    assert dictionary_form(phrase) == expected


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("nomn", "Постоянный совет ОБСЕ"),
        ("gent", "Постоянного совета ОБСЕ"),
        ("datv", "Постоянному совету ОБСЕ"),
        ("accs", "Постоянный совет ОБСЕ"),
        ("ablt", "Постоянным советом ОБСЕ"),
        ("loct", "Постоянном совете ОБСЕ"),
    ],
)
def test_inflect_into_every_case(case: str, expected: str) -> None:
    assert inflect("Постоянный совет ОБСЕ", case) == expected


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("nomn", "гарантии безопасности"),
        ("gent", "гарантий безопасности"),
        ("datv", "гарантиям безопасности"),
        ("accs", "гарантии безопасности"),
        ("ablt", "гарантиями безопасности"),
        ("loct", "гарантиях безопасности"),
    ],
)
def test_inflect_plural_into_every_case(case: str, expected: str) -> None:
    assert inflect("гарантии безопасности", case, "plur") == expected


def test_analysis_names_head_modifiers_and_dependents() -> None:
    analysis = analyse_phrase(["юридически", "обязывающими", "гарантиями", "безопасности"])
    assert analysis.head == 2
    assert analysis.modifiers == (1,)
    assert analysis.dependents == (3,)
    assert analysis.case == "ablt"
    assert analysis.number == "plur"


def test_genitive_dependents_and_acronyms_stay_as_written() -> None:
    assert dictionary_form("министра иностранных дел") == "министр иностранных дел"
    assert dictionary_form("Организации Североатлантического договора") == (
        "Организация Североатлантического договора"
    )


def test_adjective_that_is_also_a_noun_modifies_the_next_word() -> None:
    assert dictionary_form("военных инцидентов") == "военные инциденты"


def test_superlative_keeps_its_stem() -> None:
    assert dictionary_form("высшем уровне") == "высший уровень"


def test_coordinated_nouns_each_go_to_nominative() -> None:
    assert dictionary_form("союзников и партнёров") == "союзники и партнёры"


def test_number_can_be_forced() -> None:
    assert dictionary_form("гарантии безопасности", "sing") == "гарантия безопасности"


def test_phrase_without_a_noun_is_left_alone() -> None:
    assert dictionary_form("очень быстро") == "очень быстро"
    assert analyse_phrase(["очень", "быстро"]).head == -1


def test_unknown_case_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown case 'vocative'"):
        inflect("совет", "vocative")
    with pytest.raises(ValueError, match="unknown number"):
        inflect("совет", "nomn", "dual")


def test_readings_pair_case_with_number() -> None:
    # «зоны»: genitive singular, or nominative/accusative plural, never genitive plural.
    readings = analyse_phrase(["зоны", "интереса"]).readings
    assert ("gent", "sing") in readings
    assert ("nomn", "plur") in readings
    assert ("gent", "plur") not in readings


def test_head_readings_narrowed_by_preposition_and_agreeing_word() -> None:
    assert head_readings("зоны интереса", "из") == {("gent", "sing")}
    assert head_readings("область", "каждую") == {("accs", "sing")}


def test_head_readings_of_an_adjective_group() -> None:
    readings = head_readings("юридически обязывающих")
    assert readings is not None
    assert ("gent", "plur") in readings


def test_a_verb_is_not_read_as_a_predicted_noun() -> None:
    # pymorphy3's suffix guesser also offers «деэскалировать» as a feminine noun.
    assert analyse_phrase(["деэскалировать"]).head == -1


def test_an_abbreviation_reading_modifies_no_following_noun() -> None:
    """Regression: «тур выборов» became «тур выборы»: «тур» has an abbreviated-adjective
    reading (for «турецкий») that was taken as a modifier of «выборов»."""
    assert dictionary_form("тур выборов") == "тур выборов"
    assert dictionary_form("второй тур выборов") == "второй тур выборов"
    assert dictionary_form("второго тура") == "второй тур"
