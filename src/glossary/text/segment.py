"""Sentence segmentation for drafts: one PO entry per sentence, each with its line.

English goes through pysbd, Russian through razdel; both are called one paragraph at
a time (pysbd slows down sharply on long strings, and a paragraph is the largest unit
a sentence can span). A paragraph is a run of non-blank lines, so hard-wrapped text
still yields whole sentences; every segment records the document line it starts on.

Both libraries then get the same abbreviation fixes: a break after *Mr.*, *т.е.* or
*г-н* is always wrong, and a break after *Jan.*, *U.S.*, *янв.* or *г.* is wrong when
the next piece does not start like a sentence (a digit, a lowercase letter, a bracket).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from glossary.model import Lang

__all__ = ["Segment", "paragraphs", "segment", "split_sentences"]


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence of a document and the 1-based line it starts on."""

    text: str
    line: int


#: Abbreviations after which a sentence never ends (titles, "that is", "for example").
_NEVER_FINAL = frozenset(
    re.findall(
        r"\S+",
        "mr. mrs. ms. dr. prof. st. gen. sen. rep. gov. lt. col. capt. sgt. adm. amb. messrs. "
        "e.g. i.e. cf. vs. approx. no. nos. art. para. fig. "
        "г-н. г-жа. т.е. т.к. т.н. т.ч. напр. см. ср. им. акад. проф. ген. др.",
    )
)
#: Abbreviations that end a sentence only when a capitalised sentence follows.
_USUALLY_INNER = frozenset(
    re.findall(
        r"\S+",
        "jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. "
        "u.s. u.k. u.n. e.u. u.s.a. inc. ltd. co. corp. jr. sr. est. p.m. a.m. etc. "
        "янв. февр. фев. мар. апр. авг. сент. сен. окт. нояб. ноя. дек. "
        "г. гг. в. вв. ул. д. стр. с. млн. млрд. тыс. руб. долл. и.о. т.д. т.п. пр.",
    )
)
_LAST_WORD = re.compile(r"(\S+)\s*\Z")
_INITIAL = re.compile(r"(?:\A|\s)[A-ZА-ЯЁ]\.\Z")


def _abbreviation(piece: str) -> str:
    """The last word of ``piece`` folded (``т. е.`` → ``т.е.``), or ``""``."""
    tail = piece.rstrip()
    # Spaced Russian abbreviations: "т. е.", "т. д.", "и. о."
    spaced = re.search(r"(?:\A|\s)((?:[а-яё]{1,2}\.\s?){2,3})\Z", tail, re.IGNORECASE)
    if spaced:
        return spaced.group(1).replace(" ", "").casefold()
    match = _LAST_WORD.search(tail)
    if not match:
        return ""
    word = match.group(1).lstrip("(«\"'“[").casefold()
    return word if word.endswith(".") else ""


def _starts_sentence(piece: str) -> bool:
    """Whether ``piece`` opens like a sentence: a capital letter, maybe after a quote."""
    for ch in piece:
        if ch.isalpha():
            return ch.isupper()
        if ch.isdigit() or ch in "([{,;:—–-":
            return False
    return True


def _wrongly_split(previous: str, following: str) -> bool:
    abbreviation = _abbreviation(previous)
    if abbreviation in _NEVER_FINAL:
        return True
    if abbreviation in _USUALLY_INNER or _INITIAL.search(previous.rstrip()):
        return not _starts_sentence(following)
    return False


@lru_cache(maxsize=1)
def _pysbd() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def _raw_english(paragraph: str) -> list[str]:
    return [str(s) for s in _pysbd().segment(paragraph)]


def _raw_russian(paragraph: str) -> list[str]:
    import razdel

    return [s.text for s in razdel.sentenize(paragraph)]


def split_sentences(paragraph: str, lang: Lang) -> list[tuple[int, str]]:
    """Sentences of one paragraph as ``(offset, text)``, offsets into ``paragraph``.

    Only the *starts* of the library's sentences are used: each sentence runs to the
    next start, so text a library drops (pysbd loses "!!" after "Jan.") is kept.
    """
    raw = _raw_russian(paragraph) if lang is Lang.RU else _raw_english(paragraph)
    starts: list[int] = []
    position = 0
    for piece in raw:
        text = piece.strip()
        if not text:
            continue
        start = paragraph.find(text, position)
        if start < 0:  # the library changed the text: no boundary here
            continue
        if not starts or start > starts[-1]:
            starts.append(start)
        position = start + len(text)
    if not starts or paragraph[: starts[0]].strip():
        starts.insert(0, 0)
    bounds = [*starts, len(paragraph)]
    located = [(bounds[i], bounds[i + 1]) for i in range(len(starts))]
    merged: list[tuple[int, int]] = []
    for start, end in located:
        if merged and _wrongly_split(
            paragraph[merged[-1][0] : merged[-1][1]], paragraph[start:end]
        ):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    result = []
    for start, end in merged:
        piece = paragraph[start:end]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            result.append((start + lead, piece.strip()))
    return result


def paragraphs(text: str) -> Iterator[tuple[str, list[int]]]:
    """Runs of non-blank lines joined with spaces, with the line of every character.

    ``lines[i]`` is the 1-based document line of ``paragraph[i]``.
    """
    block: list[str] = []
    block_lines: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            if block:
                yield _joined(block, block_lines)
                block, block_lines = [], []
            continue
        block.append(stripped)
        block_lines.append(number)
    if block:
        yield _joined(block, block_lines)


def _joined(block: list[str], numbers: list[int]) -> tuple[str, list[int]]:
    lines: list[int] = []
    for index, (line, number) in enumerate(zip(block, numbers, strict=True)):
        if index:
            lines.append(number)  # the joining space belongs to the next line
        lines.extend([number] * len(line))
    return " ".join(block), lines


def segment(text: str, lang: Lang) -> list[Segment]:
    """Every sentence of ``text`` with the document line it starts on."""
    result = []
    for paragraph, lines in paragraphs(text):
        for offset, sentence in split_sentences(paragraph, lang):
            result.append(Segment(" ".join(sentence.split()), lines[offset]))
    return result
