"""``glossary render DRAFT.po``: untranslated entries listed (exit 1), --strict writes
nothing (exit 2), --fuzzy accepts fuzzy entries, a changed source stops it."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from glossary.cli import main

SOURCE = "First sentence here. Second one.\n\nThird sentence.\n"


def _draft(workspace: Path) -> Path:
    (workspace / "doc.txt").write_text(SOURCE, encoding="utf-8")
    assert main(["draft", "doc.txt", "--to", "ru", "--no-mt", "-o", "doc.po"]) == 0
    return workspace / "doc.po"


def _translate(path: Path, done: dict[str, tuple[str, bool]]) -> None:
    po = polib.pofile(str(path))
    for entry in po:
        if entry.msgid in done:
            entry.msgstr, fuzzy = done[entry.msgid]
            entry.flags = ["fuzzy"] if fuzzy else []
    po.save(str(path))


def test_cli_lists_untranslated_and_fuzzy_and_exits_1(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = _draft(workspace)
    _translate(
        draft, {"First sentence here.": ("Первое.", False), "Second one.": ("Второе.", True)}
    )
    capsys.readouterr()
    assert main(["render", "doc.po", "-o", "doc.ru.txt"]) == 1
    err = capsys.readouterr().err
    lines = {e.msgid: e.linenum for e in polib.pofile(str(draft))}
    assert f"doc.po:{lines['Second one.']}: untranslated" in err
    assert f"doc.po:{lines['Third sentence.']}: untranslated" in err
    assert f"doc.po:{lines['First sentence here.']}:" not in err
    assert (workspace / "doc.ru.txt").read_text() == "Первое. Second one.\n\nThird sentence.\n"
    assert main(["render", "doc.po", "--fuzzy"]) == 1
    assert capsys.readouterr().out == "Первое. Второе.\n\nThird sentence.\n"


def test_cli_strict_writes_nothing(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _draft(workspace)
    assert main(["render", "doc.po", "--strict", "-o", "out.txt"]) == 2
    assert not (workspace / "out.txt").exists()
    assert "nothing written" in capsys.readouterr().err


def test_cli_stops_when_the_source_changed(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = _draft(workspace)
    _translate(draft, {m: ("Перевод.", False) for m in ["First sentence here.", "Second one."]})
    _translate(draft, {"Third sentence.": ("Третье.", False)})
    assert main(["render", "doc.po"]) == 0
    assert capsys.readouterr().out == "Перевод. Перевод.\n\nТретье.\n"
    (workspace / "doc.txt").write_text(SOURCE + "Fourth.\n", encoding="utf-8")
    assert main(["render", "doc.po", "-o", "out.txt"]) == 2
    assert "the source changed since doc.po was drafted" in capsys.readouterr().err
    assert not (workspace / "out.txt").exists()
    (workspace / "doc.txt").unlink()  # gone: the skeleton alone renders
    assert main(["render", "doc.po"]) == 0
