"""The shared whole-process runner of the benchmarks (benchmarks/process.py), on invented
commands: small Python one-liners whose memory, CPU time and output are known."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import process

#: A child that holds about 60 MB of bytes it has written (so resident), then exits 3.
_HOLD = "b = bytearray(60 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096]); raise SystemExit(3)"
#: A child that burns CPU in a grandchild it waits for (a worker process).
_WORKER = (
    "import subprocess, sys; subprocess.run([sys.executable, '-c', "
    "'import time\\nt = time.process_time()\\nwhile time.process_time() - t < 0.3: pass'])"
)


def test_a_run_reports_its_output_exit_status_and_peak_memory() -> None:
    done = process.run([sys.executable, "-c", _HOLD])
    assert done.returncode == 3
    assert done.rss_mb >= 60
    assert done.seconds > 0


def test_stdin_goes_in_and_both_streams_come_back(tmp_path: Path) -> None:
    code = "import sys; print(sys.stdin.read().upper()); print('warn', file=sys.stderr)"
    done = process.run([sys.executable, "-c", code], stdin="слово", cwd=tmp_path)
    assert (done.stdout, done.stderr, done.returncode) == ("СЛОВО\n", "warn\n", 0)


def test_cpu_time_counts_the_workers_the_process_waited_for() -> None:
    done = process.run([sys.executable, "-c", _WORKER])
    assert done.cpu_seconds >= 0.3
    assert done.seconds >= 0.3


def test_the_environment_given_is_the_childs() -> None:
    code = "import os; print(os.environ.get('GLOSSARY_PROBE', '-'))"
    done = process.run([sys.executable, "-c", code], env={"GLOSSARY_PROBE": "yes"})
    assert done.stdout == "yes\n"


def test_a_summary_takes_medians_of_time_and_the_highest_peak() -> None:
    runs = [
        process.Run(seconds=s, rss_mb=m, cpu_seconds=c, stdout=o, stderr="", returncode=0)
        for s, m, c, o in [(3.0, 10.0, 1.0, "a"), (1.0, 30.0, 5.0, "b"), (2.0, 20.0, 2.0, "c")]
    ]
    summary = process.summarize(runs)
    assert (summary.seconds, summary.rss_mb, summary.cpu_seconds) == (2.0, 30.0, 2.0)
    assert summary.last.stdout == "c"


def test_commands_take_turns(tmp_path: Path) -> None:
    log = tmp_path / "order"
    append = "import sys; open(sys.argv[1], 'a').write(sys.argv[2])"
    commands = {name: [sys.executable, "-c", append, str(log), name] for name in "ab"}
    summaries = process.median_runs(commands, runs=2)
    assert log.read_text() == "abab"
    assert set(summaries) == {"a", "b"}
