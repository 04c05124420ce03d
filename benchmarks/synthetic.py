"""Big glossaries for the benchmarks: the repository's terms.csv repeated in numbered copies.

Copy ``k`` of a concept has `` k`` appended to every designation and ``-k`` to its id
(and to the id its ``full_form`` points at), so the copies stay valid and distinct.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from glossary.formats import terms_csv
from glossary.model import Glossary, Term

REPO_TERMS = Path(__file__).resolve().parents[1] / "terms.csv"


def repo_glossary() -> Glossary:
    return terms_csv.load(REPO_TERMS)[0]


def numbered_copy(term: Term, k: int) -> Term:
    """Copy ``k`` of ``term``; copy 0 is the term itself."""
    if not k:
        return term
    suffix = f" {k}"
    return replace(
        term,
        id=f"{term.id}-{k}",
        en=term.en + suffix if term.en else "",
        ru=term.ru + suffix if term.ru else "",
        en_variants=tuple(v + suffix for v in term.en_variants),
        ru_variants=tuple(v + suffix for v in term.ru_variants),
        en_forbidden=tuple(v + suffix for v in term.en_forbidden),
        ru_forbidden=tuple(v + suffix for v in term.ru_forbidden),
        full_form=f"{term.full_form}-{k}" if term.full_form else "",
    )


def repeated_terms(count: int, first: int = 0) -> tuple[Term, ...]:
    """Concepts ``first`` to ``count`` of the repeated glossary.

    Where ``count`` cuts the last copy between a concept and the one its ``full_form``
    names, that reference is left out: the glossary would not be valid with it.
    """
    base = repo_glossary().terms
    size = len(base)
    place = {term.id: index for index, term in enumerate(base)}

    def concept(i: int) -> Term:
        copy, term = divmod(i, size)
        made = numbered_copy(base[term], copy)
        target = place.get(base[term].full_form, -1)
        return replace(made, full_form="") if copy * size + target >= count else made

    return tuple(concept(i) for i in range(first, count))
