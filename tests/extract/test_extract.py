"""The package's one-call API: ``extract(text, lang)``."""

from __future__ import annotations

from glossary.extract import Candidate, extract
from glossary.model import Lang
from tests.conftest import small_glossary

TEXT = (
    "The arms race worries Europe. Envoys discussed the arms race and security guarantees.\n"
    "Security guarantees were the first item; the arms race was the second.\n"
)


def test_candidates_come_best_first_and_the_language_may_be_a_code() -> None:
    candidates = extract(TEXT, "en")
    assert candidates and all(isinstance(c, Candidate) for c in candidates)
    scores = [c.score for c in candidates]
    assert scores == sorted(scores, reverse=True)
    assert extract(TEXT, Lang.EN) == candidates


def test_top_limits_and_document_names_the_references() -> None:
    top = extract(TEXT, "en", top=2, document="news.txt")
    assert len(top) == 2
    assert all(r.startswith("news.txt:") for c in top for r in c.references)


def test_a_glossary_suggests_renderings() -> None:
    found = {c.term: c for c in extract(TEXT, "en", glossary=small_glossary())}
    assert found["security guarantees"].suggestion == "гарантии безопасности"
