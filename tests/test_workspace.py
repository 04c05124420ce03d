"""Finding the glossary like git finds its repository, and refusing to write the embedded one."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.errors import GlossaryError
from glossary.workspace import CEILING_ENV, discover, embedded_glossary_path, resolve


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "repo" / "notes" / "deep").mkdir(parents=True)
    (tmp_path / "repo" / "terms.csv").write_text("id,en,ru,kind,status\n", encoding="utf-8")
    return tmp_path


def test_the_working_folder_wins(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree / "repo")
    assert discover() == Path("terms.csv")
    ws = resolve()
    assert ws.glossary_path == Path("terms.csv") and ws.locales == Path("locales")
    assert not ws.embedded


def test_parents_are_searched(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree / "repo" / "notes" / "deep")
    ws = resolve()
    assert ws.glossary_path == (tree / "repo" / "terms.csv").resolve()
    assert ws.locales == (tree / "repo" / "locales").resolve()


def test_a_ceiling_stops_the_search(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree / "repo" / "notes" / "deep")
    monkeypatch.setenv(CEILING_ENV, str(tree / "repo" / "notes"))
    assert discover() is None
    ws = resolve()
    assert ws.embedded and ws.glossary_path == embedded_glossary_path()


def test_explicit_paths_win(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree / "repo" / "notes")
    ws = resolve("other.csv", "cats")
    assert ws.glossary_path == Path("other.csv") and ws.locales == Path("cats")


def test_the_embedded_glossary_is_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(CEILING_ENV, str(tmp_path))
    ws = resolve()
    assert ws.embedded
    with pytest.raises(GlossaryError, match="read-only"):
        ws.require_writable()
    resolve(tmp_path / "mine.csv").require_writable()  # an explicit file may be written
