"""The benchmarks' big glossaries (benchmarks/synthetic.py): valid at every size."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import synthetic


def test_every_full_form_names_a_concept_of_the_glossary_at_every_size() -> None:
    # 5,000 concepts cut the last copy between "mfa" and the "foreign-ministry" it
    # names: terms.csv refused to save such a glossary ("names no concept").
    size = len(synthetic.repo_glossary().terms)
    for count in range(size, 2 * size + 1):
        terms = synthetic.repeated_terms(count)
        ids = {term.id for term in terms}
        assert [t.id for t in terms if t.full_form and t.full_form not in ids] == [], count


def test_a_copy_keeps_its_full_forms_where_their_concepts_are_there() -> None:
    size = len(synthetic.repo_glossary().terms)
    whole = synthetic.repeated_terms(2 * size)
    kept = [t.full_form for t in whole[size:] if t.full_form]
    assert kept and all(form.endswith("-1") for form in kept)
    assert synthetic.repeated_terms(2 * size, size) == whole[size:]
