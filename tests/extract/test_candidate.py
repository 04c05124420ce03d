"""The candidate value: its suggestion and its published JSON shape."""

from __future__ import annotations

from glossary.extract.candidate import Candidate
from glossary.model import Kind, Lang


def candidate(**changes: object) -> Candidate:
    values: dict[str, object] = {
        "term": "arms race",
        "lang": Lang.EN,
        "key": ("arm", "race"),
        "kind": Kind.TERM,
        "score": 0.12345,
        "frequency": 3,
        "forms": ("arms race",),
        "references": ("a.txt:2",),
        "context": "the arms race continues",
    }
    values.update(changes)
    return Candidate(**values)  # type: ignore[arg-type]


def test_json_has_the_published_keys_and_a_rounded_score() -> None:
    data = candidate().to_json()
    assert list(data) == [
        "term", "lang", "kind", "score", "frequency", "forms", "references", "context",
        "expansion", "acronym", "suggestion", "suggestion_source",
    ]  # fmt: skip
    assert data["score"] == 0.123
    assert data["lang"] == "en"
    assert data["forms"] == ["arms race"]


def test_an_empty_suggestion_has_no_source() -> None:
    assert candidate().with_suggestion("гонка вооружений", "mt").suggestion_source == "mt"
    cleared = candidate().with_suggestion(None, "mt")
    assert (cleared.suggestion, cleared.suggestion_source) == (None, None)
