"""``glossary align SOURCE TARGET``: sentence pairs of a text and its published translation."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from typing import Any

from glossary.align import Alignment, TermPair, align_texts, term_pairs
from glossary.atomic import atomic_write
from glossary.cli.common import add_wait, load_glossary, read_input
from glossary.cli.output import print_json
from glossary.errors import GlossaryError, display_path
from glossary.formats import tmx
from glossary.formats.document import read_document
from glossary.lexicon import Lexicon
from glossary.model import Lang, TranslationUnit


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "align",
        help="align a published text with its published translation (en↔ru)",
        description="Split SOURCE and TARGET (text, Markdown, HTML; either language first) "
        "into sentences and align them: Gale–Church length model with anchors (numbers, "
        "acronyms, names, glossary terms, and the word pairs of attached dictd dictionaries), "
        "paragraphs first. Prints the pairs with their "
        "confidence; low-confidence pairs and sentences without a counterpart are marked, "
        "never dropped. --tmx writes a TMX 1.4 memory 'glossary draft --memory' reads.",
        parents=[common],
    )
    parser.add_argument("source", metavar="SOURCE", help="the original text")
    parser.add_argument("target", metavar="TARGET", help="its translation")
    parser.add_argument("--tmx", metavar="OUT.tmx", help="write the pairs as TMX 1.4")
    parser.add_argument("--json", action="store_true", help="print JSON (see docs/json.md)")
    parser.add_argument(
        "--presplit",
        action="store_true",
        help="the files hold one sentence per line (blank lines between paragraphs)",
    )
    parser.add_argument(
        "--terms",
        action="store_true",
        help="also propose, for each source term the extractor finds, its renderings in "
        "the target (ranked by co-occurrence over the aligned pairs, with evidence)",
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="with --terms: add each new source term with its best rendering to terms.csv "
        "as a candidate row (evidence in source); reviewed rows are never changed, and a "
        "published rendering differing from the glossary's is reported",
    )
    add_wait(parser)
    parser.set_defaults(func=_align)


def _align(args: argparse.Namespace) -> int:
    source_data, source_name = read_input(args.source)
    target_data, target_name = read_input(args.target)
    source_doc = read_document(source_data, source_name)
    target_doc = read_document(target_data, target_name)
    if source_doc.lang is None or target_doc.lang is None:
        raise GlossaryError(f"{source_name}, {target_name}: cannot tell the languages (no text?)")
    if source_doc.lang is target_doc.lang:
        raise GlossaryError(
            f"{source_name} and {target_name} are both {source_doc.lang.value}: "
            "align needs a text and its translation (en↔ru)"
        )
    if args.merge and not args.terms:
        raise GlossaryError("--merge goes with --terms")
    ws, glossary, _ = load_glossary(args, writing=args.merge)
    finder = _concepts(ws.glossary_path)
    english = source_doc.text if source_doc.lang is Lang.EN else target_doc.text
    lexicon = attached_lexicon(english)
    alignment = align_texts(
        source_doc.text,
        target_doc.text,
        source_doc.lang,
        target_doc.lang,
        presplit=args.presplit,
        source_terms=finder(source_doc.lang),
        target_terms=finder(target_doc.lang),
        lexicon=lexicon,
    )
    if args.tmx:
        atomic_write(args.tmx, to_tmx(alignment, source_name, target_name))
    pairs = (
        term_pairs(alignment, source_name=source_name, target_name=target_name, lexicon=lexicon)
        if args.terms
        else []
    )
    if args.merge:
        _merge(args, ws, glossary, pairs, alignment.source_lang)
    if args.json:
        body = to_json(alignment, source_name, target_name)
        if args.terms:
            body["terms"] = [_term_json(pair) for pair in pairs]
        print_json("align", body)
    else:
        for bead in alignment.beads:
            left, right = alignment.text(bead)
            mark = " LOW" if bead.low else ""
            print(f"{bead.confidence:.2f}{mark}\t{left}\t{right}")
        for pair in pairs:
            if pair.renderings:
                shown = "; ".join(
                    f"{r.term} ({r.score:.2f}, {' '.join('='.join(e) for e in r.evidence[:2])})"
                    for r in pair.renderings
                )
                print(f"term\t{pair.source}\t{shown}")
    if args.tmx:
        print(f"wrote {display_path(args.tmx)}: {len(alignment.pairs)} pairs", file=sys.stderr)
    return 0


def attached_lexicon(english_text: str) -> Lexicon | None:
    """Word pairs for the English text's words from the attached dictd dictionaries
    (``glossary dict add``); None when none is attached or none knows a word."""
    from glossary.index import dictionaries
    from glossary.lexicon import from_entries
    from glossary.text.normalize import default_normalizer

    if not dictionaries.attached():
        return None
    normalizer = default_normalizer()
    words: set[str] = set()
    for token in normalizer.tokens(english_text):
        words.update((english_text[token.start : token.end], token.key))
    lexicon = from_entries(dictionaries.entries(words), normalizer.word_key)
    return lexicon or None


def _merge(
    args: argparse.Namespace, ws: Any, glossary: Any, pairs: list[TermPair], lang: Lang
) -> None:
    """New terms through ``extract --merge``'s one writer (its lock covers this)."""
    from glossary.align import merge_proposals
    from glossary.cli.extract import merge_into

    candidates, differing = merge_proposals(pairs, glossary, lang)
    result = merge_into(ws, candidates, wait=args.wait)
    for term in result.added:
        print(
            f"added {term.id}: {term.preferred(lang)} → {term.preferred(lang.other)}",
            file=sys.stderr,
        )
    for line in differing:
        print(f"glossary: {line}", file=sys.stderr)


def _term_json(pair: TermPair) -> dict[str, Any]:
    return {
        "term": pair.source,
        "occurrences": pair.occurrences,
        "renderings": [
            {
                "term": r.term,
                "score": r.score,
                "pairs": r.pairs,
                "evidence": [{"source": a, "target": b} for a, b in r.evidence],
            }
            for r in pair.renderings
        ],
    }


def _concepts(path: Any) -> Callable[[Lang], Callable[[str], Iterable[str]]]:
    """Concept ids designated in a sentence, per language, through the project's matcher."""
    from glossary.index import open_matcher

    matcher = open_matcher(path)[1]

    def for_lang(lang: Lang) -> Callable[[str], Iterable[str]]:
        def find(text: str) -> list[str]:
            return [
                d.term_id
                for span in matcher.find(text)
                for d in span.designations
                if d.lang is lang
            ]

        return find

    return for_lang


def _lines(alignment: Alignment, side: str, indexes: tuple[int, ...]) -> list[int]:
    sentences = alignment.source if side == "source" else alignment.target
    return [sentences[i].line for i in indexes]


def to_json(alignment: Alignment, source_name: str, target_name: str) -> dict[str, Any]:
    beads = []
    for bead in alignment.beads:
        left, right = alignment.text(bead)
        beads.append(
            {
                "source_lines": _lines(alignment, "source", bead.source),
                "target_lines": _lines(alignment, "target", bead.target),
                "source": left,
                "target": right,
                "confidence": bead.confidence,
                "low_confidence": bead.low,
            }
        )
    return {
        "source": {"file": source_name, "lang": alignment.source_lang.value},
        "target": {"file": target_name, "lang": alignment.target_lang.value},
        "pairs": beads,
    }


def to_tmx(alignment: Alignment, source_name: str, target_name: str) -> bytes:
    units = []
    props = []
    for bead in alignment.pairs:
        left, right = alignment.text(bead)
        line = alignment.source[bead.source[0]].line
        target_line = alignment.target[bead.target[0]].line
        units.append(
            TranslationUnit(
                alignment.source_lang,
                left,
                alignment.target_lang,
                right,
                f"{source_name}:{line}",
            )
        )
        extra = {
            "x-glossary-confidence": f"{bead.confidence:.3f}",
            "x-glossary-target-origin": f"{target_name}:{target_line}",
        }
        if bead.low:
            extra["x-glossary-low-confidence"] = "yes"
        props.append(extra)
    return tmx.write_with_props(units, props)
