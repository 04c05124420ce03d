"""Ranking as a pure function: the evidence about one candidate in, its score out.

Every weight is a named field of :class:`Weights`, so a change of ranking is a
change of one number with a name, and the benchmark can compare variants. The
extractor computes :class:`Evidence` per candidate (corpus statistics, rule,
shape of the words); :func:`coarse_score` needs only the cheap part, so huge
inputs rank every key coarsely and only the best finely.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from glossary.extract.rules import Rule
from glossary.model import Kind

__all__ = ["DEFAULT_WEIGHTS", "Evidence", "Modifier", "Shape", "Weights", "coarse_score", "score"]


class Shape(Enum):
    """What the capitals and classes of a candidate's words say about it."""

    PLAIN = "plain"
    #: A capitalised chain with a title word mid-sentence ("Deputy Foreign Minister").
    CAPITALISED_CHAIN = "capitalised chain"
    #: A name glued to common nouns ("Blinken-Lavrov meeting").
    GLUED_NAME = "glued name"
    #: An unknown lower-case word: a typo, a foreign word, a byline.
    UNKNOWN_LOWER = "unknown lower"
    #: A lone capitalised common word or a lone adjective-or-noun ("Cooperation").
    LONE_FRAGMENT = "lone fragment"


class Modifier(Enum):
    """The first word of a multiword candidate, when it is an adjective."""

    NONE = "none"
    #: Relational ("diplomatic", "военный"): makes terms.
    RELATIONAL = "relational"
    #: Qualitative ("clear", "основной"): mostly describes.
    QUALITATIVE = "qualitative"
    #: Evaluative (English: "brutal", "greater", "tireless"): grades or judges, so the
    #: phrase is a description, the term (if any) is its noun.
    EVALUATIVE = "evaluative"


@dataclass(frozen=True, slots=True)
class Weights:
    """Every factor the ranking multiplies in, by name."""

    #: An expansion of an acronym (defined in the text) names a thing.
    expansion: float = 3.0
    #: An acronym.
    acronym: float = 2.0
    #: Prepositional complements are terms less often than genitives.
    prepositional: float = 0.7
    #: Coordinations ("allies and partners") are listed less often than single terms.
    coordination: float = 1.0
    #: A phrase of :data:`LONG_PHRASE_WORDS` words or more is mostly a term with a
    #: complement or a modifier still attached.
    long_phrase: float = 0.8
    #: Acronyms name things even when they are common words ("МИД", "UN").
    acronym_min_termhood: float = 0.8
    #: A hyphenated compound is a coined term ("de-escalation").
    compound: float = 1.5
    #: A Russian phrase starting with a capital mid-sentence is a name.
    capitalised_name: float = 1.5
    #: Exponent on the head's specificity for a genitive chain headed by an everyday noun.
    everyday_head_exponent: float = 0.5
    #: A title or organisation head ("министр иностранных дел", "official representative").
    named_head: float = 1.5
    #: A single common word (not a name): besides its termhood, this factor, since a
    #: glossary lists few single words and many phrases.
    lone_common: float = 0.8
    #: ... and its termhood counts again to this power: "sovereignty" stays, "treaty" drops.
    lone_common_exponent: float = 1.0
    relational: float = 1.5
    qualitative: float = 0.9
    evaluative: float = 0.7
    capitalised_chain: float = 2.0
    glued_name: float = 0.5
    unknown_lower: float = 0.3
    lone_fragment: float = 0.5
    #: Persons and places come after concept terms and organisations (a translator
    #: still needs them, so they stay, ranked by their own score).
    person: float = 0.2
    place: float = 0.2
    #: A title alone ("президент", "премьер-министр") names no office in particular: the
    #: glossary lists it with its complement ("президент Франции"), so it ranks low.
    bare_title: float = 0.35
    #: A part of a name never written alone.
    name_fragment: float = 0.5
    #: Corpus mode: the coarse score times (1 + log2(documents it occurs in)) ** this.
    document_frequency: float = 0.5

    def shape(self, shape: Shape) -> float:
        return {
            Shape.PLAIN: 1.0,
            Shape.CAPITALISED_CHAIN: self.capitalised_chain,
            Shape.GLUED_NAME: self.glued_name,
            Shape.UNKNOWN_LOWER: self.unknown_lower,
            Shape.LONE_FRAGMENT: self.lone_fragment,
        }[shape]

    def modifier(self, modifier: Modifier) -> float:
        return {
            Modifier.NONE: 1.0,
            Modifier.RELATIONAL: self.relational,
            Modifier.QUALITATIVE: self.qualitative,
            Modifier.EVALUATIVE: self.evaluative,
        }[modifier]


DEFAULT_WEIGHTS = Weights()
#: Words from which :attr:`Weights.long_phrase` applies.
LONG_PHRASE_WORDS = 4


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the extractor knows about one candidate, beyond its corpus statistics."""

    shape: Shape = Shape.PLAIN
    modifier: Modifier = Modifier.NONE
    #: A single common word (not a name): it must be unusual to be a term.
    lone_common: bool = False
    #: A single hyphenated noun.
    compound: bool = False
    #: Russian, multiword, starting with a capital away from a sentence start.
    capitalised_name: bool = False
    #: Russian genitive chain: the specificity of its head when the head is not last.
    head_specificity: float | None = None
    #: The head is a title or organisation word and the phrase is not a fragment.
    named_head: bool = False
    kind: Kind = Kind.TERM
    #: A title of one word, with no complement (Russian).
    bare_title: bool = False
    #: A capitalised chain seen only inside a longer name ("Deputy Chairman | of ...").
    name_fragment: bool = False
    #: Words in the candidate's key.
    words: int = 1


def coarse_score(
    c_value: float, termhood: float, rule: Rule, expansion: bool, weights: Weights
) -> float:
    """Corpus statistics times termhood times the rule's weight."""
    if rule is Rule.ACRONYM:
        termhood = max(termhood, weights.acronym_min_termhood)
    if rule is Rule.EXPANSION or expansion:
        factor = weights.expansion
    elif rule is Rule.ACRONYM:
        factor = weights.acronym
    elif rule is Rule.PREPOSITIONAL:
        factor = weights.prepositional
    elif rule in (Rule.COORDINATION, Rule.SHARED_MODIFIER):
        factor = weights.coordination
    else:
        factor = 1.0
    return c_value * termhood * factor


def score(coarse: float, termhood: float, evidence: Evidence, weights: Weights) -> float:
    """The final score: the coarse score times what the words' shape says."""
    result = coarse * weights.shape(evidence.shape) * weights.modifier(evidence.modifier)
    if evidence.lone_common:
        result *= termhood**weights.lone_common_exponent * weights.lone_common
    elif evidence.compound:
        result *= weights.compound
    elif evidence.capitalised_name:
        result *= weights.capitalised_name
    elif evidence.head_specificity is not None:
        result *= evidence.head_specificity**weights.everyday_head_exponent
    if evidence.named_head:
        result *= weights.named_head
    if evidence.name_fragment:
        result *= weights.name_fragment
    if evidence.words >= LONG_PHRASE_WORDS:
        result *= weights.long_phrase
    if evidence.kind is Kind.PERSON:
        result *= weights.person
    elif evidence.kind is Kind.PLACE:
        result *= weights.place
    elif evidence.bare_title:
        result *= weights.bare_title
    return result
