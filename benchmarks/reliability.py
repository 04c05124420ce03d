"""Never losing a reviewer's work, measured: concurrent writers and kill -9 at random points.

Usage::

    python benchmarks/reliability.py [--concurrent 200] [--kills 100] [--concepts 3000]
    python benchmarks/reliability.py --steps [--concepts 3000]

**Concurrent writers.** Each trial starts two real ``glossary`` processes at once on
one fresh workspace: ``import`` + ``import``, ``import`` + ``catalogs sync`` (a
reviewer's catalog edit) or ``extract --merge`` + ``import``. Afterwards every
process that exited 0 must find its change in terms.csv; one that was refused must
have said so. *lost* counts changes of successful processes that are missing.

**Kills.** Each trial starts ``catalogs sync`` (with a reviewer's edit) or ``import``
on a workspace of ``--concepts`` concepts and sends SIGKILL after a random delay
spread over the command's own run time (half of them over its last third, where
the files are written). Then the plain commands run, no ``--force``:
``catalogs check``, the same command again, ``catalogs check`` again. *stuck*
counts trials where the re-run or the final check fails, or a temporary or journal
is left; *lost* counts trials where the reviewer's edit or the imported concept is
not in terms.csv at the end.

**Every step** (``--steps``). Random kills seldom land in the write window (it lasts
milliseconds), so each step of the transaction is also hit on purpose: ``import`` and
``catalogs sync`` run under ``crash_at.py``, which ends the process with
``os._exit`` right after step K (each temporary written, the journal, each rename,
the journal's removal), for every K. The first plain command afterwards must leave
exactly the old files (before the journal) or exactly the new ones (from the journal
on): *torn* counts anything else, *not rolled forward* a journal whose write was not
completed; *stuck* and *lost* as for kills.

The CI test (tests/benchmarks/test_reliability.py) runs a few trials of each;
tests/test_transaction.py crashes a forked child at every step.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from crash_at import KILLED  # noqa: E402
from synthetic import repeated_terms  # noqa: E402

from glossary import catalogs  # noqa: E402
from glossary.formats import terms_csv  # noqa: E402
from glossary.model import Glossary  # noqa: E402

#: The concept a reviewer edits in the catalog, and the catalog that holds it.
EDITED_MSGID = "OSCE"
RU_PO = Path("locales/ru/LC_MESSAGES/glossary.po")
ARTICLE = "The ceasefire monitors of the mission reported shelling near the contact line.\n"
WAIT = "120"
#: Where in a command's run time its writes begin, roughly (for aiming kills).
WRITE_PHASE = 0.67
#: Kills come in groups of this many: the first half anywhere, the rest in the write phase.
KILL_CYCLE = 4


@dataclass(frozen=True, slots=True)
class Totals:
    trials: int = 0
    lost: int = 0
    refused: int = 0
    stuck: int = 0
    #: Kills that left a journal (the next command rolled forward) ...
    journals: int = 0
    #: ... or only temporaries (the next writer rolled back and cleaned them).
    temporaries: int = 0


def glossary_of(concepts: int) -> Glossary:
    """The repository's glossary, repeated with numbered copies up to ``concepts``."""
    return Glossary(repeated_terms(concepts))


def template(root: Path, concepts: int) -> Path:
    """A workspace with terms.csv and built catalogs, copied for every trial."""
    path = root / "template"
    path.mkdir()
    glossary = glossary_of(concepts)
    terms_csv.save(glossary, path / "terms.csv")
    catalogs.build(glossary, path / "locales")
    (path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return path


def fresh(template_dir: Path, root: Path, name: str) -> Path:
    path = root / name
    shutil.copytree(template_dir, path)
    return path


def edit_catalog(workspace: Path, rendering: str) -> None:
    """A reviewer's edit: one msgstr changed in the Russian catalog (byte-level, like an editor)."""
    path = workspace / RU_PO
    text = path.read_text(encoding="utf-8")
    old = f'msgid "{EDITED_MSGID}"\nmsgstr "ОБСЕ"'
    assert old in text
    path.write_text(text.replace(old, f'msgid "{EDITED_MSGID}"\nmsgstr "{rendering}"'), "utf-8")


def write_import(workspace: Path, name: str, en: str, ru: str) -> None:
    (workspace / name).write_text(f"source,target\n{en},{ru}\n", encoding="utf-8")


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "glossary", *args]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO / "src"), "NO_COLOR": "1"}


def run(workspace: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(*args), cwd=workspace, env=env(), capture_output=True, text=True, check=False
    )


def terms(workspace: Path) -> Glossary:
    return terms_csv.load(workspace / "terms.csv")[0]


def has_rendering(glossary: Glossary, en: str, ru: str) -> bool:
    return any(t.en == en and t.ru == ru for t in glossary)


# --- concurrent writers -------------------------------------------------------------


def concurrent_trial(template_dir: Path, root: Path, index: int) -> Totals:
    workspace = fresh(template_dir, root, f"c{index}")
    kind = index % 3
    write_import(workspace, "a.csv", f"truce {index}", f"перемирие {index}")
    checks = [lambda g: has_rendering(g, f"truce {index}", f"перемирие {index}")]
    first = command("import", "a.csv", "--wait", WAIT)
    if kind == 0:
        write_import(workspace, "b.csv", f"armistice {index}", f"соглашение {index}")
        second = command("import", "b.csv", "--wait", WAIT)
        checks.append(lambda g: has_rendering(g, f"armistice {index}", f"соглашение {index}"))
    elif kind == 1:
        edit_catalog(workspace, f"ОБСЕ (ред. {index})")
        second = command("catalogs", "sync", "--wait", WAIT)
        checks.append(lambda g: g["osce"].ru == f"ОБСЕ (ред. {index})")
    else:
        second = command("extract", "article.txt", "--merge", "--no-mt", "--wait", WAIT)
        checks.append(lambda g: any("article.txt" in ref for t in g for ref in t.source))
    procs = [
        subprocess.Popen(
            cmd, cwd=workspace, env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for cmd in (second, first)
    ]
    outcomes = [(p.wait(), p.communicate()[1]) for p in procs]
    outcomes.reverse()  # back to (first, second)
    glossary = terms(workspace)
    lost = refused = 0
    for (code, err), present in zip(outcomes, checks, strict=True):
        if code == 0 and not present(glossary):
            lost += 1
        elif code != 0:
            refused += 1
            if os.environ.get("RELIABILITY_VERBOSE"):
                print(index, code, err, file=sys.stderr)
            if "another command" not in err and "nothing was written" not in err:
                lost += 1  # refused without saying why counts as a loss
    shutil.rmtree(workspace)
    return Totals(1, lost, refused, 0)


# --- kill -9 at random points ---------------------------------------------------------


def duration(template_dir: Path, root: Path, kind: str) -> float:
    workspace = fresh(template_dir, root, f"time-{kind}")
    args = prepare_kill(workspace, kind, 0)
    started = time.monotonic()
    result = run(workspace, *args)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    shutil.rmtree(workspace)
    return elapsed


def prepare_kill(workspace: Path, kind: str, index: int) -> list[str]:
    if kind == "sync":
        edit_catalog(workspace, f"ОБСЕ (ред. {index})")
        return ["catalogs", "sync"]
    write_import(workspace, "a.csv", f"truce {index}", f"перемирие {index}")
    return ["import", "a.csv"]


def kill_trial(template_dir: Path, root: Path, index: int, kind: str, span: float) -> Totals:
    workspace = fresh(template_dir, root, f"k{index}")
    args = prepare_kill(workspace, kind, index)
    proc = subprocess.Popen(
        command(*args), cwd=workspace, env=env(), stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    # Half the kills anywhere in the run, half in its last third, where the files are
    # written (the run's start is mostly Python starting and terms.csv being read).
    low = 0.0 if index % KILL_CYCLE < KILL_CYCLE // 2 else WRITE_PHASE * span
    time.sleep(random.uniform(low, span * 1.02))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    journal = (workspace / ".terms.csv.journal").exists()
    temps = any(p.name.endswith(".tmp") for p in workspace.rglob(".*"))
    run(workspace, "catalogs", "check")  # the next plain command: it recovers first
    again = run(workspace, *args)
    final = run(workspace, "catalogs", "check")
    leftovers = [p for p in workspace.rglob(".*") if p.name.endswith((".tmp", ".journal"))]
    stuck = int(again.returncode != 0 or final.returncode != 0 or bool(leftovers))
    if stuck and os.environ.get("RELIABILITY_VERBOSE"):
        print(kind, again.returncode, again.stderr, final.stdout, leftovers, file=sys.stderr)
    glossary = terms(workspace)
    if kind == "sync":
        present = glossary["osce"].ru == f"ОБСЕ (ред. {index})"
    else:
        present = has_rendering(glossary, f"truce {index}", f"перемирие {index}")
    shutil.rmtree(workspace)
    return Totals(1, int(not present), 0, stuck, int(journal), int(temps and not journal))


# --- a crash at every step of the transaction --------------------------------------


def snapshot(workspace: Path) -> dict[str, bytes]:
    """terms.csv and the catalog files, the set the transaction writes together.

    The catalogs' ``PO-Revision-Date`` (to the minute) is left out, so that two runs
    of one command compare equal across a minute's turn.
    """
    files = [workspace / "terms.csv", *catalogs.catalog_files(workspace / "locales")]
    return {str(p.relative_to(workspace)): REVISION_DATE.sub(b"", p.read_bytes()) for p in files}


REVISION_DATE = re.compile(rb"PO-Revision-Date: [^\\\n]*")


def crash_run(workspace: Path, step: int, args: list[str]) -> subprocess.CompletedProcess[str]:
    crash_at = str(Path(__file__).with_name("crash_at.py"))
    return subprocess.run(
        [sys.executable, crash_at, str(step), *args],
        cwd=workspace, env=env(), capture_output=True, text=True, check=False,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class StepTotals:
    trials: int = 0
    #: The first plain command after the crash left neither the old nor the new files.
    torn: int = 0
    #: A crash after the journal whose write the next command did not complete.
    not_rolled_forward: int = 0
    stuck: int = 0
    lost: int = 0


def step_trials(template_dir: Path, root: Path, kind: str) -> tuple[int, StepTotals]:
    """A crash after each step of ``kind``'s transaction in turn; (steps, totals)."""
    reference = fresh(template_dir, root, f"ref-{kind}")
    args = prepare_kill(reference, kind, 0)
    old = snapshot(reference)
    done = crash_run(reference, 10**6, args)
    assert done.returncode == 0, done.stderr
    new = snapshot(reference)
    steps = int(done.stderr.rsplit("crash_at: ", 1)[1].split()[0])
    shutil.rmtree(reference)
    totals = StepTotals()
    for step in range(1, steps + 1):
        workspace = fresh(template_dir, root, f"s-{kind}-{step}")
        prepare_kill(workspace, kind, 0)
        crashed = crash_run(workspace, step, args)
        assert crashed.returncode == KILLED, (step, crashed.returncode, crashed.stderr)
        journal = (workspace / ".terms.csv.journal").exists()
        run(workspace, "catalogs", "check")  # the next plain command: it recovers first
        after = snapshot(workspace)
        again = run(workspace, *args)
        final = run(workspace, "catalogs", "check")
        leftovers = [p for p in workspace.rglob(".*") if p.name.endswith((".tmp", ".journal"))]
        glossary = terms(workspace)
        if kind == "sync":
            present = glossary["osce"].ru == "ОБСЕ (ред. 0)"
        else:
            present = has_rendering(glossary, "truce 0", "перемирие 0")
        totals = StepTotals(
            totals.trials + 1,
            totals.torn + int(after not in (old, new)),
            totals.not_rolled_forward + int(journal and after != new),
            totals.stuck + int(again.returncode != 0 or final.returncode != 0 or bool(leftovers)),
            totals.lost + int(not present),
        )
        shutil.rmtree(workspace)
    return steps, totals


def measure_steps(concepts: int) -> dict[str, tuple[int, StepTotals]]:
    with tempfile.TemporaryDirectory(prefix="glossary-steps-") as tmp:
        root = Path(tmp)
        base = template(root, concepts)
        return {kind: step_trials(base, root, kind) for kind in ("import", "sync")}


def add(a: Totals, b: Totals) -> Totals:
    return Totals(
        a.trials + b.trials,
        a.lost + b.lost,
        a.refused + b.refused,
        a.stuck + b.stuck,
        a.journals + b.journals,
        a.temporaries + b.temporaries,
    )


def measure(concurrent: int, kills: int, concepts: int, seed: int = 1) -> dict[str, Totals]:
    random.seed(seed)
    with tempfile.TemporaryDirectory(prefix="glossary-reliability-") as tmp:
        root = Path(tmp)
        small = template(root, 120)
        results = {"concurrent": Totals(), "kill": Totals()}
        for index in range(concurrent):
            results["concurrent"] = add(results["concurrent"], concurrent_trial(small, root, index))
        if kills:
            big_root = root / "big"
            big_root.mkdir()
            big = template(big_root, concepts)
            spans = {kind: duration(big, root, kind) for kind in ("sync", "import")}
            for index in range(kills):
                kind = ("sync", "import")[index % 2]
                results["kill"] = add(
                    results["kill"], kill_trial(big, root, index, kind, spans[kind])
                )
        return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--concurrent", type=int, default=200, help="concurrent-writer trials")
    parser.add_argument("--kills", type=int, default=100, help="kill -9 trials")
    parser.add_argument("--concepts", type=int, default=3000, help="glossary size for kills")
    parser.add_argument(
        "--steps", action="store_true", help="only crash import and sync after each step"
    )
    args = parser.parse_args()
    started = time.monotonic()
    if args.steps:
        failures = 0
        for kind, (steps, t) in measure_steps(args.concepts).items():
            print(
                f"crash after each of the {steps} steps of {kind}: {t.trials} trials, "
                f"{t.torn} torn, {t.not_rolled_forward} not rolled forward, "
                f"{t.stuck} stuck, {t.lost} lost"
            )
            failures += t.torn + t.not_rolled_forward + t.stuck + t.lost
        print(f"({time.monotonic() - started:.0f} s)")
        return int(failures > 0)
    results = measure(args.concurrent, args.kills, args.concepts)
    c, k = results["concurrent"], results["kill"]
    print(f"concurrent writers: {c.trials} trials, {c.lost} lost, {c.refused} refused")
    print(f"kill -9 during sync/import: {k.trials} trials, {k.stuck} stuck, {k.lost} lost")
    print(
        f"  of which {k.journals} left a journal (rolled forward) and {k.temporaries} left "
        "only temporaries (rolled back); the rest died before writing or after finishing"
    )
    print(f"({time.monotonic() - started:.0f} s)")
    return 0 if c.lost == k.lost == k.stuck == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
