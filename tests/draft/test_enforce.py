"""Glossary enforcement on machine drafts, with a deterministic translator."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from glossary.draft.drafts import Drafter
from glossary.draft.enforce import Enforcer, Replacement
from glossary.model import Glossary, Lang, Status, Term
from glossary.text.segment import Segment

EN, RU = Lang.EN, Lang.RU

GLOSSARY = Glossary(
    (
        Term("sphere-of-influence", en="sphere of influence", ru="сфера влияния",
             ru_forbidden=("зона интереса",), status=Status.REVIEWED),
        Term("secretary-of-state", en="Secretary of State", ru="государственный секретарь",
             ru_variants=("госсекретарь",), ru_forbidden=("секретарь государства",),
             status=Status.REVIEWED),
        Term("un-charter", en="UN Charter", ru="Устав ООН", ru_forbidden=("Хартия ООН",),
             en_forbidden=("UN Statute",), status=Status.REVIEWED),
        Term("security-guarantees", en="security guarantees", ru="гарантии безопасности",
             status=Status.REVIEWED),
        Term("military-bloc", en="military bloc", ru="военный блок", status=Status.DRAFT),
    )
)  # fmt: skip


class FixedTranslator:
    """A test double: translates by a fixed table, records every batch it was given."""

    def __init__(self, table: Mapping[str, str]) -> None:
        self.table = table
        self.batches: list[list[str]] = []

    def translate(self, segments: Sequence[str]) -> list[str]:
        self.batches.append(list(segments))
        return [self.table.get(s, "") for s in segments]


def enforcer(source: Lang = EN, target: Lang = RU) -> Enforcer:
    return Enforcer(GLOSSARY, source, target)


def test_approved_rendering_present_in_any_form_is_left_alone() -> None:
    result = enforcer().enforce(
        "They discussed security guarantees.", "Они обсудили гарантиями безопасности."
    )
    assert result.text == "Они обсудили гарантиями безопасности."
    assert result.notes == []


def test_an_admitted_variant_is_approved_too() -> None:
    result = enforcer().enforce("The Secretary of State came.", "Госсекретарь приехал.")
    assert result.text == "Госсекретарь приехал." and result.notes == []


def test_forbidden_rendering_is_replaced_in_the_right_case() -> None:
    result = enforcer().enforce(
        "NATO sees Ukraine as part of its sphere of influence.",
        "НАТО видит Украину частью своей зоны интереса.",
    )
    assert result.text == "НАТО видит Украину частью своей сферы влияния."
    assert result.replacements == (
        Replacement("sphere-of-influence", "зоны интереса", "сферы влияния"),
    )
    assert result.notes == ["enforced: «зоны интереса» → «сферы влияния» (sphere-of-influence)"]


def test_replacement_follows_a_preposition_and_capitalises_at_sentence_start() -> None:
    result = enforcer().enforce(
        "The Secretary of State met the press.", "Секретарь государства встретился с прессой."
    )
    assert result.text == "Государственный секретарь встретился с прессой."
    result = enforcer().enforce("They spoke of the UN Charter.", "Они говорили о Хартии ООН.")
    assert result.text == "Они говорили об Уставе ООН."
    assert result.replacements == (Replacement("un-charter", "Хартии ООН", "Уставе ООН"),)


def test_another_known_translation_is_replaced() -> None:
    result = enforcer().enforce(
        "They respect each sphere of influence.",
        "Они уважают каждую область воздействия.",
        {"sphere-of-influence": ["область воздействия"]},
    )
    assert result.text == "Они уважают каждую сферу влияния."


def test_a_verb_before_leaves_nominative_and_accusative_open() -> None:
    result = enforcer().enforce(
        "Russia rejects the sphere of influence.",
        "Россия отвергает область воздействия.",
        {"sphere-of-influence": ["область воздействия"]},
    )
    assert result.text == "Россия отвергает область воздействия."
    assert result.notes == [
        "review: «сфера влияния» (sphere-of-influence) missing for «sphere of influence»; "
        "«область воздействия» should be replaced by it in the right form"
    ]


def test_unsafe_replacement_is_flagged_not_made() -> None:
    # «Хартии» without a preposition may be in four cases: the draft is not touched.
    result = enforcer().enforce("The UN Charter matters.", "Хартии ООН важны.")
    assert result.text == "Хартии ООН важны."
    assert result.missing == ("un-charter",)
    assert any("«Устав ООН» (un-charter) missing" in note for note in result.notes)
    assert any("forbidden rendering «Хартии ООН»" in note for note in result.notes)


def test_missing_term_without_a_candidate_is_flagged() -> None:
    result = enforcer().enforce("Security guarantees matter.", "Это важно.")
    assert result.text == "Это важно."
    assert result.notes == [
        "review: «гарантии безопасности» (security-guarantees) missing for «Security "
        "guarantees»; the draft has no rendering of it that could be replaced"
    ]


def test_forbidden_rendering_of_a_term_not_in_the_source_is_never_silent() -> None:
    result = enforcer().enforce("Something else.", "Они читали Хартию ООН.")
    assert result.text == "Они читали Хартию ООН."
    assert result.notes == [
        "review: forbidden rendering «Хартию ООН» of un-charter (use «Устав ООН»)"
    ]


def test_terms_not_reviewed_are_not_enforced() -> None:
    result = enforcer().enforce("A military bloc formed.", "Сформировался союз.")
    assert result.notes == []


def test_english_target_takes_the_number_of_the_replaced_words() -> None:
    glossary = Glossary(
        (Term("sanction", en="sanction", ru="санкция", en_forbidden=("penalty",),
              status=Status.REVIEWED),)
    )  # fmt: skip
    result = Enforcer(glossary, RU, EN).enforce("Санкции ввели.", "Penalties were imposed.")
    assert result.text == "Sanctions were imposed."


def test_drafter_enforces_machine_drafts_with_the_terms_own_translation() -> None:
    translator = FixedTranslator(
        {
            "Russia rejects the sphere of influence.": "Россия против области воздействия.",
            "sphere of influence": "область воздействия.",
        }
    )
    drafter = Drafter(GLOSSARY, EN, RU, translator=translator, translator_label="fixed en→ru")
    [draft] = drafter.draft([Segment("Russia rejects the sphere of influence.", 4)])
    assert draft.msgstr == "Россия против сферы влияния."
    assert draft.fuzzy
    assert draft.provenance == (
        "draft: machine translation (fixed en→ru)",
        "enforced: «области воздействия» → «сферы влияния» (sphere-of-influence)",
    )
    # One batch for the sentences, one for the missing terms on their own.
    assert translator.batches == [
        ["Russia rejects the sphere of influence."],
        ["sphere of influence"],
    ]
