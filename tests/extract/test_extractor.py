"""The extractor's counting: documents add up, counts merge by sum, line offsets hold,
a refiner's classes and spans are used, ranking leaves the counts as they were."""

from __future__ import annotations

from collections.abc import Sequence

from glossary.extract.candidates import Span
from glossary.extract.extractor import Extractor
from glossary.extract.units import Units, build_units
from glossary.model import Lang
from glossary.text.normalize import Token, default_normalizer

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


class _Silencer:
    """A stand-in tagger: every word is "other", and it names one span itself."""

    def __init__(self, first: int, last: int) -> None:
        self.span = (first, last)
        self.seen: list[str] = []

    def refine(
        self, text: str, tokens: Sequence[Token], units: Units, tags: str
    ) -> tuple[str, list[Span]]:
        self.seen.append(tags)
        first, last = self.span
        return "D" * len(tags), [(first, last, -1, last, "n")]


def test_a_refiner_replaces_the_classes_and_adds_its_spans() -> None:
    text = "Envoys of the quiet channel discussed arms control."
    refiner = _Silencer(3, 4)  # "quiet channel"
    extractor = Extractor(Lang.EN, refiner=refiner)
    extractor.add(text)
    # It saw the rules' own classes (one per unit), and what it returned replaced them:
    # no phrase of the rules is left, only the span it named.
    assert len(refiner.seen) == 1
    assert len(refiner.seen[0]) == len(build_units(text, default_normalizer().tokens(text)).words)
    assert [c.term for c in extractor.candidates()] == ["quiet channel"]
    plain = Extractor(Lang.EN)
    plain.add(text)
    assert "arms control" in [c.term for c in plain.candidates()]


def test_ranking_twice_gives_the_same_candidates() -> None:
    # Folding the surname into the full name once added to the counts themselves, so a
    # second ranking found "Sergey Lavrov" five times in a text that names him three.
    extractor = Extractor(Lang.EN)
    extractor.add("Sergey Lavrov met the press. Lavrov said the talks went well. Lavrov left.")
    first = summary(extractor)
    assert first["Sergey Lavrov"][0] == 3
    assert summary(extractor) == first
