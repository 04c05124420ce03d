"""``glossary extract FILE...``: ranked term candidates, optionally merged into terms.csv."""

from __future__ import annotations

import argparse
from typing import Any

from glossary.cli.common import add_wait, load_glossary, read_input
from glossary.cli.output import colour, print_json, progress
from glossary.errors import GlossaryError
from glossary.model import Lang

#: Documents longer than this many characters get a progress bar (on a terminal).
_LONG_INPUT = 200_000
_CHUNK = 50_000


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "extract",
        help="extract term candidates from articles",
        description="Rank term candidates (acronyms with their expansions, titles, "
        "organisations, noun phrases, hyphenated compounds) from .txt, .md, .html or .po "
        "files, with frequency, forms, document:line references and a suggested rendering "
        "from the glossary or an installed MT model. '-' reads stdin.",
        parents=[common],
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="input documents ('-' = stdin)")
    parser.add_argument(
        "--lang",
        choices=("auto", "en", "ru"),
        default="auto",
        help="language of the inputs (default: detected per file)",
    )
    parser.add_argument(
        "--top", type=int, default=60, metavar="N", help="candidates per language (default 60)"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array, best first")
    parser.add_argument(
        "--merge",
        action="store_true",
        help="add new candidates to terms.csv as status 'candidate' (reviewed rows untouched)",
    )
    parser.add_argument(
        "--no-mt", action="store_true", help="do not ask an installed MT model for suggestions"
    )
    add_wait(parser)
    parser.set_defaults(func=_extract)


def _extract(args: argparse.Namespace) -> int:
    from glossary.extract import Extractor
    from glossary.extract.suggest import find_translator
    from glossary.formats.document import read_document

    if args.top < 1:
        raise GlossaryError(f"--top must be at least 1 (got {args.top})")
    forced = None if args.lang == "auto" else Lang(args.lang)
    documents = []
    for name in args.files:
        data, shown = read_input(name)
        document = read_document(data, shown, lang=forced)
        documents.append(document)
    extractors: dict[Lang, Extractor] = {}
    for document in documents:
        lang = document.lang or forced or Lang.EN
        extractor = extractors.get(lang)
        if extractor is None:
            extractor = extractors[lang] = Extractor(lang)
        _add(extractor, document.text, document.name)
    ws, glossary, _ = load_glossary(args)
    candidates = []
    for lang, extractor in extractors.items():
        translator = None if args.no_mt else find_translator(lang.value, lang.other.value)
        candidates.extend(extractor.candidates(args.top, glossary, translator))
    candidates.sort(key=lambda c: -c.score)
    if args.merge:
        from glossary.extract.merge import merge_candidates
        from glossary.session import writing
        from glossary.term_json import term_to_json

        with writing(ws, args.wait) as session:  # terms.csv read again, under the lock
            result = merge_candidates(session.glossary, candidates)
            if result.added:
                session.commit(result.glossary)
        if args.json:
            print_json("extract-merge", {"added": [term_to_json(t) for t in result.added]})
        else:
            for term in result.added:
                text = term.en or term.ru
                print(f"added {colour(term.id, 'bold')}: {text} ({term.kind.value})")
            print(f"{len(result.added)} added, {len(result.known)} already in the glossary")
        return 0
    if args.json:
        print_json("extract", {"candidates": [c.to_json() for c in candidates]})
        return 0
    for rank, candidate in enumerate(candidates, 1):
        suggestion = ""
        if candidate.suggestion:
            suggestion = colour(
                f" → {candidate.suggestion} [{candidate.suggestion_source}]", "green"
            )
        linked = candidate.expansion or candidate.acronym
        extra = colour(f" ({linked})", "dim") if linked else ""
        refs = ", ".join(candidate.references[:3])
        print(
            f"{rank:3} {candidate.score:7.2f} {candidate.frequency:4} "
            f"{colour(candidate.term, 'bold')}{extra}{suggestion}  {colour(refs, 'dim')}"
        )
    return 0


def _add(extractor: Any, text: str, name: str) -> None:
    """Feed a document in paragraph-aligned chunks so a bar can show progress on long input."""
    if len(text) <= _LONG_INPUT:
        extractor.add(text, name)
        return
    pieces = []
    start = 0
    while start < len(text):
        end = text.find("\n\n", start + _CHUNK)
        end = len(text) if end < 0 else end + 2
        pieces.append((start, text[start:end]))
        start = end
    lines = 0
    for _offset, piece in progress(pieces, len(pieces), f"extract {name}"):
        extractor.add(piece, name, line_offset=lines)
        lines += piece.count("\n")
