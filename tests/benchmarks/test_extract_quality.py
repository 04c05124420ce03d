"""benchmarks/extract_quality.py refuses held-out texts unless they are asked for.

A routine run during rule work must not show figures (or missed gold rows) of the
"never tuned on" texts, or they stop being never tuned on. The corpus here is invented
and lives in a temporary folder: no real held-out text or gold list is read.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import extract_quality

TEXT = (
    "The Frobnian Compact on Lattice Monitoring was signed today. The Frobnian Compact on "
    "Lattice Monitoring sets up a joint verification board; the joint verification board "
    "reports to the ministers each year."
)
MISSING_TERM = "quorbic settlement clause"  # a core gold row that is not in the text


def _write_corpus(real: Path) -> None:
    real.mkdir(parents=True)
    rows = []
    for slug, group in (("invented-dev", "dev"), ("invented-held", "heldout")):
        (real / f"{slug}.en.txt").write_text(TEXT, encoding="utf-8")
        with (real / f"{slug}.gold.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["en", "ru", "kind", "level", "note"])
            writer.writerow(["joint verification board", "", "organization", "core", ""])
            writer.writerow([MISSING_TERM, "", "term", "core", ""])
        rows.append([f"{slug}.en.txt", "", str(len(TEXT.split())), "en", group])
        rows.append([f"{slug}.gold.csv", "", "", "", group])
    with (real / "MANIFEST.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "sha256", "words", "lang", "group"])
        writer.writerows(rows)


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An invented corpus with one dev and one held-out text; no real data in reach."""
    real = tmp_path / "data" / "real"
    _write_corpus(real)
    monkeypatch.setattr(extract_quality, "DATA", tmp_path / "data")
    monkeypatch.setattr(extract_quality, "REAL", real)
    monkeypatch.setattr(extract_quality, "SHARED", tmp_path / "shared")
    return real


def _groups(chosen: list[extract_quality.Text]) -> set[str]:
    return {t.group for t in chosen if t.group in {"dev", "heldout"}}


def test_held_out_texts_are_left_out_by_default(corpus: Path) -> None:
    assert _groups(extract_quality.texts()) == {"dev"}
    assert _groups(extract_quality.texts({"dev"})) == {"dev"}


def test_held_out_texts_only_when_asked_for(corpus: Path) -> None:
    assert _groups(extract_quality.texts(heldout=True)) == {"dev", "heldout"}
    assert _groups(extract_quality.texts({"heldout"})) == {"heldout"}
    assert _groups(extract_quality.texts({"dev"}, heldout=True)) == {"dev", "heldout"}


def test_a_default_run_neither_scores_nor_mentions_held_out_texts(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert extract_quality.main(["--no-baselines", "--missed", "--k", "10"]) == 0
    out = capsys.readouterr().out
    assert "invented-dev.en.txt" in out
    assert "invented-held" not in out
    assert "held-out" not in out  # no warning when nothing held out is evaluated
    assert MISSING_TERM in out  # --missed works on dev texts


@pytest.mark.parametrize("argv", [["--heldout"], ["--group", "heldout"]])
def test_an_explicit_held_out_run_warns_first_and_hides_missed_gold_rows(
    corpus: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert extract_quality.main(["--no-baselines", "--missed", "--k", "10", *argv]) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first == extract_quality.HELDOUT_WARNING.format(n=1)
    assert "invented-held.en.txt" in out
    after_held = out.split("invented-held", 1)[1]  # the dev text, if any, comes first
    assert MISSING_TERM not in after_held
