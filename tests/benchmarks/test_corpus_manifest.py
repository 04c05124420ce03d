"""The frozen evaluation corpus: benchmarks/data/real.

Gold lists are written before any tool runs on a text; the manifest freezes them by
checksum, so editing a frozen gold list (or its text) fails here instead of silently
moving the benchmark's goalposts.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data"
REAL = DATA / "real"
MIN_WORDS = 200
MAX_WORDS = 1500
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
