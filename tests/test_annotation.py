"""The annotation job and its renderings: JSON spans, terminal highlighting, the HTML page."""

from __future__ import annotations

import dataclasses
import html
import itertools
import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary import annotation as annotate
from glossary.annotation_html import render_html
from glossary.matching import TermMatcher
from glossary.model import Glossary, Kind, Status, Term

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
    # plain rendering (no style) is the same text, also for a paragraph at an offset
    assert annotate.render_terminal(TEXT, items, None) == out
    tail = TEXT.index("\r\n")
    later = [a for a in items if a.start >= tail]
    assert annotate.render_terminal(TEXT[tail:], later, None, tail) == out[out.index("\r\n") :]
    no_rendering = [dataclasses.replace(items[0], term=dataclasses.replace(items[0].term, en=""))]
    assert annotate.render_terminal(TEXT, no_rendering, None) == annotate.render_terminal(
        TEXT, no_rendering, lambda text, styles: text
    )


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
    assert [(a.term.id, a.start, a.end) for a in item.also] == [("draft-a", 0, 5)]


def test_html_page_escapes_and_explains() -> None:
    glossary = Glossary(
        (
            Term("x", en="<script>alert(1)</script>", ru="угроза", status=Status.DRAFT,
                 definition='A "quoted" & <b>bold</b> definition.'),
        )
    )  # fmt: skip
    text = "<p>Угрозы & угроза</p>"
    items = annotate.from_spans(TermMatcher(glossary).find(text), glossary.get)
    page = render_html(text, items, "a <title>")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script>" not in page
    assert "<p>" not in page
    assert "&lt;p&gt;Угрозы &amp; угроза&lt;/p&gt;" not in page  # terms are wrapped in <mark>
    marks = re.findall(r"<mark [^>]*>(.*?)<span", page)
    assert marks == ["Угрозы", "угроза"]
    assert html.escape('A "quoted" & <b>bold</b> definition.') in page
    assert "not reviewed" in page
    assert "<title>a &lt;title&gt;</title>" in page


# -- the job: annotate, annotate_stream, paragraphs ------------------------------

STORY = (
    "Госсекретарь говорил о сферах влияния.\r\n\r\n"
    "Legally binding security guarantees, said the OSCE.\n   \n\n"
    "И снова ОБСЕ: гарантии безопасности\nи сферы влияния."
)


def _spans(items: list[annotate.Annotation]) -> list[tuple[int, int, str, str]]:
    return [(a.start, a.end, a.text, a.term.id) for a in items]


def test_annotate_a_glossary_in_memory_or_a_terms_csv(tmp_path: Path) -> None:
    from glossary.formats import terms_csv

    in_memory = annotate.annotate(STORY, small_glossary())
    assert [a.term.id for a in in_memory] == [
        "secretary-of-state",
        "sphere-of-influence",
        "legally-binding-security-guarantees",
        "osce",
        "osce",
        "security-guarantees",
        "sphere-of-influence",
    ]
    assert all(STORY[a.start : a.end] == a.text for a in in_memory)
    path = tmp_path / "terms.csv"
    terms_csv.save(small_glossary(), path)
    assert _spans(annotate.annotate(STORY, path)) == _spans(in_memory)
    assert _spans(annotate.annotate(STORY, str(path))) == _spans(in_memory)


@given(st.lists(st.integers(0, len(STORY)), max_size=6))
@settings(max_examples=40, deadline=None)
def test_stream_in_any_pieces_gives_the_same_spans(cuts: list[int]) -> None:
    points = [0, *sorted(cuts), len(STORY)]
    pieces = [STORY[a:b] for a, b in itertools.pairwise(points)]
    assert _spans(list(_STORY_ANNOTATOR.stream(pieces))) == _spans(_STORY_ANNOTATOR.annotate(STORY))


_STORY_ANNOTATOR = annotate.Annotator.of(small_glossary())


@given(st.text(alphabet=" \t\r\nab", max_size=60), st.integers(1, 8))
def test_paragraphs_give_the_text_back(text: str, limit: int) -> None:
    parts = list(annotate.paragraphs([text], limit))
    assert "".join(parts) == text
    assert all(part for part in parts)


def test_paragraphs_cut_at_blank_lines_and_long_lines_at_spaces() -> None:
    text = "one two\n\n\nthree\r\n \r\nfour"
    assert list(annotate.paragraphs([text])) == ["one two\n\n", "\nthree\r\n \r\n", "four"]
    assert list(annotate.paragraphs(["aaaa bbbb cccc"], limit=10)) == ["aaaa bbbb ", "cccc"]


def test_a_term_does_not_span_a_blank_line() -> None:
    assert annotate.annotate("security\n\nguarantees", small_glossary()) == []
    (item,) = annotate.annotate("security\nguarantees", small_glossary())
    assert item.term.id == "security-guarantees"


def test_json_has_the_term_and_the_beaten_spans() -> None:
    glossary = Glossary(
        (
            Term("a", en="arms control", ru="контроль над вооружениями", status=Status.REVIEWED),
            Term("b", en="control regime", status=Status.DRAFT),
        )
    )
    (item,) = annotate.annotate("the arms control regime", glossary)
    record = item.to_json()
    assert record["rendering"] == "контроль над вооружениями"
    assert (record["start"], record["end"], record["id"], record["kind"]) == (4, 16, "a", "term")
    assert [(a["id"], a["start"], a["end"], a["also"]) for a in record["also"]] == [
        ("b", 9, 23, [])
    ]


def test_annotator_fetches_each_paragraphs_terms_in_one_batch() -> None:
    """Concepts come from the batch fetcher, once per paragraph, not one call per hit."""
    glossary = small_glossary()
    batches: list[set[str]] = []
    singles: list[str] = []

    def fetch(ids: Iterable[str]) -> dict[str, Term]:
        wanted = set(ids)
        batches.append(wanted)
        return {t.id: t for t in glossary if t.id in wanted}

    def one(term_id: str) -> Term | None:
        singles.append(term_id)
        return glossary.get(term_id)

    annotator = annotate.Annotator(TermMatcher(glossary), one, fetch)
    text = f"{TEXT}\n\nОБСЕ и сферы влияния.\n\nОБСЕ."
    found = list(annotator.stream([text]))
    assert [a.term.id for a in found] == [
        a.term.id for a in annotate.Annotator(TermMatcher(glossary), glossary.get).annotate(text)
    ]
    assert batches == [{"secretary-of-state", "sphere-of-influence", "osce"}]
    assert singles == []


def _plain_glossary() -> Glossary:
    """The small glossary with homonyms (a draft preferred term and a reviewed variant,
    two reviewed preferred ones), a term ending in a period and one nested in another."""
    extra = (
        Term("bloc-a", en="bloc", ru="блок", status=Status.DRAFT, definition="alliance"),
        Term(
            "bloc-b",
            en="unit",
            ru="узел",
            ru_variants=("блок",),
            status=Status.REVIEWED,
            definition="component",
        ),
        Term("bloc-c", en="block", ru="блок", status=Status.REVIEWED, definition="barrier"),
        Term("us", en="U.S.", ru="США", kind=Kind.ACRONYM, status=Status.REVIEWED),
        Term("arms-control", en="arms control", ru="контроль над вооружениями"),
        Term("control-regime", en="control regime", status=Status.REVIEWED),
    )
    return Glossary((*small_glossary(), *extra))


_PLAIN_WORDS = [
    "гарантиям безопасности", "юридически обязывающих гарантий безопасности", "сферах влияния",
    "гара\u0301нтиям безопа\u0301сности",
    "Госсекретарю", "государственного секретаря", "ОБСЕ", "Обсе", "OSCE", "osce", "U.S.", "U.S",
    "блок", "блоков", "Блоку", "military bloc", "arms control regime", "security guarantees",
    "Organization for Security and Cooperation in Europe", "и", "the", "слово", "ё",
    ", ", ". ", " — ", "«", "»", "(", ")", "\n", "\n\n", "\r\n", " \n \n", "\t", "’s",
]  # fmt: skip
_PLAIN_GLOSSARY = _plain_glossary()
_PLAIN_ANNOTATOR = annotate.Annotator.of(_PLAIN_GLOSSARY)


def _rendered_from_annotations(annotator: annotate.Annotator, text: str) -> str:
    return "".join(
        annotate.render_terminal(paragraph, found, lambda part, styles: part, offset)
        for offset, paragraph, found in annotator.paragraphs([text])
    )


@given(st.lists(st.sampled_from(_PLAIN_WORDS), max_size=40), st.sampled_from([" ", "", "  "]))
@settings(max_examples=80, deadline=None)
def test_plain_rendering_is_the_annotations_rendered(words: list[str], glue: str) -> None:
    """The plain path (hits and concept summaries, no annotations) writes exactly what
    rendering the annotations does: homonyms, a missing concept, nested and
    overlapping terms, trailing periods, acronyms and paragraphs with their offsets."""
    text = glue.join(words)
    missing = {"bloc-c", "control-regime"}

    def term(term_id: str) -> Term | None:
        return None if term_id in missing else _PLAIN_GLOSSARY.get(term_id)

    some_missing = annotate.Annotator(_PLAIN_ANNOTATOR.matcher, term)
    for annotator in (_PLAIN_ANNOTATOR, some_missing):
        plain = "".join(rendered for _, rendered in annotator.plain([text]))
        assert plain == _rendered_from_annotations(annotator, text)
        assert [p for p, _ in annotator.plain([text])] == list(annotate.paragraphs([text]))


def test_plain_rendering_through_an_index_reads_summaries(tmp_path: Path) -> None:
    """Over a terms.csv the summaries come from the index (one query), and the text is
    the one rendering the annotations gives."""
    from glossary.formats import terms_csv

    path = tmp_path / "terms.csv"
    terms_csv.save(_PLAIN_GLOSSARY, path)
    annotator = annotate.Annotator.of(path)
    text = (
        "Блоку и блоков нет. The U.S. and U.S arms control regime; ОБСЕ, Обсе.\n\n"
        "Госсекретарю — о гарантиям безопасности и сферах влияния (military bloc)."
    )
    plain = "".join(rendered for _, rendered in annotator.plain([text]))
    assert plain == _rendered_from_annotations(annotate.Annotator.of(_PLAIN_GLOSSARY), text)
    assert "Блоку [block]" in plain and "U.S. [США]" in plain and "bloc [?—]" in plain
    assert plain == _rendered_from_annotations(annotator, text)
