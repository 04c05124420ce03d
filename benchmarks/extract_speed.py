"""Extraction speed in words per second on one core, English and Russian.

Usage::

    python benchmarks/extract_speed.py [--words 200000] [--vocabulary 30000]

The input is built from every benchmark text of the language (benchmarks/data, the
real corpus in benchmarks/data/real except its held-out group, the shared article: many
documents by different authors), their paragraphs shuffled with a fixed seed and
repeated until the text has at least ``--words`` words. Model loading (pymorphy3,
lemminflect, wordfreq) is warmed up first and not timed; the timed part is counting,
ranking and the canonical forms of the top 60 candidates.

``--vocabulary N`` measures a worst case instead: words drawn at random from
wordfreq's N most frequent words (no grammar, a new word every few tokens), so
every cache starts cold and almost every word sequence is a new candidate.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from glossary.extract import Extractor
from glossary.model import Lang

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "benchmarks/data/real"


def _tuned_on(lang: str) -> list[Path]:
    """The real texts of ``lang`` outside the held-out group: a held-out text is never
    fed to anything while rules are worked on, not even to a timing run."""
    import csv

    manifest = REAL / "MANIFEST.csv"
    if not manifest.exists():
        return []
    with manifest.open(encoding="utf-8", newline="") as handle:
        return [
            REAL / row["file"]
            for row in csv.DictReader(handle)
            if row["file"].endswith(f".{lang}.txt") and row["group"].strip() != "heldout"
        ]


#: Words per synthetic sentence.
SENTENCE_WORDS = 15
SOURCES = {
    Lang.EN: [ROOT / "benchmarks/data/vienna-talks.en.txt",
              ROOT / "benchmarks/data/ceasefire-council.en.txt",
              ROOT.parent / "shared/corpus/geneva-2022-01-21.en.txt",
              *_tuned_on("en")],
    Lang.RU: [ROOT / "benchmarks/data/minsk-consultations.ru.txt",
              ROOT / "benchmarks/data/brussels-talks.ru.txt",
              ROOT / "benchmarks/data/vienna-meeting.ru.txt",
              *_tuned_on("ru")],
}  # fmt: skip


def build_text(lang: Lang, words: int) -> str:
    paragraphs = [
        p.strip()
        for path in SOURCES[lang]
        if path.exists()
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if p.strip()
    ]
    rng = random.Random(42)
    out: list[str] = []
    count = 0
    while count < words:
        rng.shuffle(paragraphs)
        for p in paragraphs:
            out.append(p)
            count += len(p.split())
    return "\n\n".join(out)


def word_salad(lang: Lang, words: int, vocabulary: int) -> str:
    from wordfreq import top_n_list

    pool = top_n_list(lang.value, vocabulary)
    rng = random.Random(42)
    out = []
    for index in range(words):
        out.append(rng.choice(pool))
        if index % SENTENCE_WORDS == SENTENCE_WORDS - 1:
            out.append(".\n")
    return " ".join(out)


def corpus_mode(count: int) -> int:
    """Wall time of corpus mode (count, rank the top 60) on 1 and on 2 processes."""
    from glossary.extract.corpus import extract_corpus

    for lang in (Lang.EN, Lang.RU):
        text = build_text(lang, 800 * count)
        paragraphs = text.split("\n\n")
        size = max(1, len(paragraphs) // count)
        docs = [(lang, "\n\n".join(paragraphs[i : i + size]), f"doc{i}.txt")
                for i in range(0, len(paragraphs), size)]  # fmt: skip
        extract_corpus(docs[:2])  # warm the models in this process
        times = {}
        for jobs in (1, 2):
            started = time.perf_counter()
            extractor = extract_corpus(docs, jobs)[lang]
            extractor.candidates(60)
            times[jobs] = time.perf_counter() - started
        words = extractor.words
        print(f"{lang.value}: {len(docs)} documents, {words} words: 1 job {times[1]:.2f} s, "
              f"2 jobs {times[2]:.2f} s, speed-up {times[1] / times[2]:.2f}x")  # fmt: skip
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="extraction words/s")
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--vocabulary", type=int, default=0, metavar="N")
    parser.add_argument(
        "--corpus", type=int, default=0, metavar="DOCS",
        help="corpus mode instead: DOCS documents of ~800 words, --jobs 1 against --jobs 2",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.corpus:
        return corpus_mode(args.corpus)
    for lang in (Lang.EN, Lang.RU):
        if args.vocabulary:
            text = word_salad(lang, args.words, args.vocabulary)
        else:
            text = build_text(lang, args.words)
        warm = Extractor(lang)
        warm.add(text[:20_000])
        warm.candidates(60)
        extractor = Extractor(lang)
        started = time.perf_counter()
        extractor.add(text, "bench")
        extractor.candidates(60)
        elapsed = time.perf_counter() - started
        print(f"{lang.value}: {extractor.words} words in {elapsed:.2f} s = "
              f"{extractor.words / elapsed:,.0f} words/s")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
