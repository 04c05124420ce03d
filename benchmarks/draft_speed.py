"""Draft throughput without machine translation, in segments per second.

    .venv/bin/python benchmarks/draft_speed.py [--copies 50] [--growth 0.1,0.3,1,3,10]

The shared corpus article is repeated ``--copies`` times with a number appended to every
sentence (so no two sentences are the same and memory has to search), then drafted
into Russian exactly as ``glossary draft --no-mt`` does: segmentation, the glossary terms
of each sentence, translation memory (the reviewed catalogs in locales/ plus the first
copy's sentences as reviewed memory), the PO file built and rendered. Start-up (loading
morphology, building the matcher) is timed apart from the per-segment work.

Then the growth of segmentation with input size on the worst case, a text without
blank lines (one paragraph), in English and Russian: seconds and MB/s per size, which
stay flat when segmentation is linear (``--growth`` lists the sizes in MB).
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from glossary.catalogs import TARGETS, catalog_path
from glossary.draft.drafts import Drafter, build_po, draft_po_bytes
from glossary.draft.memory import TranslationMemory, read_memory
from glossary.formats import terms_csv
from glossary.model import Lang, TranslationUnit
from glossary.text.segment import segment

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--growth", default="0.1,0.3,1,3,10", help="sizes in MB")
    args = parser.parse_args()
    article = (CORPUS / "geneva-2022-01-21.en.txt").read_text(encoding="utf-8")
    text = "\n".join(
        re.sub(r"([.!?\"])(\s|$)", rf"\1 ({copy})\2", article) for copy in range(args.copies)
    )

    t0 = time.perf_counter()
    glossary = terms_csv.load(ROOT / "terms.csv")[0]
    memory = TranslationMemory((), Lang.EN, Lang.RU)
    for lang in TARGETS:
        path = catalog_path(ROOT / "locales", lang)
        for unit in read_memory(path.read_bytes(), str(path)):
            memory.add(unit)
    for sentence in segment(article, Lang.EN):
        memory.add(TranslationUnit(Lang.EN, sentence.text, Lang.RU, "перевод", "reviewed.po"))
    drafter = Drafter(glossary, Lang.EN, Lang.RU, memory=memory)
    drafter.glossary_notes("warm up the normaliser and the matcher")
    startup = time.perf_counter() - t0

    t1 = time.perf_counter()
    segments = segment(text, Lang.EN)
    t2 = time.perf_counter()
    drafts = list(drafter.draft(segments))
    t3 = time.perf_counter()
    data = draft_po_bytes(build_po(drafts, "bench.txt", Lang.EN, Lang.RU, revision_date="x"))
    t4 = time.perf_counter()
    from_memory = sum(1 for d in drafts if d.msgstr)
    total = t4 - t1
    print(f"start-up (glossary, catalogs as memory, matcher): {startup:.2f} s")
    print(
        f"{len(segments)} segments ({from_memory} drafted from memory), {len(data)} bytes of PO: "
        f"segmentation {t2 - t1:.2f} s, drafting {t3 - t2:.2f} s, PO {t4 - t3:.2f} s"
    )
    print(f"throughput: {len(segments) / total:.0f} segments/s")
    growth(article, [float(size) for size in args.growth.split(",") if size])


def growth(article: str, sizes: list[float]) -> None:
    """Segmentation of one paragraph of growing size: seconds and MB/s per size."""
    english = "\n".join(line for line in article.splitlines() if line.strip())
    russian = "\n".join(
        line
        for line in (ROOT / "benchmarks" / "data" / "vienna-meeting.ru.txt")
        .read_text(encoding="utf-8")
        .splitlines()
        if line.strip()
    )
    print("segmentation of a text without blank lines:")
    print(f"{'MB':>6} {'lang':>4} {'sentences':>10} {'seconds':>8} {'MB/s':>6}")
    for size in sizes:
        for lang, sample in ((Lang.EN, english), (Lang.RU, russian)):
            copies = max(1, round(size * 1_000_000 / len(sample.encode("utf-8"))))
            text = "\n".join([sample] * copies)
            megabytes = len(text.encode("utf-8")) / 1_000_000
            start = time.perf_counter()
            count = len(segment(text, lang))
            seconds = time.perf_counter() - start
            print(
                f"{megabytes:6.2f} {lang.value:>4} {count:10d} {seconds:8.2f} "
                f"{megabytes / seconds:6.2f}"
            )


if __name__ == "__main__":
    main()
