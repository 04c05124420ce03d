"""Catalogs at scale: whole-process `glossary catalogs build|check|sync`, time and peak RSS.

Usage::

    python benchmarks/catalogs_speed.py [--concepts 100000] [--runs 1]

Each command runs as a fresh process (``python -m glossary``) in a temporary
workspace holding a synthetic glossary of ``--concepts`` concepts (the repository's
concepts repeated with numbered copies). Printed per command: the median wall time and
CPU seconds of ``--runs`` runs and the highest peak RSS (``benchmarks/process.py``). The
targets of issue 13 are build ≤ 5 s, check ≤ 3 s, sync of one edit ≤ 5 s, each ≤ 500 MB.
``msgfmt`` compiling the same catalog is printed as a reference.

benchmarks/scale.py may call :func:`measure`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from process import Run, run, summarize  # noqa: E402
from reliability import glossary_of  # noqa: E402

from glossary.formats import terms_csv  # noqa: E402

RU_PO = Path("locales/ru/LC_MESSAGES/glossary.po")


def timed(workspace: Path, *args: str) -> Run:
    """One ``glossary`` process in ``workspace``; a failure (exit 2 or worse) stops the run."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "NO_COLOR": "1"}
    done = run([sys.executable, "-m", "glossary", *args], env, cwd=workspace)
    if done.returncode not in (0, 1):
        raise SystemExit(f"glossary {' '.join(args)} failed ({done.returncode}): {done.stderr}")
    return done


def edit_one(workspace: Path, index: int) -> None:
    """A reviewer's edit of one msgstr, made the way an editor writes bytes."""
    path = workspace / RU_PO
    text = path.read_text(encoding="utf-8")
    old = 'msgid "OSCE"\nmsgstr "ОБСЕ"'
    assert old in text
    path.write_text(text.replace(old, f'msgid "OSCE"\nmsgstr "ОБСЕ (правка {index})"', 1), "utf-8")


def measure(concepts: int, runs: int = 1) -> dict[str, tuple[float, float]]:
    """Median seconds and peak MB per step, on a fresh workspace."""
    return {name: (seconds, mb) for name, (seconds, mb, _) in measure_cpu(concepts, runs).items()}


def measure_cpu(concepts: int, runs: int = 1) -> dict[str, tuple[float, float, float]]:
    """Median seconds, peak MB and median CPU seconds per step, on a fresh workspace.

    CPU time (user + system) is printed beside the wall time: on the shared machine the
    wall time of the same work swings two- to threefold with the load.
    """
    results: dict[str, list[Run]] = {}
    with tempfile.TemporaryDirectory(prefix="glossary-catalogs-") as tmp:
        root = Path(tmp)
        template = root / "template"
        template.mkdir()
        # In a child process: a parent holding 100k concepts would inflate every forked
        # child's peak RSS (fork shares its pages) and so the numbers measured here.
        subprocess.run(
            [sys.executable, __file__, "--make", str(template / "terms.csv"), str(concepts)],
            check=True,
        )
        for turn in range(runs):
            workspace = root / f"w{turn}"
            shutil.copytree(template, workspace)
            steps = [
                ("build (fresh)", ("catalogs", "build")),
                ("build (no change)", ("catalogs", "build")),
                ("check", ("catalogs", "check")),
                ("sync (no edit)", ("catalogs", "sync")),
            ]
            for name, args in steps:
                results.setdefault(name, []).append(timed(workspace, *args))
            edit_one(workspace, turn)
            results.setdefault("sync (one edit)", []).append(timed(workspace, "catalogs", "sync"))
            results.setdefault("check (after sync)", []).append(
                timed(workspace, "catalogs", "check")
            )
            if shutil.which("msgfmt"):
                msgfmt = run(["msgfmt", "-o", "/dev/null", str(workspace / RU_PO)])
                if msgfmt.returncode:
                    raise SystemExit(f"msgfmt failed ({msgfmt.returncode}): {msgfmt.stderr}")
                # Its peak RSS would be this process's own (wait4 counts the parent's
                # pages at the fork), not msgfmt's: left out, as before.
                results.setdefault("msgfmt (reference)", []).append(replace(msgfmt, rss_mb=0.0))
            shutil.rmtree(workspace)
    summaries = {name: summarize(rows) for name, rows in results.items()}
    return {name: (s.seconds, s.rss_mb, s.cpu_seconds) for name, s in summaries.items()}


def main() -> int:
    if sys.argv[1:2] == ["--make"]:
        terms_csv.save(glossary_of(int(sys.argv[3])), sys.argv[2])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--concepts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    print(f"catalogs at {args.concepts} concepts ({args.runs} run(s), whole process)")
    print(f"  load average {os.getloadavg()[0]:.1f} at the start")
    for name, (seconds, mb, cpu) in measure_cpu(args.concepts, args.runs).items():
        memory = f"{mb:7.0f} MB" if mb else ""
        cpu_text = f" ({cpu:5.2f} s CPU)" if cpu else ""
        print(f"  {name:20} {seconds:7.2f} s{cpu_text} {memory}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
