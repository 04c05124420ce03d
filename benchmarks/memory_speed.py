"""Translation-memory lookup speed: exact and fuzzy, on a memory of 100k segments.

    .venv/bin/python benchmarks/memory_speed.py [--segments 100000] [--queries 1000]

Segments are synthetic sentences of 8-30 words drawn from the shared corpus's words and
a Zipf-distributed synthetic vocabulary (so some words are common and most are rare, as
in news). Half of the queries are memory segments with one word changed (they should
hit as fuzzy matches), half are fresh random sentences (they should miss). Prints the
build time and the mean, median and 95th-percentile lookup time. Target: ≤ 20 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from glossary.draft.memory import TranslationMemory
from glossary.model import Lang, TranslationUnit

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    words = sorted({w for p in CORPUS.glob("*.txt") for w in p.read_text().split()})
    words += [f"w{i}" for i in range(30_000)]
    rng.shuffle(words)
    weights = [1.0 / (rank + 1) for rank in range(len(words))]
    return words, weights


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--segments", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    words, weights = vocabulary(rng)

    def sentence() -> str:
        return " ".join(rng.choices(words, weights, k=rng.randint(8, 30))) + "."

    units = [
        TranslationUnit(Lang.EN, s, Lang.RU, f"перевод {i}", f"tm:{i}")
        for i, s in enumerate(sentence() for _ in range(args.segments))
    ]
    start = time.perf_counter()
    memory = TranslationMemory(units, Lang.EN, Lang.RU)
    build = time.perf_counter() - start

    queries = []
    for _ in range(args.queries // 2):
        tokens = rng.choice(units).source.split()
        tokens[rng.randrange(len(tokens))] = "changed"
        queries.append(" ".join(tokens))
    queries += [sentence() for _ in range(args.queries - len(queries))]
    times, hits = [], 0
    for query in queries:
        t0 = time.perf_counter()
        match = memory.lookup(query)
        times.append((time.perf_counter() - t0) * 1000)
        hits += match is not None
    times.sort()
    print(f"memory: {len(memory)} segments, built in {build:.2f} s")
    print(
        f"lookup: {len(queries)} queries, {hits} hits; mean {statistics.mean(times):.2f} ms, "
        f"median {statistics.median(times):.2f} ms, "
        f"p95 {times[int(len(times) * 0.95)]:.2f} ms, max {times[-1]:.2f} ms per segment"
    )


if __name__ == "__main__":
    main()
