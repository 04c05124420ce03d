"""The import merge: match by id, else by lemma key; reviewed concepts are protected."""

from __future__ import annotations

import polib
import pytest

from glossary.errors import FormatError
from glossary.formats import omegat, tbx, weblate_csv
from glossary.interchange import merge, reviewed_units
from glossary.model import Glossary, Kind, Lang, Status, Term, TranslationUnit
from tests.conftest import small_glossary

ALL = tbx.FIELDS


def test_matches_by_id_and_updates_a_draft() -> None:
    new = Term("sphere-of-influence", en="sphere of influence", ru="сфера влияния",
               note="New note.", status=Status.DRAFT)  # fmt: skip
    report = merge(small_glossary(), [new], ALL)
    assert [c.term_id for c in report.updated] == ["sphere-of-influence"]
    assert report.updated[0].fields == ("note",)
    term = report.glossary["sphere-of-influence"]
    assert term.note == "New note."
    assert term.definition == "A region another power dominates."  # empty never clears
    assert term.ru_forbidden == ("зона интереса",)


def test_matches_an_inflected_russian_term_by_lemma_key() -> None:
    # no id, English unknown: the Russian lemma key finds the concept
    new = Term("", en="", ru="гарантиям безопасности", note="dative form in the file")
    report = merge(small_glossary(), [new], frozenset({"en", "ru", "note"}))
    assert report.conflicts[0].term_id == "security-guarantees"  # reviewed: protected
    assert "note" in report.conflicts[0].fields
    assert not report.changed


def test_matching_both_languages_wins_over_one() -> None:
    glossary = Glossary((
        Term("a", en="bloc", ru="блок", status=Status.DRAFT),
        Term("b", en="military bloc", ru="блок", status=Status.DRAFT,
             definition="x"),
    ))  # fmt: skip
    glossary = Glossary((glossary.terms[0], Term("b", en="alliance", ru="союз")))
    report = merge(glossary, [Term("", en="alliance", ru="союз", note="n")], ALL)
    assert [c.term_id for c in report.updated] == ["b"]


def test_ambiguous_match_is_a_conflict() -> None:
    glossary = Glossary((
        Term("a", en="bloc", ru="блок", status=Status.DRAFT),
        Term("b", en="alliance", ru="союз", status=Status.DRAFT),
    ))  # fmt: skip
    report = merge(glossary, [Term("", en="bloc", ru="союз")], ALL)
    assert "matches several concepts (a, b)" in report.conflicts[0].message
    assert not report.changed


def test_reviewed_concepts_change_only_with_force() -> None:
    new = Term("osce", en="OSCE", ru="ОБСЕ", note="Changed.", kind=Kind.ACRONYM,
               status=Status.REVIEWED, full_form="osce-full")  # fmt: skip
    report = merge(small_glossary(), [new], ALL)
    assert report.conflicts[0].term_id == "osce" and report.conflicts[0].fields == ("note",)
    assert "--force" in report.conflicts[0].message
    assert report.glossary["osce"].note == ""
    forced = merge(small_glossary(), [new], ALL, force=True)
    assert forced.glossary["osce"].note == "Changed."
    assert [c.term_id for c in forced.updated] == ["osce"]


def test_a_file_never_takes_a_review_back() -> None:
    new = Term("osce", en="OSCE", ru="ОБСЕ", status=Status.DRAFT, kind=Kind.ACRONYM)
    report = merge(small_glossary(), [new], ALL, force=True)
    assert report.glossary["osce"].status is Status.REVIEWED
    assert [c.term_id for c in report.unchanged] == ["osce"]


def test_a_file_can_promote_a_draft() -> None:
    new = Term("sphere-of-influence", en="sphere of influence", status=Status.REVIEWED)
    report = merge(small_glossary(), [new], ALL)
    assert report.glossary["sphere-of-influence"].status is Status.REVIEWED
    assert report.updated[0].fields == ("status",)


def test_only_carried_fields_are_compared() -> None:
    # OmegaT carries no status, kind or definition: a draft-looking row changes nothing
    new = Term("", en="Secretary of State", ru="государственный секретарь",
               ru_variants=("госсекретарь",), status=Status.DRAFT)  # fmt: skip
    report = merge(small_glossary(), [new], omegat.FIELDS)
    assert [c.term_id for c in report.unchanged] == ["secretary-of-state"]


def test_new_concepts_are_added_with_a_valid_id() -> None:
    incoming = [
        Term("truce", en="truce", ru="перемирие", status=Status.DRAFT),
        Term("", en="arms control", ru="контроль над вооружениями"),
        Term("Bad ID!", en="ceasefire"),
        Term("osce", en="something else entirely", ru="совсем другое"),  # id taken
    ]
    report = merge(small_glossary(), incoming, frozenset({"en", "ru"}))
    added = [c.term_id for c in report.added]
    assert added[:3] == ["truce", "arms-control", "ceasefire"]
    assert [c.term_id for c in report.conflicts] == ["osce"]  # by id: a reviewed concept
    assert report.glossary.terms[-1].id == "ceasefire"  # appended, order kept
    assert report.glossary.terms[: len(small_glossary())] == small_glossary().terms


def test_repeats_within_the_file_are_conflicts() -> None:
    incoming = [Term("", en="truce", ru="перемирие"), Term("", en="Truce", ru="затишье")]
    report = merge(small_glossary(), incoming, ALL)
    assert [c.term_id for c in report.added] == ["truce"]
    assert "repeats 'truce'" in report.conflicts[0].message


def test_two_rows_for_one_concept_keep_the_first() -> None:
    incoming = [
        Term("sphere-of-influence", en="sphere of influence", note="one"),
        Term("", en="sphere of influence", note="two"),
    ]
    report = merge(small_glossary(), incoming, ALL)
    assert report.glossary["sphere-of-influence"].note == "one"
    assert "earlier in the file" in report.conflicts[0].message


def test_full_form_follows_renamed_ids() -> None:
    incoming = [
        Term("nato", en="NATO", ru="НАТО", kind=Kind.ACRONYM, full_form="nato-full"),
        Term("nato-full", en="North Atlantic Treaty Organization",
             ru="Организация Североатлантического договора"),
        Term("osce-x", en="OSCE", ru="ОБСЕ", kind=Kind.ACRONYM, full_form="osce-full-x"),
        Term("osce-full-x", en="Organization for Security and Co-operation in Europe"),
    ]  # fmt: skip
    report = merge(small_glossary(), incoming, ALL)
    assert report.glossary["nato"].full_form == "nato-full"
    assert [c.term_id for c in report.unchanged] == ["osce", "osce-full"]


def test_an_invalid_result_raises_and_names_the_concept() -> None:
    incoming = [Term("x", en="dangling", full_form="nowhere")]
    with pytest.raises(FormatError, match="concept 'x': full_form 'nowhere' names no concept"):
        merge(small_glossary(), incoming, ALL, name="in.tbx")


def test_round_trip_of_the_repo_glossary_is_unchanged_in_every_format(
    repo_glossary: Glossary,
) -> None:
    for module in (tbx, weblate_csv, omegat):
        incoming = module.read(module.write(repo_glossary), "x")
        report = merge(repo_glossary, incoming, module.FIELDS)
        assert not report.changed and not report.conflicts, module.__name__
        assert len(report.unchanged) == len(incoming)


def test_reviewed_units_of_a_draft_catalog() -> None:
    po = polib.POFile()
    po.metadata = {"Language": "ru_RU", "Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="Talks began.", msgstr="Переговоры начались.",
                            occurrences=[("news.txt", "3")]))  # fmt: skip
    po.append(polib.POEntry(msgid="Fuzzy.", msgstr="Нечётко.", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="Empty.", msgstr=""))
    po.append(polib.POEntry(msgid="Gone.", msgstr="Ушло.", obsolete=True))
    assert reviewed_units(po, "d.po") == [
        TranslationUnit(Lang.EN, "Talks began.", Lang.RU, "Переговоры начались.", "news.txt:3")
    ]
    po.metadata["Language"] = "de"
    # Built in memory: there is no line to name.
    with pytest.raises(FormatError, match=r"d\.po: Language header 'de' is not en or ru"):
        reviewed_units(po, "d.po")
