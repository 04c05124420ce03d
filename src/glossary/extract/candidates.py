"""The one protocol candidate rules of every language follow.

A language module turns a document's units into one class character per unit
(``tags``) and yields candidate occurrences as :data:`Span` tuples; the
extractor counts them the same way for every language. Adding a language is
adding one module with a class that has these two methods. A :class:`Refiner` (none
by default) may correct the classes and add spans from a statistical tagger; see
``benchmarks/tagger_experiment.py`` for why none is used by default.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from glossary.extract.units import Units
from glossary.text.normalize import Token

__all__ = ["CandidateRules", "Refiner", "Span"]

#: (first unit, last unit, unit to leave out or -1, head unit or -1, rule value).
Span = tuple[int, int, int, int, str]


class CandidateRules(Protocol):
    """Candidate rules of one language."""

    #: Class characters that are free modifiers: a phrase right after one stands alone.
    free_modifiers: str
    #: Class characters of proper names (a lone one is not a common noun).
    proper: str

    def tag(self, units: Units) -> str:
        """One class character per unit (breaks are ``|``)."""
        ...

    def spans(self, tags: str, units: Units) -> Iterator[Span]:
        """Every candidate occurrence, maximal phrases and the phrases nested in them."""
        ...


class Refiner(Protocol):
    """What a statistical tagger or NER model adds to the rules (an experiment's hook:
    off by default, since none that ships in a package measurably helped)."""

    def refine(
        self, text: str, tokens: Sequence[Token], units: Units, tags: str
    ) -> tuple[str, list[Span]]:
        """The rules' class string corrected where the model knows better (same length),
        and spans of its own (names it finds whole) to count beside the rules' spans."""
        ...
