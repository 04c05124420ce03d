"""``glossary lookup QUERY``: a term in either language, however it is inflected or misspelt.

This is the translator's hot path, so the module imports nothing heavy: the
persistent index answers from SQLite, and the morphology is loaded only for a
Russian word the index has never seen.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from glossary.index import Hit
    from glossary.index.dictionaries import DictEntry


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "lookup",
        help="look a term up in the glossary (either language, any inflection)",
        description="Find QUERY in the glossary, trying in order: exact, lemma (any case or "
        "number, case/hyphen/quote/ё variants), variant, acronym ↔ expansion, prefix or "
        'substring, fuzzy ("did you mean"). Attached reference dictionaries are shown '
        "after the glossary, apart. Exit 1 when nothing matches.",
        parents=[common],
    )
    parser.add_argument("query", nargs="+", metavar="QUERY", help="term to look up")
    parser.add_argument(
        "--lang", type=_language, metavar="en|ru", help="only match terms in this language"
    )
    parser.add_argument("--json", action="store_true", help="print the hits as a JSON array")
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
    from glossary.index import open_lookup
    from glossary.index.dictionaries import lookup as dictionary_lookup
    from glossary.index.lookup import SUGGESTION_CUTOFF
    from glossary.index.store import index_path, rebuild_on_error
    from glossary.model import Lang

    ws = workspace(args)
    query = " ".join(args.query)
    lang = Lang(args.lang) if args.lang else None
    try:
        index = open_lookup(ws.glossary_path, progress=_progress)
        hits = index.lookup(query, lang, everything=args.all)
    except sqlite3.DatabaseError:
        # damaged beyond its metadata: forget it and build it again
        rebuild_on_error(index_path(ws.glossary_path))
        index = open_lookup(ws.glossary_path, progress=_progress)
        hits = index.lookup(query, lang, everything=args.all)
    candidates = [query, *index.keys(query)[:4], *_singulars(query)]
    if hits and hits[0].match.rank <= 2:
        candidates.append(hits[0].matched)
    references = dictionary_lookup(candidates)
    suggestions: list[Hit] = []
    if not hits:
        suggestions = index.fuzzy(query, lang, SUGGESTION_CUTOFF)
    if args.json:
        print_json(
            "lookup",
            {
                "results": [{"source": "glossary", **h.to_json()} for h in hits]
                + [_reference_json(r) for r in references]
            },
        )
    else:
        _print_hits(hits)
        _print_references(references, bool(hits))
    if not hits:
        names = ", ".join(
            dict.fromkeys(h.term.preferred(h.lang) if h.lang else h.term.en for h in suggestions)
        )
        tail = f"; did you mean: {names}?" if names else "; no similar terms"
        print(f"glossary: no match for {query!r}{tail}", file=sys.stderr)
        return 1
    return 0


def _singulars(query: str) -> list[str]:
    """Naive English singulars of the last word, so "zebras" finds a dictionary's "zebra"
    without loading lemminflect (the index only knows the glossary's own words)."""
    head, _, last = query.rpartition(" ")
    if not last.isascii() or not last.endswith("s"):
        return []
    stems = [last[:-1]]
    if last.endswith("ies"):
        stems.append(last[:-3] + "y")
    elif last.endswith("es"):
        stems.append(last[:-2])
    return [f"{head} {stem}".strip() for stem in stems]


def _progress(items: Any, total: int) -> Any:
    from glossary.cli.output import progress

    return progress(items, total, "indexing glossary", min_total=2000)


def _print_hits(hits: list[Hit]) -> None:
    from glossary.cli.output import colour
    from glossary.index import Match

    fuzzy_header = False
    for number, hit in enumerate(hits):
        term = hit.term
        if hit.match is Match.FUZZY and not fuzzy_header:
            print(colour("did you mean:", "yellow", "bold"))
            fuzzy_header = True
        if number:
            print()
        how = hit.match.value
        if hit.via:
            how += f" via {hit.via}"
        title = f"{term.en or '—'}  ↔  {term.ru or '—'}"
        print(f"{colour(title, 'bold')}  {colour(f'[{how}, {hit.score:.0f}]', 'cyan')}")
        if not term.reviewed:
            print(
                "  "
                + colour(
                    f"!! NOT REVIEWED ({term.status.value}): check before use", "yellow", "bold"
                )
            )
        if hit.matched and hit.matched not in (term.en, term.ru):
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
    print(colour("── reference dictionaries (not part of the glossary, not reviewed) ──", "dim"))
    for entry in references:
        print(f"{colour(entry.headword, 'bold')}  {colour(f'[{entry.dictionary}]', 'magenta')}")
        for line in entry.text.strip().splitlines()[:12]:
            print(f"  {line.rstrip()}")


def _reference_json(entry: DictEntry) -> dict[str, Any]:
    return {
        "source": "dictionary",
        "dictionary": entry.dictionary,
        "id": None,
        "en": None,
        "ru": None,
        "status": "reference",
        "match": "dictionary",
        "score": None,
        "headword": entry.headword,
        "text": entry.text,
    }
