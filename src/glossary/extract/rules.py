"""Which rule found a candidate occurrence: the names the pipeline and ranking use."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["COUNTED_ALONE", "MIN_PHRASE_WORDS", "NESTING", "WHOLE_NAME", "Rule"]


class Rule(StrEnum):
    """A candidate rule. The values are short because spans carry them on the hot path."""

    #: A noun phrase: modifiers, head, dependents ("legally binding security guarantees").
    PHRASE = "n"
    #: A dependent group standing as a phrase of its own ("нераспространение ... оружия").
    DEPENDENT = "d"
    #: A hyphenated compound on its own ("de-escalate", "пресс-конференция").
    HYPHENATED = "h"
    #: Two coordinated nouns ("allies and partners").
    COORDINATION = "c"
    #: Two nouns sharing one modifier ("international peace and security"): the first
    #: noun with the modifier is no phrase of its own there.
    SHARED_MODIFIER = "s"
    #: A noun with one prepositional complement ("контроль над вооружениями").
    PREPOSITIONAL = "r"
    #: An acronym ("OSCE", "ОБСЕ") or a short form with words ("New START").
    ACRONYM = "x"
    #: The spelled-out form of an acronym defined in the text.
    EXPANSION = "e"
    #: A person's name ("Сергей Лавров").
    PERSON = "p"
    #: A rare verb, a term of its own ("деэскалировать").
    VERB = "v"
    #: A phrase with the place or acronym that qualifies it ("министр иностранных дел
    #: Японии", "санкции ООН"): a term of its own that leaves the phrase without its
    #: qualifier whole.
    QUALIFIED = "q"


#: Words in the shortest phrase (single words are counted apart).
MIN_PHRASE_WORDS = 2
#: Rules whose phrases hold whole terms, so the phrases inside them are not discounted.
NESTING = frozenset({Rule.PHRASE, Rule.DEPENDENT, Rule.HYPHENATED, Rule.SHARED_MODIFIER})
#: Rules of ordinary phrases, which a lone common word must earn its place in.
COUNTED_ALONE = frozenset({Rule.PHRASE, Rule.DEPENDENT})
#: A span code (counted as a :attr:`Rule.PHRASE`) for a whole title or name whose inner
#: phrases are no terms of their own ("Under Secretary for Political Affairs").
WHOLE_NAME = "w"
