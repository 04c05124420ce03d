"""Annotation as a standalone HTML page: the text with its terms marked and explained.

No scripts and no external resources: the page is one file a translator can open
anywhere, offline.
"""

from __future__ import annotations

import html

from glossary.annotation import Annotation

__all__ = ["render_html"]

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
