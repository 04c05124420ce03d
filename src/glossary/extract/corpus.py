"""Corpus mode: many documents counted in parallel, ranked together.

Counting is map-reduce: each document is counted on its own (:func:`count_text`,
in a worker process or a Dask worker) into :class:`~glossary.extract.extractor.Counts`,
and the counts are summed into one extractor per language
(:meth:`~glossary.extract.extractor.Extractor.absorb`), which then ranks with
corpus statistics (document frequency across the set). Reading and decoding stay
in the calling process, so a bad file is reported as usual before any work starts.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from glossary.errors import GlossaryError, display_path
from glossary.extract.extractor import Counts, Extractor
from glossary.model import Lang

__all__ = [
    "CHUNK_CHARACTERS",
    "DOCUMENT_SUFFIXES",
    "count_batch",
    "count_text",
    "documents_in",
    "extract_corpus",
    "extract_corpus_dask",
    "feed",
]

#: Files a folder argument contributes (the suffixes the document reader knows).
DOCUMENT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".po"})
#: Long documents are fed in paragraph-aligned chunks of about this many characters.
CHUNK_CHARACTERS = 50_000

#: One extractor per language per worker process, so taggers and caches are reused.
_WORKER_EXTRACTORS: dict[Lang, Extractor] = {}


def documents_in(arguments: Iterable[str]) -> list[str]:
    """File arguments with folders replaced by the documents under them, sorted; a
    folder holding none is an error (a mistyped path should not pass silently)."""
    result: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if argument != "-" and path.is_dir():
            found = [
                str(p)
                for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
            ]
            if not found:
                known = ", ".join(sorted(DOCUMENT_SUFFIXES))
                raise GlossaryError(f"{display_path(path)}: no documents in this folder ({known})")
            result.extend(found)
        else:
            result.append(argument)
    return result


def chunks(text: str) -> Iterator[tuple[int, str]]:
    """(lines before, piece) of paragraph-aligned pieces of ``text``."""
    if len(text) <= CHUNK_CHARACTERS:
        yield 0, text
        return
    start = lines = 0
    while start < len(text):
        end = text.find("\n\n", start + CHUNK_CHARACTERS)
        end = len(text) if end < 0 else end + 2
        piece = text[start:end]
        yield lines, piece
        lines += piece.count("\n")
        start = end


def feed(extractor: Extractor, text: str, name: str) -> None:
    """Count one document, in chunks that keep the file's line numbers."""
    for lines, piece in chunks(text):
        extractor.add(piece, name, line_offset=lines)


def count_text(lang: Lang, text: str, name: str) -> Counts:
    """The map step: one document's counts (runs in a worker)."""
    extractor = _WORKER_EXTRACTORS.get(lang)
    if extractor is None:
        extractor = _WORKER_EXTRACTORS[lang] = Extractor(lang)
    feed(extractor, text, name)
    return extractor.take()


def _reduce(results: Iterable[Counts]) -> dict[Lang, Extractor]:
    extractors: dict[Lang, Extractor] = {}
    for counts in results:
        extractor = extractors.get(counts.lang)
        if extractor is None:
            extractor = extractors[counts.lang] = Extractor(counts.lang)
        extractor.absorb(counts)
    return extractors


def count_batch(documents: list[tuple[Lang, str, str]]) -> list[Counts]:
    """The map step with a combiner: a worker sums a batch of documents itself and
    sends back one count per language."""
    for lang, text, name in documents:
        extractor = _WORKER_EXTRACTORS.get(lang)
        if extractor is None:
            extractor = _WORKER_EXTRACTORS[lang] = Extractor(lang)
        feed(extractor, text, name)
    langs = {lang for lang, _, _ in documents}
    results = [_WORKER_EXTRACTORS[lang].take() for lang in sorted(langs)]
    for counts in results:
        for document in counts.documents:
            document.text = ""  # the parent has it: 15-22% of what would be sent back
    return results


def _with_texts(batch: list[tuple[Lang, str, str]], results: list[Counts]) -> list[Counts]:
    """Put back the texts :func:`count_batch` left out: one document per chunk, in
    the order the batch was fed."""
    for counts in results:
        pieces = (p for lang, text, _ in batch if lang == counts.lang for _, p in chunks(text))
        for document, piece in zip(counts.documents, pieces, strict=True):
            document.text = piece
    return results


#: Batches per process: enough to balance uneven documents, few enough to send little.
BATCHES_PER_JOB = 4


def extract_corpus(
    documents: list[tuple[Lang, str, str]],
    jobs: int = 1,
    progress: Callable[[Iterable[list[Counts]], int], Iterable[list[Counts]]] | None = None,
) -> dict[Lang, Extractor]:
    """Count ``(lang, text, name)`` documents in ``jobs`` processes, one extractor per
    language back, ready to rank."""
    show = progress or (lambda items, _total: items)
    if jobs <= 1 or len(documents) <= 1:
        results: Iterable[list[Counts]] = ([count_text(*d)] for d in documents)
        return _reduce(c for batch in show(results, len(documents)) for c in batch)
    size = max(1, -(-len(documents) // (BATCHES_PER_JOB * jobs)))
    batches = [documents[i : i + size] for i in range(0, len(documents), size)]
    # Forked workers share the parent's loaded models; frozen, the collector leaves
    # them alone, so neither the workers' collections copy those pages nor the
    # parent's (while it merges results) walk them.
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            done = map(_with_texts, batches, pool.map(count_batch, batches))
            return _reduce(c for batch in show(done, len(batches)) for c in batch)
    finally:
        gc.unfreeze()


def extract_corpus_dask(
    documents: list[tuple[Lang, str, str]], client: Any
) -> dict[Lang, Extractor]:
    """The same map-reduce on a Dask cluster (``pip install 'glossary[dask]'``): for an
    archive larger than one machine, ``client`` is a ``distributed.Client``."""
    futures = client.map(count_text, *zip(*documents, strict=True), pure=False)
    return _reduce(client.gather(futures))
