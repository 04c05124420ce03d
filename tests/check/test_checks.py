"""Every check with a passing and a failing case; inflected renderings raise no alarm."""

from __future__ import annotations

import pytest

from glossary.check import CHECKS, CheckedEntry, Finding, Severity, entries_from_po, run_checks
from glossary.check.checks import numbers_in
from glossary.errors import FormatError
from glossary.formats.po import parse_po
from glossary.model import Glossary, Lang, Status, Term

EN, RU = Lang.EN, Lang.RU

GLOSSARY = Glossary(
    (
        Term("security-guarantees", en="security guarantees", ru="гарантии безопасности",
             status=Status.REVIEWED),
        Term("sphere-of-influence", en="sphere of influence", ru="сфера влияния",
             ru_forbidden=("зона интереса",), status=Status.REVIEWED),
        Term("secretary-of-state", en="Secretary of State", ru="государственный секретарь",
             ru_variants=("госсекретарь",), status=Status.REVIEWED),
        Term("osce", en="OSCE", ru="ОБСЕ", full_form="osce-full", status=Status.REVIEWED),
        Term("osce-full", en="Organization for Security and Co-operation in Europe",
             ru="Организация по безопасности и сотрудничеству в Европе", status=Status.REVIEWED),
        Term("military-bloc", en="military bloc", ru="военный блок", status=Status.DRAFT),
    )
)  # fmt: skip


def entry(
    source: str,
    target: str,
    *,
    fuzzy: bool = False,
    line: int = 1,
    file: str = "a.po",
    source_lang: Lang = EN,
) -> CheckedEntry:
    return CheckedEntry(file, line, source, target, fuzzy, source_lang, source_lang.other)


def findings(*entries: CheckedEntry, check: str) -> list[str]:
    table = [c for c in CHECKS if c.name == check]
    assert table, check
    return [f.message for f in run_checks(entries, GLOSSARY, table)]


# --- missing-term ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        "Министры обсудили гарантии безопасности.",
        "Министры договорились о гарантиях безопасности.",  # inflected: no false alarm
        "Министры не дали гарантий безопасности.",
    ],
)
def test_missing_term_passes_inflected_renderings(target: str) -> None:
    source = "The ministers discussed security guarantees."
    assert findings(entry(source, target), check="missing-term") == []


def test_missing_term_accepts_a_variant() -> None:
    e = entry("The Secretary of State arrived.", "Госсекретарь прибыл.")
    assert findings(e, check="missing-term") == []


def test_missing_term_fails_without_the_rendering() -> None:
    e = entry("Russia rejects any sphere of influence.", "Россия отвергает любые зоны интереса.")
    assert findings(e, check="missing-term") == [
        "«sphere of influence» should be translated as «сфера влияния»"
    ]


def test_missing_term_ignores_untranslated_and_unreviewed() -> None:
    assert findings(entry("security guarantees", ""), check="missing-term") == []
    assert findings(entry("A military bloc.", "Союз."), check="missing-term") == []


def test_missing_term_russian_to_english() -> None:
    ok = entry("Обсудили гарантии безопасности.", "They discussed security guarantees.",
               source_lang=RU)  # fmt: skip
    bad = entry("Обсудили гарантиями безопасности.", "They discussed assurances.", source_lang=RU)
    assert findings(ok, check="missing-term") == []
    assert findings(bad, check="missing-term") == [
        "«гарантиями безопасности» should be translated as «security guarantees»"
    ]


# --- forbidden-term --------------------------------------------------------------------


def test_forbidden_term_flags_inflected_forbidden_rendering() -> None:
    e = entry("Russia rejects any sphere of influence.", "Россия отвергает зоны интереса.")
    assert findings(e, check="forbidden-term") == [
        "«зоны интереса» is a forbidden rendering of sphere-of-influence; use «сфера влияния»"
    ]


def test_forbidden_term_passes_clean_translation() -> None:
    e = entry("Russia rejects any sphere of influence.", "Россия отвергает сферы влияния.")
    assert findings(e, check="forbidden-term") == []


# --- inconsistent ----------------------------------------------------------------------


def test_inconsistent_translations_across_files() -> None:
    first = entry("The talks ended.", "Переговоры завершились.", line=3)
    second = entry("The  talks ended.", "Переговоры окончены.", file="b.po", line=7)
    assert findings(first, second, check="inconsistent") == [
        "«The talks ended.» is translated differently at a.po:3: «Переговоры завершились.»"
    ]


def test_consistent_and_fuzzy_translations_pass() -> None:
    first = entry("The talks ended.", "Переговоры завершились.")
    same = entry("the talks ended.", "переговоры  завершились.", line=5)
    draft = entry("The talks ended.", "Что-то другое.", fuzzy=True, line=9)
    assert findings(first, same, draft, check="inconsistent") == []


# --- numbers ---------------------------------------------------------------------------


def test_numbers_pass_with_local_separators() -> None:
    e = entry("On Jan. 21, 2022, 2,500 troops moved 2.5 km.",
              "21 января 2022 г. 2 500 военных прошли 2,5 км.")  # fmt: skip
    assert findings(e, check="numbers") == []


def test_numbers_differing_are_reported() -> None:
    e = entry("The meeting lasted 90 minutes.", "Встреча длилась 19 минут.")
    assert findings(e, check="numbers") == ["numbers differ: missing 90; added 19"]


def test_numbers_in_and_inside_terms() -> None:
    assert numbers_in("1,000,000 and 07 and 3.14") == {"1000000": 1, "7": 1, "3.14": 1}
    glossary = Glossary((Term("new-start", en="New START", ru="СНВ-3", status=Status.REVIEWED),))
    e = entry("New START", "СНВ-3")
    table = [c for c in CHECKS if c.name == "numbers"]
    assert run_checks([e], glossary, table) == []


# --- acronyms --------------------------------------------------------------------------


def test_acronym_kept_or_rendered_through_the_glossary() -> None:
    kept = entry("NATO met.", "NATO собралось.")
    rendered = entry("The OSCE met.", "ОБСЕ собралась.")
    spelt_out = entry("The OSCE met.", "Организация по безопасности и сотрудничеству в Европе.")
    dateline = entry("GENEVA, Jan. 21 -- talks.", "ЖЕНЕВА, 21 января -- переговоры.")
    assert findings(kept, rendered, spelt_out, dateline, check="acronyms") == []


def test_acronym_lost() -> None:
    e = entry("The CSTO met in Moscow.", "Организация собралась в Москве.")
    assert findings(e, check="acronyms") == ["acronym «CSTO» is not in the translation"]


# --- untranslated and fuzzy ------------------------------------------------------------


def test_counts_once_per_file_at_the_first_entry() -> None:
    entries = [
        entry("One.", "Один.", line=1),
        entry("Two.", "", line=4),
        entry("Three.", "", line=7),
        entry("Four.", "Четыре.", fuzzy=True, line=10),
    ]
    result = run_checks(
        entries, GLOSSARY, [c for c in CHECKS if c.name in ("untranslated", "fuzzy")]
    )
    assert [str(f) for f in result] == [
        "a.po:4: info: untranslated: 2 of 4 entries untranslated (first here)",
        "a.po:10: info: fuzzy: 1 of 4 entries fuzzy (first here)",
    ]


def test_counts_pass_on_a_finished_file() -> None:
    e = entry("One.", "Один.")
    assert findings(e, check="untranslated") == [] and findings(e, check="fuzzy") == []


# --- the table, findings and reading PO ------------------------------------------------


def test_every_check_is_documented_with_a_severity() -> None:
    names = [c.name for c in CHECKS]
    assert len(names) == len(set(names))
    assert {c.name for c in CHECKS} >= {
        "missing-term", "forbidden-term", "inconsistent", "numbers", "acronyms",
        "untranslated", "fuzzy",
    }  # fmt: skip
    for check in CHECKS:
        assert isinstance(check.severity, Severity)
        assert len(check.doc) > 40, check.name


def test_finding_format_and_dict() -> None:
    finding = Finding("d.po", 12, Severity.ERROR, "missing-term", "text")
    assert str(finding) == "d.po:12: error: missing-term: text"
    assert finding.as_dict() == {
        "file": "d.po", "line": 12, "severity": "error", "check": "missing-term", "message": "text",
        "count": 1,
    }  # fmt: skip
    repeated = Finding("d.po", 12, Severity.ERROR, "missing-term", "text", count=2)
    assert str(repeated) == "d.po:12: error: missing-term: text (×2)"


def test_severity_thresholds() -> None:
    assert Severity.ERROR.at_least(Severity.WARNING)
    assert Severity.WARNING.at_least(Severity.WARNING)
    assert not Severity.INFO.at_least(Severity.WARNING)
    assert Severity.INFO.at_least(Severity.INFO)
    assert not Severity.WARNING.at_least(Severity.ERROR)


PO = """msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "a"
msgid "Security guarantees."
msgstr "Гарантии безопасности."

#, fuzzy
msgid "Two."
msgstr "Два."

#~ msgid "Old."
#~ msgstr "Старое."
"""


def test_entries_from_po_reads_languages_context_and_lines() -> None:
    entries = entries_from_po(parse_po(PO.encode(), "d.po"), "d.po")
    assert entries == [
        CheckedEntry("d.po", 6, "Security guarantees.", "Гарантии безопасности.", False, EN, RU,
                     "a"),
        CheckedEntry("d.po", 10, "Two.", "Два.", True, EN, RU),
    ]  # fmt: skip


def test_languages_from_the_msgids_when_headers_are_missing() -> None:
    text = PO.replace('"Language: ru\\n"\n', "")
    entries = entries_from_po(parse_po(text.encode(), "d.po"), "d.po")
    assert (entries[0].source_lang, entries[0].target_lang) == (EN, RU)


def test_no_language_at_all_is_an_error() -> None:
    data = (
        b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        b'msgid "1"\nmsgstr "2"\n'
    )
    with pytest.raises(FormatError, match=r"^d\.po:1: cannot tell the languages"):
        entries_from_po(parse_po(data, "d.po"), "d.po")


def test_an_unusable_language_header_is_placed_on_its_own_line() -> None:
    data = (
        b'# Translator notes\n# second comment\nmsgid ""\nmsgstr ""\n'
        b'"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'
        b'msgid "1"\nmsgstr "2"\n'
    )
    with pytest.raises(FormatError, match=r"^d\.po:6: cannot tell the languages"):
        entries_from_po(parse_po(data, "d.po"), "d.po")


def test_run_checks_sorts_by_file_line_and_table_order() -> None:
    entries = [
        entry(
            "Russia sees a sphere of influence in 2 states.", "Россия видит зону интереса.", line=9
        ),
        entry("The OSCE met.", "", line=2),
    ]
    result = run_checks(entries, GLOSSARY)
    assert [(f.line, f.check) for f in result] == [
        (2, "untranslated"),
        (9, "missing-term"),
        (9, "forbidden-term"),
        (9, "numbers"),
    ]
