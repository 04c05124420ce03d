"""``glossary draft FILE --to ru|en``: a draft translation of a text as a PO file."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from glossary.atomic import atomic_write
from glossary.catalogs import TARGETS, catalog_path
from glossary.cli.common import load_glossary, read_input
from glossary.cli.output import progress
from glossary.draft.drafts import draft_po_bytes
from glossary.draft.job import draft_document
from glossary.draft.memory import DEFAULT_THRESHOLD, read_memory
from glossary.errors import GlossaryError, MachineTranslationError, display_path
from glossary.formats.po import parse_po
from glossary.index import open_matcher
from glossary.model import Lang

#: Similarity thresholds are percentages.
_MAX_THRESHOLD = 100

#: Texts with at least this many sentences get a progress bar (on a terminal).
PROGRESS_FROM = 20


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "draft",
        help="draft a translation of a text as a PO file",
        description="Split FILE (text, Markdown, HTML or PO; '-' for stdin) into sentences and "
        "write one PO entry per sentence, listing the glossary terms it holds. Drafts come "
        "from translation memory (the reviewed catalogs in locales/ and --memory files: exact, "
        "then fuzzy), else from an installed Argos Translate model with the glossary enforced, "
        "else stay empty; every draft is fuzzy. When OUT.po exists, the translations a "
        "reviewer made there are kept (msgmerge semantics).",
        parents=[common],
    )
    parser.add_argument("file", metavar="FILE", help="the source text ('-' for stdin)")
    parser.add_argument(
        "--to", required=True, type=_language, metavar="{ru,en}", help="target language"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT.po",
        default="-",
        help="PO file to write or update (default: stdout)",
    )
    parser.add_argument(
        "--memory",
        metavar="FILE",
        nargs="+",
        action="extend",
        default=[],
        help="extra translation memory: PO or TMX files",
    )
    parser.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        help=f"lowest fuzzy memory score offered, 0-100 (default {DEFAULT_THRESHOLD:.0f})",
    )
    parser.add_argument("--no-mt", action="store_true", help="do not use machine translation")
    parser.add_argument(
        "--locales", metavar="DIR", help="catalog tree (default: locales/ beside terms.csv)"
    )
    parser.set_defaults(func=_draft)


def _language(value: str) -> Lang:
    lang = Lang.from_code(value)
    if lang is None:
        raise argparse.ArgumentTypeError(f"unknown language {value!r} (expected ru or en)")
    return lang


class _OnceTranslator:
    """Wraps a translator so that a broken model is reported once, then skipped."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.failed = False

    def translate(self, segments: Sequence[str]) -> list[str]:
        if not self.failed:
            try:
                result: list[str] = self.inner.translate(segments)
                return result
            except MachineTranslationError as exc:
                self.failed = True
                _say(f"glossary: {exc}; drafting from memory and glossary only")
        return [""] * len(segments)


def _say(message: str) -> None:
    sys.stdout.flush()
    print(message, file=sys.stderr)


def _draft(args: argparse.Namespace) -> int:
    target: Lang = args.to
    source = target.other
    if not 0 <= args.threshold <= _MAX_THRESHOLD:
        raise GlossaryError(
            f"--threshold must be between 0 and {_MAX_THRESHOLD}, not {args.threshold:g}"
        )
    ws, glossary, _ = load_glossary(args)
    data, name = read_input(args.file)
    memory = []
    for lang in TARGETS:  # the reviewed catalogs, both directions
        path = catalog_path(ws.locales, lang)
        if path.is_file():
            memory.extend(read_memory(*read_input(str(path))))
    for memory_file in args.memory:
        memory.extend(read_memory(*read_input(memory_file)))
    existing = None
    if args.output != "-" and Path(args.output).is_file():
        existing = parse_po(*read_input(args.output))
    translator, label = (None, "") if args.no_mt else _translator(source, target)
    po = draft_document(
        data,
        name,
        glossary,
        target,
        memory=memory,
        threshold=args.threshold,
        existing=existing,
        translator=translator,
        translator_label=label,
        matcher=open_matcher(ws.glossary_path, forbidden=True)[1],
        document_name="stdin" if args.file == "-" else display_path(args.file),
        source_name=_source_name(args.file, args.output),
        revision_date=time.strftime("%Y-%m-%d %H:%M+0000", time.gmtime()),
        progress=lambda drafts, total: progress(drafts, total, "drafting", min_total=PROGRESS_FROM),
    )
    output = draft_po_bytes(po)
    if args.output == "-":
        sys.stdout.buffer.write(output)
        sys.stdout.flush()
        return 0
    atomic_write(args.output, output)
    _say(f"wrote {display_path(args.output)}: {_summary(po)}")
    return 0


def _translator(source: Lang, target: Lang) -> tuple[Any, str]:
    """The installed Argos model for the pair (said once when there is none) and its label."""
    from glossary.draft.machine import find_translator

    found = find_translator(source.value, target.value)
    if found is None:
        _say(
            f"glossary: no MT model installed for {source.value}→{target.value}; "
            "drafting from memory and glossary only "
            f"(see 'glossary mt install --from {source.value} --to {target.value}')"
        )
        return None, ""
    return _OnceTranslator(found), f"argos {source.value}→{target.value}"


def _source_name(file: str, output: str) -> str:
    """The source as ``render`` will look for it: relative to the draft's folder."""
    if file == "-":
        return ""
    folder = Path(output).parent if output != "-" else Path()
    try:
        return Path(os.path.relpath(Path(file).resolve(), folder.resolve())).as_posix()
    except ValueError:  # another drive
        return Path(file).resolve().as_posix()


def _summary(po: Any) -> str:
    live = [e for e in po if not e.obsolete]
    fuzzy = sum(1 for e in live if e.fuzzy)
    done = sum(1 for e in live if e.msgstr and "fuzzy" not in e.flags)
    empty = sum(1 for e in live if not e.msgstr)
    return f"{len(live)} sentences: {done} translated, {fuzzy} drafts to review, {empty} empty"
