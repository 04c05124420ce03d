"""C-value with nesting and termhood against general language."""

from __future__ import annotations

from glossary.extract.scoring import c_values, specificity, termhood


def test_nested_phrase_keeps_half_its_use_unless_independent() -> None:
    freq = {("a", "b", "c"): 1, ("b", "c"): 1}
    assert c_values(freq)[("b", "c")] < c_values(freq)[("a", "b", "c")]
    assert (
        c_values(freq, independent={("b", "c")})[("b", "c")]
        == c_values({("b", "c"): 1})[("b", "c")]
    )


def test_only_nesting_keys_discount() -> None:
    freq = {("x", "and", "y"): 1, ("x",): 1}
    assert c_values(freq, nesting=set())[("x",)] == c_values({("x",): 1})[("x",)]
    assert c_values(freq)[("x",)] < c_values({("x",): 1})[("x",)]


def test_compound_boundaries_block_false_nesting() -> None:
    freq = {("non", "permanent", "member"): 1, ("permanent", "member"): 1}
    cuts = {("non", "permanent", "member"): frozenset({0, 2, 3})}
    assert (
        c_values(freq, boundaries=cuts)[("permanent", "member")]
        == c_values({("permanent", "member"): 1})[("permanent", "member")]
    )


def test_everyday_words_weigh_less_than_domain_words() -> None:
    assert specificity("sovereignty", "en") > specificity("time", "en")
    assert specificity("суверенитет", "ru") > specificity("время", "ru")
    assert termhood(("security", "guarantee"), "en") > termhood(("next", "time"), "en")
    assert termhood(("of", "and"), "en") == 0.0
