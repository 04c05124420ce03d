"""Run one glossary command and die like kill -9 at an exact step of its transaction.

Usage::

    python benchmarks/crash_at.py STEP glossary-arguments...

The steps of :func:`glossary.transaction.commit` are counted as they finish: each
temporary written (one per file), the journal written (the commit point), each
rename of a temporary over its file, the journal removed. After step ``STEP`` the
process ends with ``os._exit(KILLED)``: no ``finally``, no ``except``, no clean-up,
as after SIGKILL. A run that never reaches ``STEP`` ends as the command does and
prints ``crash_at: N steps`` on stderr, so a caller learns how many steps there are.

Test-and-benchmark only: it patches the module from outside and the product has no
switch for it. tests/test_transaction.py uses :func:`crashing` in forked children.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from glossary import transaction  # noqa: E402

#: The exit status of a crashed run (128 + SIGKILL, as a shell reports kill -9).
KILLED = 137
#: What each kind of step is called in reports.
STEP_NAMES = {"write_temp": "temporary written", "atomic_write": "journal written",
              "install": "renamed", "unlink": "journal removed"}  # fmt: skip


@contextlib.contextmanager
def crashing(step: int, seen: list[str] | None = None) -> Iterator[list[str]]:
    """Within the block, the transaction's step ``step`` (1-based) is its last.

    ``seen`` (returned too) collects the names of the steps taken, in order.
    """
    taken = [] if seen is None else seen
    originals: dict[str, Callable[..., Any]] = {
        name: getattr(transaction, name) for name in ("write_temp", "atomic_write", "install")
    }

    def counted(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def step_then_maybe_die(*args: Any) -> Any:
            result = function(*args)
            taken.append(name)
            if len(taken) == step:
                os._exit(KILLED)
            return result

        return step_then_maybe_die

    class _Journal(type(Path())):  # type: ignore[misc]
        """The journal path, whose removal is a step too."""

        def unlink(self, missing_ok: bool = False) -> None:
            super().unlink(missing_ok)
            taken.append("unlink")
            if len(taken) == step:
                os._exit(KILLED)

    real_commit = transaction.commit

    def commit(files: Any, journal: Path) -> None:
        real_commit(files, _Journal(journal))

    try:
        for name, function in originals.items():
            setattr(transaction, name, counted(name, function))
        transaction.commit = commit
        yield taken
    finally:
        for name, function in originals.items():
            setattr(transaction, name, function)
        transaction.commit = real_commit


def main(argv: list[str]) -> int:
    from glossary.cli import main as glossary_main

    parser = argparse.ArgumentParser(
        description="Run a glossary command and die like kill -9 after transaction step STEP."
    )
    parser.add_argument("step", type=int, help="the last step taken (1-based)")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="the glossary command's arguments")
    parsed = parser.parse_args(argv)
    step, args = parsed.step, parsed.args
    with crashing(step) as taken:
        code = glossary_main(args)
    print(f"crash_at: {len(taken)} steps ({', '.join(taken)})", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
