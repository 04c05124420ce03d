"""Findings: their one-line form, counts, JSON shape and severity order."""

from __future__ import annotations

from glossary.check.findings import Finding, Severity


def test_a_finding_is_one_line_file_line_severity_check_message() -> None:
    finding = Finding("draft.po", 12, Severity.ERROR, "missing-term", "no «ОБСЕ»")
    assert str(finding) == "draft.po:12: error: missing-term: no «ОБСЕ»"


def test_a_repeated_problem_shows_its_count() -> None:
    finding = Finding("draft.po", 12, Severity.WARNING, "numbers", "17 missing", count=3)
    assert str(finding).endswith("17 missing (×3)")
    assert Finding("d.po", 1, Severity.INFO, "fuzzy", "fuzzy").counted == "fuzzy"


def test_json_keeps_the_bare_message_and_the_count_apart() -> None:
    finding = Finding("d.po", 5, Severity.WARNING, "numbers", "17 missing", count=2)
    assert finding.as_dict() == {
        "file": "d.po",
        "line": 5,
        "severity": "warning",
        "check": "numbers",
        "message": "17 missing",
        "count": 2,
    }


def test_severities_order_from_error_to_info() -> None:
    assert [s.rank for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)] == [0, 1, 2]
    assert Severity.ERROR.at_least(Severity.WARNING)
    assert Severity.WARNING.at_least(Severity.WARNING)
    assert not Severity.INFO.at_least(Severity.WARNING)
    assert Severity.INFO.at_least(Severity.INFO)
