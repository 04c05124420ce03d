"""Units: compounds and initials rejoined, breaks at punctuation, sentence starts."""

from __future__ import annotations

from glossary.extract.units import Units, build_units, word_set
from glossary.text.normalize import default_normalizer


def units_of(text: str) -> Units:
    return build_units(text, default_normalizer().tokens(text))


def test_hyphenated_compounds_are_one_unit() -> None:
    units = units_of("The sides agreed to de-escalate; пресс-конференция followed.")
    assert "de-escalate" in units.words
    assert "пресс-конференция" in units.words
    index = units.words.index("de-escalate")
    assert units.compound[index]
    assert units.last[index] - units.first[index] == 1


def test_a_chain_of_hyphens_is_capped() -> None:
    units = units_of("a-b-c-d-e-f-g")
    assert all(w.count("-") <= 4 for w in units.words)
    assert len([w for w in units.words if w != "|"]) > 1


def test_initials_join_into_an_acronym() -> None:
    units = units_of("The U.S. delegation arrived.")
    assert "U.S." in units.words


def test_punctuation_breaks_a_phrase_and_starts_sentences() -> None:
    units = units_of("Talks ended. Sanctions remain, officials said")
    words = units.words
    assert words[words.index("ended") + 1] == "|"
    assert units.initial[words.index("Talks")]
    assert units.initial[words.index("Sanctions")]
    assert not units.initial[words.index("officials")]
    assert words[words.index("remain") + 1] == "|"


def test_an_abbreviation_does_not_end_the_sentence() -> None:
    units = units_of("They met on Jan. Fifth anniversary talks")
    assert not units.initial[units.words.index("Fifth")]


def test_breaks_carry_no_tokens() -> None:
    units = units_of("One; two")
    breaks = [i for i, w in enumerate(units.words) if w == "|"]
    assert breaks
    assert all(units.first[i] == units.last[i] == -1 for i in breaks)


def test_word_sets_are_written_as_running_text() -> None:
    assert word_set("год  неделя\nмесяц") == frozenset({"год", "неделя", "месяц"})


def test_guillemets_mark_where_a_quotation_opens_and_closes() -> None:
    from glossary.extract.units import QUOTE_CLOSES, QUOTE_OPENS, build_units
    from glossary.text.normalize import default_normalizer

    text = "Проект «Ясный путь» начат."
    units = build_units(text, default_normalizer().tokens(text))
    marks = dict(zip(units.words, units.quotes, strict=True))
    assert marks["Ясный"] == QUOTE_OPENS
    assert marks["путь"] == QUOTE_CLOSES
    assert marks["Проект"] == 0
    plain = "Проект начат."
    assert build_units(plain, default_normalizer().tokens(plain)).quotes == []


def test_a_shared_hyphen_joins_no_break() -> None:
    """Regression: the hyphen of "short- and long-haul" broke the phrase."""
    units = units_of("They cut short- and long-haul flights, then pre- or post-war ones.")
    index = units.words.index("short-")
    assert units.compound[index]
    assert units.words[index + 1] == "and"
    assert "|" not in units.words[: units.words.index("flights")]
