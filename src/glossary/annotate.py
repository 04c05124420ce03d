"""Glossary terms in running text: the spans, and their JSON, terminal and HTML renderings.

Pure functions over a text and the matcher's spans; offsets are into the text as
given (the caller decodes the file once and keeps it), so CRLF, ё, combining accents
and typographic quotes never shift them.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from glossary.matching import Designation, Role, Span
from glossary.model import Lang, Term

__all__ = ["Annotation", "from_spans", "render_html", "render_terminal", "to_json"]


@dataclass(frozen=True, slots=True)
class Annotation:
    """A term in the text: ``text[start:end]`` designates ``term`` in ``lang``."""

    start: int
    end: int
    text: str
    term: Term
    lang: Lang
    role: Role
    #: Other concepts the same words designate (homonyms), ids only.
    also: tuple[str, ...] = ()

    @property
    def rendering(self) -> str:
        """The approved term in the other language (what a translator writes)."""
        return self.term.preferred(self.lang.other)


def from_spans(spans: Iterable[Span], term: Callable[[str], Term | None]) -> list[Annotation]:
    """One annotation per span; where words designate several concepts, reviewed
    preferred terms win and the others are listed in ``also``."""
    result = []
    for span in spans:
        ranked: list[tuple[tuple[int, int], Designation, Term]] = []
        for designation in span.designations:
            found = term(designation.term_id)
            if found is None:
                continue
            rank = (0 if designation.role is Role.PREFERRED else 1, 0 if found.reviewed else 1)
            ranked.append((rank, designation, found))
        if not ranked:
            continue
        ranked.sort(key=lambda item: item[0])
        _, best, best_term = ranked[0]
        also = tuple(dict.fromkeys(t.id for _, _, t in ranked[1:] if t.id != best_term.id))
        result.append(
            Annotation(span.start, span.end, span.text, best_term, best.lang, best.role, also)
        )
    return result


def to_json(items: Iterable[Annotation]) -> list[dict[str, Any]]:
    return [
        {
            "start": a.start,
            "end": a.end,
            "text": a.text,
            "id": a.term.id,
            "en": a.term.en,
            "ru": a.term.ru,
            "status": a.term.status.value,
            "lang": a.lang.value,
            "role": a.role.value,
            "also": list(a.also),
        }
        for a in items
    ]


def render_terminal(
    text: str, items: Iterable[Annotation], style: Callable[[str, tuple[str, ...]], str]
) -> str:
    """The text with each term highlighted and followed by its rendering in brackets;
    unreviewed terms are marked ``?``. ``style(text, styles)`` adds colour (or not)."""
    out = []
    position = 0
    for a in items:
        out.append(text[position : a.start])
        reviewed = a.term.reviewed
        marker = "" if reviewed else "?"
        out.append(style(a.text, ("bold", "cyan") if reviewed else ("bold", "yellow")))
        rendering = a.rendering or "—"
        out.append(style(f" [{marker}{rendering}]", ("dim",)))
        position = a.end
    out.append(text[position:])
    return "".join(out)


_CSS = """
body { font: 16px/1.6 Georgia, serif; max-width: 48em; margin: 2em auto; padding: 0 1em; }
.text { white-space: pre-wrap; }
mark { background: #dbeafe; border-bottom: 2px solid #2563eb; cursor: help; position: relative; }
mark.unreviewed { background: #fef3c7; border-bottom: 2px dashed #d97706; }
mark .tip { display: none; position: absolute; left: 0; top: 1.7em; z-index: 1; width: 22em;
  background: #111827; color: #f9fafb; font: 13px/1.4 sans-serif; padding: .5em .7em;
  border-radius: 4px; white-space: normal; }
mark:hover .tip, mark:focus .tip { display: block; }
.tip b { color: #93c5fd; }
table { border-collapse: collapse; margin-top: 2em; font: 14px/1.4 sans-serif; }
td, th { border: 1px solid #d1d5db; padding: .3em .6em; text-align: left; vertical-align: top; }
"""


def render_html(text: str, items: list[Annotation], title: str) -> str:
    """A standalone page: the text with terms marked; hovering (or focusing) a term
    shows its rendering, status and definition; a table lists the terms found."""
    e = html.escape
    body = []
    position = 0
    for a in items:
        body.append(e(text[position : a.start]))
        term = a.term
        status = "" if term.reviewed else f" ({term.status.value}, not reviewed)"
        tip = f"<b>{e(a.rendering or '—')}</b>{e(status)}"
        if term.definition:
            tip += f"<br>{e(term.definition)}"
        if term.note:
            tip += f"<br><i>{e(term.note)}</i>"
        css = "term" if term.reviewed else "term unreviewed"
        plain = f"{a.rendering or '—'}{status}"
        if term.definition:
            plain += f" — {term.definition}"
        body.append(
            f'<mark class="{css}" tabindex="0" data-id="{e(term.id)}" title="{e(plain)}">'
            f'{e(a.text)}<span class="tip" role="tooltip">{tip}</span></mark>'
        )
        position = a.end
    body.append(e(text[position:]))
    seen: dict[str, Annotation] = {}
    for a in items:
        seen.setdefault(a.term.id, a)
    rows = "".join(
        f"<tr><td>{e(a.term.en)}</td><td>{e(a.term.ru)}</td><td>{e(a.term.status.value)}</td>"
        f"<td>{e(a.term.definition)}</td></tr>"
        for a in seen.values()
    )
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f'<h1>{e(title)}</h1>\n<div class="text">{"".join(body)}</div>\n'
        f"<table><thead><tr><th>en</th><th>ru</th><th>status</th><th>definition</th></tr>"
        f"</thead><tbody>{rows}</tbody></table>\n</body>\n</html>\n"
    )
