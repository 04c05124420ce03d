"""Occurrences of a phrase in an invented document, as the extractor samples them."""

from __future__ import annotations

from glossary.extract.canonical import Sample
from glossary.extract.documents import Document


def samples(doc: Document, phrase: str) -> list[Sample]:
    """Every occurrence of ``phrase`` (exact words) as a sample of document 0."""
    words, wanted = doc.units.words, phrase.split()
    return [
        (0, a, a + len(wanted) - 1, -1)
        for a in range(len(words) - len(wanted) + 1)
        if words[a : a + len(wanted)] == wanted
    ]
