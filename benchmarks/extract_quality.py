"""Extraction quality: precision@k and recall@k against gold term lists.

Usage::

    python benchmarks/extract_quality.py [--k 60] [--no-baselines] [--group dev] [--heldout]

Texts, in groups: the shared article (../shared/corpus, gold
``geneva-2022-01-21.gold.csv``), our own texts in benchmarks/data (``NAME.LANG.txt``
with ``NAME.gold.csv``; group ``ours``), and the real corpus in benchmarks/data/real,
whose ``MANIFEST.csv`` puts each text in group ``dev`` (rules may be refined on it)
or ``heldout`` (never tuned on: its figure estimates unseen articles). After the
per-text table comes one line per group, language and system: macro R@k (mean of
per-text recall of ``core`` rows in the top k) and core P@20 (core hits in the top
20, divided by 20).
Held-out texts are refused unless asked for: without ``--heldout`` or
``--group heldout`` they are left out, so a routine run during rule work cannot look
at them; when they are evaluated a warning line says so, and ``--missed`` never lists
their gold rows.
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
    core_20: float
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
    core_keys = set().union(*(g.keys for g in core))
    core_20 = sum(1 for x in set(keys[:20]) if x in core_keys) / 20
    recall = len(found) / len(core) if core else 0.0
    return Score(precision(20), core_20, precision(k), recall, missed)


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


def pyate_terms(text: str, lang: Lang, k: int) -> list[str]:
    if lang is not Lang.EN:
        raise ImportError("pyate is English only", name="pyate (en only)")
    from pyate import combo_basic  # needs spaCy's en_core_web_sm, a separate download

    ranked = combo_basic(text).sort_values(ascending=False)
    return [str(term) for term in ranked.index[:k]]


@dataclass(frozen=True)
class Text:
    label: str
    path: Path
    gold: Path
    lang: Lang
    group: str


REAL = DATA / "real"


def _real_texts() -> list[Text]:
    manifest = REAL / "MANIFEST.csv"
    if not manifest.exists():
        return []
    found = []
    with manifest.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = (row.get("file") or "").strip()
            if not name.endswith(".txt"):
                continue  # gold lists and other files are listed for their checksums
            path = REAL / name
            lang = Lang((row.get("lang") or "").strip() or name.split(".")[-2])
            gold = REAL / f"{name.split('.')[0]}.gold.csv"
            found.append(Text(name, path, gold, lang, (row.get("group") or "").strip()))
    return found


HELDOUT = "heldout"
HELDOUT_WARNING = (
    "warning: evaluating {n} held-out texts (never tuned on): report the figure once, "
    "then move them to dev before the next round of rule work"
)


def texts(groups: set[str] | None = None, *, heldout: bool = False) -> list[Text]:
    """Texts of ``groups`` (all when None); held-out texts only when named or ``heldout``."""
    found = [Text("shared article", SHARED / "geneva-2022-01-21.en.txt",
                  SHARED / "geneva-2022-01-21.gold.csv", Lang.EN, "shared")]  # fmt: skip
    for path in sorted(DATA.glob("*.txt")):
        name, lang = path.name.split(".")[:2]
        found.append(Text(path.name, path, DATA / f"{name}.gold.csv", Lang(lang), "ours"))
    found += _real_texts()
    if groups is not None:
        return [t for t in found if t.group in groups or (heldout and t.group == HELDOUT)]
    return [t for t in found if heldout or t.group != HELDOUT]


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
    parser.add_argument(
        "--group", action="append", help="only these groups (shared, ours, dev, heldout)"
    )
    parser.add_argument(
        "--heldout", action="store_true", help="also evaluate held-out texts (left out by default)"
    )
    args = parser.parse_args(argv)
    chosen = texts(set(args.group) if args.group else None, heldout=args.heldout)
    held = sum(1 for t in chosen if t.group == HELDOUT)
    if held:
        print(HELDOUT_WARNING.format(n=held), flush=True)
    systems: list[tuple[str, Callable[[str, Lang, int], list[str]]]] = [("glossary", ours)]
    if not args.no_baselines:
        systems += [("poterminology", poterminology), ("yake", yake_keywords),
                    ("pyate", pyate_terms)]  # fmt: skip
    out = io.StringIO()
    header = f"{'text':34} {'group':7} {'system':14} {'P@20':>6} {'cP@20':>6} {'P@k':>6} "
    print(header + f"{'R@k':>6} {'F1@k':>6}", file=out)
    totals: dict[tuple[str, str, str], list[Score]] = {}
    unavailable: set[str] = set()
    for item in chosen:
        if not item.path.exists() or not item.gold.exists():
            print(f"{item.label:34} {item.group:7} missing text or gold", file=out)
            continue
        text = item.path.read_text(encoding="utf-8")
        gold = read_gold(item.gold, item.lang)
        for name, system in systems:
            if name in unavailable:
                continue
            try:
                ranked = system(text, item.lang, args.k)
            except (ImportError, OSError) as exc:
                reason = getattr(exc, "name", None) or str(exc).splitlines()[0][:60]
                print(f"{item.label:34} {item.group:7} {name:14} unavailable ({reason})", file=out)
                if name != "pyate" or item.lang is Lang.EN:
                    unavailable.add(name)
                continue
            s = score(ranked, gold, args.k)
            totals.setdefault((item.group, item.lang.value, name), []).append(s)
            print(
                f"{item.label:34} {item.group:7} {name:14} {s.precision_20:6.2f} "
                f"{s.core_20:6.2f} {s.precision_k:6.2f} {s.recall_k:6.2f} {s.f1:6.2f}",
                file=out,
            )
            if args.missed and name == "glossary" and s.missed and item.group != HELDOUT:
                print(f"{'':42}   missed: {', '.join(s.missed)}", file=out)
        if item.lang is Lang.RU:
            share = dictionary_share(text, item.lang, args.k)
            print(f"{item.label:34} {item.group:7} {'dictionary form':14} {share:6.2f}", file=out)
    print(f"\n{'group':8} {'lang':4} {'system':14} {'texts':>5} {'macro R@k':>10} "
          f"{'core P@20':>10}", file=out)  # fmt: skip
    for (group, lang, name), scores in sorted(totals.items()):
        recall = sum(s.recall_k for s in scores) / len(scores)
        core_20 = sum(s.core_20 for s in scores) / len(scores)
        print(f"{group:8} {lang:4} {name:14} {len(scores):5} {recall:10.2f} {core_20:10.2f}",
              file=out)  # fmt: skip
    sys.stdout.write(out.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
