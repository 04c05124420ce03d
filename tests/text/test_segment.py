"""Sentence segmentation: one segment per sentence, abbreviations kept inside, lines kept."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.model import Lang
from glossary.text.segment import Segment, paragraphs, segment


def texts(text: str, lang: Lang) -> list[str]:
    return [s.text for s in segment(text, lang)]


def test_english_abbreviations_do_not_end_sentences() -> None:
    text = (
        "GENEVA, Jan. 21 (Xinhua) -- U.S. Secretary of State Antony Blinken met Lavrov. "
        "Mr. Blinken said so. They met in the U.S. The talks ended."
    )
    assert texts(text, Lang.EN) == [
        "GENEVA, Jan. 21 (Xinhua) -- U.S. Secretary of State Antony Blinken met Lavrov.",
        "Mr. Blinken said so.",
        "They met in the U.S.",
        "The talks ended.",
    ]


def test_russian_abbreviations_do_not_end_sentences() -> None:
    text = (
        "ЖЕНЕВА, 21 янв. (Синьхуа) -- Встреча прошла в 2022 г. в Женеве. "
        "Т.е. всё прошло хорошо, т. е. нормально. Г-н. Лавров уехал. Переговоры окончены."
    )
    assert texts(text, Lang.RU) == [
        "ЖЕНЕВА, 21 янв. (Синьхуа) -- Встреча прошла в 2022 г. в Женеве.",
        "Т.е. всё прошло хорошо, т. е. нормально.",
        "Г-н. Лавров уехал.",
        "Переговоры окончены.",
    ]


def test_each_segment_keeps_the_line_it_starts_on() -> None:
    text = "Title line\n\nFirst sentence. Second\nsentence wraps.\n\n\nLast one."
    assert [(s.text, s.line) for s in segment(text, Lang.EN)] == [
        ("Title line", 1),
        ("First sentence.", 3),
        ("Second sentence wraps.", 3),
        ("Last one.", 7),
    ]


def test_each_segment_knows_its_exact_span() -> None:
    text = "  Title line\r\n\r\nFirst sentence. Second\n   sentence wraps.  \n"
    spans = [text[s.start : s.end] for s in segment(text, Lang.EN)]
    assert spans == ["Title line", "First sentence.", "Second\n   sentence wraps."]
    assert isinstance(segment(text, Lang.EN)[0], Segment)


def test_wrapped_sentence_starting_on_a_later_line() -> None:
    text = "One sentence here. Another\nstarts on line one.\nA third is on line three."
    assert [s.line for s in segment(text, Lang.EN)] == [1, 1, 3]


def test_blank_and_empty_text_give_nothing() -> None:
    assert segment("", Lang.EN) == []
    assert segment("  \n\n \t\n", Lang.RU) == []


def test_paragraph_line_map_points_at_every_character() -> None:
    [(paragraph, lines)] = list(paragraphs("  ab\ncd  \n"))
    assert paragraph == "ab cd"
    assert lines == [1, 1, 2, 2, 2]


def test_the_shared_corpus_keeps_its_dateline_whole(corpus_dir: Path) -> None:
    text = (corpus_dir / "geneva-2022-01-21.en.txt").read_text(encoding="utf-8")
    segments = segment(text, Lang.EN)
    dateline = next(s for s in segments if s.text.startswith("GENEVA"))
    assert dateline.line == 11
    assert "U.S. Secretary of State Antony Blinken" in dateline.text
    assert dateline.text.endswith('"no breakthroughs."')
    assert all(s.text == s.text.strip() and s.text for s in segments)


PIECES = [
    *re.findall(r"\S+", 'Jan. U.S. Mr. янв. т.е. г. word Слово NATO 2022 . ! ? « » " ( ) —'),
    " ",
    " ",
    "\n",
    "\n\n",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60), st.sampled_from([Lang.EN, Lang.RU]))
def test_segments_cover_the_text_in_order(pieces: list[str], lang: Lang) -> None:
    """Nothing is lost or invented, and lines only grow."""
    text = "".join(pieces)
    segments = segment(text, lang)
    assert [s.line for s in segments] == sorted(s.line for s in segments)
    assert "".join("".join(s.text.split()) for s in segments) == "".join(text.split())
    lines = text.splitlines()
    for s in segments:
        assert s.text and s.text == " ".join(s.text.split())
        assert s.text.split()[0] in lines[s.line - 1]


WORDS = ["talks", "Vienna", "the", "OSCE", "said", "ministers", "U.S.", "Jan.", "5", "переговоры"]
#: How a sentence opens and the end that balances it (real text closes its quotes).
OPENINGS = [("The", "."), ("Ministers", "!"), ("Ministers", "?"), ('"We', '."'), ("(It", ".)")]


@st.composite
def wrapped_pieces(draw: st.DrawFn) -> str:
    """A few whole sentences, hard-wrapped: lines may end inside a sentence. Quotes and
    brackets are balanced, as in real text (an unclosed one changes what the libraries do
    to every sentence after it)."""
    sentences = draw(
        st.lists(
            st.tuples(
                st.sampled_from(OPENINGS),
                st.lists(st.sampled_from(WORDS), min_size=1, max_size=12),
            ),
            min_size=1,
            max_size=4,
        )
    )
    words: list[str] = []
    for (first, end), middle in sentences:
        # A sentence ending in an abbreviation ("the U.S.).") is ambiguous, and pysbd
        # settles it from text beyond the next sentence: such ends are left out here.
        last = middle[-1] if middle[-1][-1] != "." else "talks"
        words += [first, *middle[:-1], last + end]
    words += ["It", "was", "done."]  # a piece ends surely: nothing joins across it
    breaks = draw(st.lists(st.booleans(), min_size=len(words), max_size=len(words)))
    return "".join(w + ("\n" if b else " ") for w, b in zip(words, breaks, strict=True)).strip()


@settings(max_examples=60, deadline=None)
@given(st.lists(wrapped_pieces(), min_size=1, max_size=12), st.sampled_from([Lang.EN, Lang.RU]))
def test_a_long_paragraph_segments_like_its_pieces(pieces: list[str], lang: Lang) -> None:
    """Windows are invisible: one paragraph without blank lines, cut into windows of a few
    characters, gives the sentences of its pieces (each whole sentences, ending surely)
    one after the other, with their lines and spans moved by where each piece starts."""
    text = "\n".join(pieces)
    expected: list[tuple[str, int, int, int]] = []
    line = offset = 0
    for piece in pieces:
        for s in segment(piece, lang, window=10**9):
            expected.append((s.text, s.line + line, s.start + offset, s.end + offset))
        line += piece.count("\n") + 1
        offset += len(piece) + 1
    got = [(s.text, s.line, s.start, s.end) for s in segment(text, lang, window=40)]
    assert got == expected
    for text_, _, start, end in got:
        assert " ".join(text[start:end].split()) == text_


def test_a_long_text_without_blank_lines_keeps_every_sentence() -> None:
    """Many windows: the count of sentences grows with the copies, none is lost."""
    piece = "The talks ended in Vienna.\nMinisters met the U.S. envoy\non Jan. 5 again.\n"
    one = segment(piece, Lang.EN)
    many = segment(piece * 300, Lang.EN, window=100)
    assert len(one) == 2
    assert [s.text for s in many] == [s.text for s in one] * 300
    assert [s.line for s in many[:4]] == [1, 2, 4, 5]


#: Invented sentence material: abbreviations, dotted acronyms, decimals, initials, quotes.
SETTLED_PIECES = [
    "Mr. Smith arrived.", "Dr. Jones said so.", "The U.S. envoy left.", "The U.S. Secretary spoke.",
    "It grew 2.5 percent.", "On Jan. 5 they met.", "On Jan. The talks ended.", "J. R. Smith wrote.",
    "Talks, e.g. on arms, went on.", '"We agreed. It is done," he said.', "(See fig. 3.)",
    "Prices rose 3.75 times in the U.S.", "Really?", "No!", "It ended...", "Gen. Ivanov came.",
    "i.e. nothing changed.", "They met at 5 p.m. Then they left.", "“Fine.” He left.",
]  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(SETTLED_PIECES), min_size=1, max_size=8), st.booleans())
def test_settled_terminators_give_the_segments_pysbd_gives(pieces: list[str], wrap: bool) -> None:
    """Skipping pysbd where every terminator inside a stretch is settled (a dot inside
    2.5 or U.S., Mr., Jan. before a digit) changes no segment: the same text with pysbd
    asked about every stretch that holds a terminator gives the same sentences."""
    import glossary.text.segment as module

    text = ("\n" if wrap else " ").join(pieces)
    fast = segment(text, Lang.EN)
    module.SETTLE_INNER = False
    try:
        reference = segment(text, Lang.EN)
    finally:
        module.SETTLE_INNER = True
    assert [(s.text, s.line, s.start, s.end) for s in fast] == [
        (s.text, s.line, s.start, s.end) for s in reference
    ]
