"""The glossary lock: one writer at a time, a bounded wait, readers never blocked."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from glossary.cli import main
from glossary.errors import GlossaryError
from glossary.lock import glossary_lock, lock_path

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
