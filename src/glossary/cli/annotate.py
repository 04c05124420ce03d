"""``glossary annotate FILE|-``: every glossary term in a text, with its rendering."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from glossary.model import Term

#: Glossaries from this many concepts show a bar while their index is built.
BAR_FROM = 2000


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "annotate",
        help="mark every glossary term in a text (either language, inflected forms too)",
        description="Find every glossary term in FILE (or stdin with '-'): inflected Russian "
        "forms, English plurals, variants; the longest match wins and no hit falls inside a "
        "word. Prints the text with each term highlighted and its rendering in brackets "
        "(unreviewed ones marked '?'), or JSON spans with offsets into the decoded text, or "
        "an HTML page with rendering and definition on hover.",
        parents=[common],
    )
    parser.add_argument("file", metavar="FILE|-", help="text to annotate ('-' for stdin)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument(
        "--json",
        action="store_true",
        help="print the spans as JSON: {start, end, text, id, en, ru, status}",
    )
    output.add_argument("--html", metavar="OUT", help="write an HTML page to OUT ('-': stdout)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from glossary import annotate
    from glossary.atomic import atomic_write
    from glossary.cli.common import read_input, workspace
    from glossary.cli.output import colour, print_json, progress, use_colour
    from glossary.formats.document import read_document
    from glossary.index import open_matcher

    ws = workspace(args)
    data, name = read_input(args.file)
    document = read_document(data, name)

    def bar(terms: Iterable[Term], total: int) -> Iterable[Term]:
        return progress(terms, total, "indexing the glossary", min_total=BAR_FROM)

    index, matcher = open_matcher(ws.glossary_path, progress=bar)
    spans = matcher.find(document.text)
    terms = index.terms(d.term_id for span in spans for d in span.designations)
    found = annotate.from_spans(spans, terms.get)
    if args.json:
        print_json("annotate", {"spans": annotate.to_json(found)})
    elif args.html:
        page = annotate.render_html(document.text, found, f"{name} — glossary terms").encode()
        if args.html == "-":
            sys.stdout.buffer.write(page)
        else:
            atomic_write(args.html, page)
            print(f"wrote {args.html}: {len(found)} terms", file=sys.stderr)
    else:
        coloured = use_colour()

        def style(text: str, styles: tuple[str, ...]) -> str:
            return colour(text, *styles) if coloured else text

        sys.stdout.write(annotate.render_terminal(document.text, found, style))
        if document.text and not document.text.endswith("\n"):
            sys.stdout.write("\n")
    return 0
