"""Acronyms defined in the text: "Expansion (ACR)" and "ACR (Expansion)".

An expansion is accepted when the initials of its words spell the acronym
(function words such as *for*, *and*, *in*, *по*, *и*, *в* may be skipped or
counted), so "Organization for Security and Cooperation in Europe (OSCE)" and
"Организация по безопасности и сотрудничеству в Европе (ОБСЕ)" link. A
transliterated acronym (НАТО after "Организация Североатлантического договора")
cannot be spelled out that way; it links when the phrase right before the
parenthesis starts with a capital and is at least two words long.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from glossary.extract.units import Units, word_set
from glossary.text.normalize import Token

__all__ = ["Definition", "definitions", "initials_match"]

#: Words a parenthesised short form may have on each side of its acronym (INF Treaty).
_SHORT_FORM_REACH = 2
#: A short form needs this many units before it to have an expansion in front of it.
_MIN_EXPANSION_START = 2

_FUNCTION_WORDS = word_set(
    "of for and in on the to at by with de des du la le по и в на для о об при с со"
)
_MAX_WORDS = 12


@dataclass(frozen=True, slots=True)
class Definition:
    """Units ``acronym``..``acronym_end`` (the short form, "NATO" or "INF Treaty")
    are spelled out by units ``start``..``end``."""

    acronym: int
    start: int
    end: int
    acronym_end: int = -1

    @property
    def short_end(self) -> int:
        return self.acronym if self.acronym_end < 0 else self.acronym_end


def initials_match(acronym: str, words: list[str]) -> bool:
    """Whether the words' initials spell ``acronym`` (function words optional)."""
    letters = [c.lower() for c in acronym if c.isalpha()]
    parts: list[tuple[str, bool]] = []
    for word in words:
        pieces = [p for p in re.split(r"[-\u2010\u2011]", word) if p]
        for number, piece in enumerate(pieces):
            # Later parts of a compound may be skipped: "Intermediate-Range Nuclear Forces".
            parts.append((piece.lower(), number > 0 or piece.lower() in _FUNCTION_WORDS))
    if not parts or parts[0][1]:
        return False

    def walk(i: int, j: int) -> bool:
        if i == len(parts):
            return j == len(letters)
        word, optional = parts[i]
        if j < len(letters) and word[0] == letters[j] and walk(i + 1, j + 1):
            return True
        return optional and walk(i + 1, j)

    return walk(0, 0)


def _short_form(text: str, tokens: list[Token], units: Units, index: int) -> tuple[int, int] | None:
    """The parenthesised short form around acronym unit ``index``: "(NATO)", "(INF Treaty)"."""
    first, last, words = units.first, units.last, units.words
    lo = index
    while lo > 0 and first[lo - 1] >= 0 and index - lo < _SHORT_FORM_REACH:
        lo -= 1
    hi = index
    while hi + 1 < len(first) and first[hi + 1] >= 0 and hi - index < _SHORT_FORM_REACH:
        hi += 1
    for a in range(lo, index + 1):
        for b in range(hi, index - 1, -1):
            start = tokens[first[a]].start
            end = tokens[last[b]].end
            if (
                text[max(0, start - 3) : start].rstrip().endswith("(")
                and text[end : end + 3].lstrip().startswith(")")
                and all(w[:1].isupper() or w[:1].isdigit() for w in words[a : b + 1])
            ):
                return a, b
    return None


def definitions(text: str, tokens: list[Token], units: Units, tags: str) -> Iterator[Definition]:  # noqa: C901 - the two definition shapes, expansion (ACR) and ACR (expansion), read at one acronym
    words, first, last = units.words, units.first, units.last
    for index, tag in enumerate(tags):
        if tag != "X" or first[index] < 0:
            continue
        end = tokens[last[index]].end
        after = text[end : end + 3].lstrip()
        short = _short_form(text, tokens, units, index)
        if short is not None and short[0] >= _MIN_EXPANSION_START:
            # Expansion (ACR): the run of words before the parenthesis.
            short_start, short_end = short
            extra = [w.lower() for w in words[short_start : short_end + 1] if w != words[index]]
            stop = short_start - 2
            # "Intermediate-Range Nuclear Forces Treaty (INF Treaty)": the shared word
            # "Treaty" is not spelled by the acronym's letters.
            spelled_stop = stop
            while extra and spelled_stop > 0 and words[spelled_stop].lower() == extra[-1]:
                extra.pop()
                spelled_stop -= 1
            begin = stop
            while begin > 0 and first[begin - 1] >= 0 and stop - begin < _MAX_WORDS:
                begin -= 1
            for s in range(begin, spelled_stop + 1):
                if initials_match(words[index], words[s : spelled_stop + 1]):
                    yield Definition(short_start, s, stop, short_end)
                    break
            else:
                s = stop
                while s > begin and tags[s - 1] in "ABEFGNJTPUL" and words[s - 1][:1].isalpha():
                    s -= 1
                while s < stop and (
                    not words[s][:1].isupper()
                    or (units.initial[s] and any(w[:1].isupper() for w in words[s + 1 : stop]))
                ):
                    s += 1  # a capital at a sentence start does not begin a name
                if s < stop and words[s][:1].isupper() and tags[stop] in "NGJTPL":
                    yield Definition(short_start, s, stop, short_end)
        elif after.startswith("(") and index + 2 < len(tags):
            # ACR (Expansion): the run of words inside the parenthesis.
            begin = index + 2
            stop = begin
            while stop + 1 < len(tags) and first[stop + 1] >= 0 and stop - begin < _MAX_WORDS:
                stop += 1
            close = text[tokens[last[stop]].end : tokens[last[stop]].end + 2].lstrip()
            if (
                first[begin] >= 0
                and close.startswith(")")
                and initials_match(words[index], words[begin : stop + 1])
            ):
                yield Definition(index, begin, stop)
