"""The multi-file transaction: a writer killed before or during its renames is recovered."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from glossary import atomic, catalogs, transaction
from glossary.cli import main
from glossary.errors import FormatError
from glossary.formats import terms_csv

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import crash_at


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


#: import's transaction: 5 temporaries, the journal, 5 renames, the journal removed.
IMPORT_STEPS = 12
_TEMPORARIES = 5
_REVISION_DATE = re.compile(rb"PO-Revision-Date: [^\\\n]*")


def _snapshot(workspace: Path) -> dict[Path, bytes]:
    """The files written together, without the minute-stamped revision date."""
    return {p: _REVISION_DATE.sub(b"", b) for p, b in _files(workspace / "locales",
            workspace / "terms.csv").items()}  # fmt: skip


def _run_in_child(workspace: Path, args: list[str], step: int) -> int:
    """``glossary ARGS`` in a forked child that dies (os._exit) after transaction step ``step``."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns to pytest
        code = 3
        try:
            os.chdir(workspace)
            with crash_at.crashing(step):
                code = main(args)
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


@pytest.mark.parametrize("step", range(1, IMPORT_STEPS + 1))
def test_a_crash_after_any_step_of_import_is_recovered_by_the_next_command(
    workspace: Path, tmp_path_factory: pytest.TempPathFactory, step: int
) -> None:
    """A real process death (no except, no finally) after each step, then plain commands."""
    main(["catalogs", "build"])
    (workspace / "in.csv").write_text("source,target\ntruce,перемирие\n", encoding="utf-8")
    reference = tmp_path_factory.mktemp("reference") / "ws"
    shutil.copytree(workspace, reference)
    old = _snapshot(workspace)
    assert _run_in_child(reference, ["import", "in.csv"], 10**6) == 0
    new = {workspace / p.relative_to(reference): b for p, b in _snapshot(reference).items()}
    assert new != old

    assert _run_in_child(workspace, ["import", "in.csv"], step) == crash_at.KILLED
    assert transaction.pending(workspace / "terms.csv") is (_TEMPORARIES < step < IMPORT_STEPS)
    assert main(["catalogs", "check"]) == 0  # a reader recovers first
    # Before the journal: exactly the old files; from the journal on: exactly the new.
    assert _snapshot(workspace) == (old if step <= _TEMPORARIES else new)
    assert main(["import", "in.csv"]) == 0  # the next writer also removes temporaries
    assert _snapshot(workspace) == new
    assert not [p for p in workspace.rglob(".*") if p.name.endswith((".tmp", ".journal"))]


def test_a_damaged_journal_names_its_line_and_the_cli_exits_2(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = transaction.journal_path(workspace / "terms.csv")
    journal.write_text('{\n "steps": [\n  {"tmp": "a", "target": }\n ]\n}\n', encoding="utf-8")
    before = (workspace / "terms.csv").read_bytes()
    assert main(["catalogs", "build"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{journal.name}:3: unreadable transaction journal"), err
    assert len(err.splitlines()) == 1
    assert "Traceback" not in err
    assert (workspace / "terms.csv").read_bytes() == before


def test_a_journal_of_the_wrong_shape_is_reported_at_its_first_line(workspace: Path) -> None:
    journal = transaction.journal_path(workspace / "terms.csv")
    journal.write_text('\n{"steps": [{"tmp": "a"}]}\n', encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        transaction.recover(workspace / "terms.csv")
    assert caught.value.line == 1
