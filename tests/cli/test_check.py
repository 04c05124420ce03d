"""``glossary check``: the line format, JSON, exit codes and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest

from glossary.cli import main

GOOD = """msgid ""
msgstr ""
"Language: ru\\n"
"X-Source-Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#: news.txt:1
msgid "They discussed security guarantees."
msgstr "Они обсудили гарантии безопасности."

#: news.txt:2
msgid "They spoke of security guarantees."
msgstr "Они говорили о гарантиях безопасности."
"""

BAD = """msgid ""
msgstr ""
"Language: ru\\n"
"X-Source-Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Its sphere of influence grew by 10 percent."
msgstr "Его зона интереса выросла на 12 процентов."

#, fuzzy
msgid "The OSCE met."
msgstr "Организация собралась."

msgid "Untranslated."
msgstr ""
"""


@pytest.fixture
def files(workspace: Path) -> Path:
    (workspace / "good.po").write_text(GOOD, encoding="utf-8")
    (workspace / "bad.po").write_text(BAD, encoding="utf-8")
    return workspace


def test_clean_file_exits_0(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "good.po"]) == 0
    assert capsys.readouterr().out == ""


def test_findings_as_lines_exit_1(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "good.po", "bad.po"]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines == [
        "bad.po:7: error: forbidden-term: «зона интереса» is a forbidden rendering of "
        "sphere-of-influence; use «сфера влияния»",
        "bad.po:7: warning: numbers: numbers differ: missing 10; added 12",
        "bad.po:10: error: missing-term: «OSCE» should be translated as «ОБСЕ»",
        "bad.po:10: warning: acronyms: acronym «OSCE» is not in the translation",
        "bad.po:10: info: fuzzy: 1 of 3 entries fuzzy (first here)",
        "bad.po:14: info: untranslated: 1 of 3 entries untranslated (first here)",
    ]
    assert "5 entries checked" in captured.err


def test_json_output(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "bad.po", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)["findings"]
    assert data[0] == {
        "file": "bad.po",
        "line": 7,
        "severity": "error",
        "check": "forbidden-term",
        "message": "«зона интереса» is a forbidden rendering of sphere-of-influence; "
        "use «сфера влияния»",
        "count": 1,
    }
    assert {d["check"] for d in data} == {
        "forbidden-term", "numbers", "missing-term", "acronyms", "fuzzy", "untranslated",
    }  # fmt: skip
    assert main(["check", "good.po", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_malformed_po_is_one_line_with_file_and_line(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (files / "broken.po").write_text('msgid "a"\nmsgstr "b"\nnot po at all\n', encoding="utf-8")
    assert main(["check", "broken.po"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("broken.po:3: ") and len(err.splitlines()) == 1


def test_missing_file_is_one_line(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "nope.po"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("nope.po: cannot read") and len(err.splitlines()) == 1


def test_help_lists_the_checks(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    for name in ("missing-term (error)", "forbidden-term (error)", "inconsistent (warning)"):
        assert name in out


def test_a_draft_checks_out_with_only_counts(
    workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(workspace / "argos"))
    (workspace / "news.txt").write_text("The talks ended.\n", encoding="utf-8")
    assert main(["draft", "news.txt", "--to", "ru", "-o", "out.po", "--no-mt"]) == 0
    capsys.readouterr()
    # A fresh draft holds only info counts: printed, but they fail only with --fail-on info.
    assert main(["check", "out.po"]) == 0
    [entry] = [e for e in polib.pofile(str(workspace / "out.po")) if e.msgid]
    line = entry.linenum  # where the entry starts; the header's length is no contract
    assert capsys.readouterr().out.splitlines() == [
        f"out.po:{line}: info: untranslated: 1 of 1 entries untranslated (first here)"
    ]
    assert main(["check", "out.po", "--fail-on", "info"]) == 1


REPEATED = """msgid ""
msgstr ""
"Language: ru\\n"
"X-Source-Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#: memo.txt:4
msgid "The OSCE said the OSCE and only the OSCE would decide."
msgstr "Организация сказала, что решит только она."
"""


def test_a_problem_repeated_in_one_entry_is_one_finding_with_a_count(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workspace / "memo.po").write_text(REPEATED, encoding="utf-8")
    assert main(["check", "memo.po"]) == 1
    lines = capsys.readouterr().out.splitlines()
    missing = [line for line in lines if ": missing-term: " in line]
    assert missing == ["memo.po:7: error: missing-term: «OSCE» should be translated as «ОБСЕ» (×3)"]
    assert len(lines) == len(set(lines))
    assert main(["check", "memo.po", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)["findings"]
    assert [d["count"] for d in data if d["check"] == "missing-term"] == [3]


WARNING_ONLY = """msgid ""
msgstr ""
"Language: ru\\n"
"X-Source-Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#: budget.txt:2
msgid "The talks lasted 3 days."
msgstr "Переговоры длились 4 дня."
"""


def test_fail_on_threshold_decides_the_exit_code(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workspace / "budget.po").write_text(WARNING_ONLY, encoding="utf-8")
    assert main(["check", "budget.po", "--fail-on", "error"]) == 0
    assert ": warning: numbers: " in capsys.readouterr().out
    assert main(["check", "budget.po"]) == 1
    assert main(["check", "budget.po", "--fail-on", "info"]) == 1


def test_fail_on_rejects_an_unknown_level(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "x.po", "--fail-on", "fatal"])
    assert exit_info.value.code == 2


def test_draft_and_check_load_the_stored_matcher(
    workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Neither command compiles a matcher from the glossary: both load the one stored
    with the index (a 100k-concept glossary took seconds to compile each time)."""
    import glossary.index
    from glossary.matching import TermMatcher
    from glossary.model import Glossary

    monkeypatch.setenv("XDG_CACHE_HOME", str(workspace / "cache"))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(workspace / "argos"))
    (workspace / "news.txt").write_text("They discussed security guarantees.\n", "utf-8")
    loaded: list[bool] = []
    compiled: list[int] = []
    load, init = glossary.index.load_matcher, TermMatcher.__init__

    def spy_load(*args: object, forbidden: bool = False) -> TermMatcher:
        loaded.append(forbidden)
        return load(*args, forbidden=forbidden)  # type: ignore[arg-type]

    def spy_init(self: TermMatcher, terms: object, *args: object, **kwargs: object) -> None:
        compiled.append(len(terms.terms) if isinstance(terms, Glossary) else -1)
        init(self, terms, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(glossary.index, "load_matcher", spy_load)
    monkeypatch.setattr(TermMatcher, "__init__", spy_init)
    assert main(["draft", "news.txt", "--to", "ru", "-o", "out.po", "--no-mt"]) == 0
    assert main(["check", "out.po"]) == 0
    capsys.readouterr()
    assert loaded == [True, True]  # forbidden renderings included, as both need
    whole = len((workspace / "terms.csv").read_text("utf-8").splitlines()) - 1
    assert all(size < whole for size in compiled), compiled
