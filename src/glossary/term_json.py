"""One JSON shape for a concept, used by every command that prints a term and by the index.

Scripts reading ``lookup``, ``annotate`` or ``extract`` output see the same keys for
a term wherever it appears (documented in ``docs/json.md``); the lookup index stores
its concepts in this shape too, so what it reads back is what a command prints.
"""

from __future__ import annotations

from typing import Any

from glossary.model import Kind, Status, Term, new_term

__all__ = ["term_from_json", "term_to_json"]

#: Enum members by value (a dict lookup costs less than calling the enum, and an
#: annotated text decodes thousands of terms).
_KINDS = {kind.value: kind for kind in Kind}
_STATUSES = {status.value: status for status in Status}


def term_to_json(term: Term) -> dict[str, Any]:
    """Every field of ``term`` that means something outside terms.csv (not the
    unknown extra columns), lists as lists and enums as their values."""
    return {
        "id": term.id,
        "en": term.en,
        "ru": term.ru,
        "en_variants": list(term.en_variants),
        "ru_variants": list(term.ru_variants),
        "en_forbidden": list(term.en_forbidden),
        "ru_forbidden": list(term.ru_forbidden),
        "kind": term.kind.value,
        "full_form": term.full_form,
        "definition": term.definition,
        "note": term.note,
        "status": term.status.value,
        "source": list(term.source),
    }


def term_from_json(record: dict[str, Any]) -> Term:
    """The term :func:`term_to_json` describes (``source`` may be absent); made
    without the frozen ``__init__`` (an annotated text decodes thousands)."""
    return new_term(
        record["id"],
        record["en"],
        record["ru"],
        tuple(record["en_variants"]),
        tuple(record["ru_variants"]),
        tuple(record["en_forbidden"]),
        tuple(record["ru_forbidden"]),
        _KINDS.get(record["kind"]) or Kind(record["kind"]),
        record["full_form"],
        record["definition"],
        record["note"],
        _STATUSES.get(record["status"]) or Status(record["status"]),
        tuple(record.get("source", ())),
        (),
    )
