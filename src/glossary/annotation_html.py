"""Annotation as a standalone HTML page: the text with its terms marked and explained.

Each term is a focusable ``<mark>`` holding its card (rendering, status, variants,
forbidden renderings, definition, note, nested terms). The card shows on hover, on
keyboard focus (Tab) and on a tap (a tap focuses the element), by CSS alone: no
scripts, no external resources, and no ``title`` attribute doubling the card, so the
page is one file a translator can open anywhere, offline. Every piece of text
carries its ``lang``, so screen readers, hyphenation and spell checkers pick the
right language.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from glossary.annotation import Annotation
from glossary.model import Lang, Term

__all__ = ["render_html"]

_CSS = """
body { font: 17px/1.7 Georgia, "DejaVu Serif", serif; max-width: 46em; margin: 2em auto;
  padding: 0 1em 12em; color: #111827; background: #fff; }
.text { white-space: pre-wrap; }
mark.term { background: #dbeafe; color: inherit; border-bottom: 2px solid #2563eb;
  cursor: help; position: relative; border-radius: 2px; }
mark.term.unreviewed { background: #fef3c7; border-bottom: 2px dashed #b45309; }
mark.term:focus { outline: 3px solid #1d4ed8; outline-offset: 1px; }
mark.term .card { display: none; position: absolute; left: 0; top: 1.8em; z-index: 10;
  width: 24em; max-width: 80vw; background: #111827; color: #f9fafb;
  font: 14px/1.45 "DejaVu Sans", Arial, sans-serif; padding: .6em .8em; border-radius: 6px;
  box-shadow: 0 4px 14px rgba(0, 0, 0, .35); white-space: normal; text-align: left; }
mark.term:hover .card, mark.term:focus .card, mark.term:focus-within .card { display: block; }
.card .rendering { font-weight: bold; font-size: 16px; color: #93c5fd; }
.card .status { color: #fcd34d; }
.card .forbidden { color: #fca5a5; }
.card .label { color: #9ca3af; }
.card .definition, .card .note, .card .also { display: block; margin-top: .3em; }
.card .note { font-style: italic; }
table { border-collapse: collapse; margin-top: 2em; font: 14px/1.4 "DejaVu Sans", sans-serif; }
td, th { border: 1px solid #d1d5db; padding: .3em .6em; text-align: left; vertical-align: top; }
"""


def render_html(
    text: str, items: Sequence[Annotation], title: str, lang: Lang | None = None
) -> str:
    """A standalone page: ``text`` (in ``lang``, when known) with each term marked;
    hovering, focusing or tapping a term shows its card; a table lists the terms."""
    e = html.escape
    body = []
    position = 0
    for number, a in enumerate(items, 1):
        body.append(e(text[position : a.start]))
        css = "term" if a.term.reviewed else "term unreviewed"
        card = f"card-{number}"
        body.append(
            f'<mark class="{css}" tabindex="0" lang="{a.lang.value}" data-id="{e(a.term.id)}" '
            f'aria-describedby="{card}">{e(a.text)}'
            f'<span class="card" role="tooltip" id="{card}">{_card(a)}</span></mark>'
        )
        position = a.end
    body.append(e(text[position:]))
    page_lang = f' lang="{lang.value}"' if lang is not None else ""
    return (
        f'<!DOCTYPE html>\n<html{page_lang}>\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f'<h1>{e(title)}</h1>\n<div class="text">{"".join(body)}</div>\n'
        f"{_table(items)}\n</body>\n</html>\n"
    )


def _card(a: Annotation) -> str:
    """The card's inner HTML: what a translator needs to render the term."""
    e = html.escape
    term, target = a.term, a.lang.other
    parts = [
        f'<span class="rendering" lang="{target.value}">{e(a.rendering or "—")}</span>',
    ]
    if not term.reviewed:
        parts.append(f' <span class="status">({e(term.status.value)}, not reviewed)</span>')
    for lang in (target, a.lang):
        variants = term.variants(lang)
        if variants:
            parts.append(
                f'<br><span class="label">{lang.value} variants:</span> {_words(variants, lang)}'
            )
    for lang in (target, a.lang):
        forbidden = term.forbidden(lang)
        if forbidden:
            parts.append(
                f'<br><span class="forbidden">do not use ({lang.value}): '
                f"{_words(forbidden, lang)}</span>"
            )
    if term.definition:
        definition = e(term.definition)
        parts.append(f'<span class="definition"{_lang_of(term.definition)}>{definition}</span>')
    if term.note:
        parts.append(f'<span class="note"{_lang_of(term.note)}>{e(term.note)}</span>')
    nested = [other for other in a.also if other.term.id != term.id]
    if nested:
        names = "; ".join(_also(other) for other in nested)
        parts.append(f'<span class="also"><span class="label">also here:</span> {names}</span>')
    return "".join(parts)


def _lang_of(text: str) -> str:
    """A ``lang`` attribute for free text (definitions, notes): the script most of its
    letters are in, or nothing when it has none."""
    cyrillic = sum(1 for c in text if "\u0400" <= c <= "\u04ff")
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    if not cyrillic and not latin:
        return ""
    return ' lang="ru"' if cyrillic > latin else ' lang="en"'


def _words(values: Sequence[str], lang: Lang) -> str:
    return "; ".join(f'<span lang="{lang.value}">{html.escape(v)}</span>' for v in values)


def _also(other: Annotation) -> str:
    e = html.escape
    rendering = other.rendering or "—"
    return (
        f'<span lang="{other.lang.value}">{e(other.text)}</span> → '
        f'<span lang="{other.lang.other.value}">{e(rendering)}</span>'
    )


def _table(items: Sequence[Annotation]) -> str:
    e = html.escape
    seen: dict[str, Term] = {}
    for a in items:
        seen.setdefault(a.term.id, a.term)
    rows = []
    for t in seen.values():
        forbidden = "; ".join(
            part
            for part in (_words(t.en_forbidden, Lang.EN), _words(t.ru_forbidden, Lang.RU))
            if part
        )
        rows.append(
            f'<tr><td lang="en">{e(t.en)}</td><td lang="ru">{e(t.ru)}</td>'
            f"<td>{e(t.status.value)}</td><td>{forbidden}</td>"
            f"<td{_lang_of(t.definition)}>{e(t.definition)}</td></tr>"
        )
    return (
        "<table><thead><tr><th>en</th><th>ru</th><th>status</th><th>do not use</th>"
        f"<th>definition</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
