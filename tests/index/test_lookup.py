"""The lookup cascade: exact, lemma, variant, acronym, prefix/substring, fuzzy."""

from __future__ import annotations

import pytest

from glossary.formats import terms_csv
from glossary.index import Lookup, Match
from glossary.model import Kind, Lang
from glossary.text.ru import CASES, NUMBERS, inflect

from .conftest import REPO_TERMS


def _russian_forms() -> list[tuple[str, str]]:
    """(concept id, inflected designation) for every Russian noun-phrase term: 6 cases × 2."""
    glossary, _ = terms_csv.load(REPO_TERMS)
    cases = []
    for term in glossary:
        numbers = ("sing",) if term.kind in (Kind.PERSON, Kind.PLACE) else NUMBERS
        for designation in term.designations(Lang.RU):
            for case in CASES:
                for number in numbers:
                    form = inflect(designation, case, number)
                    if form is not None:
                        cases.append((term.id, form))
    return cases


def test_every_case_and_number_of_every_russian_term(repo_lookup: Lookup) -> None:
    forms = _russian_forms()
    assert len(forms) > 1000  # the generator really produced the paradigms
    missed = [
        (term_id, form)
        for term_id, form in forms
        if term_id not in {h.term.id for h in repo_lookup.lookup(form)[:3]}
        or repo_lookup.lookup(form)[0].match.rank > Match.VARIANT.rank
    ]
    assert missed == []


@pytest.mark.parametrize(
    ("query", "term_id", "match"),
    [
        ("sphere of influence", "sphere-of-influence", Match.EXACT),
        ("Sphere of Influence", "sphere-of-influence", Match.LEMMA),
        ("spheres of influence", "sphere-of-influence", Match.LEMMA),
        ("сферы влияния", "sphere-of-influence", Match.LEMMA),
        ("гарантиям безопасности", "security-guarantees", Match.LEMMA),
        ("юридически обязывающих гарантий безопасности",
         "legally-binding-security-guarantees", Match.LEMMA),
        ("security guarantee", "security-guarantees", Match.LEMMA),
        ("de–escalate", "de-escalate", Match.LEMMA),
        ("«Минские соглашения»", "minsk-agreements", Match.LEMMA),
        ("напряжённости", "tensions", Match.LEMMA),
        ("НАПРЯЖЕННОСТЬ", "tensions", Match.LEMMA),
        ("госсекретарём", "secretary-of-state", Match.VARIANT),
        ("Minsk accords", "minsk-agreements", Match.VARIANT),
        ("cease-fire", "ceasefire", Match.VARIANT),
        ("ceasefires", "ceasefire", Match.LEMMA),
        ("military drill", "military-exercises", Match.VARIANT),
        ("Уставом ООН", "un-charter", Match.LEMMA),
        ("Шерманом", "wendy-sherman", Match.VARIANT),
    ],
)  # fmt: skip
def test_first_hit(repo_lookup: Lookup, query: str, term_id: str, match: Match) -> None:
    hit = repo_lookup.lookup(query)[0]
    assert (hit.term.id, hit.match) == (term_id, match)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("OSCE", ["osce", "osce-full"]),
        ("ОБСЕ", ["osce", "osce-full"]),
        ("Organization for Security and Co-operation in Europe", ["osce-full", "osce"]),
        ("Организации по безопасности и сотрудничеству в Европе", ["osce-full", "osce"]),
        ("nato", ["nato", "nato-full"]),
        ("Североатлантическому альянсу", ["nato-full", "nato"]),
    ],
)
def test_acronyms_both_ways(repo_lookup: Lookup, query: str, expected: list[str]) -> None:
    hits = repo_lookup.lookup(query)
    assert [h.term.id for h in hits] == expected
    assert hits[1].match is Match.ACRONYM
    assert hits[1].via == expected[0]


def test_acronym_from_initials_without_a_link(repo_lookup: Lookup) -> None:
    # "Organisation" (British spelling) is no designation; its initials are CSTO
    hits = repo_lookup.lookup("Collective Security Treaty Organisation")
    assert [(h.term.id, h.match) for h in hits] == [("csto", Match.ACRONYM)]
    spelled = repo_lookup.lookup("ОДКБ", everything=True)
    assert ("csto-full", Match.ACRONYM) in [(h.term.id, h.match) for h in spelled]


def test_lang_restricts_the_query_language(repo_lookup: Lookup) -> None:
    assert [h.term.id for h in repo_lookup.lookup("ОБСЕ", Lang.RU)] == ["osce", "osce-full"]
    assert all(h.lang is Lang.RU for h in repo_lookup.lookup("ОБСЕ", Lang.RU))
    assert repo_lookup.lookup("ОБСЕ", Lang.EN) == []
    assert repo_lookup.lookup("OSCE", Lang.RU) == []


def test_prefix_and_substring(repo_lookup: Lookup) -> None:
    hits = repo_lookup.lookup("гарант")
    assert hits[0].term.id == "security-guarantees"
    assert hits[0].match is Match.PREFIX
    substring = {h.term.id for h in hits if h.match is Match.SUBSTRING}
    assert "legally-binding-security-guarantees" in substring
    # word-level substring through lemma keys: an inflected inner phrase
    inner = repo_lookup.lookup("обязывающих гарантий")
    assert inner[0].term.id == "legally-binding-security-guarantees"
    assert inner[0].match is Match.SUBSTRING


def test_fuzzy_did_you_mean(repo_lookup: Lookup) -> None:
    hits = repo_lookup.lookup("securty garantees")
    assert hits[0].term.id == "security-guarantees"
    assert hits[0].match is Match.FUZZY
    assert 80 <= hits[0].score < 100


def test_no_match_has_suggestions(repo_lookup: Lookup) -> None:
    assert repo_lookup.lookup("xyzzy") == []
    assert repo_lookup.lookup("   ") == []
    suggestions = repo_lookup.fuzzy("Sergei Lavro")
    assert suggestions[0].term.id == "sergey-lavrov"


def test_everything_runs_all_stages(repo_lookup: Lookup) -> None:
    hits = repo_lookup.lookup("security guarantees", everything=True)
    matches = {h.term.id: h.match for h in hits}
    assert matches["security-guarantees"] is Match.EXACT
    assert matches["legally-binding-security-guarantees"] is Match.SUBSTRING
    assert [h.match.rank for h in hits] == sorted(h.match.rank for h in hits)


def test_json_has_the_documented_fields(repo_lookup: Lookup) -> None:
    record = repo_lookup.lookup("сферы влияния")[0].to_json()
    assert {"id", "en", "ru", "status", "match", "score"} <= record.keys()
    assert record["match"] == "lemma"
    assert record["status"] == "reviewed"


def test_unseen_russian_word_is_lemmatised_as_a_fallback(repo_lookup: Lookup) -> None:
    # "суверенитетами" is in the forms table; a word not there goes through pymorphy3
    assert repo_lookup.keys("суверенитетами") == ["суверенитет"]
    assert repo_lookup.keys("кошками") == ["кошка"]


def test_match_keys_agree_with_the_matcher(repo_lookup: Lookup) -> None:
    from glossary.matching import TermMatcher

    matcher = TermMatcher.from_keys(repo_lookup.match_keys())
    spans = matcher.find("Постпред при ОБСЕ говорил о сферах влияния.")
    assert [s.term_ids for s in spans] == [("permanent-representative",), ("osce",),
                                           ("sphere-of-influence",)]  # fmt: skip


def test_every_case_and_number_is_annotated(repo_lookup: Lookup) -> None:
    from glossary.matching import TermMatcher

    matcher = TermMatcher.from_keys(repo_lookup.match_keys())
    missed = []
    for term_id, form in _russian_forms():
        spans = matcher.find(form)
        whole = [s for s in spans if s.start == 0 and s.end == len(form)]
        if not whole or term_id not in whole[0].term_ids:
            missed.append((term_id, form))
    # "после" (locative of посол) is the preposition "after" far more often: not a hit
    assert missed == [("ambassador", "после")]


def test_forbidden_rendering_names_the_approved_one(repo_lookup: Lookup) -> None:
    (hit,) = repo_lookup.lookup("секретаря государства")
    assert (hit.term.id, hit.match, hit.forbidden) == ("secretary-of-state", Match.FORBIDDEN, True)
    assert hit.approved == "государственный секретарь"
    assert hit.to_json()["approved"] == "государственный секретарь"
    # forbidden renderings are never suggested nor completed as if they were terms
    assert all(not h.forbidden for h in repo_lookup.fuzzy("секретар государства"))


def test_terms_contained_in_a_pasted_phrase(repo_lookup: Lookup) -> None:
    query = "территориальной целостности Украины"
    hits = repo_lookup.lookup(query)
    assert [(h.term.id, h.match, h.position) for h in hits] == [
        ("territorial-integrity", Match.CONTAINED, (0, 27)),
        ("ukraine", Match.CONTAINED, (28, 35)),
    ]
    assert query[28:35] == "Украины"


def test_contained_prefers_the_longest_cover(repo_lookup: Lookup) -> None:
    hits = repo_lookup.lookup("юридически обязывающих гарантий безопасности для Европы")
    assert hits[0].term.id == "legally-binding-security-guarantees"
    assert hits[0].position == (0, 44)
    assert "security-guarantees" not in {h.term.id for h in hits}
    assert "europe" in {h.term.id for h in hits}
    # with every stage, the nested terms are listed too, after the whole-query match
    nested = repo_lookup.lookup("юридически обязывающих гарантий безопасности", everything=True)
    assert [(h.term.id, h.match, h.position) for h in nested] == [
        ("legally-binding-security-guarantees", Match.LEMMA, None),
        ("legally-binding", Match.CONTAINED, (0, 22)),
        ("security-guarantees", Match.CONTAINED, (23, 44)),
    ]


@pytest.mark.parametrize(
    ("typo", "term_id"),
    [
        ("securty garantees", "security-guarantees"),  # typos after the first letters
        ("sceurity guarantees", "security-guarantees"),  # two letters swapped early
        ("scurity guarantees", "security-guarantees"),  # an early letter missing
        ("Sergei Lavro", "sergey-lavrov"),
    ],
)
def test_fuzzy_candidates_of_a_large_index_find_typos(
    repo_lookup: Lookup, monkeypatch: pytest.MonkeyPatch, typo: str, term_id: str
) -> None:
    from glossary.index import lookup as lookup_module

    whole = [h.term.id for h in repo_lookup.fuzzy(typo)]
    monkeypatch.setattr(lookup_module, "FUZZY_SCAN_ALL", 0)  # as if it held millions
    bucketed = [h.term.id for h in repo_lookup.fuzzy(typo)]
    assert bucketed[0] == whole[0] == term_id


def test_terms_in_a_batch_are_the_terms_one_by_one(repo_lookup: Lookup) -> None:
    """The batch fetch that annotation uses gives what ``term`` gives, leaves unknown
    ids out, and shares its memo with ``term``."""
    ids = [row[0] for row in repo_lookup.db.execute("SELECT id FROM concepts LIMIT 700")]
    assert len(ids) > 500 or ids, "the repo glossary has concepts"
    found = repo_lookup.terms([*ids, "no-such-concept", ids[0]])
    assert list(found) == ids
    assert all(found[i] == repo_lookup.term(i) for i in ids)
    assert found[ids[0]] is repo_lookup.term(ids[0])
    assert repo_lookup.terms([]) == {}
    assert list(repo_lookup.terms(iter(ids[:3]))) == ids[:3]  # read once


def test_summaries_are_the_terms_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a plain annotation shows of a concept, read in SQL, is what its term says;
    unknown ids are left out; without SQLite's JSON functions the terms give it."""
    from glossary.index import lookup as lookup_module
    from glossary.index import open_lookup

    from ..conftest import small_glossary

    glossary = small_glossary()
    lookup = open_lookup(glossary, morphology=False)
    ids = [t.id for t in glossary]
    expected = {t.id: (t.en, t.ru, t.reviewed) for t in glossary}
    assert {reviewed for _, _, reviewed in expected.values()} == {True, False}
    assert any(not en or not ru for en, ru, _ in expected.values())
    assert lookup.summaries([*ids, "no-such-concept", ids[0]]) == expected
    assert lookup.summaries(iter(ids[:3])) == {i: expected[i] for i in ids[:3]}
    monkeypatch.setattr(lookup_module, "_SUMMARY_SQL", "SELECT no_such_function(?)")
    assert lookup.summaries([*ids, "no-such-concept"]) == expected


@pytest.mark.parametrize(
    "query",
    ["гарант", "обязывающих гарантий", "безопасност", "влияния", "обязывающие гаран", "е гаран"],
)
def test_substring_stage_of_a_large_index_finds_what_one_scan_finds(
    repo_lookup: Lookup, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    from glossary.index import lookup as lookup_module

    def substring_hits() -> list[tuple[str, str, float]]:
        hits = repo_lookup.lookup(query, everything=True)
        return sorted((h.term.id, h.matched, h.score) for h in hits if h.match is Match.SUBSTRING)

    scanned = substring_hits()
    monkeypatch.setattr(lookup_module, "FUZZY_SCAN_ALL", 0)  # as if it held millions
    assert substring_hits() == scanned
    assert scanned or query == "влияния"  # «сфера влияния» starts with no such prefix
    if " " in query:  # the last word only begins a designation word: still a candidate
        assert "legally-binding-security-guarantees" in [hit[0] for hit in scanned]


def test_substring_stage_skips_a_key_with_a_word_no_designation_has(
    repo_lookup: Lookup, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A misspelt word's key is inside no designation's key, so a large index does not
    scan every key for it (a million-row scan); a correctly spelt one is still scanned,
    and the hits are what one scan of the table finds."""
    from glossary.index import lookup as lookup_module

    def scanned_keys(query: str) -> tuple[bool, list[tuple[str, str]]]:
        statements: list[str] = []
        repo_lookup.db.set_trace_callback(statements.append)
        try:
            hits = repo_lookup.lookup(query, everything=True)
        finally:
            repo_lookup.db.set_trace_callback(None)
        substring = sorted((h.term.id, h.matched) for h in hits if h.match is Match.SUBSTRING)
        return any("instr(key" in sql for sql in statements), substring

    whole = {q: scanned_keys(q)[1] for q in ("гарантий безопасности", "гарантий бизопасности")}
    monkeypatch.setattr(lookup_module, "FUZZY_SCAN_ALL", 0)  # as if it held millions
    assert scanned_keys("гарантий безопасности") == (True, whole["гарантий безопасности"])
    assert "legally-binding-security-guarantees" in [i for i, _ in whole["гарантий безопасности"]]
    assert scanned_keys("гарантий бизопасности") == (False, whole["гарантий бизопасности"])


def test_no_stage_of_a_large_index_scans_the_designations_table(
    repo_lookup: Lookup, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every statement of a misspelt and of an acronym lookup searches an index (the
    initials and substring stages each scanned a million-row table: 0.3 and 0.8 s);
    the fuzzy candidates are read once for the lookup and its suggestions."""
    from glossary.index import lookup as lookup_module

    monkeypatch.setattr(lookup_module, "FUZZY_SCAN_ALL", 0)
    statements: list[str] = []
    repo_lookup.db.set_trace_callback(statements.append)
    try:
        for query in ("сфера влиянея", "ОДКБ", "юриддически обязывающие"):
            repo_lookup.lookup(query)
            repo_lookup.fuzzy(query)  # what search() asks after no match
    finally:
        repo_lookup.db.set_trace_callback(None)
    plans = {
        sql: [row[3] for row in repo_lookup.db.execute(f"EXPLAIN QUERY PLAN {sql}")]
        for sql in statements
        if "designations" in sql
    }
    assert plans
    assert [sql for sql, plan in plans.items() if "SCAN designations" in plan] == []
    candidates = [sql for sql in statements if "length(surface) BETWEEN" in sql]
    assert len(candidates) == len(set(candidates))
