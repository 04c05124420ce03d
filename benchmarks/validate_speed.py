"""Reading and validating a big terms.csv: seconds and peak memory.

Run: python benchmarks/validate_speed.py [ROWS]   (default 100000; the target is 1M rows
in at most 10 s and 1 GB)

The file is generated from the repository's terms.csv with numbered terms (so every
row is valid and every id and term unique) into a temporary file, then loaded by a
fresh process with ``terms_csv.load`` (read, decode, CSV parse, row parse,
``model.validate``). Peak RSS comes from that process's ``resource.getrusage``, so
the generator's memory is not counted; the RSS before loading is printed too.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic import repeated_terms, repo_glossary

from glossary.formats import terms_csv
from glossary.model import Glossary, validate

DEFAULT_ROWS = 100_000


def synthetic(rows: int, first: int = 0) -> Glossary:
    """Rows ``first`` to ``rows`` of the synthetic glossary."""
    return Glossary(repeated_terms(rows, first), repo_glossary().columns)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_file(rows: int, path: Path) -> None:
    """The synthetic terms.csv, written in slices so the generator stays small."""
    step = 50_000
    with path.open("wb") as out:
        for first in range(0, rows, step):
            data = terms_csv.write(synthetic(min(rows, first + step), first))
            out.write(data if first == 0 else data.split(b"\n", 1)[1])


def load(path: Path) -> None:
    """In a fresh process: load and validate, then print the numbers."""
    size = path.stat().st_size
    before = peak_mb()
    start, cpu = time.perf_counter(), time.process_time()
    glossary, _ = terms_csv.load(path)
    load_s, load_cpu = time.perf_counter() - start, time.process_time() - cpu
    start = time.perf_counter()
    problems = validate(glossary.terms)
    validate_s = time.perf_counter() - start
    print(f"rows {len(glossary):,}  file {size / 1e6:.1f} MB  problems {len(problems)}")
    print(
        f"load (read, decode, parse, validate) {load_s:.2f} s ({load_cpu:.2f} s of CPU: "
        f"on a shared machine the wall time also counts other processes); "
        f"model.validate alone {validate_s:.2f} s"
    )
    print(f"peak RSS {peak_mb():.0f} MB (interpreter and imports before loading: {before:.0f} MB)")


def parse(argv: list[str]) -> argparse.Namespace:
    """The arguments; ``--load`` and ``--write`` are the children's steps."""
    parser = argparse.ArgumentParser(description="Load and validate a generated terms.csv.")
    parser.add_argument(
        "rows",
        nargs="?",
        type=int,
        default=DEFAULT_ROWS,
        help=f"rows of the generated terms.csv (default {DEFAULT_ROWS})",
    )
    parser.add_argument("--load", type=Path, metavar="PATH", help="child step: load PATH")
    parser.add_argument(
        "--write", nargs=2, metavar=("ROWS", "PATH"), help="child step: write ROWS rows to PATH"
    )
    return parser.parse_args(argv)


def main(argv: list[str]) -> None:
    args = parse(argv)
    if args.load is not None:
        load(args.load)
        return
    if args.write is not None:
        write_file(int(args.write[0]), Path(args.write[1]))
        return
    rows = args.rows
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "terms.csv"
        # Both steps in children: Linux keeps a process's peak RSS across fork and
        # exec, so a loader forked from the generator would report the generator's.
        subprocess.run([sys.executable, __file__, "--write", str(rows), str(path)], check=True)
        subprocess.run([sys.executable, __file__, "--load", str(path)], check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
