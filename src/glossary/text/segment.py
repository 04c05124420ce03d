"""Sentence segmentation for drafts: one PO entry per sentence, each with its line.

English goes through pysbd, Russian through razdel. A paragraph (a run of non-blank
lines, so hard-wrapped text still yields whole sentences) is the largest unit a
sentence can span, but a paragraph may be a whole book without blank lines and pysbd
slows down sharply on long strings: the libraries therefore see a paragraph in
windows of whole lines, the last (maybe unfinished) sentence of each window carried
into the next, which keeps segmentation linear and gives the sentences one call on
the whole paragraph would. Every segment records the document line it starts on and
its exact span in the text (what ``render`` puts translations back into).

Both libraries then get the same abbreviation fixes: a break after *Mr.*, *т.е.* or
*г-н* is always wrong, and a break after *Jan.*, *U.S.*, *янв.* or *г.* is wrong when
the next piece does not start like a sentence (a digit, a lowercase letter, a bracket).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

from glossary.model import Lang

__all__ = ["WINDOW", "Segment", "paragraphs", "segment", "split_sentences"]


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence of a document and the 1-based line it starts on."""

    text: str
    line: int
    #: Where the sentence starts and ends in the document text (``text[start:end]``
    #: is the sentence as written, line breaks included).
    start: int = 0
    end: int = 0


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
#: Characters of a paragraph the sentence splitter sees at once (pysbd slows down
#: sharply on long strings; a few lines are all a sentence decision looks at).
WINDOW = 2000
#: Sentences still held after this many windows are emitted as they are.
LONGEST_SENTENCE = 8
#: Sentences at the end of a window carried into the next one.
CARRIED = 2
#: Characters before a terminator the merge rules need (far more than the longest
#: abbreviation, spaces included).
_CONTEXT = 40
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
    # Only the last word matters: a short tail keeps the anchored searches linear.
    previous = previous.rstrip()[-_CONTEXT:]
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
    for block in _blocks(text):
        window = _Window(block)
        lines: list[int] = []
        for index, piece in enumerate(block):
            if index:
                lines.append(piece.line)  # the joining space belongs to the next line
            lines.extend([piece.line] * len(piece.text))
        yield window.text, lines


@dataclass(frozen=True, slots=True)
class _Piece:
    """Part of one stripped line: its text, where it starts in the document, its line."""

    text: str
    start: int
    line: int


def _blocks(text: str) -> Iterator[list[_Piece]]:
    """Runs of non-blank lines (paragraphs), each line stripped, with exact offsets."""
    block: list[_Piece] = []
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            block.append(_Piece(stripped, offset + lead, number))
        elif block:
            yield block
            block = []
        offset += len(line)
    if block:
        yield block


class _Window:
    """Pieces joined with single spaces, and the way back from a joined offset."""

    def __init__(self, pieces: Sequence[_Piece]) -> None:
        self.pieces = list(pieces)
        self.text = " ".join(p.text for p in self.pieces)
        self.starts: list[int] = []
        position = 0
        for piece in self.pieces:
            self.starts.append(position)
            position += len(piece.text) + 1

    def locate(self, offset: int) -> tuple[int, int]:
        """The piece holding joined ``offset`` and the offset inside it."""
        index = max(0, bisect_right(self.starts, offset) - 1)
        return index, offset - self.starts[index]

    def segment(self, offset: int, sentence: str) -> Segment:
        first, inner = self.locate(offset)
        last, last_inner = self.locate(offset + len(sentence) - 1)
        start = self.pieces[first].start + inner
        end = self.pieces[last].start + last_inner + 1
        return Segment(" ".join(sentence.split()), self.pieces[first].line, start, end)

    def tail(self, offset: int) -> list[_Piece]:
        """The pieces from joined ``offset`` on (the first one cut there)."""
        index, inner = self.locate(offset)
        piece = self.pieces[index]
        cut = _Piece(piece.text[inner:], piece.start + inner, piece.line)
        return [cut, *self.pieces[index + 1 :]] if cut.text else self.pieces[index + 1 :]


def _marks(text: str) -> tuple[int, int]:
    """Brackets ``text`` opens minus those it closes, and its straight double quotes."""
    opened = sum(text.count(c) for c in _OPENERS) - sum(text.count(c) for c in _CLOSERS)
    return opened, text.count('"')


def _segment_block(block: list[_Piece], lang: Lang, window: int) -> Iterator[Segment]:
    """The sentences of one paragraph, fed to the library in windows of about ``window``.

    A window is whole lines, and does not end inside brackets or a quotation (the
    libraries keep those whole); its last sentence may go on in the next line, so it is
    carried into the next window instead of being emitted. Only a sentence of more than
    :data:`LONGEST_SENTENCE` times ``window`` is not carried (nor a quotation grown that
    long waited for), which keeps the cost linear on any input.
    """
    carried: list[_Piece] = []
    position = 0
    longest = window * LONGEST_SENTENCE
    while position < len(block) or carried:
        pieces = list(carried)
        size = sum(len(p.text) + 1 for p in pieces)
        depth, quotes = _marks(" ".join(p.text for p in pieces))
        added = 0
        while position < len(block) and (
            size < window or not added or ((depth > 0 or quotes % 2) and size < longest)
        ):
            pieces.append(block[position])
            size += len(block[position].text) + 1
            more_depth, more_quotes = _marks(block[position].text)
            depth += more_depth
            quotes += more_quotes
            position += 1
            added += 1
        joined = _Window(pieces)
        sentences = split_sentences(joined.text, lang)
        final = position >= len(block)
        # The last sentence may go on. The next window starts where this one's text is
        # read the same way whatever follows: for pysbd at a sure sentence end (it reads
        # a stretch's first sentences differently), for razdel a sentence earlier.
        cut = _carry_from(joined.text, sentences, lang)
        if not final and len(joined.text) - cut < longest:
            keep = [(offset, text) for offset, text in sentences if offset < cut]
            carried = joined.tail(cut)
        else:
            keep, carried = sentences, []
        for offset, sentence in keep:
            yield joined.segment(offset, sentence)


def _carry_from(text: str, sentences: list[tuple[int, str]], lang: Lang) -> int:
    """Where in ``text`` the next window starts (0: all of it is carried)."""
    if len(sentences) <= 1:
        return 0
    if lang is Lang.RU:
        return sentences[-CARRIED][0] if len(sentences) > CARRIED else 0
    last = sentences[-1][0]
    return max((c for c in _sure_cuts(text) if c <= last), default=0)


def segment(text: str, lang: Lang, *, window: int = WINDOW) -> list[Segment]:
    """Every sentence of ``text`` with the document line and span it has.

    Linear in the text: a long paragraph reaches the library ``window`` characters at
    a time (cut at line ends), so a text without blank lines costs no more per line
    than one with them.
    """
    result: list[Segment] = []
    for block in _blocks(text):
        result.extend(_segment_block(block, lang, window))
    return result


#: A sure sentence end for pysbd: ``.``, ``!`` or ``?`` (maybe closing a quote or a
#: bracket) after a word of three or more letters that is no abbreviation, then space
#: and a capital, outside any bracket or quotation. Text between two sure ends that holds no other
#: ``.``, ``!``, ``?`` or ``…`` is one sentence, so pysbd (about 7 s a megabyte) only
#: sees the stretches where it has something to decide.
_SURE_END = re.compile(r"(?<![\w.'’-])([A-Za-z]{3,})[.!?][\"”»)]?\s+(?=[\"“«(]?[A-Z])")
_TERMINATOR = re.compile(r"[.!?…]")
_ROMAN = re.compile(r"[ivxlcdm]+")
_OPENERS = "(“«["
_CLOSERS = ")”»]"


@lru_cache(maxsize=1)
def _pysbd_abbreviations() -> frozenset[str]:
    from pysbd.lang.english import English

    return frozenset(a.strip().casefold() for a in English.Abbreviation.ABBREVIATIONS)


@lru_cache(maxsize=4)
def _sure_cuts(paragraph: str) -> tuple[int, ...]:
    """Offsets where a sentence surely starts: outside brackets and quotes, after a word
    (memoised: a window is read for its sentences, then for where the next one starts)."""
    abbreviations = _pysbd_abbreviations()
    cuts: list[int] = []
    depth = quotes = 0
    seen = 0
    for match in _SURE_END.finditer(paragraph):
        between = paragraph[seen : match.end()]
        depth += sum(between.count(c) for c in _OPENERS)
        depth -= sum(between.count(c) for c in _CLOSERS)
        quotes += between.count('"')
        seen = match.end()
        word = match.group(1).casefold()
        if depth > 0 or quotes % 2 or word in abbreviations or word in _NEVER_FINAL:
            continue
        if _ROMAN.fullmatch(word) or f"{word}." in _USUALLY_INNER:
            continue
        depth = max(depth, 0)
        cuts.append(match.end())
    return tuple(cuts)


#: The end of a stretch: its last terminators with the quotes and brackets they close.
_FINAL_RUN = re.compile(r"[.!?…\"”»)\]’']+\s*\Z")
#: A dot inside a number or an abbreviation spelt with dots (2.5, U.S., e.g.): no
#: sentence ends there, as no sentence starts without a space before it.
_INNER_DOT = re.compile(r"(?<=\d)[.,](?=\d)|(?<=\b[A-Za-z])\.(?=[A-Za-z]\.)")
#: Skip pysbd where every terminator inside a stretch is settled (see _open_decision);
#: False asks pysbd about every stretch with a terminator inside (the reference).
SETTLE_INNER = True


def _open_decision(stretch: str) -> bool:
    """Whether a terminator inside ``stretch`` (its final one aside) needs pysbd.

    Not the dot inside a number or a dotted abbreviation, nor one after an abbreviation
    the merge of :func:`split_sentences` always undoes (*Mr.*, or *Jan.* before a digit or
    a lowercase word): whatever pysbd said there, the sentence goes on.
    """
    final = _FINAL_RUN.search(stretch)
    body = stretch[: final.start()] if final else stretch
    inner = {m.start() for m in _INNER_DOT.finditer(body)}
    for match in _TERMINATOR.finditer(body):
        if match.start() in inner:
            continue
        # The merge rules read the last word before it, and what follows up to its first
        # letter.
        before = body[max(0, match.end() - 2 * _CONTEXT) : match.end()]
        if not _wrongly_split(before, body[match.end() :]):
            return True
    return False


def _raw_english(paragraph: str) -> list[str]:
    """pysbd's sentences of ``paragraph``, asking pysbd only where a decision is open."""
    pieces: list[str] = []
    bounds = [0, *_sure_cuts(paragraph), len(paragraph)]
    for start, end in pairwise(bounds):
        stretch = paragraph[start:end]
        if not (
            _open_decision(stretch) if SETTLE_INNER else _TERMINATOR.search(stretch.rstrip()[:-1])
        ):
            pieces.append(stretch)
        else:
            pieces.extend(str(s) for s in _pysbd().segment(stretch))
    return pieces
