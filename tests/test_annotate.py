"""Annotation renderings: JSON spans, terminal highlighting, the HTML page."""

from __future__ import annotations

import html
import re

import pytest

from glossary import annotate
from glossary.matching import TermMatcher
from glossary.model import Glossary, Status, Term

from .conftest import small_glossary

TEXT = "Госсекретарь говорил о сферах влияния\r\nи об ОБСЕ."


@pytest.fixture(scope="module")
def items() -> list[annotate.Annotation]:
    glossary = small_glossary()
    return annotate.from_spans(TermMatcher(glossary).find(TEXT), glossary.get)


def test_spans_json(items: list[annotate.Annotation]) -> None:
    records = annotate.to_json(items)
    assert [(r["start"], r["end"], r["text"], r["id"]) for r in records] == [
        (0, 12, "Госсекретарь", "secretary-of-state"),
        (23, 37, "сферах влияния", "sphere-of-influence"),
        (44, 48, "ОБСЕ", "osce"),
    ]
    assert all(TEXT[r["start"] : r["end"]] == r["text"] for r in records)
    assert {"start", "end", "text", "id", "en", "ru", "status"} <= records[0].keys()
    assert records[1]["status"] == "draft"


def test_terminal_shows_renderings_and_marks_unreviewed(items: list[annotate.Annotation]) -> None:
    out = annotate.render_terminal(TEXT, items, lambda text, styles: text)
    assert out == (
        "Госсекретарь [Secretary of State] говорил о сферах влияния [?sphere of influence]"
        "\r\nи об ОБСЕ [OSCE]."
    )
    coloured = annotate.render_terminal(TEXT, items, lambda t, s: f"<{','.join(s)}>{t}</>")
    assert "<bold,yellow>сферах влияния</>" in coloured


def test_homonyms_prefer_reviewed_preferred_terms() -> None:
    glossary = Glossary(
        (
            Term("draft-a", en="bloc", ru="блок", status=Status.DRAFT),
            Term("reviewed-b", en="unit", ru="блок", status=Status.REVIEWED,
                 definition="other sense"),
        )
    )  # fmt: skip
    (item,) = annotate.from_spans(TermMatcher(glossary).find("блоки"), glossary.get)
    assert item.term.id == "reviewed-b"
    assert item.also == ("draft-a",)


def test_html_page_escapes_and_explains() -> None:
    glossary = Glossary(
        (
            Term("x", en="<script>alert(1)</script>", ru="угроза", status=Status.DRAFT,
                 definition='A "quoted" & <b>bold</b> definition.'),
        )
    )  # fmt: skip
    text = "<p>Угрозы & угроза</p>"
    items = annotate.from_spans(TermMatcher(glossary).find(text), glossary.get)
    page = annotate.render_html(text, items, "a <title>")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script>" not in page
    assert "<p>" not in page
    assert "&lt;p&gt;Угрозы &amp; угроза&lt;/p&gt;" not in page  # terms are wrapped in <mark>
    marks = re.findall(r"<mark [^>]*>(.*?)<span", page)
    assert marks == ["Угрозы", "угроза"]
    assert html.escape('A "quoted" & <b>bold</b> definition.') in page
    assert "not reviewed" in page
    assert "<title>a &lt;title&gt;</title>" in page
