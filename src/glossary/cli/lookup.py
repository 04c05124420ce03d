"""``glossary lookup QUERY [QUERY ...]``: terms in either language, however inflected or misspelt.

This is the translator's hot path, so the module imports nothing heavy: the
persistent index answers from SQLite, and the morphology is loaded only for a
Russian word the index has never seen. The search itself is
:func:`glossary.lookup.search_all`; this module parses and renders.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from glossary.index import Hit
    from glossary.index.dictionaries import DictEntry
    from glossary.lookup import SearchResult

#: Lines of a reference-dictionary entry shown.
REFERENCE_LINES = 12


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "lookup",
        help="look terms up in the glossary (either language, any inflection)",
        description="Find each QUERY in the glossary (several arguments are several "
        "queries: quote a phrase), trying in order: exact, lemma (any case or number, "
        "case/hyphen/quote/ё variants), variant, forbidden rendering (shown with the "
        "approved one to use), acronym ↔ expansion, terms contained in a longer query, "
        'prefix or substring, fuzzy ("did you mean"). Attached reference dictionaries '
        "are shown after the glossary, apart. Exit 0 when every query matched the "
        "glossary or a reference dictionary; 1 when any found nothing or only a "
        '"did you mean".',
        parents=[common],
    )
    parser.add_argument(
        "query", nargs="+", metavar="QUERY", help="term to look up (one query per argument)"
    )
    parser.add_argument(
        "--lang", type=_language, metavar="en|ru", help="only match terms in this language"
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"results": [...]}, one object per query (keys in docs/json.md)',
    )
    parser.add_argument(
        "--all",
        action="store_true",
        help="run every stage of the cascade, not just the first that finds something",
    )
    parser.set_defaults(func=run)


def _language(value: str) -> str:
    from glossary.model import Lang

    lang = Lang.from_code(value)
    if lang is None:
        raise argparse.ArgumentTypeError(f"expected en or ru, not {value!r}")
    return lang.value


def run(args: argparse.Namespace) -> int:
    from glossary.cli.common import workspace
    from glossary.cli.output import print_json
    from glossary.lookup import search_all
    from glossary.model import Lang

    ws = workspace(args)
    lang = Lang(args.lang) if args.lang else None
    results = search_all(
        args.query, ws.glossary_path, lang=lang, everything=args.all, progress=_progress
    )
    if args.json:
        print_json("lookup", {"results": [result.to_json() for result in results]})
    for number, result in enumerate(results):
        if not args.json:
            _print_result(result, number, len(results))
        if not result.found:
            _no_match(result)
    return 0 if all(result.found for result in results) else 1


def _print_result(result: SearchResult, number: int, total: int) -> None:
    from glossary.cli.output import colour
    from glossary.index.lookup import FUZZY_CUTOFF

    if total > 1:
        if number:
            print()
        print(colour(f"» {result.query}", "bold", "blue"))
    _print_hits(list(result.hits), result.query)
    strong = [h for h in result.suggestions if h.score >= FUZZY_CUTOFF]
    if strong and not result.hits:
        print(colour("did you mean:", "yellow", "bold"))
        _print_hits(strong, result.query)
    _print_references(list(result.references), bool(result.hits or strong))


def _no_match(result: SearchResult) -> None:
    names = ", ".join(
        dict.fromkeys(h.term.preferred(h.lang) if h.lang else h.term.en for h in result.suggestions)
    )
    tail = f"; did you mean: {names}?" if names else "; no similar terms"
    sys.stdout.flush()  # the blocks above first, when both go to one terminal or file
    print(f"glossary: no match for {result.query!r}{tail}", file=sys.stderr)


def _progress(items: Any, total: int) -> Any:
    from glossary.cli.output import progress

    return progress(items, total, "indexing glossary", min_total=2000)


def _print_hits(hits: list[Hit], query: str) -> None:  # noqa: C901 - each branch prints one optional field of a hit, in reading order
    from glossary.cli.output import colour

    for number, hit in enumerate(hits):
        term = hit.term
        if number:
            print()
        how = hit.match.value
        if hit.via:
            how += f" via {hit.via}"
        title = f"{term.en or '—'}  ↔  {term.ru or '—'}"
        print(f"{colour(title, 'bold')}  {colour(f'[{how}, {hit.score:.0f}]', 'cyan')}")
        if hit.forbidden:
            warning = f"!! FORBIDDEN rendering «{hit.matched}»: use «{hit.approved or '—'}»"
            print("  " + colour(warning, "red", "bold"))
        if hit.position is not None:
            start, end = hit.position
            print(f"  contained in the query at {start}-{end}: «{query[start:end]}»")
        if not term.reviewed:
            print(
                "  "
                + colour(
                    f"!! NOT REVIEWED ({term.status.value}): check before use", "yellow", "bold"
                )
            )
        if hit.matched and hit.matched not in (term.en, term.ru) and not hit.forbidden:
            print(f"  matched: {hit.matched}")
        print(f"  id: {term.id}   kind: {term.kind.value}   status: {term.status.value}")
        for label, values in (("en variants", term.en_variants), ("ru variants", term.ru_variants)):
            if values:
                print(f"  {label}: {'; '.join(values)}")
        forbidden = [*term.en_forbidden, *term.ru_forbidden]
        if forbidden:
            print("  " + colour(f"do not use: {'; '.join(forbidden)}", "red"))
        if term.definition:
            print(f"  definition: {term.definition}")
        if term.note:
            print(f"  note: {term.note}")


def _print_references(references: list[DictEntry], after_hits: bool) -> None:
    from glossary.cli.output import colour

    if not references:
        return
    if after_hits:
        print()
    else:
        print("not in the glossary; found in a reference dictionary:")
    print(colour("── reference dictionaries (not part of the glossary, not reviewed) ──", "dim"))
    for entry in references:
        print(f"{colour(entry.headword, 'bold')}  {colour(f'[{entry.dictionary}]', 'magenta')}")
        for line in entry.text.strip().splitlines()[:REFERENCE_LINES]:
            print(f"  {line.rstrip()}")
