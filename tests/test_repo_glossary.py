"""The project's own terms.csv: coverage of the gold list, and locales/ kept in step."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from glossary import catalogs
from glossary.model import Glossary, Status, fold_term
from glossary.workspace import embedded_glossary_path
from tests.conftest import REPO_ROOT


def test_at_least_sixty_reviewed_concepts(repo_glossary: Glossary) -> None:
    assert len(repo_glossary) >= 60
    assert all(t.status is Status.REVIEWED for t in repo_glossary)
    assert all(t.definition for t in repo_glossary)


def test_every_core_gold_term_has_its_gold_rendering(
    repo_glossary: Glossary, corpus_dir: Path
) -> None:
    with (corpus_dir / "geneva-2022-01-21.gold.csv").open(encoding="utf-8") as f:
        gold = [row for row in csv.DictReader(f) if row["level"] == "core"]
    assert gold
    missing = []
    for row in gold:
        english = {fold_term(e) for e in row["en"].split("|")}
        concepts = [
            t for t in repo_glossary if english & {fold_term(d) for d in (t.en, *t.en_variants)}
        ]
        if not any(row["ru"] in (t.ru, *t.ru_variants) for t in concepts):
            missing.append(f"{row['en']} → {row['ru']}")
    assert missing == []


def test_references_point_at_lines_of_the_article(
    repo_glossary: Glossary, corpus_dir: Path
) -> None:
    for term in repo_glossary:
        for ref in term.source:
            document, line = ref.rsplit(":", 1)
            lines = (corpus_dir / document).read_text(encoding="utf-8").splitlines()
            assert 1 <= int(line) <= len(lines), ref


def test_no_sentence_of_the_article_is_copied(repo_glossary: Glossary, corpus_dir: Path) -> None:
    article = (corpus_dir / "geneva-2022-01-21.en.txt").read_text(encoding="utf-8").lower()
    words = re.findall(r"\w+", article)
    shingles = {" ".join(words[i : i + 8]) for i in range(len(words) - 7)}
    for term in repo_glossary:
        for text in (term.definition, term.note):
            own = re.findall(r"\w+", text.lower())
            copied = {" ".join(own[i : i + 8]) for i in range(len(own) - 7)} & shingles
            assert not copied, (term.id, copied)


def test_locales_are_up_to_date(repo_glossary: Glossary) -> None:
    assert catalogs.check(repo_glossary, REPO_ROOT / "locales") == []


def test_embedded_glossary_is_terms_csv() -> None:
    assert embedded_glossary_path().read_bytes() == (REPO_ROOT / "terms.csv").read_bytes()
