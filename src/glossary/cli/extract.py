"""``glossary extract FILE...``: ranked term candidates, optionally merged into terms.csv."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from glossary.cli.common import add_wait, load_glossary, read_input
from glossary.cli.output import colour, print_json, progress
from glossary.errors import GlossaryError
from glossary.model import Kind, Lang
from glossary.workspace import Workspace

#: Below this many documents (or pieces of one long text) no progress bar is drawn.
_PROGRESS_FROM = 5

if TYPE_CHECKING:
    from glossary.extract.candidate import Candidate
    from glossary.extract.merge import MergeResult


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
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the candidates, best first, as JSON (see docs/json.md)",
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="add new candidates to terms.csv as status 'candidate' (reviewed rows untouched)",
    )
    parser.add_argument(
        "--kind",
        action="append",
        metavar="KIND",
        help="only candidates of these kinds, comma-separated or repeated "
        f"({', '.join(k.value for k in Kind)})",
    )
    parser.add_argument(
        "--min-score",
        type=float,
        default=0.0,
        metavar="X",
        help="only candidates scoring at least X (listing and --merge)",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="with --merge: show what would be added, write nothing",
    )
    parser.add_argument(
        "--memory",
        action="append",
        default=[],
        metavar="FILE",
        help="aligned translation memory (TMX or PO) to suggest renderings from",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="corpus mode: count documents in N processes (FILE may be a folder)",
    )
    parser.add_argument(
        "--no-mt", action="store_true", help="do not ask an installed MT model for suggestions"
    )
    add_wait(parser)
    parser.set_defaults(func=_extract)


def _kinds(values: list[str] | None) -> frozenset[Kind] | None:
    if not values:
        return None
    kinds = set()
    for value in (v.strip() for item in values for v in item.split(",")):
        try:
            kinds.add(Kind(value))
        except ValueError:
            expected = ", ".join(k.value for k in Kind)
            raise GlossaryError(f"--kind: unknown kind {value!r} (expected {expected})") from None
    return frozenset(kinds)


def _reference_name(name: str, shown: str, ws: Workspace) -> str:
    """References name a document relative to the glossary's folder, so they mean the
    same on every machine; a file elsewhere by its file name; stdin as ``<stdin>``."""
    if name == "-" or ws.embedded:
        return shown
    folder = ws.glossary_path.resolve().parent
    path = Path(name).resolve()
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return path.name


def _extract(args: argparse.Namespace) -> int:
    from glossary.extract import extract_documents
    from glossary.extract.corpus import documents_in
    from glossary.formats.document import read_document

    if args.top < 1:
        raise GlossaryError(f"--top must be at least 1 (got {args.top})")
    if args.dry_run and not args.merge:
        raise GlossaryError("--dry-run goes with --merge")
    kinds = _kinds(args.kind)
    forced = None if args.lang == "auto" else Lang(args.lang)
    ws, glossary, _layout = load_glossary(args, writing=args.merge and not args.dry_run)
    if args.jobs < 1:
        raise GlossaryError(f"--jobs must be at least 1 (got {args.jobs})")
    documents = []
    for name in documents_in(args.files):
        data, shown = read_input(name)
        document = read_document(data, _reference_name(name, shown, ws), lang=forced)
        documents.append(document)
    candidates = extract_documents(
        documents,
        glossary,
        top=args.top,
        default_lang=forced or Lang.EN,
        kinds=kinds,
        min_score=args.min_score,
        jobs=args.jobs,
        memory=_memory(args.memory),
        translator_for=None if args.no_mt else _translator_for,
        progress=_progress,
    )
    if args.merge:
        return _merge(args, ws, candidates)
    if args.json:
        print_json("extract", {"candidates": [c.to_json() for c in candidates]})
        return 0
    _print_candidates(candidates)
    return 0


def _print_candidates(candidates: list[Candidate]) -> None:
    """The terminal listing: rank, score, frequency, term, links, suggestion, references."""
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
            f"{colour(candidate.term, 'bold')}{extra} {colour(candidate.kind.value, 'dim')}"
            f"{suggestion}  {colour(refs, 'dim')}"
        )


def _memory(paths: list[str]) -> Any:
    if not paths:
        return None
    from glossary.draft.memory import read_memory
    from glossary.extract.memory import MemorySuggester

    units = []
    for path in paths:
        data, shown = read_input(path)
        units.extend(read_memory(data, shown))
    return MemorySuggester(units)


def merge_into(
    ws: Workspace, candidates: list[Candidate], *, write: bool = True, wait: float | None = None
) -> MergeResult:
    """The one read-merge-write of ``--merge``: terms.csv is read again under the
    glossary lock, so the whole read-modify-write is one transaction."""
    from glossary.extract.merge import merge_candidates
    from glossary.lock import DEFAULT_WAIT
    from glossary.session import writing

    if not write:
        glossary, _ = ws.load()
        return merge_candidates(glossary, candidates)
    with writing(ws, DEFAULT_WAIT if wait is None else wait) as session:
        result = merge_candidates(session.glossary, candidates)
        if result.added:
            session.commit(result.glossary)
    return result


def _merge(args: argparse.Namespace, ws: Workspace, candidates: list[Candidate]) -> int:
    result = merge_into(ws, candidates, write=not args.dry_run, wait=args.wait)
    verb = "would add" if args.dry_run else "added"
    if args.json:
        from glossary.term_json import term_to_json

        print_json("extract-merge", {"added": [term_to_json(t) for t in result.added]})
        return 0
    for term in result.added:
        text = term.en or term.ru
        print(f"{verb} {colour(term.id, 'bold')}: {text} ({term.kind.value})")
    summary = "would be added" if args.dry_run else "added"
    print(f"{len(result.added)} {summary}, {len(result.known)} already in the glossary")
    return 0


def _translator_for(lang: Lang) -> Any:
    from glossary.extract.suggest import find_translator

    return find_translator(lang.value, lang.other.value)


def _progress(items: Any, total: int, label: str) -> Any:
    """A bar on a terminal for long work: many documents, or many pieces of one."""
    return progress(items, total, label, min_total=_PROGRESS_FROM)
