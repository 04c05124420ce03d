"""``glossary render DRAFT.po [-o OUT]``: the translated document from a reviewed draft."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from glossary.atomic import atomic_write
from glossary.cli.common import read_input
from glossary.draft.render import render_draft, source_of
from glossary.errors import GlossaryError, display_path
from glossary.formats.po import parse_po

#: Exit code when sentences kept their source text (the document is still written).
EXIT_UNTRANSLATED = 1


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "render",
        help="write the translated document from a reviewed draft",
        description="Write the document DRAFT.po was drafted from (text, Markdown or HTML) "
        "with every sentence replaced by its translation: paragraphs, headings, line breaks "
        "and markup stay as in the source. The layout travels inside the draft (header "
        "X-Glossary-Skeleton), so a draft re-saved by Poedit, Lokalize or msgcat still "
        "renders. A sentence without a translation, or with a fuzzy one, keeps its source "
        "text and is listed as 'DRAFT.po:LINE: untranslated' (exit 1). When the source file "
        "is found and changed since the draft, nothing is written (exit 2).",
        parents=[common],
    )
    parser.add_argument("draft", metavar="DRAFT.po", help="the reviewed draft ('-' for stdin)")
    parser.add_argument(
        "-o", "--output", metavar="OUT", default="-", help="document to write (default: stdout)"
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="write nothing (exit 2) when any sentence is untranslated or fuzzy",
    )
    parser.add_argument(
        "--fuzzy", action="store_true", help="use fuzzy translations (drafts not yet reviewed)"
    )
    parser.set_defaults(func=_render)


def _render(args: argparse.Namespace) -> int:
    data, name = read_input(args.draft)
    po = parse_po(data, name)
    rendered = render_draft(
        po, name, accept_fuzzy=args.fuzzy, source_data=_current_source(args.draft, po)
    )
    for problem in rendered.problems:
        where = f"{name}:{problem.line}" if problem.line else name
        print(f"{where}: {problem.message}", file=sys.stderr)
    if rendered.problems and args.strict:
        raise GlossaryError(
            f"{name}: {len(rendered.problems)} sentence(s) not translated; nothing written "
            "(--strict)"
        )
    if args.output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(rendered.data)
        sys.stdout.flush()
    else:
        atomic_write(args.output, rendered.data)
        print(
            f"wrote {display_path(args.output)}: {rendered.sentences} sentences, "
            f"{len(rendered.problems)} kept untranslated",
            file=sys.stderr,
        )
    return EXIT_UNTRANSLATED if rendered.problems else 0


def _current_source(draft: str, po: Any) -> bytes | None:
    """The source file as it is now, when it is where the draft says (else ``None``)."""
    recorded, _ = source_of(po)
    if not recorded:
        return None
    folder = Path(draft).parent if draft != "-" else Path()
    path = Path(recorded) if Path(recorded).is_absolute() else folder / recorded
    if not path.is_file():
        return None
    return read_input(str(path))[0]
