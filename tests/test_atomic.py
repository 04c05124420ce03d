"""Atomic writes: a temporary and a rename, the mode kept, links written through."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from glossary import atomic
from glossary.cli import main
from glossary.formats import terms_csv
from tests.conftest import small_glossary


def test_a_symlinked_glossary_is_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    terms_csv.save(small_glossary(), shared / "terms.csv")
    project = tmp_path / "project"
    project.mkdir()
    (project / "terms.csv").symlink_to(shared / "terms.csv")
    monkeypatch.chdir(project)
    (project / "in.csv").write_text("source,target\ntruce,перемирие\n", encoding="utf-8")
    assert main(["import", "in.csv"]) == 0
    assert (project / "terms.csv").is_symlink()
    assert terms_csv.load(shared / "terms.csv")[0]["truce"].ru == "перемирие"


def test_a_hard_linked_glossary_is_rewritten_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terms_csv.save(small_glossary(), tmp_path / "terms.csv")
    os.link(tmp_path / "terms.csv", tmp_path / "other-name.csv")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.csv").write_text("source,target\ntruce,перемирие\n", encoding="utf-8")
    assert main(["import", "in.csv"]) == 0
    assert os.stat(tmp_path / "terms.csv").st_ino == os.stat(tmp_path / "other-name.csv").st_ino
    assert terms_csv.load(tmp_path / "other-name.csv")[0]["truce"].ru == "перемирие"


def test_atomic_write_keeps_the_mode_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(b"old")
    path.chmod(0o640)
    atomic.atomic_write(path, b"new")
    assert path.read_bytes() == b"new"
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]
