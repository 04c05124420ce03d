"""Term extraction: ranked candidates from English and Russian articles.

``extract(text, lang)`` returns :class:`Candidate` values best first; an
:class:`Extractor` accumulates several documents of one language and ranks
their candidates together. :func:`merge_candidates` adds candidates to a
glossary as ``candidate`` rows without touching reviewed ones.
"""

from __future__ import annotations

from typing import Any

from glossary.extract.candidate import Candidate
from glossary.extract.extractor import Extractor
from glossary.model import Glossary, Lang

__all__ = ["Candidate", "Extractor", "extract"]


def extract(
    text: str,
    lang: Lang | str,
    *,
    document: str = "<text>",
    top: int | None = None,
    glossary: Glossary | None = None,
    translator: Any = None,
) -> list[Candidate]:
    """The term candidates of one text, best first (all of them when ``top`` is None)."""
    extractor = Extractor(Lang(lang))
    extractor.add(text, document)
    return extractor.candidates(top, glossary, translator)
