"""``render``: the skeleton survives PO editors, the round trip is byte for byte, problems
are listed, a changed source stops it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.draft.drafts import Draft, build_po, draft_po_bytes
from glossary.draft.render import render_draft
from glossary.draft.skeleton import SKELETON_HEADER, segment_document
from glossary.errors import FormatError
from glossary.formats.po import parse_po
from glossary.model import Lang

WORDS = ["talks", "OSCE", "the", "ministers", "переговоры", "ОБСЕ", "«мир»", '"peace"', "5"]
ABBREVIATIONS = ["Jan.", "U.S.", "Mr.", "т.е.", "янв.", "г."]
ENDS = [".", "!", "?", "."]


@st.composite
def sentence(draw: st.DrawFn) -> str:
    first = draw(st.sampled_from(["The", "Ministers", "Россия", "Мы", "(It"]))
    words = draw(st.lists(st.sampled_from(WORDS + ABBREVIATIONS), min_size=1, max_size=8))
    end = draw(st.sampled_from(ENDS))
    return " ".join([first, *words]) + (")" if first == "(It" else "") + end


@st.composite
def block(draw: st.DrawFn) -> str:
    """A paragraph (maybe hard-wrapped), a list, a quotation or a heading."""
    kind = draw(st.sampled_from(["paragraph", "list", "quote", "heading"]))
    sentences = draw(st.lists(sentence(), min_size=1, max_size=3))
    if kind == "list":
        return "\n".join(f"- {s}" for s in sentences)
    if kind == "quote":
        return "\n".join(f"> {s}" for s in sentences)
    if kind == "heading":
        return "## " + sentences[0].rstrip(".!?")
    joiners = draw(st.lists(st.sampled_from([" ", "\n", "  ", " \n   "]), min_size=len(sentences)))
    return "".join(s + j for s, j in zip(sentences, joiners, strict=False)).rstrip()


@st.composite
def document(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(block(), min_size=1, max_size=5))
    gaps = draw(st.lists(st.sampled_from(["\n\n", "\n\n\n", "\r\n\r\n"]), min_size=len(blocks)))
    return "".join(b + g for b, g in zip(blocks, gaps, strict=False))


def draft_bytes(data: bytes, name: str, lang: Lang = Lang.EN) -> bytes:
    """What ``glossary draft`` writes for ``data``, without memory or machine."""
    segments, headers = segment_document(data, name, lang)
    drafts = [Draft(s) for s in segments]
    return draft_po_bytes(build_po(drafts, name, lang, lang.other, headers=headers))


def identity(po: polib.POFile) -> polib.POFile:
    for entry in po:
        if entry.msgid:
            entry.msgstr = entry.msgid
    return po


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document(), st.sampled_from(["news.txt", "news.md"]), st.sampled_from(list(Lang)))
def test_round_trip_is_byte_for_byte(text: str, name: str, lang: Lang) -> None:
    data = text.encode("utf-8")
    po = identity(parse_po(draft_bytes(data, name, lang), "draft.po"))
    assert render_draft(po, "draft.po", source_data=data).data == data
    # polib's default save re-wraps at 78 columns, the long header line included.
    resaved = polib.pofile(str(po), wrapwidth=78)
    assert render_draft(parse_po(str(resaved).encode(), "d.po"), "d.po").data == data


def test_round_trip_after_msgcat_sort_output(tmp_path: Path) -> None:
    text = (
        "# Talks in Vienna\n\nThe OSCE met on Jan. 5. The U.S. side\nagreed to **more** talks.\n\n"
        "- Первый пункт, т.е. начало.\n- Second [item](http://example.org/a.b) here.\n\n"
        "> A quote. Another one.\n\nThe OSCE met on Jan. 5.\n"
    )
    data = text.encode("utf-8")
    po = identity(parse_po(draft_bytes(data, "a.md"), "a.po"))
    draft = tmp_path / "a.po"
    draft.write_text(str(po), encoding="utf-8")
    sorted_po = tmp_path / "sorted.po"
    subprocess.run(
        ["msgcat", "--sort-output", "-w", "40", "-o", str(sorted_po), str(draft)], check=True
    )
    assert sorted_po.read_bytes() != draft.read_bytes()
    rendered = render_draft(parse_po(sorted_po.read_bytes(), "sorted.po"), "sorted.po")
    assert rendered.data == data
    assert rendered.problems == ()


def test_translations_fill_the_layout_and_html_is_escaped() -> None:
    html = (
        "<html><body>\n<h1>Talks &amp; peace</h1>\n<p>The OSCE met. The talks\nended.</p>\n"
        "<ul><li>One item.</li></ul>\n</body></html>\n"
    )
    po = parse_po(draft_bytes(html.encode(), "a.html"), "a.po")
    translations = {
        "Talks & peace": "Переговоры и мир",
        "The OSCE met.": "ОБСЕ собралась.",
        "The talks ended.": "Переговоры <b>окончены</b>.",
        "One item.": "Один пункт.",
    }
    for entry in po:
        if entry.msgid:
            entry.msgstr = translations[entry.msgid]
    out = render_draft(po, "a.po").data.decode()
    assert out == (
        "<html><body>\n<h1>Переговоры и мир</h1>\n<p>ОБСЕ собралась. Переговоры "
        "&lt;b&gt;окончены&lt;/b&gt;.</p>\n<ul><li>Один пункт.</li></ul>\n</body></html>\n"
    )


def test_cp1251_source_renders_in_cp1251_with_its_bom_rules() -> None:
    data = "Переговоры окончены. Мир наступил.\n".encode("cp1251")
    po = identity(parse_po(draft_bytes(data, "ru.txt", Lang.RU), "a.po"))
    assert render_draft(po, "a.po").data == data
    bom = b"\xef\xbb\xbfThe talks ended.\n"
    po = identity(parse_po(draft_bytes(bom, "en.txt"), "b.po"))
    assert render_draft(po, "b.po").data == bom


def test_a_damaged_or_missing_skeleton_is_one_line_error() -> None:
    data = draft_bytes(b"The talks ended.\n", "a.txt")
    line = data.split(b"\n").index(
        next(x for x in data.split(b"\n") if x.startswith(b'"X-Glossary-Skeleton:'))
    )
    po = parse_po(data, "a.po")
    po.metadata[SKELETON_HEADER] = "bm90IHpsaWI="
    with pytest.raises(FormatError, match=rf"a\.po:{line + 1}: damaged X-Glossary-Skeleton"):
        render_draft(po, "a.po")
    del po.metadata[SKELETON_HEADER]
    with pytest.raises(FormatError, match="no X-Glossary-Skeleton header"):
        render_draft(po, "a.po")
