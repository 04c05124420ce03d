"""Long fuzz of every reader of untrusted input: only the project's own errors may escape.

Run: python benchmarks/fuzz_readers.py [EXAMPLES] [READER ...]   (default 2000 per reader)

Uses atheris (coverage-guided) when it is installed and ``--atheris`` is given, else
Hypothesis with the same mutation strategy as the CI test
(``tests/formats/test_fuzz_readers.py``) and many more examples. Prints, per reader,
how many inputs ran, how long it took and the first crash found (shrunk by Hypothesis)
with its exception. Not a CI step: CI runs the short fuzz.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from tests.formats.fuzz_targets import READERS, check
from tests.formats.test_fuzz_readers import mutations

DEFAULT_EXAMPLES = 2000


def fuzz_with_hypothesis(name: str, examples: int) -> tuple[int, str | None]:
    """Run ``examples`` inputs through reader ``name``; the first crash, shrunk, or None."""
    ran = 0

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.generate, Phase.shrink],
    )
    @given(data=st.one_of(mutations(name), st.binary(max_size=256)))
    def run(data: bytes) -> None:
        nonlocal ran
        ran += 1
        check(name, data)

    try:
        run()
    except Exception as exc:  # a crash: report it, go on with the next reader
        found = list(exc.exceptions) if isinstance(exc, ExceptionGroup) else [exc]
        return ran, "; ".join(_describe(e) for e in found)
    return ran, None


def _describe(exc: BaseException) -> str:
    last = traceback.extract_tb(exc.__traceback__)[-1]
    return f"{type(exc).__name__}: {str(exc)[:120]} (at {Path(last.filename).name}:{last.lineno})"


def fuzz_with_atheris(name: str, examples: int) -> None:
    import atheris  # type: ignore[import-not-found]

    def one(data: bytes) -> None:
        check(name, data)

    atheris.Setup([sys.argv[0], f"-runs={examples}"], one)
    atheris.Fuzz()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Long fuzz of every reader of untrusted input.")
    parser.add_argument(
        "args",
        nargs="*",
        metavar="[EXAMPLES] READER",
        help=f"inputs per reader (default {DEFAULT_EXAMPLES}) and readers to "
        f"fuzz (default all: {', '.join(sorted(READERS))})",
    )
    parser.add_argument("--atheris", action="store_true", help="use atheris (one reader)")
    parsed = parser.parse_args(argv)
    use_atheris, argv = parsed.atheris, parsed.args
    examples = int(argv[0]) if argv and argv[0].isdigit() else DEFAULT_EXAMPLES
    names = [a for a in argv if not a.isdigit()] or sorted(READERS)
    if use_atheris:
        fuzz_with_atheris(names[0], examples)  # atheris fuzzes one target per process
        return 0
    crashes = 0
    print(f"{'reader':<14} {'inputs':>7} {'seconds':>8}  result")
    for name in names:
        start = time.perf_counter()
        ran, crash = fuzz_with_hypothesis(name, examples)
        seconds = time.perf_counter() - start
        crashes += crash is not None
        print(f"{name:<14} {ran:>7} {seconds:>8.1f}  {crash or 'only GlossaryError'}")
    print(f"{crashes} reader(s) crashed")
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
