"""The package's one-call API: ``extract(text, lang)``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

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


def test_extract_documents_ranks_each_language_and_filters() -> None:
    from glossary.extract import extract_documents
    from glossary.formats.document import Document
    from glossary.model import Kind, Lang

    english = Document(
        "talks.txt",
        "The ministers discussed arms control and confidence-building measures.\n\n"
        "Arms control was the main topic; confidence-building measures came next.\n",
        Lang.EN,
    )
    russian = Document(
        "peregovory.txt",
        "Министры обсудили контроль над вооружениями и меры доверия.\n\n"
        "Меры доверия остаются главной темой переговоров о контроле над вооружениями.\n",
        Lang.RU,
    )
    found = extract_documents([english, russian])
    assert {c.lang for c in found} == {Lang.EN, Lang.RU}
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)
    terms = {c.term for c in found}
    assert "arms control" in terms and "меры доверия" in terms
    floor = found[len(found) // 2].score
    assert all(c.score >= floor for c in extract_documents([english, russian], min_score=floor))
    only_terms = extract_documents([english], kinds=frozenset({Kind.TERM}))
    assert only_terms and all(c.kind is Kind.TERM for c in only_terms)
    seen: list[str] = []

    def progress(items: Iterable[Any], total: int, label: str) -> Iterable[Any]:
        seen.append(label)
        return items

    extract_documents([english], progress=progress)
    assert seen == ["extract talks.txt"]
