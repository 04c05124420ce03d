"""The multi-file transaction: a writer killed before or during its renames is recovered."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary import atomic, catalogs, transaction
from glossary.cli import main
from glossary.formats import terms_csv


class Killed(BaseException):
    """Stands for kill -9: nothing catches it, so no clean-up runs after it."""


def _files(locales: Path, glossary_path: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in [glossary_path, *catalogs.catalog_files(locales)]}


@pytest.mark.parametrize("crash_after", [0, 1, 2, 3, 4])
def test_a_kill_during_the_renames_is_completed_by_the_next_command(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, crash_after: int
) -> None:
    """A writer dying after the journal: the next plain command renames the rest."""
    main(["catalogs", "build"])
    (workspace / "in.csv").write_text("source,target\ntruce,перемирие\n", encoding="utf-8")
    real_install = transaction.install
    calls = []

    def dying_install(tmp: Path, path: Path) -> None:
        if len(calls) == crash_after:
            raise Killed
        calls.append(path)
        real_install(tmp, path)

    monkeypatch.setattr(transaction, "install", dying_install)
    with pytest.raises(Killed):
        main(["import", "in.csv"])
    monkeypatch.setattr(transaction, "install", real_install)
    assert transaction.pending(workspace / "terms.csv")
    assert main(["catalogs", "check"]) == 0  # a reader completes the transaction first
    assert not transaction.pending(workspace / "terms.csv")
    glossary, _ = terms_csv.load(workspace / "terms.csv")
    assert glossary["truce"].ru == "перемирие"
    assert not list(workspace.rglob("*.tmp"))


def test_a_kill_before_the_journal_rolls_back_and_temps_are_cleaned(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    main(["catalogs", "build"])
    before = _files(workspace / "locales", workspace / "terms.csv")
    (workspace / "in.csv").write_text("source,target\ntruce,перемирие\n", encoding="utf-8")

    def dying_journal(path: Path, data: bytes) -> None:
        raise Killed

    monkeypatch.setattr(transaction, "atomic_write", dying_journal)
    with pytest.raises(Killed):
        main(["import", "in.csv"])
    monkeypatch.undo()
    monkeypatch.chdir(workspace)
    # The except clause removed the temporaries; a real kill leaves them: simulate one.
    atomic.write_temp(workspace / "terms.csv", b"half")
    assert main(["catalogs", "build"]) == 0
    assert _files(workspace / "locales", workspace / "terms.csv") == before
    assert not list(workspace.rglob("*.tmp"))
