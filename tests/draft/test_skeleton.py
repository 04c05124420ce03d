"""The skeleton a draft carries: sentences with their spans, and the headers render needs."""

from __future__ import annotations

from glossary.draft.skeleton import (
    CHECKSUM_HEADER,
    SKELETON_HEADER,
    SOURCE_HEADER,
    checksum,
    entry_key,
    segment_document,
)
from glossary.model import Lang

TEXT = "# Talks\n\nThe OSCE met on Jan. 5. The U.S. side agreed.\n\nMore talks follow.\n"


def test_segments_point_at_their_own_text_in_the_source() -> None:
    segments, headers = segment_document(TEXT.encode(), "a.md", Lang.EN, source_name="a.md")
    assert [s.text for s in segments] == [
        "Talks",
        "The OSCE met on Jan. 5.",
        "The U.S. side agreed.",
        "More talks follow.",
    ]
    assert headers[SOURCE_HEADER] == "a.md"
    assert headers[CHECKSUM_HEADER] == checksum(TEXT.encode())
    assert headers[SKELETON_HEADER]


def test_a_po_source_has_no_skeleton() -> None:
    po = b'msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "The talks ended."\nmsgstr ""\n'
    segments, headers = segment_document(po, "old.po", Lang.EN)
    assert [s.text for s in segments] == ["The talks ended."]
    assert headers == {}


def test_entry_keys_and_checksums_are_stable_and_distinct() -> None:
    assert entry_key("The talks ended.") == entry_key("The talks ended.")
    assert entry_key("The talks ended.") != entry_key("The talks began.")
    assert checksum(b"a") != checksum(b"b") and checksum(b"a").startswith("sha256:")


def test_an_unknown_marked_section_in_html_is_skipped_as_browsers_do() -> None:
    """Regression: the draft's HTML reader raised html.parser's AssertionError on
    ``<![h/<`` although the document reader already skipped it (one parser now)."""
    page = b"<html><body><p>The envoys met.</p><![x/<<p>The talks ended.</p></body></html>\n"
    segments, headers = segment_document(page, "page.html", Lang.EN)
    assert [s.text for s in segments] == ["The envoys met.", "The talks ended."]
    assert headers[SKELETON_HEADER]
