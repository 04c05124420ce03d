"""Lookup and annotation speed on a synthetic 100k-concept glossary.

    .venv/bin/python benchmarks/lookup_speed.py [--concepts 100000] [--words 200000]

Builds a glossary of realistic Russian and English noun phrases (adjective + noun,
noun + genitive noun, adjective + noun + genitive noun, from wordfreq's frequency
lists, with pymorphy3 agreement), writes it as terms.csv into a temporary
directory (the cache goes there too, never into ~/.cache), and prints:

- index build time and the build process's peak RSS;
- cold CLI lookup: a fresh ``glossary lookup`` process per inflected query, median
  wall time (target ≤ 300 ms) and CPU time (``benchmarks/process.py``), peak RSS
  (target ≤ 300 MB);
- warm in-process lookup median over distinct inflected queries (target ≤ 100 µs);
- annotation of Russian news-like text (filler from the frequency list with inflected
  glossary terms) in words/s (target ≥ 300k) beside flashtext on the same text and
  term list (``pip install 'glossary[bench]'``); flashtext only finds the exact forms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from process import run  # noqa: E402

#: The budgets each figure is printed against.
COLD_TARGET_S = 0.3
RSS_TARGET_MB = 300
WARM_TARGET_US = 100
ANNOTATION_TARGET_WPS = 3e5

#: The synthetic vocabulary: frequent words of at least this many letters, read
#: unambiguously enough (pymorphy3 score) to inflect predictably.
MIN_WORD_LETTERS = 4
MIN_PARSE_SCORE = 0.5
#: Shapes of synthetic Russian terms: an adjective before the head in this share;
#: a genitive dependent after it when the draw is above the second number.
RU_ADJECTIVE_SHARE = 0.75
RU_NO_GENITIVE_BELOW = 0.4
#: Shapes of synthetic English terms, by cumulative share: adjective + noun,
#: noun + noun, adjective + noun of noun, else noun of adjective + noun.
EN_ADJ_NOUN_BELOW = 0.4
EN_NOUN_NOUN_BELOW = 0.7
EN_ADJ_OF_BELOW = 0.9
#: Share of synthetic concepts that are reviewed.
REVIEWED_SHARE = 0.7
#: Share of queries that are inflected Russian terms (the rest English plurals).
RUSSIAN_QUERY_SHARE = 0.75
#: Share of text pieces that are glossary terms (about one in twelve words).
TERM_SHARE = 0.08
#: Share of sentences that end a paragraph.
PARAGRAPH_SHARE = 0.2


def vocabulary(size: int) -> dict[str, list[str]]:
    """Nouns and adjectives in dictionary form, most frequent first."""
    import wordfreq
    from lemminflect import getAllLemmas

    from glossary.text.morph_ru import RussianMorphology

    morph = RussianMorphology.shared().analyzer
    ru_nouns, ru_adjectives = [], []
    for word in wordfreq.top_n_list("ru", size):
        if len(word) < MIN_WORD_LETTERS or not word.isalpha():
            continue
        parse = morph.parse(word)[0]
        tag = parse.tag
        if parse.score < MIN_PARSE_SCORE or parse.normal_form != word:
            continue
        if tag.POS == "NOUN" and not (
            {"Name", "Surn", "Patr", "Geox", "Abbr", "Pltm"} & tag.grammemes
        ):
            ru_nouns.append(word)
        elif tag.POS == "ADJF":
            ru_adjectives.append(word)
    en_nouns, en_adjectives = [], []
    for word in wordfreq.top_n_list("en", size):
        if len(word) < MIN_WORD_LETTERS or not word.isalpha() or not word.isascii():
            continue
        lemmas = getAllLemmas(word)
        if lemmas.get("NOUN", [None])[0] == word:
            en_nouns.append(word)
        elif lemmas.get("ADJ", [None])[0] == word:
            en_adjectives.append(word)
    return {"ru_nouns": ru_nouns, "ru_adj": ru_adjectives, "en_nouns": en_nouns,
            "en_adj": en_adjectives}  # fmt: skip


#: Analyses and inflections of the vocabulary, memoised: a million phrases draw the
#: same few thousand words again and again (the random draws, hence the glossary,
#: are the same as without the memo).
_GENDERS: dict[str, str] = {}
_FORMS: dict[tuple[str, str], str | None] = {}


def _gender(morph: object, noun: str) -> str:
    found = _GENDERS.get(noun)
    if found is None:
        found = _GENDERS[noun] = morph.parse(noun)[0].tag.gender or "masc"  # type: ignore[attr-defined]
    return found


def _inflected(morph: object, word: str, grammemes: str) -> str | None:
    """``word`` inflected to the comma-separated ``grammemes`` (None if it cannot be)."""
    key = (word, grammemes)
    if key not in _FORMS:
        parse = morph.parse(word)[0].inflect(set(grammemes.split(",")))  # type: ignore[attr-defined]
        _FORMS[key] = parse.word if parse is not None else None
    return _FORMS[key]


def russian_phrase(rng: random.Random, vocab: dict[str, list[str]], morph: object) -> str | None:
    nouns, adjectives = vocab["ru_nouns"], vocab["ru_adj"]
    head = rng.choice(nouns)
    gender = _gender(morph, head)
    shape = rng.random()
    words = [head]
    if shape < RU_ADJECTIVE_SHARE:
        adjective = _inflected(morph, rng.choice(adjectives), f"{gender},nomn,sing")
        if adjective is None:
            return None
        words.insert(0, adjective)
    if shape > RU_NO_GENITIVE_BELOW:
        dependent = _inflected(morph, rng.choice(nouns), "gent,sing")
        if dependent is None:
            return None
        words.append(dependent)
    return " ".join(words)


def english_phrase(rng: random.Random, vocab: dict[str, list[str]]) -> str:
    nouns, adjectives = vocab["en_nouns"], vocab["en_adj"]
    shape = rng.random()
    if shape < EN_ADJ_NOUN_BELOW:
        return f"{rng.choice(adjectives)} {rng.choice(nouns)}"
    if shape < EN_NOUN_NOUN_BELOW:
        return f"{rng.choice(nouns)} {rng.choice(nouns)}"
    if shape < EN_ADJ_OF_BELOW:
        return f"{rng.choice(adjectives)} {rng.choice(nouns)} of {rng.choice(nouns)}"
    return f"{rng.choice(nouns)} of {rng.choice(adjectives)} {rng.choice(nouns)}"


def make_glossary(count: int, seed: int = 1) -> tuple[object, dict[str, list[str]]]:
    from glossary.model import Glossary, Status, Term
    from glossary.text.morph_ru import RussianMorphology

    morph = RussianMorphology.shared().analyzer
    rng = random.Random(seed)
    vocab = vocabulary(40000)
    seen_ru: set[str] = set()
    seen_en: set[str] = set()
    terms = []
    while len(terms) < count:
        ru = russian_phrase(rng, vocab, morph)
        en = english_phrase(rng, vocab)
        if ru is None or ru in seen_ru or en in seen_en:
            continue
        seen_ru.add(ru)
        seen_en.add(en)
        status = Status.REVIEWED if rng.random() < REVIEWED_SHARE else Status.DRAFT
        terms.append(Term(f"c{len(terms)}", en=en, ru=ru, status=status,
                          definition=f"Synthetic concept {len(terms)}."))  # fmt: skip
    return Glossary(tuple(terms)), vocab


def english_plural(phrase: str) -> str:
    """The phrase with its head noun in the plural (the last word, or the one before "of")."""
    from lemminflect import getInflection

    words = phrase.split()
    head = words.index("of") - 1 if "of" in words else len(words) - 1
    plural = getInflection(words[head], tag="NNS")
    if plural:
        words[head] = plural[0]
    return " ".join(words)


def inflected_queries(glossary: object, count: int, seed: int = 2) -> list[tuple[str, str]]:
    """(concept id, query): Russian terms in a random case and number, English plurals."""
    from glossary.text.ru import CASES, NUMBERS, inflect

    rng = random.Random(seed)
    terms = list(glossary)  # type: ignore[call-overload]
    queries = []
    while len(queries) < count:
        term = rng.choice(terms)
        if rng.random() < RUSSIAN_QUERY_SHARE:
            form = inflect(term.ru, rng.choice(CASES[1:]), rng.choice(NUMBERS))
            if form:
                queries.append((term.id, form))
        else:
            queries.append((term.id, english_plural(term.en)))
    return queries


def news_text(glossary: object, vocab: dict[str, list[str]], words: int, seed: int = 3) -> str:
    """Russian news-like text: frequency-list filler, one inflected term every ~12 words."""
    import wordfreq

    from glossary.text.ru import CASES, NUMBERS, inflect

    rng = random.Random(seed)
    filler = [w for w in wordfreq.top_n_list("ru", 20000) if w.isalpha()]
    weights = [1 / (i + 10) for i in range(len(filler))]
    terms = list(glossary)  # type: ignore[call-overload]
    out: list[str] = []
    count = 0
    sentence: list[str] = []
    while count < words:
        if rng.random() < TERM_SHARE:
            term = rng.choice(terms)
            form = inflect(term.ru, rng.choice(CASES), rng.choice(NUMBERS))
            piece = form or term.ru
        else:
            piece = rng.choices(filler, weights)[0]
        sentence.append(piece)
        count += piece.count(" ") + 1
        if len(sentence) > rng.randint(8, 20):
            text = " ".join(sentence)
            out.append(text[0].upper() + text[1:] + rng.choice([".", ".", ",", " —", ";"]))
            sentence = []
            if rng.random() < PARAGRAPH_SHARE:
                out.append("\n")
    return " ".join(out)


def checked(command: list[str]) -> float:
    """Wall seconds of one process that must succeed."""
    done = run(command)
    if done.returncode:
        raise SystemExit(f"{command[:3]} failed ({done.returncode}): {done.stderr}")
    return done.seconds


def main() -> int:  # noqa: PLR0915 - the measurements in the order they are printed
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concepts", type=int, default=100_000)
    parser.add_argument("--words", type=int, default=200_000, help="annotation text size")
    parser.add_argument("--cold-runs", type=int, default=25)
    parser.add_argument("--warm-queries", type=int, default=3000)
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it")
    args = parser.parse_args()

    work = Path(args.keep or tempfile.mkdtemp(prefix="glossary-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ["XDG_CACHE_HOME"] = str(work / "cache")
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    sys.path.insert(0, str(ROOT / "src"))
    from glossary.formats import terms_csv

    print(f"work dir: {work}")
    started = time.perf_counter()
    glossary, vocab = make_glossary(args.concepts)
    terms_path = work / "terms.csv"
    terms_csv.save(glossary, terms_path)  # type: ignore[arg-type]
    print(f"synthetic glossary: {len(glossary)} concepts, "  # type: ignore[arg-type]
          f"{terms_path.stat().st_size / 1e6:.1f} MB terms.csv "
          f"({time.perf_counter() - started:.1f} s to generate)")  # fmt: skip
    print(f"  vocabulary: {', '.join(f'{k} {len(v)}' for k, v in vocab.items())}")
    print(f"  sample: {glossary.terms[0].ru!r} / {glossary.terms[0].en!r}")  # type: ignore[attr-defined]

    # index build, in a child process so its memory is its own
    build = subprocess.run(
        [sys.executable, "-c", _BUILD_CHILD, str(terms_path)],
        capture_output=True, text=True, check=True, env=os.environ,
    )  # fmt: skip
    built = json.loads(build.stdout)
    print(f"index build: {built['seconds']:.1f} s, peak RSS {built['rss_mb']:.0f} MB, "
          f"index file {built['size_mb']:.0f} MB")  # fmt: skip

    queries = inflected_queries(glossary, max(args.warm_queries, args.cold_runs))

    # cold CLI lookups
    glossary_cli = [sys.executable, "-m", "glossary", "--glossary", str(terms_path), "lookup"]
    subprocess.run([*glossary_cli, queries[0][1]], capture_output=True, check=False)
    times, cpu, peaks, misses = [], [], [], 0
    for term_id, query in queries[: args.cold_runs]:
        cold = run([sys.executable, "-c", _COLD_CHILD, str(terms_path), query])
        times.append(cold.seconds)
        cpu.append(cold.cpu_seconds)
        out = json.loads(cold.stdout.splitlines()[-1])
        peaks.append(out["rss_mb"])
        misses += term_id not in out["ids"]
    status = "OK" if statistics.median(times) <= COLD_TARGET_S else "OVER"
    rss_status = "OK" if max(peaks) <= RSS_TARGET_MB else "OVER"
    print(f"cold CLI lookup: median {statistics.median(times) * 1000:.0f} ms, "
          f"max {max(times) * 1000:.0f} ms over {len(times)} inflected queries "
          f"[target ≤ {COLD_TARGET_S * 1000:.0f} ms: {status}], "
          f"CPU median {statistics.median(cpu) * 1000:.0f} ms; "
          f"peak RSS median {statistics.median(peaks):.0f} MB "
          f"[target ≤ {RSS_TARGET_MB} MB: {rss_status}]; "
          f"{misses} queries without their concept")  # fmt: skip
    alone = []
    for _, query in queries[: args.cold_runs]:
        alone.append(checked([sys.executable, "-c", _ALONE_CHILD, str(terms_path), query]))
    print(f"  the lookup command alone (a parser with only its module, i.e. without the other "
          f"commands' import-time costs): "
          f"median {statistics.median(alone) * 1000:.0f} ms")  # fmt: skip
    bare = checked([sys.executable, "-c", "pass"])
    print(f"  (bare interpreter start: {bare * 1000:.0f} ms)")

    # warm in-process lookups, in a process that holds only the index
    result = subprocess.run(
        [sys.executable, "-c", _WARM_CHILD, str(terms_path)],
        input=json.dumps(queries[: 50 + args.warm_queries]),
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    warm = json.loads(result.stdout)
    median_us = warm["median_us"]
    warm_rss = "OK" if warm["rss_mb"] <= RSS_TARGET_MB else "OVER"
    print(f"warm in-process lookup: median {median_us:.0f} µs, p90 {warm['p90_us']:.0f} µs "
          f"over {warm['count']} distinct inflected queries "
          f"[target ≤ {WARM_TARGET_US} µs: {'OK' if median_us <= WARM_TARGET_US else 'OVER'}]; "
          f"{warm['found']}/{warm['count']} first hits are the concept; "
          f"peak RSS of that process {warm['rss_mb']:.0f} MB "
          f"[target ≤ {RSS_TARGET_MB} MB: {warm_rss}]")  # fmt: skip
    from glossary.index import open_lookup

    lookup = open_lookup(terms_path)

    # annotation
    from glossary.matching import TermMatcher, designations

    text = news_text(glossary, vocab, args.words)
    words = len(text.split())
    t0 = time.perf_counter()
    matcher = TermMatcher.from_keys(lookup.match_keys())
    from_index = time.perf_counter() - t0
    print(f"matcher from the index: {from_index:.1f} s for {len(matcher)} keys")
    t0 = time.perf_counter()
    spans = matcher.find(text)
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    spans = matcher.find(text)
    second = time.perf_counter() - t0
    speed = words / second
    speed_status = "OK" if speed >= ANNOTATION_TARGET_WPS else "UNDER"
    print(f"annotation, {words} words of Russian news-like text, {len(spans)} terms found: "
          f"{words / first / 1000:.0f}k words/s first pass (lemmatising new words), "
          f"{speed / 1000:.0f}k words/s warm "
          f"[target ≥ {ANNOTATION_TARGET_WPS / 1000:.0f}k: {speed_status}]")  # fmt: skip
    try:
        from flashtext import KeywordProcessor
    except ImportError:
        print("flashtext: not installed (pip install 'glossary[bench]')")
        return 0
    processor = KeywordProcessor(case_sensitive=False)
    # flashtext counts only ASCII letters as word characters; give it Cyrillic too
    processor.non_word_boundaries.update(chr(c) for c in range(0x0400, 0x0500))
    t0 = time.perf_counter()
    for term in glossary:  # type: ignore[attr-defined]
        for designation in designations(term):
            processor.add_keyword(designation.text, term.id)
    flash_build = time.perf_counter() - t0
    t0 = time.perf_counter()
    flash_hits = processor.extract_keywords(text, span_info=True)
    flash = time.perf_counter() - t0
    flash_speed = words / flash
    print(f"flashtext (exact forms only): {flash_speed / 1000:.0f}k words/s, "
          f"{len(flash_hits)} terms found, {flash_build:.1f} s to build; "
          f"ours is {speed / flash_speed:.1f}× as fast and finds "
          f"{len(spans) / max(len(flash_hits), 1):.1f}× as many terms")  # fmt: skip
    return 0


_HWM = "int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1]) / 1024"

_BUILD_CHILD = f"""
import json, sys, time
from pathlib import Path
from glossary.index import open_index
from glossary.index.store import index_path
t0 = time.perf_counter()
open_index(Path(sys.argv[1])).close()
seconds = time.perf_counter() - t0
print(json.dumps({{"seconds": seconds,
                  "rss_mb": {_HWM},
                  "size_mb": index_path(Path(sys.argv[1])).stat().st_size / 1e6}}))
"""

#: What ``glossary lookup --json`` does, plus its own peak RSS on the last line.
_COLD_CHILD = f"""
import contextlib, io, json, sys
from glossary.cli import main
buffer = io.StringIO()
with contextlib.redirect_stdout(buffer):
    main(["--glossary", sys.argv[1], "lookup", "--json", sys.argv[2]])
ids = [h["id"] for r in json.loads(buffer.getvalue())["results"] for h in r["hits"]]
print(json.dumps({{"ids": ids, "rss_mb": {_HWM}}}))
"""

#: Warm lookups over the index alone: queries on stdin, timings and peak RSS out.
_WARM_CHILD = f"""
import json, statistics, sys, time
from pathlib import Path
from glossary.index import open_lookup
queries = json.load(sys.stdin)
lookup = open_lookup(Path(sys.argv[1]))
for _, query in queries[:50]:
    lookup.lookup(query)
times, found = [], 0
for term_id, query in queries[50:]:
    t0 = time.perf_counter_ns()
    hits = lookup.lookup(query)
    times.append(time.perf_counter_ns() - t0)
    found += bool(hits) and hits[0].term.id == term_id
print(json.dumps({{"median_us": statistics.median(times) / 1000,
                  "p90_us": statistics.quantiles(times, n=10)[-1] / 1000,
                  "count": len(times), "found": found, "rss_mb": {_HWM}}}))
"""

#: ``glossary lookup`` with only its own subcommand registered.
_ALONE_CHILD = """
import argparse, sys
from glossary.cli import lookup
common = argparse.ArgumentParser(add_help=False)
common.add_argument("--glossary", default=argparse.SUPPRESS)
parser = argparse.ArgumentParser(prog="glossary", parents=[common])
lookup.register(parser.add_subparsers(dest="command"), common)
args = parser.parse_args(["--glossary", sys.argv[1], "lookup", "--json", sys.argv[2]])
sys.exit(args.func(args))
"""


if __name__ == "__main__":
    sys.exit(main())
