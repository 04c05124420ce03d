"""``glossary draft``: stdin/stdout, memory, the no-model notice, merging, errors, Argos."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from glossary.cli import main
from glossary.formats import tmx
from glossary.model import Lang, TranslationUnit
from tests.cli.test_mt import argos_dirs, tiny_package

__all__ = ["argos_dirs", "tiny_package"]  # fixtures shared with test_mt

TEXT = (
    "GENEVA, Jan. 21 -- U.S. Secretary of State Antony Blinken met Lavrov.\n"
    "\n"
    "They discussed security guarantees and the OSCE. The talks ended.\n"
)
MEMORY_PO = """msgid ""
msgstr ""
"Language: ru\\n"
"X-Source-Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "The talks ended."
msgstr "Переговоры завершились."
"""
NO_MODEL = "no MT model installed for en→ru"


@pytest.fixture
def news(workspace: Path, argos_dirs: Path) -> Path:
    path = workspace / "news.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def read_po(path: Path) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in polib.pofile(str(path)) if not e.obsolete}


def msgfmt_ok(path: Path) -> None:
    msgfmt = shutil.which("msgfmt")
    assert msgfmt is not None
    result = subprocess.run(
        [msgfmt, "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_draft_to_a_file_without_a_model(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", "news.txt", "--to", "ru", "-o", "out.po"]) == 0
    err = capsys.readouterr().err
    assert err.count(NO_MODEL) == 1
    assert "wrote out.po: 3 sentences" in err
    entries = read_po(news.parent / "out.po")
    assert list(entries) == [
        "GENEVA, Jan. 21 -- U.S. Secretary of State Antony Blinken met Lavrov.",
        "They discussed security guarantees and the OSCE.",
        "The talks ended.",
    ]
    second = entries["They discussed security guarantees and the OSCE."]
    assert second.occurrences == [("news.txt", "3")]
    assert "glossary: security guarantees → гарантии безопасности (reviewed)" in second.comment
    assert "glossary: OSCE → ОБСЕ (reviewed)" in second.comment
    assert all(e.msgstr == "" and not e.flags for e in entries.values())
    msgfmt_ok(news.parent / "out.po")


def test_draft_from_stdin_to_stdout_with_po_and_tmx_memory(
    news: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    (news.parent / "memory.po").write_text(MEMORY_PO, encoding="utf-8")
    unit = TranslationUnit(
        Lang.EN, "They discussed security guarantees and OSCE.", Lang.RU, "Обсудили гарантии.", "t"
    )
    (news.parent / "memory.tmx").write_bytes(tmx.write([unit]))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode())))
    argv = ["draft", "-", "--to", "ru", "--memory", "memory.po", "memory.tmx", "--no-mt"]
    assert main(argv) == 0
    captured = capsysbinary.readouterr()
    assert NO_MODEL.encode() not in captured.err  # --no-mt: nothing to announce
    po = polib.pofile(captured.out.decode())
    entries = {e.msgid: e for e in po}
    ended = entries["The talks ended."]
    assert ended.msgstr == "Переговоры завершились."
    assert ended.flags == ["fuzzy"]
    assert "draft: memory 100% memory.po:7" in ended.comment
    fuzzy = entries["They discussed security guarantees and the OSCE."]
    assert fuzzy.msgstr == "Обсудили гарантии."
    assert "draft: memory 9" in fuzzy.comment and "% t" in fuzzy.comment
    assert ended.occurrences == [("stdin", "3")]


def test_reviewed_catalogs_are_memory(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogs", "build"]) == 0
    news.write_text("Security guarantees\n", encoding="utf-8")
    assert main(["draft", "news.txt", "--to", "ru", "-o", "out.po"]) == 0
    entry = read_po(news.parent / "out.po")["Security guarantees"]
    assert entry.msgstr == "гарантии безопасности"
    assert "draft: memory 100% locales/ru/LC_MESSAGES/glossary.po:" in entry.comment


def test_redraft_keeps_the_reviewers_translation(
    news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = news.parent / "out.po"
    assert main(["draft", "news.txt", "--to", "ru", "-o", "out.po"]) == 0
    po = polib.pofile(str(out))
    po.find("The talks ended.").msgstr = "Переговоры закончились."
    po.save(str(out))
    news.write_text(TEXT + "\nA new paragraph.\n", encoding="utf-8")
    assert main(["draft", "news.txt", "--to", "ru", "-o", "out.po"]) == 0
    entries = read_po(out)
    assert entries["The talks ended."].msgstr == "Переговоры закончились."
    assert entries["The talks ended."].flags == []
    assert entries["A new paragraph."].occurrences == [("news.txt", "5")]
    msgfmt_ok(out)


def test_malformed_existing_output_is_one_line_with_file_and_line(
    news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (news.parent / "out.po").write_text('msgid "a"\nmsgstr "b"\nbroken here\n', encoding="utf-8")
    assert main(["draft", "news.txt", "--to", "ru", "-o", "out.po"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("out.po:3: ") and len(err.splitlines()) == 1


def test_malformed_memory_is_one_line_with_file_and_line(
    news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (news.parent / "bad.po").write_text('msgid "a"\nmsgstr "b"\n"dangling\n', encoding="utf-8")
    assert main(["draft", "news.txt", "--to", "ru", "--memory", "bad.po"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("bad.po:") and len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["draft", "missing.txt", "--to", "ru"], "missing.txt: cannot read"),
        (["draft", "news.txt", "--to", "ru", "--threshold", "120"], "--threshold must be"),
        (["draft", "news.txt", "--to", "ru", "--memory", "m.csv"], "unknown memory format"),
    ],
)
def test_bad_input_is_one_line(
    news: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if "m.csv" in argv:
        (news.parent / "m.csv").write_text("a,b\n", encoding="utf-8")
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1


def test_draft_through_a_real_argos_model(
    news: Path, tiny_package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["mt", "install", str(tiny_package)]) == 0
    capsys.readouterr()
    assert main(["draft", "news.txt", "--to", "ru", "-o", "out.po"]) == 0
    err = capsys.readouterr().err
    assert NO_MODEL not in err
    entries = read_po(news.parent / "out.po")
    assert len(entries) == 3
    for entry in entries.values():
        assert entry.msgstr, entry.msgid
        assert entry.flags == ["fuzzy"]
        assert "draft: machine translation (argos en→ru)" in entry.comment
    # The tiny model's output is gibberish, so the approved terms are missing and flagged.
    second = entries["They discussed security guarantees and the OSCE."]
    assert "review: «гарантии безопасности» (security-guarantees) missing" in second.comment
    msgfmt_ok(news.parent / "out.po")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_for_long_texts(
    news: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    news.write_text(" ".join(f"Sentence number {i} ends here." for i in range(40)), "utf-8")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["draft", "news.txt", "--to", "ru", "-o", "out.po", "--no-mt"]) == 0
    assert "drafting [" in terminal.getvalue()
    assert "40/40" in terminal.getvalue()
    assert len(read_po(news.parent / "out.po")) == 40


def test_a_broken_model_is_reported_once_and_the_draft_still_written(
    news: Path, tiny_package: Path, argos_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["mt", "install", str(tiny_package)]) == 0
    model = next(argos_dirs.glob("*/model/model.bin"))
    model.write_bytes(b"not a model")
    capsys.readouterr()
    assert main(["draft", "news.txt", "--to", "ru", "-o", "out.po"]) == 0
    err = capsys.readouterr().err
    assert err.count("cannot load the CTranslate2 model") == 1
    assert "drafting from memory and glossary only" in err
    entries = read_po(news.parent / "out.po")
    assert len(entries) == 3 and all(e.msgstr == "" for e in entries.values())


def test_a_text_already_in_the_target_language_is_pointed_out(
    news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    news.write_text("Переговоры завершились.\n", encoding="utf-8")
    assert main(["draft", "news.txt", "--to", "ru", "--no-mt", "-o", "out.po"]) == 2
    err = capsys.readouterr().err
    assert "news.txt is Russian already" in err
    assert "did you mean --to en?" in err
    assert not (news.parent / "out.po").exists()
    news.write_text("The talks ended.\n", encoding="utf-8")
    assert main(["draft", "news.txt", "--to", "en", "--no-mt"]) == 2
    assert "did you mean --to ru?" in capsys.readouterr().err


def test_a_fuzzy_memory_draft_shows_the_memory_source_as_previous_msgid(
    news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (news.parent / "memory.po").write_text(MEMORY_PO, encoding="utf-8")
    news.write_text("The talks have ended.\nThe talks ended.\n\n", encoding="utf-8")
    assert main(["draft", "news.txt", "--to", "ru", "--no-mt", "-o", "out.po",
                 "--memory", "memory.po", "--threshold", "70"]) == 0  # fmt: skip
    text = (news.parent / "out.po").read_text(encoding="utf-8")
    assert '#| msgid "The talks ended."\nmsgid "The talks have ended."' in text
    entries = read_po(news.parent / "out.po")
    assert entries["The talks have ended."].previous_msgid == "The talks ended."
    assert entries["The talks ended."].previous_msgid is None  # exact: nothing changed
    msgfmt_ok(news.parent / "out.po")
