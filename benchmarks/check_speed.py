"""Terminology-check throughput, in entries per second.

    .venv/bin/python benchmarks/check_speed.py [--entries 20000]

Builds a translated English→Russian catalog in memory: every reviewed concept of
terms.csv with its rendering, inflected, inside a sentence with a number, and one in
ten entries spoiled (a forbidden rendering, a changed number, an empty or fuzzy
translation). Then runs every check of the table, as ``glossary check`` does after
parsing, and separately times parsing the PO file.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import polib

from glossary.check import entries_from_po, run_checks
from glossary.formats import terms_csv
from glossary.formats.po import parse_po
from glossary.model import Status

ROOT = Path(__file__).resolve().parents[1]
#: In every CYCLE entries, one each has a forbidden rendering, a changed number, no
#: translation and a fuzzy flag (at these positions): a tenth of each problem.
CYCLE = 10
FORBIDDEN_AT = 3
WRONG_NUMBER_AT = 5
UNTRANSLATED_AT = 7
FUZZY_AT = 8


def catalog(size: int) -> bytes:
    glossary = terms_csv.load(ROOT / "terms.csv")[0]
    terms = [t for t in glossary if t.status is Status.REVIEWED and t.en and t.ru]
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Language": "ru", "X-Source-Language": "en",
                   "Content-Type": "text/plain; charset=UTF-8"}  # fmt: skip
    for i in range(size):
        term = terms[i % len(terms)]
        msgid = f"Officials discussed the {term.en} on day {i} of the talks."
        rendering = (
            term.ru_forbidden[0] if i % CYCLE == FORBIDDEN_AT and term.ru_forbidden else term.ru
        )
        number = i + 1 if i % CYCLE == WRONG_NUMBER_AT else i
        msgstr = f"Официальные лица обсудили {rendering} в день {number} переговоров."
        entry = polib.POEntry(msgid=msgid, msgstr="" if i % CYCLE == UNTRANSLATED_AT else msgstr)
        if i % CYCLE == FUZZY_AT:
            entry.flags = ["fuzzy"]
        po.append(entry)
    return str(po).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=20_000)
    args = parser.parse_args()
    data = catalog(args.entries)
    glossary = terms_csv.load(ROOT / "terms.csv")[0]
    t0 = time.perf_counter()
    entries = entries_from_po(parse_po(data, "bench.po"), "bench.po")
    t1 = time.perf_counter()
    findings = run_checks(entries, glossary)
    t2 = time.perf_counter()
    counts = Counter(f.check for f in findings)
    print(f"{len(entries)} entries, {len(data) // 1024} KiB: parsing {t1 - t0:.2f} s")
    print(f"checks {t2 - t1:.2f} s: {len(findings)} findings {dict(sorted(counts.items()))}")
    print(f"throughput: {len(entries) / (t2 - t1):.0f} entries/s checked, "
          f"{len(entries) / (t2 - t0):.0f} entries/s with parsing")  # fmt: skip


if __name__ == "__main__":
    main()
