"""The frozen evaluation corpus: benchmarks/data/real and benchmarks/data/parallel.

Gold lists are written before any tool runs on a text; the manifest freezes them by
checksum, so editing a frozen gold list (or its text) fails here instead of silently
moving the benchmark's goalposts.
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data"
REAL = DATA / "real"
PARALLEL = DATA / "parallel"
MIN_WORDS = 200
MAX_WORDS = 1500
MIN_SENTENCES = 15
MAX_SENTENCES = 80
MIN_PAIRS = 3
STEM_CUT = 2
MIN_STEM = 3
GOLD_FIELDS = ["en", "ru", "kind", "level", "note"]
LEVELS = {"core", "ok"}
KINDS = {"term", "organization", "title", "treaty", "person", "place", "acronym"}
GROUPS = {"dev", "heldout"}
LANGS = {"en", "ru"}


def manifest() -> list[dict[str, str]]:
    with (REAL / "MANIFEST.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def texts() -> list[Path]:
    return sorted(REAL.glob("*.txt"))


def test_every_file_is_in_the_manifest_with_its_checksum() -> None:
    rows = {row["file"]: row for row in manifest()}
    on_disk = {p.name for p in [*texts(), *REAL.glob("*.gold.csv")]}
    assert on_disk == set(rows), "add new files with benchmarks/corpus_manifest.py --add"
    for name, row in rows.items():
        digest = hashlib.sha256((REAL / name).read_bytes()).hexdigest()
        assert digest == row["sha256"], f"{name} changed after it was frozen"
        assert row["group"] in GROUPS, name


@pytest.mark.parametrize("path", texts(), ids=lambda p: p.name)
def test_text_length_language_and_group(path: Path) -> None:
    slug, lang, _ = path.name.rsplit(".", 2)
    rows = {row["file"]: row for row in manifest()}
    words = len(path.read_text(encoding="utf-8").split())
    assert MIN_WORDS <= words <= MAX_WORDS
    assert lang in LANGS
    assert rows[path.name]["lang"] == lang
    assert rows[path.name]["words"] == str(words)
    gold = f"{slug}.gold.csv"
    assert (REAL / gold).exists()
    assert rows[gold]["group"] == rows[path.name]["group"]


@pytest.mark.parametrize("path", texts(), ids=lambda p: p.name)
def test_gold_list_parses_and_names_the_text_language(path: Path) -> None:
    slug, lang, _ = path.name.rsplit(".", 2)
    with (REAL / f"{slug}.gold.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == GOLD_FIELDS
        rows = list(reader)
    assert rows
    for row in rows:
        assert row["level"] in LEVELS, row
        assert row["kind"] in KINDS, row
        assert row[lang].strip(), f"a gold row without a {lang} term: {row}"
    assert sum(row["level"] == "core" for row in rows) >= 1


def test_both_groups_hold_both_languages() -> None:
    seen = {(row["group"], row["lang"]) for row in manifest() if row["lang"]}
    assert {("dev", "en"), ("dev", "ru")} <= seen


def parallel_pairs() -> list[str]:
    return sorted(p.name.removesuffix(".align.tsv") for p in PARALLEL.glob("*.align.tsv"))


def sentences(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def numbers(cell: str) -> list[int]:
    return [int(x) for x in cell.split(",") if x.strip()]


def test_there_are_enough_real_pairs() -> None:
    assert len([s for s in parallel_pairs() if not s.endswith("-gap")]) >= MIN_PAIRS


@pytest.mark.parametrize("slug", parallel_pairs())
def test_parallel_gold_alignment_covers_each_side_once_in_order(slug: str) -> None:
    en = len(sentences(PARALLEL / f"{slug}.en.txt"))
    ru = len(sentences(PARALLEL / f"{slug}.ru.txt"))
    assert MIN_SENTENCES <= en <= MAX_SENTENCES
    assert MIN_SENTENCES <= ru <= MAX_SENTENCES
    with (PARALLEL / f"{slug}.align.tsv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        assert reader.fieldnames == ["en_sentences", "ru_sentences"]
        rows = list(reader)
    assert all(row["en_sentences"] or row["ru_sentences"] for row in rows)
    en_seen = [n for row in rows for n in numbers(row["en_sentences"])]
    ru_seen = [n for row in rows for n in numbers(row["ru_sentences"])]
    assert en_seen == list(range(1, en + 1))
    assert ru_seen == list(range(1, ru + 1))


def fold(text: str) -> str:
    """Lower case with one apostrophe: the texts use both ' and ’."""
    return text.lower().replace("’", "'")


def stem(word: str) -> str:
    """A crude Russian stem: enough to find an inflected occurrence of a dictionary form."""
    return word[: max(MIN_STEM, len(word) - STEM_CUT)]


@pytest.mark.parametrize("slug", parallel_pairs())
def test_parallel_terms_occur_on_both_sides(slug: str) -> None:
    en_text = fold((PARALLEL / f"{slug}.en.txt").read_text(encoding="utf-8"))
    ru_text = (PARALLEL / f"{slug}.ru.txt").read_text(encoding="utf-8").lower()
    with (PARALLEL / f"{slug}.terms.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["en", "ru", "note"]
        rows = list(reader)
    assert rows
    for row in rows:
        assert any(fold(a.strip()) in en_text for a in row["en"].split("|")), row
        assert any(
            all(stem(w) in ru_text for w in re.findall(r"\w+", a.lower()))
            for a in row["ru"].split("|")
        ), row
