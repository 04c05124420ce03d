"""Rule names: one character each (spans carry them on the hot path), grouped for ranking."""

from __future__ import annotations

from glossary.extract.rules import COUNTED_ALONE, NESTING, Rule


def test_each_rule_is_one_distinct_character() -> None:
    values = [rule.value for rule in Rule]
    assert all(len(v) == 1 for v in values)
    assert len(set(values)) == len(values)


def test_ordinary_phrases_are_nesting_rules() -> None:
    assert COUNTED_ALONE <= NESTING
    assert Rule.ACRONYM not in NESTING and Rule.PERSON not in COUNTED_ALONE
