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
    assert segment(text, Lang.EN) == [
        Segment("Title line", 1),
        Segment("First sentence.", 3),
        Segment("Second sentence wraps.", 3),
        Segment("Last one.", 7),
    ]


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
