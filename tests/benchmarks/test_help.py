"""Every benchmark script answers ``--help`` with its usage, not a traceback or a run.

Scripts that parsed ``sys.argv`` by hand took ``--help`` for a count or a reader and
crashed (``validate_speed.py``: ValueError) or started a benchmark.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
#: Modules the scripts import, not scripts themselves.
LIBRARIES = {"process.py", "synthetic.py"}
SCRIPTS = sorted(p.name for p in BENCHMARKS.glob("*.py") if p.name not in LIBRARIES)


@pytest.mark.parametrize("script", SCRIPTS)
def test_help_prints_usage_and_exits_0(script: str) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(BENCHMARKS.parent / "src"), str(BENCHMARKS)]),
    }
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), "--help"],
        capture_output=True, text=True, timeout=60, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"usage: {script}"), done.stdout[:200]
    assert "Traceback" not in done.stderr


def test_the_skipped_files_are_libraries_not_scripts() -> None:
    for name in LIBRARIES:
        assert "__main__" not in (BENCHMARKS / name).read_text(encoding="utf-8"), name
