"""Name evidence: which counted keys are one person, parts of a longer name, or free.

Read from the sampled occurrences of the keys an extractor counted, once per ranking:

- people: a full name and its surname written alone are one candidate («Павел Климкин»,
  «Климкина», «Климкиным»: in Russian one stem once the case ending is off);
- names and their fragments: a phrase every occurrence of which lies inside a longer
  capitalised name or a spelled-out acronym is a part of that name, no term of its own;
- independent occurrences: a phrase seen right after a free modifier, or never only as
  the start of a longer one, stands on its own, so the phrase around it does not
  discount it (C-value).

Pure: documents, samples and counts in, sets and maps out; nothing here changes a count.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from glossary.extract.canonical import NAME_RULES, Sample, surface
from glossary.extract.documents import Document
from glossary.extract.rules import MIN_PHRASE_WORDS, NESTING, Rule
from glossary.extract.units import Units
from glossary.model import Lang

__all__ = [
    "Counted",
    "People",
    "independent",
    "inside_capitalised",
    "inside_names",
    "name_fragments",
    "surname_stem",
]

Key = tuple[str, ...]
#: Longest capitalised name looked back through for the name a fragment is cut from.
_LONGEST_NAME = 12
#: Words of a full name: first name and surname, or with a middle name or patronymic.
_NAME_WORDS = (2, 3)
#: Case endings of Russian nouns and surnames, longest first («-ым» before «-м»).
_CASE_ENDINGS = ("ыми", "ами", "ями", "ого", "ому", "ым", "им", "ом", "ем", "ой", "ей", "ою",
                 "ую", "ых", "их", "а", "я", "у", "ю", "е", "ы", "и")  # fmt: skip
#: Letters a surname's stem keeps at least.
_MIN_STEM = 3


class Counted(Protocol):
    """What the evidence reads of one counted key (the extractor's statistics)."""

    rule: Rule
    #: Seen as a dependent of a longer phrase: it stands on its own.
    free: bool
    samples: list[Sample]


def surname_stem(word: str) -> str:
    """``word`` without its case ending, if what remains is still a stem."""
    for ending in _CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    return word


def _surname_stems(documents: Sequence[Document], samples: list[Sample]) -> set[str]:
    """The stems of the last word of a capitalised candidate, its noun case ending
    cut off («Коллинзом», «Коллинза» → коллинз)."""
    stems = set()
    for sample in samples:
        last = surface(documents, sample).split()[-1]
        if last[:1].isupper() and not last.isupper():
            stems.add(surname_stem(last.lower()))
    return stems


def _is_name(documents: Sequence[Document], key: Key, entry: Counted) -> bool:
    doc_index, a, b, _ = entry.samples[0]
    tags = documents[doc_index].tags[a : b + 1]
    return len(tags) == len(key) and all(t == "P" for t in tags)


@dataclass(frozen=True, slots=True)
class People:
    """The full names among the keys, by their last word and (Russian) by surname stem."""

    documents: Sequence[Document]
    full_names: dict[str, Key]
    #: Russian surname stems, each to its full name: «Климкина», «Климкиным» and «Павел
    #: Климкин» have different keys (the likeliest reading of each form, often a guess
    #: for a foreign name), but one stem once the case ending is off.
    surnames: dict[str, Key]

    @classmethod
    def of(cls, stats: Mapping[Key, Counted], documents: Sequence[Document], lang: Lang) -> People:
        full_names: dict[str, Key] = {}
        for key, entry in stats.items():
            if len(key) in _NAME_WORDS and _is_name(documents, key, entry):
                full_names.setdefault(key[-1], key)
        surnames: dict[str, Key] = {}
        if lang is Lang.RU:
            for full in full_names.values():
                for stem in _surname_stems(documents, stats[full].samples):
                    surnames.setdefault(stem, full)
        return cls(documents, full_names, surnames)

    def full_name(self, key: Key, entry: Counted) -> Key | None:
        """The full name a one-word key is a mention of ("Lavrov" → "Sergey Lavrov"),
        or None. An acronym is no surname, however it is declined."""
        full = self.full_names.get(key[0])
        if full is not None and full != key:
            return full
        surnames = self.surnames
        if surnames and entry.rule is not Rule.ACRONYM:
            stems = _surname_stems(self.documents, entry.samples)
            return next((surnames[stem] for stem in stems if stem in surnames), None)
        return None


def inside_capitalised(units: Units, a: int) -> bool:
    """A capitalised word right after another capitalised word mid-sentence: the two
    belong to one name, and a phrase starting at the second is a fragment of it."""
    words = units.words
    return (
        a > 0
        and words[a][:1].isupper()
        and not words[a].isupper()
        and words[a - 1][:1].isupper()
        and not words[a - 1].isupper()
        and not units.initial[a - 1]
        and units.first[a - 1] >= 0
    )


def inside_names(
    stats: Mapping[Key, Counted],
    names: Collection[tuple[int, int, int]],
    inside: Collection[tuple[int, int]],
) -> list[Key]:
    """Keys seen only inside a spelled-out name or acronym expansion (``names``: document,
    first and last unit; ``inside``: the units they cover), never as the whole of one:
    "Coordination of Humanitarian Affairs" inside OCHA's name."""

    def within(sample: Sample) -> bool:
        doc_index, a, b, _skip = sample
        return (
            (doc_index, a) in inside and (doc_index, b) in inside and (doc_index, a, b) not in names
        )

    return [
        key
        for key, entry in stats.items()
        if entry.rule not in (Rule.EXPANSION, Rule.ACRONYM) and all(map(within, entry.samples))
    ]


def name_fragments(
    stats: Mapping[Key, Counted], documents: Sequence[Document]
) -> Callable[[Counted], bool]:
    """Whether every sampled occurrence of a multiword key lies inside a longer
    capitalised name ("Deputy Chairman | of the Security Council", "GCC |
    Interconnection Authority", "... for | Political Affairs"): a part of a name never
    written alone. A name after "of (the)" in a longer one is a name of its own
    ("Meeting of the | Association of Southeast Asian Nations")."""
    # Per document and first unit, the furthest end of a capitalised name from there.
    ends: dict[tuple[int, int], int] = {}
    for key, entry in stats.items():
        if len(key) < MIN_PHRASE_WORDS or (
            entry.rule not in NESTING and entry.rule is not Rule.EXPANSION
        ):
            continue
        for doc_index, a, b, _skip in entry.samples:
            if (
                b > ends.get((doc_index, a), a)
                and documents[doc_index].units.words[a][:1].isupper()
                and _named_span(documents[doc_index], a, b)
            ):
                ends[doc_index, a] = b

    def inside(doc_index: int, a: int, b: int) -> bool:
        if ends.get((doc_index, a), -1) > b:
            return True
        if a > 0 and documents[doc_index].tags[a - 1] in "OZ":
            return False
        return any(ends.get((doc_index, x), -1) >= b for x in range(max(0, a - _LONGEST_NAME), a))

    def fragment(entry: Counted) -> bool:
        return entry.rule not in NAME_RULES and all(
            inside(d, a, b) for d, a, b, _skip in entry.samples
        )

    return fragment


def _named_span(document: Document, a: int, b: int) -> bool:
    tags = document.tags[a : b + 1]
    words = document.units.words
    return (
        "T" in tags
        and "|" not in tags
        and all(words[u][:1].isupper() or tags[u - a] in "OZIC" for u in range(a, b + 1))
    )


def _right_fragments(stats: Mapping[Key, Counted]) -> set[Key]:
    """Multiword keys each sampled occurrence of which goes on to the right into a
    longer phrase from the same first word ("Совет Безопасности | ООН", "однополярная
    структура | мира"): never seen without their complement, they do not stand on
    their own, however free their own start is."""
    longest: dict[tuple[int, int], int] = {}
    for entry in stats.values():
        if entry.rule not in NESTING:
            continue
        for doc_index, a, b, _skip in entry.samples:
            if b > longest.get((doc_index, a), -1):
                longest[doc_index, a] = b
    return {
        key
        for key, entry in stats.items()
        if len(key) >= MIN_PHRASE_WORDS
        and entry.samples
        and all(longest.get((d, a), -1) > b for d, a, b, _skip in entry.samples)
    }


def independent(
    stats: Mapping[Key, Counted], documents: Sequence[Document], lang: Lang, free: str
) -> set[Key]:
    """Multiword candidates seen right after a free modifier (one of the tags ``free``:
    adjective, adverb, participle, demonym, acronym): the rest of the phrase stands on
    its own. English: also an "of" complement ("risk of | military incidents")."""
    fragments = _right_fragments(stats)
    result = set()
    for key, entry in stats.items():
        if entry.rule is Rule.ACRONYM and lang is Lang.RU:
            result.add(key)  # a name of its own in any phrase: "саммит | НАТО"
            continue
        if len(key) < MIN_PHRASE_WORDS or key in fragments:
            continue
        if entry.free:
            result.add(key)
            continue
        for doc_index, a, _b, _skip in entry.samples:
            tags = documents[doc_index].tags
            if a > 0 and tags[a - 1] in free:
                result.add(key)
                break
    return result
