"""Term extraction: ranked candidates from English and Russian articles.

``extract(text, lang)`` returns :class:`Candidate` values best first;
``extract_documents(documents, ...)`` is the whole job of ``glossary extract`` over
read documents of either language (corpus statistics, parallel processes, kinds, a
score floor, suggestions); an :class:`Extractor` accumulates several documents of
one language and ranks their candidates together. :func:`merge_candidates` adds candidates to a
glossary as ``candidate`` rows without touching reviewed ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from glossary.extract.candidate import Candidate
from glossary.extract.extractor import Extractor
from glossary.model import Glossary, Kind, Lang

if TYPE_CHECKING:
    from glossary.formats.document import Document

__all__ = ["Candidate", "Extractor", "extract", "extract_documents"]

T = TypeVar("T")
#: ``progress(items, total, label)``: yields ``items``, perhaps drawing a bar.
Progress = Callable[[Iterable[Any], int, str], Iterable[Any]]


def _no_progress(items: Iterable[T], _total: int, _label: str) -> Iterable[T]:
    return items


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


def extract_documents(
    documents: Sequence[Document],
    glossary: Glossary | None = None,
    *,
    top: int | None = None,
    default_lang: Lang = Lang.EN,
    kinds: frozenset[Kind] | None = None,
    min_score: float = 0.0,
    jobs: int = 1,
    memory: Any = None,
    translator_for: Callable[[Lang], Any] | None = None,
    progress: Progress = _no_progress,
) -> list[Candidate]:
    """Candidates of every document, best first, each language ranked on its own.

    Several documents (or ``jobs`` > 1) are counted as a corpus, in parallel
    processes, so ranking sees document frequencies; one document is fed in
    paragraph-aligned pieces so ``progress`` can follow a long text. Suggestions come
    from the glossary, then ``memory`` (aligned translation units), then the
    translator ``translator_for(lang)`` returns, if any.
    """
    from glossary.extract.corpus import chunks, extract_corpus

    extractors: dict[Lang, Extractor] = {}
    if len(documents) > 1 or jobs > 1:
        work = [(d.lang or default_lang, d.text, d.name) for d in documents]
        extractors = extract_corpus(
            work, jobs, lambda items, total: progress(items, total, "extract")
        )
    else:
        for document in documents:
            lang = document.lang or default_lang
            extractor = extractors.setdefault(lang, Extractor(lang))
            pieces = list(chunks(document.text))
            for lines, piece in progress(pieces, len(pieces), f"extract {document.name}"):
                extractor.add(piece, document.name, line_offset=lines)
    candidates: list[Candidate] = []
    for lang, extractor in extractors.items():
        translator = translator_for(lang) if translator_for else None
        found = extractor.candidates(top, glossary, translator, kinds=kinds, memory=memory)
        candidates.extend(c for c in found if c.score >= min_score)
    candidates.sort(key=lambda c: -c.score)
    return candidates
