"""Merging candidates into terms.csv: new rows only, reviewed rows untouched."""

from __future__ import annotations

from glossary.extract import extract
from glossary.extract.merge import merge_candidates
from glossary.model import Kind, Lang, Status
from tests.conftest import small_glossary

TEXT = (
    "Russia wants security guarantees from the Organization for Security and Cooperation "
    "in Europe (OSCE).\nThe arms race worries the OSCE.\nAn arms race is costly."
)


def test_new_candidates_become_candidate_rows() -> None:
    glossary = small_glossary()
    result = merge_candidates(glossary, extract(TEXT, Lang.EN, document="a.txt"))
    added = {t.en: t for t in result.added}
    assert "arms race" in added
    row = added["arms race"]
    assert row.status is Status.CANDIDATE
    assert row.id == "arms-race"
    assert row.source == ("a.txt:2", "a.txt:3")
    assert result.glossary.get("arms-race") == row


def test_known_terms_are_deduplicated_by_lemma_key_in_any_designation() -> None:
    glossary = small_glossary()
    result = merge_candidates(glossary, extract(TEXT, Lang.EN))
    added = {t.en for t in result.added}
    # "security guarantees" (preferred), the variant spelling of the OSCE expansion and the
    # acronym are all known already.
    assert "security guarantees" not in added
    assert "security guarantee" not in added
    assert "OSCE" not in added
    assert "Organization for Security and Cooperation in Europe" not in added


def test_russian_candidates_dedupe_against_russian_designations() -> None:
    text = "Стороны обсудили гарантии безопасности и госсекретаря."
    result = merge_candidates(small_glossary(), extract(text, Lang.RU))
    assert "гарантии безопасности" not in {t.ru for t in result.added}
    assert "госсекретарь" not in {t.ru for t in result.added}


def test_existing_rows_are_unchanged_and_keep_their_order() -> None:
    glossary = small_glossary()
    result = merge_candidates(glossary, extract(TEXT, Lang.EN))
    assert result.glossary.terms[: len(glossary)] == glossary.terms


def test_new_acronym_links_to_new_expansion() -> None:
    text = "The Collective Security Treaty Organization (CSTO) met. The CSTO agreed."
    result = merge_candidates(small_glossary(), extract(text, Lang.EN))
    added = {t.en: t for t in result.added}
    assert added["CSTO"].kind is Kind.ACRONYM
    assert added["CSTO"].full_form == added["Collective Security Treaty Organization"].id


def test_merging_twice_adds_nothing_new() -> None:
    first = merge_candidates(small_glossary(), extract(TEXT, Lang.EN))
    second = merge_candidates(first.glossary, extract(TEXT, Lang.EN))
    assert second.added == ()
