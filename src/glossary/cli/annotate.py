"""``glossary annotate FILE|-``: every glossary term in a text, with its rendering.

The job is :class:`glossary.annotation.Annotator`; this module reads the input,
picks the output and renders, one paragraph at a time for the terminal and JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from glossary.errors import display_path

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from glossary.annotation import Annotator
    from glossary.formats.document import Document
    from glossary.model import Term

#: Glossaries from this many concepts show a bar while their index is built.
BAR_FROM = 2000
#: Plain-text files from this size (bytes) are annotated as a stream.
STREAM_FROM = 8 << 20
_PLAIN_SUFFIXES = frozenset({".txt", ".text", ""})
_READ_BYTES = 1 << 20
#: Bytes searched for a NUL (a binary file is refused by the whole-file path).
_BINARY_PROBE = 8192


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "annotate",
        help="mark every glossary term in a text (either language, inflected forms too)",
        description="Find every glossary term in FILE (or stdin with '-'): inflected Russian "
        "forms, English plurals, variants. Where terms overlap, the ones covering the most "
        "words win (the others are listed in JSON 'also'); no hit falls inside a word or "
        "spans a blank line. Prints the text with each term highlighted and its rendering "
        "in brackets (unreviewed ones marked '?'), or JSON spans with offsets into the "
        "decoded text, or an HTML page whose terms show their card on hover, focus or tap.",
        parents=[common],
    )
    parser.add_argument("file", metavar="FILE|-", help="text to annotate ('-' for stdin)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument(
        "--json",
        action="store_true",
        help='print {"document": NAME, "spans": [...]} (keys in docs/json.md)',
    )
    output.add_argument("--html", metavar="OUT", help="write an HTML page to OUT ('-': stdout)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from glossary.formats import gc_paused

    # Annotation makes objects by the hundred thousand (words, hits, concepts) and
    # no reference cycles: the collector's passes over them were a tenth of a run.
    with gc_paused():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    from glossary.annotation import Annotator
    from glossary.cli.common import read_input, workspace
    from glossary.formats.document import read_document

    ws = workspace(args)
    streamed = None if args.html else _utf8_stream(args.file)
    pieces: Iterable[str]
    if streamed is not None:
        annotator = Annotator.of(ws.glossary_path, progress=_bar)
        name, pieces = display_path(args.file), streamed()
    else:
        data, name = read_input(args.file)
        document = read_document(data, name, detect=bool(args.html))  # only HTML shows it
        annotator = Annotator.of(ws.glossary_path, progress=_bar)
        if args.html:
            _write_html(annotator, document, args.html)
            return 0
        pieces = [document.text]
    if args.json:
        _write_json(annotator, pieces, name)
    else:
        _write_terminal(annotator, pieces)
    return 0


def _utf8_stream(name: str) -> Callable[[], Iterator[str]] | None:
    """For a large UTF-8 plain-text file: a way to read it again in decoded pieces,
    so that annotation holds one paragraph, not the file, in memory. The file is
    checked whole first (one decoding pass, nothing kept), so a bad byte still ends
    the command before any output; anything else (stdin, other formats or
    encodings, small or too large files) is read whole as usual."""
    import codecs
    import os

    from glossary.formats import current_input_limit

    if name == "-" or os.path.splitext(name)[1].lower() not in _PLAIN_SUFFIXES:
        return None
    try:
        size = os.path.getsize(name)
    except OSError:
        return None
    if not STREAM_FROM <= size <= current_input_limit():
        return None

    def chunks() -> Iterator[bytes]:
        with open(name, "rb") as stream:
            while chunk := stream.read(_READ_BYTES):
                yield chunk

    def pieces() -> Iterator[str]:
        decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
        for chunk in chunks():
            yield decoder.decode(chunk)
        yield decoder.decode(b"", final=True)

    try:
        with open(name, "rb") as stream:
            if b"\x00" in stream.read(_BINARY_PROBE):
                return None
        for _ in pieces():
            pass
    except (OSError, UnicodeDecodeError):
        return None  # the whole-file path reports it, or detects another encoding
    return pieces


def _bar(terms: Iterable[Term], total: int) -> Iterable[Term]:
    from glossary.cli.output import progress

    return progress(terms, total, "indexing the glossary", min_total=BAR_FROM)


def _write_json(annotator: Annotator, pieces: Iterable[str], name: str) -> None:
    """The JSON document (docs/json.md), written span by span so that a long text
    never holds every span in memory."""
    from glossary.cli.output import json_document

    out = sys.stdout
    head = json.dumps(json_document("annotate", {"document": name}), ensure_ascii=False)
    out.write(head[:-1] + ', "spans": [')
    first = True
    for item in annotator.stream(pieces):
        out.write("\n  " if first else ",\n  ")
        out.write(json.dumps(item.to_json(), ensure_ascii=False))
        first = False
    out.write("]}\n" if first else "\n]}\n")


def _write_html(annotator: Annotator, document: Document, target: str) -> None:
    from glossary.annotation_html import render_html
    from glossary.atomic import atomic_write

    found = annotator.annotate(document.text)
    title = f"{document.name} — glossary terms"
    page = render_html(document.text, found, title, document.lang).encode()
    if target == "-":
        sys.stdout.buffer.write(page)
    else:
        atomic_write(target, page)
        print(f"wrote {target}: {len(found)} terms", file=sys.stderr)


def _write_terminal(annotator: Annotator, pieces: Iterable[str]) -> None:
    from glossary.annotation import render_terminal
    from glossary.cli.output import colour, use_colour

    def coloured(part: str, styles: tuple[str, ...]) -> str:
        return colour(part, *styles)

    paragraph = ""
    if use_colour():  # once: asking the terminal per span cost more than matching
        for offset, paragraph, found in annotator.paragraphs(pieces):
            sys.stdout.write(render_terminal(paragraph, found, coloured, offset))
    else:
        for part, rendered in annotator.plain(pieces):
            sys.stdout.write(rendered)
            paragraph = part
    if paragraph and not paragraph.endswith("\n"):
        sys.stdout.write("\n")
