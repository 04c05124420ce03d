"""Running text as *units*: words, hyphenated compounds and ``U.S.``-style initials.

The project tokenizer splits on hyphens (so "de-escalate" and "de escalate" share a
match key); candidate rules need the compound back as one word, and need to know
where a phrase cannot continue (punctuation, paragraph breaks) and where a sentence
starts (a capital there says nothing about proper names). This module computes
that once per document, in one pass over the tokens, with no per-token objects
beyond the tokens themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from glossary.text.normalize import Token

__all__ = ["HYPHENS", "QUOTE_CLOSES", "QUOTE_OPENS", "SUFFIXED", "Units", "build_units", "word_set"]


def word_set(text: str) -> frozenset[str]:
    """A closed word list written as running text (one string, words separated by spaces)."""
    return frozenset(text.split())


#: Longest hyphenated compound joined into one unit ("a-b-c-d-e-f..." is not a word).
_MAX_PARTS = 4
HYPHENS = frozenset("-\u2010\u2011")
#: Conjunctions after a hyphen that shares the second half of a compound.
_SHARED_HYPHEN_CONJUNCTIONS = frozenset(("and", "or", "и", "или"))
#: A name's number suffix: at most this many digits, after a space, hyphen or dash.
_MAX_SUFFIX_DIGITS = 2
_SUFFIX_GAPS = frozenset(
    {" ", "-", "\u2010", "\u2011", "\u2013", "\u2014", " \u2013 ", " \u2014 ", " - "}
)
#: A unit ending in a name's number suffix: the name part, then the number.
SUFFIXED = re.compile(r"^(.*?\D)(?:\s*[-\u2010\u2011\u2013\u2014]\s*|\s+)\d{1,4}$")
_SENTENCE_END = frozenset(".!?…")
#: The gap an English possessive leaves between two words (its "s" is not a token).
_POSSESSIVE_GAPS = frozenset(a + s + " " for a in "'\u2019" for s in ("s", ""))
#: Abbreviations after which a full stop does not end the sentence.
_ABBREVIATIONS = word_set(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st prof gen col lt gov sen "
    "rep vs etc no inc ltd corp co jr sr янв фев февр мар апр авг сент окт нояб дек г гг т тт "
    "см им др пр ул"
)


@dataclass(frozen=True, slots=True)
class Units:
    """Parallel lists, one entry per unit; a unit with ``first == -1`` is a break.

    ``words[i]`` is the surface of unit ``i`` (a compound keeps its hyphens),
    ``first[i]``/``last[i]`` its token indices, ``initial[i]`` whether it starts
    a sentence, ``compound[i]`` whether it was joined from hyphenated parts.
    """

    words: list[str]
    first: list[int]
    last: list[int]
    initial: list[bool]
    compound: list[bool]
    #: Per unit, :data:`QUOTE_OPENS` and/or :data:`QUOTE_CLOSES` when a «guillemet»
    #: opens before it or closes after it (empty when the text has none).
    quotes: list[int] = field(default_factory=list)


#: A title-case line: at least this many words, this share of the longer ones capitalised.
_HEADLINE_WORDS = 3
_HEADLINE_SHARE = 0.75
_HEADLINE_MAX_WORDS = 25
_LONG_WORD = 3
_LINE = re.compile(r"[^\n]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_GUILLEMETS = re.compile("[«»]")


def is_headline(line: str) -> bool:
    """A title-case line ("Council Extends Mandate of Expert Panel"): there capitals
    mark the style, not names, so its words count as sentence-initial."""
    stripped = line.strip()
    if not stripped or stripped[-1] in ".!?;,:…":
        return False
    words = _LETTERS.findall(stripped)
    if not _HEADLINE_WORDS <= len(words) <= _HEADLINE_MAX_WORDS:
        return False
    longer = [w for w in words if len(w) > _LONG_WORD]
    if len(longer) < _HEADLINE_WORDS or all(w.isupper() for w in longer):
        return False
    return sum(1 for w in longer if w[0].isupper()) >= _HEADLINE_SHARE * len(longer)


def _headlines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if is_headline(m.group())]


def build_units(text: str, tokens: list[Token]) -> Units:  # noqa: C901, PLR0915 - one pass over the tokens, each case joining or breaking units in place
    words: list[str] = []
    first: list[int] = []
    last: list[int] = []
    initial: list[bool] = []
    compound: list[bool] = []
    prev_end = -1
    prev_word = ""
    sentence_start = True
    headlines = _headlines(text) if "\n" in text else []
    quotes = _Guillemets(text)
    for index, token in enumerate(tokens):
        start, end = token.start, token.end
        word = text[start:end]
        if start > quotes.next_mark:
            quotes.passed(start, len(words))
        if prev_end >= 0:
            gap = text[prev_end:start]
            if (
                word.isdigit()
                and (
                    (len(word) <= _MAX_SUFFIX_DIGITS and gap in _SUFFIX_GAPS)
                    or (gap == " " and _document_number(word))
                )
                and first
                and first[-1] >= 0
                and (
                    words[-1][:1].isupper()
                    or (len(first) > 1 and first[-2] >= 0 and words[-2][:1].isupper())
                )
            ):
                # "Nord Stream 2", "СНВ-3", "Северный поток — 2": a number after a
                # name (one of its last two words capitalised) is part of the name.
                words[-1] = text[tokens[first[-1]].start : end]
                last[-1] = index
                prev_end, prev_word = end, word
                continue
            if (
                gap in HYPHENS
                and first
                and first[-1] >= 0
                and not word.isdigit()
                and last[-1] - first[-1] < _MAX_PARTS
            ):
                # "de-escalate", "ex-Soviet", "пресс-конференция": one unit.
                words[-1] = text[tokens[first[-1]].start : end]
                last[-1] = index
                compound[-1] = True
                prev_end, prev_word = end, word
                continue
            if (
                gap == "."
                and len(word) == 1
                and len(prev_word) == 1
                and word.isupper()
                and prev_word.isupper()
                and first
                and first[-1] >= 0
                and last[-1] - first[-1] < _MAX_PARTS
            ):
                # "U.S.", "U.K.": initials joined into one acronym unit.
                words[-1] = text[tokens[first[-1]].start : end + 1]
                last[-1] = index
                prev_end, prev_word = end, word
                if text[end : end + 1] == ".":
                    prev_end = end + 1
                continue
            if (
                gap[:1] in HYPHENS
                and gap[1:] == " "
                and word.lower() in _SHARED_HYPHEN_CONJUNCTIONS
                and first
                and first[-1] >= 0
            ):
                # "intermediate- and shorter-range": the first half of a compound whose
                # second half is shared stays in the phrase, written with its hyphen.
                words[-1] += gap[0]
                compound[-1] = True
            elif (
                gap in _POSSESSIVE_GAPS
                and word[:1].isupper()
                and words[-1][:1].isupper()
                and first
                and first[-1] >= 0
            ):
                # "People's Republic", "Leaders' Meeting": a capitalised possessive
                # before a capitalised word may be inside a name; the unit keeps its
                # apostrophe so the language's rules can tell (a name's possessive is
                # a determiner: "Russia's | Foreign Ministry").
                words[-1] += gap.rstrip()
            elif gap.isspace():
                if gap.count("\n") > 1:
                    sentence_start = True
                    _break(words, first, last, initial, compound)
            else:
                _break(words, first, last, initial, compound)
                stripped = gap.strip()
                if (
                    (
                        stripped[:1] in _SENTENCE_END
                        and (stripped[:1] != "." or prev_word.lower() not in _ABBREVIATIONS)
                    )
                    or "\n\n" in gap
                    or "\n\r\n" in gap
                ):
                    sentence_start = True
        words.append(word)
        first.append(index)
        last.append(index)
        if quotes.pending_open:
            quotes.opened(len(words) - 1)
        if headlines:
            while headlines[0][1] < start and len(headlines) > 1:
                headlines.pop(0)
            sentence_start = sentence_start or headlines[0][0] <= start < headlines[0][1]
        initial.append(sentence_start)
        compound.append(False)
        sentence_start = False
        prev_end, prev_word = end, word
    return Units(words, first, last, initial, compound, quotes.marks(len(words)))


def _document_number(word: str) -> bool:
    """A three- or four-digit number that is no year of the last two centuries: after a
    capitalised word it numbers a document ("Resolution 2231", "Resolution 1540")."""
    return (
        _MIN_NUMBER_DIGITS <= len(word) <= _MAX_NUMBER_DIGITS
        and not _FIRST_YEAR <= int(word) <= _LAST_YEAR
    )


_MIN_NUMBER_DIGITS = 3
_MAX_NUMBER_DIGITS = 4
_FIRST_YEAR = 1800
_LAST_YEAR = 2099


class _Guillemets:
    """Where «guillemets» open and close, found in one pass with the tokens: each mark
    is handled when the first token after it comes (a cheap comparison per token)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.positions = [m.start() for m in _GUILLEMETS.finditer(text)] if "«" in text else []
        self.index = 0
        self.next_mark = self.positions[0] if self.positions else len(text)
        self.pending_open = False
        self.opens: list[int] = []
        self.closes: list[int] = []

    def passed(self, start: int, units: int) -> None:
        """Marks before ``start``: an opening one applies to the next unit, a closing one
        to the last of the ``units`` so far."""
        positions = self.positions
        while self.index < len(positions) and positions[self.index] < start:
            if self.text[positions[self.index]] == "«":
                self.pending_open = True
            elif units:
                self.closes.append(units - 1)
            self.index += 1
        self.next_mark = positions[self.index] if self.index < len(positions) else len(self.text)

    def opened(self, unit: int) -> None:
        self.opens.append(unit)
        self.pending_open = False

    def marks(self, units: int) -> list[int]:
        if not self.positions:
            return []
        self.passed(len(self.text) + 1, units)
        result = [0] * units
        for unit in self.opens:
            result[unit] |= QUOTE_OPENS
        for unit in self.closes:
            result[unit] |= QUOTE_CLOSES
        return result


QUOTE_OPENS = 1
QUOTE_CLOSES = 2


def _break(
    words: list[str], first: list[int], last: list[int], initial: list[bool], compound: list[bool]
) -> None:
    if first and first[-1] != -1:
        words.append("|")
        first.append(-1)
        last.append(-1)
        initial.append(False)
        compound.append(False)
