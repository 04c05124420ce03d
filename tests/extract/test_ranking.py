"""Ranking is a pure function of the evidence and named weights."""

from __future__ import annotations

from dataclasses import replace

from glossary.extract.ranking import (
    DEFAULT_WEIGHTS,
    Evidence,
    Modifier,
    Shape,
    coarse_score,
    score,
)
from glossary.extract.rules import Rule


def test_rule_weights_order_expansions_acronyms_phrases_complements() -> None:
    w = DEFAULT_WEIGHTS
    expansion = coarse_score(1.0, 0.9, Rule.EXPANSION, False, w)
    acronym = coarse_score(1.0, 0.9, Rule.ACRONYM, False, w)
    phrase = coarse_score(1.0, 0.9, Rule.PHRASE, False, w)
    complement = coarse_score(1.0, 0.9, Rule.PREPOSITIONAL, False, w)
    assert expansion > acronym > phrase > complement
    # A phrase that expands an acronym weighs as an expansion.
    assert coarse_score(1.0, 0.9, Rule.PHRASE, True, w) == expansion


def test_common_acronyms_keep_a_floor_of_termhood() -> None:
    low = coarse_score(1.0, 0.1, Rule.ACRONYM, False, DEFAULT_WEIGHTS)
    assert low == coarse_score(1.0, DEFAULT_WEIGHTS.acronym_min_termhood, Rule.ACRONYM, False,
                               DEFAULT_WEIGHTS)  # fmt: skip


def test_each_weight_is_one_named_number() -> None:
    plain = Evidence()
    assert score(2.0, 0.5, plain, DEFAULT_WEIGHTS) == 2.0
    chain = Evidence(shape=Shape.CAPITALISED_CHAIN)
    doubled = replace(DEFAULT_WEIGHTS, capitalised_chain=4.0)
    assert score(1.0, 1.0, chain, doubled) == 2 * score(1.0, 1.0, chain, DEFAULT_WEIGHTS)
    relational = Evidence(modifier=Modifier.RELATIONAL)
    qualitative = Evidence(modifier=Modifier.QUALITATIVE)
    assert score(1.0, 1.0, relational, DEFAULT_WEIGHTS) > score(
        1.0, 1.0, qualitative, DEFAULT_WEIGHTS
    )


def test_a_lone_common_word_must_be_unusual() -> None:
    lone = Evidence(lone_common=True)
    assert score(1.0, 0.9, lone, DEFAULT_WEIGHTS) > score(1.0, 0.1, lone, DEFAULT_WEIGHTS)
    # Other evidence does not depend on termhood twice.
    assert score(1.0, 0.9, Evidence(), DEFAULT_WEIGHTS) == score(
        1.0, 0.1, Evidence(), DEFAULT_WEIGHTS
    )


def test_everyday_head_lowers_a_genitive_chain() -> None:
    everyday = Evidence(head_specificity=0.25)
    assert score(1.0, 1.0, everyday, DEFAULT_WEIGHTS) == 0.5


def test_long_phrases_lone_words_and_coordinations_have_their_own_weights() -> None:
    w = replace(DEFAULT_WEIGHTS, long_phrase=0.5, lone_common=0.5, coordination=0.5)
    assert score(1.0, 1.0, Evidence(words=4), w) == 0.5 * score(1.0, 1.0, Evidence(words=3), w)
    lone = Evidence(lone_common=True)
    assert score(1.0, 1.0, lone, w) == 0.5 * score(1.0, 1.0, lone, DEFAULT_WEIGHTS) / (
        DEFAULT_WEIGHTS.lone_common
    )
    assert coarse_score(1.0, 0.9, Rule.COORDINATION, False, w) == 0.5 * coarse_score(
        1.0, 0.9, Rule.PHRASE, False, w
    )


def test_evaluative_modifiers_and_name_fragments_rank_lower() -> None:
    w = DEFAULT_WEIGHTS
    by_modifier = [
        score(1.0, 1.0, Evidence(modifier=m), w)
        for m in (Modifier.EVALUATIVE, Modifier.QUALITATIVE, Modifier.RELATIONAL)
    ]
    assert by_modifier == sorted(by_modifier)
    assert by_modifier[0] < by_modifier[1]
    fragment = Evidence(shape=Shape.CAPITALISED_CHAIN, name_fragment=True)
    whole = Evidence(shape=Shape.CAPITALISED_CHAIN)
    assert score(1.0, 1.0, fragment, w) == w.name_fragment * score(1.0, 1.0, whole, w)


def test_persons_and_places_come_after_terms_seen_half_as_much() -> None:
    """Regression: names and places took top-20 places from the terms a glossary needs
    (they are kept, ranked by their own score, after terms of half their evidence)."""
    from glossary.model import Kind

    w = DEFAULT_WEIGHTS
    term = score(1.0, 1.0, Evidence(), w)
    for kind in (Kind.PERSON, Kind.PLACE):
        assert score(2.0, 1.0, Evidence(kind=kind), w) < term


def test_a_title_alone_ranks_below_the_same_title_with_its_complement() -> None:
    bare = Evidence(bare_title=True)
    assert score(1.0, 1.0, bare, DEFAULT_WEIGHTS) == DEFAULT_WEIGHTS.bare_title
    assert score(1.0, 1.0, bare, DEFAULT_WEIGHTS) < score(1.0, 1.0, Evidence(), DEFAULT_WEIGHTS)
