"""Extraction quality: precision@k and recall@k against gold term lists.

Usage::

    python benchmarks/extract_quality.py [--k 60] [--no-baselines]

Texts: the shared article (../shared/corpus, gold ``geneva-2022-01-21.gold.csv``)
and our own texts in benchmarks/data (``NAME.LANG.txt`` with ``NAME.gold.csv``).
Gold CSV columns: en, ru, kind, level, note; ``|`` separates accepted spellings;
recall counts ``core`` rows, precision counts ``core`` and ``ok`` rows as correct.
Matching is lemma-aware: candidate and gold terms both go through the project
normaliser and must have equal match keys.

Baselines on the same texts with the same scorer: translate-toolkit's
``poterminology`` (each paragraph one PO unit, thresholds lowered to 1 so a
single article yields terms) and YAKE (n ≤ 3). Install them with
``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from glossary.extract import extract
from glossary.model import Lang
from glossary.text.normalize import default_normalizer

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
SHARED = ROOT.parent / "shared" / "corpus"


@dataclass(frozen=True)
class GoldRow:
    keys: frozenset[tuple[str, ...]]
    core: bool
    label: str


@dataclass(frozen=True)
class Score:
    precision_20: float
    precision_k: float
    recall_k: float
    missed: list[str]

    @property
    def f1(self) -> float:
        p, r = self.precision_k, self.recall_k
        return 2 * p * r / (p + r) if p + r else 0.0


def read_gold(path: Path, lang: Lang) -> list[GoldRow]:
    key = default_normalizer().key
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            alternatives = [a.strip() for a in row[lang.value].split("|") if a.strip()]
            keys = frozenset(key(a) for a in alternatives)
            if keys:
                rows.append(GoldRow(keys, row["level"].strip() == "core", alternatives[0]))
    return rows


def score(ranked: list[str], gold: list[GoldRow], k: int) -> Score:
    key = default_normalizer().key
    keys = [key(term) for term in ranked]
    known = set().union(*(g.keys for g in gold))

    def precision(n: int) -> float:
        top = keys[:n]
        return sum(1 for x in top if x in known) / n if top else 0.0

    top_k = set(keys[:k])
    core = [g for g in gold if g.core]
    found = [g for g in core if g.keys & top_k]
    missed = [g.label for g in core if not g.keys & top_k]
    return Score(precision(20), precision(k), len(found) / len(core), missed)


def ours(text: str, lang: Lang, k: int) -> list[str]:
    return [c.term for c in extract(text, lang, top=k)]


def poterminology(text: str, lang: Lang, k: int) -> list[str]:
    from translate.misc import file_discovery
    from translate.storage import po
    from translate.tools.poterminology import TerminologyExtractor

    stopfile = file_discovery.get_abs_data_filename("stoplist-en")
    extractor = TerminologyExtractor(sourcelanguage=lang.value, stopfile=stopfile)
    store = po.pofile()
    for number, paragraph in enumerate(text.split("\n"), 1):
        if paragraph.strip():
            unit = store.addsourceunit(paragraph.strip())
            unit.addlocation(f"text:{number}")
    extractor.processunits(store.units, "text")
    terms = extractor.extract_terms(inputmin=1, fullmsgmin=1, substrmin=1, locmin=1)
    ranked = sorted(terms.items(), key=lambda item: (-item[1][0], item[0]))
    return [term for term, _ in ranked[:k]]


def yake_keywords(text: str, lang: Lang, k: int) -> list[str]:
    import yake

    extractor = yake.KeywordExtractor(lan=lang.value, n=3, top=k)
    return [keyword for keyword, _ in extractor.extract_keywords(text)]


def texts() -> list[tuple[str, Path, Path, Lang]]:
    found = [("shared article", SHARED / "geneva-2022-01-21.en.txt",
              SHARED / "geneva-2022-01-21.gold.csv", Lang.EN)]  # fmt: skip
    for path in sorted(DATA.glob("*.txt")):
        name, lang = path.name.split(".")[:2]
        found.append((path.name, path, DATA / f"{name}.gold.csv", Lang(lang)))
    return found


def dictionary_share(text: str, lang: Lang, k: int) -> float:
    """Share of Russian candidates whose head reads as nominative (dictionary form)."""
    from glossary.text.ru import analyse_phrase, dictionary_form

    terms = ours(text, lang, k)
    ok = 0
    for term in terms:
        analysis = analyse_phrase(term.split())
        if analysis.head < 0 or dictionary_form(term) == term or "nomn" in analysis.cases:
            ok += 1
    return ok / len(terms) if terms else 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--k", type=int, default=60)
    parser.add_argument("--no-baselines", action="store_true")
    parser.add_argument("--missed", action="store_true", help="list missed core terms")
    args = parser.parse_args(argv)
    systems: list[tuple[str, Callable[[str, Lang, int], list[str]]]] = [("glossary", ours)]
    if not args.no_baselines:
        systems += [("poterminology", poterminology), ("yake", yake_keywords)]
    out = io.StringIO()
    print(f"{'text':32} {'system':14} {'P@20':>6} {'P@k':>6} {'R@k':>6} {'F1@k':>6}", file=out)
    for label, path, gold_path, lang in texts():
        text = path.read_text(encoding="utf-8")
        gold = read_gold(gold_path, lang)
        for name, system in systems:
            try:
                ranked = system(text, lang, args.k)
            except ImportError as exc:
                print(f"{label:32} {name:14} not installed ({exc.name})", file=out)
                continue
            s = score(ranked, gold, args.k)
            print(
                f"{label:32} {name:14} {s.precision_20:6.2f} {s.precision_k:6.2f} "
                f"{s.recall_k:6.2f} {s.f1:6.2f}",
                file=out,
            )
            if args.missed and name == "glossary" and s.missed:
                print(f"{'':32}   missed: {', '.join(s.missed)}", file=out)
        if lang is Lang.RU:
            share = dictionary_share(text, lang, args.k)
            print(f"{label:32} {'dictionary form':14} {share:6.2f}", file=out)
    sys.stdout.write(out.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
