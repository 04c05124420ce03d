"""Corpus mode: counts are mergeable (map per document, reduce by sum), in processes or Dask."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary.cli import main
from glossary.extract import Extractor
from glossary.extract.corpus import count_text, documents_in, extract_corpus
from glossary.model import Lang

DOCS = [
    "The naval blockade continues. Envoys discussed the naval blockade and a ceasefire.\n",
    "A ceasefire was agreed. The ceasefire monitors arrived at the harbour.\n",
    "Monitors reported that the naval blockade was lifted after the ceasefire.\n",
]


def summary(extractor: Extractor) -> dict[str, tuple[int, tuple[str, ...]]]:
    return {c.term: (c.frequency, c.references) for c in extractor.candidates()}


def test_absorbed_counts_equal_counting_in_one_extractor() -> None:
    whole = Extractor(Lang.EN)
    for number, text in enumerate(DOCS):
        whole.add(text, f"d{number}.txt")
    merged = Extractor(Lang.EN)
    for number, text in enumerate(DOCS):
        merged.absorb(count_text(Lang.EN, text, f"d{number}.txt"))
    assert summary(merged) == summary(whole)
    assert merged.document_count == len(DOCS)


def test_document_frequency_lifts_what_many_documents_share() -> None:
    extractors = extract_corpus([(Lang.EN, t, f"d{n}.txt") for n, t in enumerate(DOCS)])
    ranked = [c.term for c in extractors[Lang.EN].candidates()]
    # "ceasefire" is in all three documents, "harbour" in one.
    assert ranked.index("ceasefire") < ranked.index("harbour")


def test_folder_and_jobs_give_the_same_result(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workspace / "news").mkdir()
    for number, text in enumerate(DOCS):
        (workspace / "news" / f"d{number}.txt").write_text(text, encoding="utf-8")
    (workspace / "news" / "notes.bin").write_bytes(b"\x00")  # not a document suffix
    assert len(documents_in(["news"])) == len(DOCS)
    results = []
    for jobs in ("1", "2"):
        code = main(["extract", "news", "--json", "--no-mt", "--jobs", jobs])
        out, _ = capsys.readouterr()
        assert code == 0
        results.append(json.loads(out)["candidates"])
    assert results[0] == results[1]
    refs = {r.split(":")[0] for item in results[0] for r in item["references"]}
    assert refs == {f"news/d{n}.txt" for n in range(len(DOCS))}


def test_dask_local_cluster_gives_the_same_counts() -> None:
    import distributed  # the 'dask' extra, which the 'test' extra installs

    from glossary.extract.corpus import extract_corpus_dask

    work = [(Lang.EN, t, f"d{n}.txt") for n, t in enumerate(DOCS)]
    with (
        distributed.LocalCluster(processes=False, n_workers=2, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        on_dask = extract_corpus_dask(work, client)
    local = extract_corpus(work)
    assert summary(on_dask[Lang.EN]) == summary(local[Lang.EN])


def test_a_folder_without_documents_is_a_one_line_error(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workspace / "empty").mkdir()
    code = main(["extract", "empty", "--jobs", "2"])
    _, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1 and "empty" in err


def test_two_jobs_give_every_candidate_field_of_one_job() -> None:
    """Workers leave document texts out of what they send back and the parent puts
    them back: contexts and line numbers must come out as in one process, also for a
    document long enough to be fed in chunks, with two languages mixed."""
    long_text = "\n\n".join(
        f"Paragraph {n}: the naval blockade and the ceasefire monitors.\nLine two."
        for n in range(900)
    )
    russian = "Военно-морская блокада продолжается. Наблюдатели за прекращением огня прибыли.\n"
    documents = [(Lang.EN, t, f"d{n}.txt") for n, t in enumerate(DOCS)]
    documents += [(Lang.EN, long_text, "long.txt"), (Lang.RU, russian, "ru.txt")]
    documents += [(Lang.EN, DOCS[n % 3], f"more{n}.txt") for n in range(12)]
    one, two = extract_corpus(documents, 1), extract_corpus(documents, 2)
    for lang in (Lang.EN, Lang.RU):
        assert one[lang].candidates() == two[lang].candidates()
        assert all(c.context for c in two[lang].candidates())
