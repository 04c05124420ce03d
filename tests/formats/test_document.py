"""Source documents: decoding, visible text on its source lines, and the language."""

from __future__ import annotations

import pytest

from glossary.errors import FormatError
from glossary.formats.document import decode, detect_language, read_document
from glossary.model import Lang

RUSSIAN = "Стороны обсудили меры доверия.\n"


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_legacy_russian_encodings_are_detected(encoding: str) -> None:
    text, found = decode((RUSSIAN * 4).encode(encoding), "a.txt")
    assert text == RUSSIAN * 4
    assert found.replace("-", "_") == encoding


def test_utf8_with_a_bom_decodes_as_utf8() -> None:
    assert decode(b"\xef\xbb\xbf" + RUSSIAN.encode(), "a.txt") == (RUSSIAN, "utf-8")


def test_binary_input_is_refused_on_the_line_of_its_nul() -> None:
    with pytest.raises(FormatError, match="binary file") as info:
        decode(b"one\ntwo\n\x00three", "x.bin")
    assert info.value.line == 3


def test_language_is_the_majority_script() -> None:
    assert detect_language("NATO и ОБСЕ провели встречу") is Lang.RU
    assert detect_language("The OSCE met") is Lang.EN
    assert detect_language("2024 — 17") is None


def test_html_keeps_visible_text_on_its_source_line() -> None:
    html = (
        "<html><head><title>x</title><style>p{}</style></head>\n<body>\n"
        "<p>Talks <b>resumed</b></p>\n<script>var a;</script></body>"
    )
    document = read_document(html.encode(), "page.html")
    lines = document.text.split("\n")
    assert "Talks resumed" in lines[2]
    assert "var a" not in document.text and "p{}" not in document.text
    assert document.lang is Lang.EN


def test_markdown_loses_marks_and_link_targets_but_not_lines() -> None:
    markdown = "# Title\n\nSee [the treaty](http://example.invalid/t) **now**.\n"
    document = read_document(markdown.encode(), "notes.md")
    assert document.text == "Title\n\nSee the treaty now.\n"


def test_an_explicit_language_overrides_detection() -> None:
    assert read_document(b"NATO", "a.txt", lang=Lang.RU).lang is Lang.RU


def test_detection_can_be_skipped_by_callers_that_never_read_the_language() -> None:
    data = "ОБСЕ провела встречу".encode()
    assert read_document(data, "news.txt", detect=False).lang is None
    assert read_document(data, "news.txt", detect=False).text == read_document(data, "n.txt").text
    assert read_document(data, "news.txt", lang=Lang.EN, detect=False).lang is Lang.EN


def test_a_po_file_gives_the_side_written_in_the_asked_language() -> None:
    po = (
        'msgid ""\nmsgstr ""\n"Language: ru_RU\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Talks resumed."\nmsgstr "Переговоры возобновились."\n'
    ).encode()
    assert "Переговоры возобновились." in read_document(po, "d.po", lang=Lang.RU).text
    assert "Talks resumed." in read_document(po, "d.po").text
    assert "Talks resumed." in read_document(po, "d.po", lang=Lang.EN).text
