"""The one Russian inflection: any case and number, or the form of the words replaced."""

from __future__ import annotations

import pytest

from glossary.text.ru import head_readings, inflect, inflect_like


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
    assert head_readings("очень быстро") is None
    assert inflect_like("сфера влияния", "очень быстро") is None


def test_acronyms_do_not_decline() -> None:
    assert inflect("ОБСЕ", "datv", "sing") == "ОБСЕ"


def test_names_in_apposition_decline_together() -> None:
    assert inflect("Сергей Лавров", "ablt", "sing") == "Сергеем Лавровым"


def test_capitals_of_the_term_are_kept() -> None:
    assert inflect("Совет Безопасности ООН", "loct", "sing") == "Совете Безопасности ООН"


@pytest.mark.parametrize(
    ("phrase", "case", "number", "expected"),
    [
        ("юридически обязывающие гарантии безопасности", "gent", "plur",
         "юридически обязывающих гарантий безопасности"),
        ("сфера влияния", "gent", "sing", "сферы влияния"),
        ("Постоянный совет ОБСЕ", "loct", "sing", "Постоянном совете ОБСЕ"),
        ("пресс-конференция", "ablt", "sing", "пресс-конференцией"),
        ("союзники и партнёры", "datv", "plur", "союзникам и партнёрам"),
        # a plurale tantum keeps its number
        ("переговоры", "gent", "sing", "переговоров"),
        # a dependent after "и" inside a genitive group stays as written
        ("акт о сотрудничестве и безопасности", "ablt", "sing",
         "актом о сотрудничестве и безопасности"),
        ("высший уровень", "gent", "plur", "высших уровней"),
        ("военные учения", "datv", "sing", "военному учению"),
        ("юридически обязывающий", "gent", "plur", "юридически обязывающих"),
    ],
)  # fmt: skip
def test_inflect_phrase(phrase: str, case: str, number: str, expected: str) -> None:
    assert inflect(phrase, case, number) == expected


@pytest.mark.parametrize("phrase", ["снизить напряжённость", "деэскалировать", "очень быстро"])
def test_phrases_without_a_noun_head_are_refused(phrase: str) -> None:
    assert inflect(phrase, "gent", "sing") is None


def test_acronyms_inside_a_phrase_keep_their_form() -> None:
    assert inflect("СБСЕ", "ablt", "plur") == "СБСЕ"
    assert inflect("МИД", "datv", "plur") == "МИД"


def test_the_writers_e_is_kept() -> None:
    assert inflect("напряженность", "ablt", "sing") == "напряженностью"
    assert inflect("напряжённость", "ablt", "sing") == "напряжённостью"


def test_a_name_is_put_into_the_nominative_in_the_case_its_words_share() -> None:
    """Regression (issue 14): «Наото Кана» stayed «Наото Кана» (the head, an
    indeclinable first name, read as a nominative), and foreign surnames kept an
    oblique case."""
    from glossary.text.ru import name_form

    assert name_form(["Хироси", "Кана"]) == "Хироси Кан"  # an indeclinable first name
    assert name_form(["Джеймсом", "Коллинзом"]) == "Джеймс Коллинз"  # a guessed surname
    assert name_form(["Виктории", "Нуланд"]) == "Виктория Нуланд"
    assert name_form(["Сергей", "Лавров"]) == "Сергей Лавров"  # already nominative
    # A surname the dictionary lacks, with no reading as a name, is not declined by a
    # guess («Ратке» is no dative of «Ратка»).
    assert name_form(["Ратке"]) == "Ратке"


def test_a_part_of_speech_is_weighed_over_all_its_readings() -> None:
    """Regression (issue 14): «главой» (a noun; the adjective «главый» a guess) was read
    as a modifier, and weighing single readings instead made «боевой» (an adjective whose
    score pymorphy3 splits over many forms) a noun: «боева опыт»."""
    from glossary.text.ru import dictionary_form

    assert dictionary_form(["главой", "делегации"]) == "глава делегации"
    assert dictionary_form(["боевой", "опыт"]) == "боевой опыт"
    assert dictionary_form(["военных", "инцидентов"]) == "военные инциденты"
