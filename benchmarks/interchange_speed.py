"""Export, import and merge speed of every interchange format on a large glossary.

Run: .venv/bin/python benchmarks/interchange_speed.py [N]   (N concepts, default 10000)

The glossary is the repository's terms.csv repeated with numbered terms, so text,
field use and statuses are realistic. Prints seconds per step and the file sizes.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

from glossary.formats import registry, terms_csv
from glossary.interchange import merge
from glossary.model import Glossary


def synthetic(n: int) -> Glossary:
    base = terms_csv.load(Path(__file__).resolve().parents[1] / "terms.csv")[0].terms
    terms = []
    for i in range(n):
        t = base[i % len(base)]
        k = i // len(base)
        suffix = f" {k}" if k else ""
        terms.append(
            replace(
                t,
                id=f"{t.id}-{k}" if k else t.id,
                en=t.en + suffix if t.en else "",
                ru=t.ru + suffix if t.ru else "",
                en_variants=tuple(v + suffix for v in t.en_variants),
                ru_variants=tuple(v + suffix for v in t.ru_variants),
                en_forbidden=tuple(v + suffix for v in t.en_forbidden),
                ru_forbidden=tuple(v + suffix for v in t.ru_forbidden),
                full_form=f"{t.full_form}-{k}" if t.full_form and k else t.full_form,
            )
        )
    return Glossary(tuple(terms))


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
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
