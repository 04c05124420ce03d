"""Suggestions in order of trust: the glossary, then machine translation."""

from __future__ import annotations

from collections.abc import Sequence

from glossary.extract.candidate import Candidate
from glossary.extract.suggest import suggest
from glossary.model import Kind, Lang
from tests.conftest import small_glossary


def candidate(term: str, kind: Kind = Kind.TERM) -> Candidate:
    return Candidate(term, Lang.EN, (term,), kind, 1.0, 1, (term,), (), "")


class Recorder:
    """A translator that answers from a table and records what it was asked."""

    def __init__(self, answers: dict[str, str]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    def translate(self, segments: Sequence[str]) -> list[str]:
        self.asked += segments
        return [self.answers.get(s, "") for s in segments]


def test_a_glossary_term_gets_its_rendering_and_mt_is_not_asked() -> None:
    translator = Recorder({"security guarantees": "wrong"})
    [found] = suggest([candidate("security guarantees")], small_glossary(), translator)
    assert (found.suggestion, found.suggestion_source) == ("гарантии безопасности", "glossary")
    assert translator.asked == []


def test_an_acronym_gets_its_expansion_from_the_full_form_link() -> None:
    [found] = suggest([candidate("OSCE", Kind.ACRONYM)], small_glossary())
    assert found.suggestion == "ОБСЕ"
    assert found.expansion == "Organization for Security and Co-operation in Europe"


def test_unknown_terms_go_to_the_translator_in_one_batch() -> None:
    translator = Recorder({"arms race": " гонка вооружений ", "truce": "  "})
    arms, truce = suggest([candidate("arms race"), candidate("truce")], None, translator)
    assert translator.asked == ["arms race", "truce"]
    assert (arms.suggestion, arms.suggestion_source) == ("гонка вооружений", "mt")
    assert truce.suggestion is None  # a blank output is no suggestion


def test_nothing_to_ask_gives_the_candidates_unchanged() -> None:
    candidates = [candidate("arms race")]
    assert suggest(candidates, None) == candidates
