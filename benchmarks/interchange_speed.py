"""Export, import and merge speed of every interchange format on a large glossary.

Run: .venv/bin/python benchmarks/interchange_speed.py [N]   (N concepts, default 10000)
     .venv/bin/python benchmarks/interchange_speed.py --tbx-import MB   (default 200)

The glossary is the repository's terms.csv repeated with numbered terms, so text,
field use and statuses are realistic. Prints seconds per step and the file sizes.

``--tbx-import`` measures the streaming TBX import at scale: it writes a TBX of about
MB megabytes and a terms.csv of the same concepts, then, each in a fresh process
(peak RSS from ``resource.getrusage``): ``tbx.read`` alone, and the whole
``glossary import`` command of that TBX into that terms.csv (every concept matches
by id), and the TBX export of the glossary.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic import repeated_terms

from glossary.formats import registry, terms_csv
from glossary.interchange import merge
from glossary.model import Glossary


def synthetic(n: int) -> Glossary:
    return Glossary(repeated_terms(n))


#: Bytes of TBX per concept of the synthetic glossary (measured: about 1.4 kB).
_TBX_BYTES_PER_CONCEPT = 1400


def tbx_import(megabytes: int) -> None:
    """Generate, then time each step in a fresh process so that peak RSS is its own."""
    concepts = megabytes * 1_000_000 // _TBX_BYTES_PER_CONCEPT
    with tempfile.TemporaryDirectory() as work:
        subprocess.run([sys.executable, __file__, "--make", str(concepts), work], check=True)
        size = (Path(work) / "big.tbx").stat().st_size
        print(f"TBX of {concepts} concepts, {size / 1e6:.0f} MB")
        for step in ("read", "import", "export"):
            subprocess.run([sys.executable, __file__, "--step", step, work], check=True)


def _make(concepts: int, work: Path) -> None:
    glossary = synthetic(concepts)
    terms_csv.save(glossary, work / "terms.csv")
    (work / "big.tbx").write_bytes(registry.by_name("tbx").write(glossary))


def _step(step: str, work: Path) -> None:
    from glossary.cli import main as cli

    before = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = before.ru_utime + before.ru_stime
    start = time.perf_counter()
    if step == "read":
        data = (work / "big.tbx").read_bytes()
        found = len(registry.by_name("tbx").read(data, "big.tbx"))
        what = f"tbx.read: {found} concepts"
    elif step == "import":
        os.chdir(work)
        code = cli(["--max-size", "2G", "import", "big.tbx"])
        what = f"glossary import big.tbx (exit {code})"
    else:
        os.chdir(work)
        code = cli(["export", "-o", "out.tbx"])
        what = f"glossary export -o out.tbx (exit {code})"
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    peak = usage.ru_maxrss / 1024
    # CPU time beside wall time: on a shared machine the wall time swings with load.
    print(f"{what}: {seconds:.1f} s ({cpu:.1f} s CPU), peak RSS {peak:.0f} MB", flush=True)


def parse(argv: list[str]) -> argparse.Namespace:
    """The arguments; ``--make`` and ``--step`` are the children's steps of ``--tbx-import``."""
    parser = argparse.ArgumentParser(description="Export, import and merge speed of every format.")
    parser.add_argument(
        "n",
        nargs="?",
        type=int,
        default=10_000,
        help="concepts of the synthetic glossary (default 10000)",
    )
    parser.add_argument(
        "--tbx-import",
        type=int,
        nargs="?",
        const=200,
        metavar="MB",
        help="the streaming TBX import of about MB megabytes (default 200)",
    )
    parser.add_argument("--make", nargs=2, metavar=("CONCEPTS", "DIR"), help="child step")
    parser.add_argument("--step", nargs=2, metavar=("STEP", "DIR"), help="child step")
    return parser.parse_args(argv)


def main() -> None:
    args = parse(sys.argv[1:])
    if args.tbx_import is not None:
        tbx_import(args.tbx_import)
        return
    if args.make is not None:
        _make(int(args.make[0]), Path(args.make[1]))
        return
    if args.step is not None:
        _step(args.step[0], Path(args.step[1]))
        return
    n = args.n
    glossary = synthetic(n)
    print(f"{n} concepts")
    for fmt in registry.FORMATS:
        start = time.perf_counter()
        data = fmt.write(glossary)
        written = time.perf_counter()
        back = fmt.read(data, f"bench.{fmt.name}")
        read = time.perf_counter()
        print(
            f"{fmt.name:7} write {written - start:6.3f} s  read {read - written:6.3f} s  "
            f"{len(data) / 1e6:6.2f} MB  {len(back)} concepts back"
        )
    tbx = registry.by_name("tbx")
    incoming = tbx.read(tbx.write(glossary), "bench.tbx")
    start = time.perf_counter()
    report = merge(glossary, incoming, tbx.fields)
    print(
        f"merge of the TBX back into the glossary (matcher build included): "
        f"{time.perf_counter() - start:.3f} s, {len(report.unchanged)} unchanged"
    )
    omegat = registry.by_name("omegat")
    incoming = omegat.read(omegat.write(glossary), "bench.txt")
    start = time.perf_counter()
    report = merge(glossary, incoming, omegat.fields)
    print(
        f"merge of the OmegaT file (no ids: every concept by lemma key): "
        f"{time.perf_counter() - start:.3f} s, {len(report.unchanged)} unchanged, "
        f"{len(report.conflicts)} conflicts"
    )


if __name__ == "__main__":
    main()
