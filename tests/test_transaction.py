"""The glossary lock, the multi-file transaction and its recovery, written-through links."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from glossary import atomic, catalogs, transaction
from glossary.cli import main
from glossary.errors import GlossaryError
from glossary.formats import terms_csv
from glossary.lock import glossary_lock, lock_path
from tests.conftest import small_glossary

HOLD_LOCK = """
import sys, time
from pathlib import Path
from glossary.lock import glossary_lock
with glossary_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _hold_lock(path: Path, seconds: float) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_writer_waits_then_fails_with_one_line_exit_2(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = _hold_lock(workspace / "terms.csv", 30)
    try:
        before = (workspace / "terms.csv").read_bytes()
        (workspace / "in.csv").write_text("source,target\ntruce,перемирие\n", encoding="utf-8")
        started = time.monotonic()
        assert main(["import", "in.csv", "--wait", "0.3"]) == 2
        assert time.monotonic() - started < 10
        err = capsys.readouterr().err
        assert "is being written by another command; waiting up to 0.3 s" in err
        assert err.strip().splitlines()[-1].startswith("glossary: terms.csv: another command")
        assert "Traceback" not in err
        assert (workspace / "terms.csv").read_bytes() == before
    finally:
        holder.kill()
        holder.wait()


def test_a_waiting_writer_proceeds_when_the_lock_is_released(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = _hold_lock(workspace / "terms.csv", 0.5)
    assert main(["catalogs", "build", "--wait", "20"]) == 0
    holder.wait()
    assert "waiting up to 20 s" in capsys.readouterr().err
    assert main(["catalogs", "check"]) == 0


def test_read_only_commands_take_no_lock(workspace: Path) -> None:
    main(["catalogs", "build"])
    holder = _hold_lock(workspace / "terms.csv", 30)
    try:
        assert main(["catalogs", "check"]) == 0  # would time out if it waited
    finally:
        holder.kill()
        holder.wait()


def test_the_lock_is_one_per_real_file(tmp_path: Path) -> None:
    (tmp_path / "real.csv").write_text("x", encoding="utf-8")
    (tmp_path / "link.csv").symlink_to("real.csv")
    assert lock_path(tmp_path / "link.csv") == lock_path(tmp_path / "real.csv")
    with (
        glossary_lock(tmp_path / "real.csv"),
        pytest.raises(GlossaryError, match="--wait"),
        glossary_lock(tmp_path / "link.csv", wait=0.1),
    ):
        pass


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


@pytest.mark.parametrize(
    ("line_end", "stable"),
    [(b"\r", b"\r"), (b"\r\n", b"\r\n"), (b"\n", b"\n")],
    ids=["cr", "crlf", "lf"],
)
def test_line_ends_are_kept_on_rewrite(line_end: bytes, stable: bytes) -> None:
    data = terms_csv.write(small_glossary()).replace(b"\n", line_end)
    glossary, layout = terms_csv.read(data)
    assert terms_csv.write(glossary, layout) == data


def test_a_mixed_line_end_file_settles_on_its_majority_once() -> None:
    lines = terms_csv.write(small_glossary()).split(b"\n")
    mixed = b"\r\n".join(lines[:4]) + b"\n" + b"\n".join(lines[4:])  # mostly LF
    glossary, layout = terms_csv.read(mixed)
    once = terms_csv.write(glossary, layout)
    assert b"\r" not in once
    again, layout_again = terms_csv.read(once)
    assert terms_csv.write(again, layout_again) == once
    assert again == glossary
