"""The extractor's counting: documents add up, counts merge by sum, line offsets hold."""

from __future__ import annotations

from glossary.extract.extractor import Extractor
from glossary.model import Lang

FIRST = "The ministers discussed arms control.\n\nArms control came first.\n"
SECOND = "Arms control and confidence-building measures were discussed again.\n"


def summary(extractor: Extractor) -> dict[str, tuple[int, tuple[str, ...]]]:
    return {c.term: (c.frequency, c.references) for c in extractor.candidates()}


def test_documents_add_up_and_references_name_them() -> None:
    extractor = Extractor(Lang.EN)
    extractor.add(FIRST, "a.txt")
    extractor.add(SECOND, "b.txt")
    found = summary(extractor)
    frequency, references = found["arms control"]
    assert frequency == 3
    assert set(references) == {"a.txt:1", "a.txt:3", "b.txt:1"}


def test_counts_merge_by_sum_like_one_extractor() -> None:
    whole = Extractor(Lang.EN)
    whole.add(FIRST, "a.txt")
    whole.add(SECOND, "b.txt")
    left, right = Extractor(Lang.EN), Extractor(Lang.EN)
    left.add(FIRST, "a.txt")
    right.add(SECOND, "b.txt")
    merged = Extractor(Lang.EN)
    merged.absorb(left.take())
    merged.absorb(right.take())
    assert summary(merged) == summary(whole)


def test_a_line_offset_shifts_references() -> None:
    extractor = Extractor(Lang.EN)
    extractor.add(SECOND, "big.txt", line_offset=40)
    assert summary(extractor)["arms control"][1] == ("big.txt:41",)
