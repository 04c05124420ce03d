"""Packaged taggers in extraction (issue 14.5): quality and speed with and without.

Usage::

    python benchmarks/tagger_experiment.py [--group dev] [--k 60] [--speed] [--words 200000]

The extractor's own classes come from lexicons (pymorphy3, lemminflect) and rules
over neighbours and capitals. This script measures what a statistical model that
ships inside a package adds when it corrects them through the extractor's
:class:`~glossary.extract.candidates.Refiner` hook (off by default):

* Russian: natasha's slovnet NER (navec embeddings and the NER model are files in
  the natasha wheel, nothing is downloaded). An organisation it finds is counted
  whole, with the place or organisation right after it ("Трудовой партии | Кореи");
  ``--persons`` also makes every word of a person it finds a name.
* English: the Brill tagger of Pattern as textblob bundles it (lexicon, suffix and
  context rules are files in the textblob wheel; textblob's own tagger skips the
  context rules, so they are applied here). Where it reads a lower-case word the
  lexicon classes as a verb or as adjective-or-noun as a noun, the noun class is used.

Neither package is a dependency of the project: the measured gains are within noise
and both models cost far more time than the extraction they serve (see
docs/extraction.md). To run it, a separate virtual environment::

    python3 -m venv /tmp/venv-tagger && . /tmp/venv-tagger/bin/activate
    pip install -e '.[bench]' natasha textblob
    python benchmarks/tagger_experiment.py --group dev --speed

Per group and language it prints macro R@k, core P@20 and P@20 (the scorer of
extract_quality.py) without and with the model, then (``--speed``) words/s of both
on the text extract_speed.py builds, medians of three runs.
"""

from __future__ import annotations

import os

# One core, as the speed targets are stated: numpy (slovnet) must not start a BLAS
# thread per core, so this is set before anything imports it.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import importlib.util
import statistics
import sys
import time
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

from glossary.extract.candidates import Refiner, Span
from glossary.extract.extractor import Extractor
from glossary.extract.units import Units
from glossary.model import Lang
from glossary.text.normalize import Token

#: The natasha wheel's model files (under its package folder).
NAVEC = "data/emb/navec_news_v1_1B_250K_300d_100q.tar"
NER_MODEL = "data/model/slovnet_ner_news_v1.tar"
#: Sentences per slovnet batch (larger batches pad more and ran slower).
BATCH = 8
#: Longest organisation span counted whole, in units.
MAX_NAME_UNITS = 8
#: Unit classes a person's word may have before it becomes a name (noun, genitive
#: noun, place, other).
_PERSON_FROM = "NGLD"
#: Penn tags of nouns, and the lexicon classes the Brill tagger may turn into nouns.
_PENN_NOUNS = frozenset({"NN", "NNS"})
_TO_NOUN = "VJ"


def _package_folder(name: str) -> Path:
    """A package's folder found without importing it (natasha's ``__init__`` loads
    pymorphy2 and more, none of which is needed for its data files)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{name} is not installed: pip install natasha textblob")
    return Path(next(iter(spec.submodule_search_locations)))


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) of the non-empty lines: the pieces a model is given."""
    result, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            result.append((offset, line))
        offset += len(line) + 1
    return result


def unit_spans(
    entities: list[tuple[int, int, str]], tokens: Sequence[Token], units: Units
) -> list[tuple[int, int, str]]:
    """Entities given as (start, stop, type) characters, as (first, last unit, type):
    only those that begin and end on unit edges and hold no break."""
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    for index, first in enumerate(units.first):
        if first >= 0:
            starts[tokens[first].start] = index
            ends[tokens[units.last[index]].end] = index
    result = []
    for start, stop, kind in entities:
        a, b = starts.get(start), ends.get(stop)
        if a is not None and b is not None and a <= b and "|" not in units.words[a : b + 1]:
            result.append((a, b, kind))
    return result


class SlovnetNames:
    """Russian: slovnet's NER spans as whole organisation names (and persons)."""

    def __init__(self, *, persons: bool = False) -> None:
        from navec import Navec
        from slovnet import NER

        folder = _package_folder("natasha")
        self.ner: Any = NER.load(str(folder / NER_MODEL), batch_size=BATCH)
        self.ner.navec(Navec.load(str(folder / NAVEC)))
        self.persons = persons

    def entities(self, text: str) -> list[tuple[int, int, str]]:
        lines = _lines(text)
        found = []
        for (offset, _line), markup in zip(lines, self.ner.map([t for _, t in lines]), strict=True):
            found.extend((offset + s.start, offset + s.stop, s.type) for s in markup.spans)
        return found

    def refine(
        self, text: str, tokens: Sequence[Token], units: Units, tags: str
    ) -> tuple[str, list[Span]]:
        named = unit_spans(self.entities(text), tokens, units)
        chars = list(tags)
        if self.persons:
            for a, b, kind in named:
                for u in range(a, b + 1):
                    if kind == "PER" and chars[u] in _PERSON_FROM and units.words[u][:1].isupper():
                        chars[u] = "P"
        # An organisation and the place or organisation right after it are one name.
        glued = [
            (a, d, "ORG")
            for (a, b, k1), (c, d, k2) in pairwise(named)
            if k1 == "ORG" and k2 in ("LOC", "ORG") and c == b + 1 and d - a < MAX_NAME_UNITS
        ]
        spans: list[Span] = []
        for a, b, kind in named + glued:
            if kind == "ORG" and a < b < a + MAX_NAME_UNITS:
                head = next((u for u in range(a, b + 1) if chars[u] in "NGXL"), a)
                spans.append((a, b, -1, head, "n"))
        return "".join(chars), spans


class BrillClasses:
    """English: Pattern's Brill tagger (textblob's bundled files) settles noun readings."""

    def __init__(self) -> None:
        from textblob._text import find_tags
        from textblob.en import lexicon

        self.find_tags: Any = find_tags
        self.lexicon: Any = lexicon
        find_tags(["warm"], lexicon=lexicon)  # the lexicon loads on first use

    def refine(
        self, text: str, tokens: Sequence[Token], units: Units, tags: str
    ) -> tuple[str, list[Span]]:
        words = ["," if first < 0 else w for w, first in zip(units.words, units.first, strict=True)]
        lexicon = self.lexicon
        penn = self.find_tags(
            words, lexicon=lexicon, context=lexicon.context, morphology=lexicon.morphology
        )
        chars = list(tags)
        for index, (word, (_, tag)) in enumerate(zip(units.words, penn, strict=True)):
            if chars[index] in _TO_NOUN and tag in _PENN_NOUNS and word.islower():
                chars[index] = "N"
        return "".join(chars), []


def refiner_for(lang: Lang, *, persons: bool) -> Refiner:
    return SlovnetNames(persons=persons) if lang is Lang.RU else BrillClasses()


def _quality(groups: set[str], k: int, refiners: dict[Lang, Refiner]) -> None:
    from extract_quality import HELDOUT, HELDOUT_WARNING, read_gold, score, texts

    chosen = texts(groups)
    held = sum(1 for t in chosen if t.group == HELDOUT)
    if held:
        print(HELDOUT_WARNING.format(n=held), flush=True)
    totals: dict[tuple[str, str, str], list[tuple[float, float, float]]] = {}
    for item in chosen:
        if not item.path.exists() or not item.gold.exists():
            continue
        text = item.path.read_text(encoding="utf-8")
        gold = read_gold(item.gold, item.lang)
        for label, refiner in (("without", None), ("with", refiners[item.lang])):
            extractor = Extractor(item.lang, refiner=refiner)
            extractor.add(text, item.label)
            s = score([c.term for c in extractor.candidates(k)], gold, k)
            key = (item.group, item.lang.value, label)
            totals.setdefault(key, []).append((s.recall_k, s.core_20, s.precision_20))
    print(f"{'group':8} {'lang':4} {'model':8} {'texts':>5} {'macro R@k':>10} "
          f"{'core P@20':>10} {'P@20':>6}")  # fmt: skip
    # Stable: within a group and language, "without" was added first.
    for (group, lang, label), rows in sorted(totals.items(), key=lambda item: item[0][:2]):
        n = len(rows)
        recall, core, precision = (sum(r[i] for r in rows) / n for i in range(3))
        print(f"{group:8} {lang:4} {label:8} {n:5} {recall:10.3f} {core:10.3f} {precision:6.3f}")


def _speed(words: int, refiners: dict[Lang, Refiner]) -> None:
    from extract_speed import build_text

    for lang in (Lang.EN, Lang.RU):
        text = build_text(lang, words)
        for refiner in (None, refiners[lang]):
            warm = Extractor(lang, refiner=refiner)
            warm.add(text[:20_000])
            warm.candidates(60)
        times: dict[str, list[float]] = {"without": [], "with": []}
        counted = 0
        for _ in range(3):  # alternating, so a change of load hits both alike
            for label, refiner in (("without", None), ("with", refiners[lang])):
                extractor = Extractor(lang, refiner=refiner)
                started = time.perf_counter()
                extractor.add(text, "bench")
                extractor.candidates(60)
                times[label].append(time.perf_counter() - started)
                counted = extractor.words
        for label, runs in times.items():
            print(f"{lang.value}: {label:7} model: {counted / statistics.median(runs):9,.0f} "
                  f"words/s ({counted} words, median of {len(runs)})")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--group", action="append", help="groups of texts (default: dev)")
    parser.add_argument("--k", type=int, default=60)
    parser.add_argument("--persons", action="store_true", help="Russian: NER persons as names")
    parser.add_argument("--speed", action="store_true", help="also words/s without and with")
    parser.add_argument("--words", type=int, default=200_000, help="words of the speed text")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    started = time.perf_counter()
    refiners = {lang: refiner_for(lang, persons=args.persons) for lang in (Lang.EN, Lang.RU)}
    print(f"models loaded in {time.perf_counter() - started:.2f} s")
    _quality(set(args.group or ["dev"]), args.k, refiners)
    if args.speed:
        _speed(args.words, refiners)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
