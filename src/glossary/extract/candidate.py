"""The extractor's output value: one ranked term candidate."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from glossary.model import Kind, Lang

__all__ = ["Candidate"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A term candidate with the evidence a terminologist reviews it by.

    ``term`` is the canonical form a glossary would list (Russian nominative with
    agreement; English singular unless the text only uses the plural); ``key`` is
    its match key, the identity used for counting and deduplication.
    """

    term: str
    lang: Lang
    key: tuple[str, ...]
    kind: Kind
    score: float
    frequency: int
    forms: tuple[str, ...]
    references: tuple[str, ...]
    context: str
    #: For an acronym, its expansion; for an expansion, its acronym.
    expansion: str | None = None
    acronym: str | None = None
    suggestion: str | None = None
    suggestion_source: str | None = None

    def with_suggestion(self, suggestion: str | None, source: str | None) -> Candidate:
        return replace(
            self, suggestion=suggestion, suggestion_source=source if suggestion else None
        )

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` object; its field names are a published contract."""
        return {
            "term": self.term,
            "lang": self.lang.value,
            "kind": self.kind.value,
            "score": round(self.score, 3),
            "frequency": self.frequency,
            "forms": list(self.forms),
            "references": list(self.references),
            "context": self.context,
            "expansion": self.expansion,
            "acronym": self.acronym,
            "suggestion": self.suggestion,
            "suggestion_source": self.suggestion_source,
        }
