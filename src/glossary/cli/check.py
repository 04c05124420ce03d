"""``glossary check FILE.po...``: terminology QA of translated catalogs."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from glossary.check import (
    CheckContext,
    CheckedEntry,
    Severity,
    describe,
    entries_from_po,
    run_checks,
)
from glossary.cli.common import load_glossary, read_input
from glossary.cli.output import colour, print_json
from glossary.formats.po import parse_po
from glossary.index import open_matcher

_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    checks = "\n".join(f"  {line}" for line in describe())
    parser = sub.add_parser(
        "check",
        help="check translated PO files against the glossary",
        description="Terminology QA of translated catalogs (drafts from 'glossary draft', the "
        "catalogs in locales/, any gettext PO). Prints 'file:line: severity: check: message' "
        "for every finding (a problem repeated in one entry once, with a count); exit 1 when "
        "a finding is at least as serious as --fail-on.",
        epilog="checks:\n" + checks,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument("files", metavar="FILE.po", nargs="+", help="PO files ('-' for stdin)")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the findings as JSON (see docs/json.md)",
    )
    parser.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        default=Severity.WARNING.value,
        help="exit 1 when a finding is this serious or more (default: warning; info counts "
        "such as fuzzy and untranslated entries are printed but do not fail)",
    )
    parser.set_defaults(func=_check)


def _check(args: argparse.Namespace) -> int:
    ws, glossary, _ = load_glossary(args)
    entries: list[CheckedEntry] = []
    for name in args.files:
        data, shown = read_input(name)
        entries.extend(entries_from_po(parse_po(data, shown), shown))
    matcher = open_matcher(ws.glossary_path, forbidden=True)[1]
    findings = run_checks(entries, glossary, context=CheckContext(glossary, matcher))
    threshold = Severity(args.fail_on)
    failing = [f for f in findings if f.severity.at_least(threshold)]
    if args.json:
        print_json("check", {"entries": len(entries), "findings": [f.as_dict() for f in findings]})
    else:
        for finding in findings:
            severity = colour(finding.severity.value, _STYLE[finding.severity])
            print(f"{finding.file}:{finding.line}: {severity}: {finding.check}: {finding.counted}")
        if findings:
            counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
            summary = ", ".join(
                f"{n} {s.value}" + ("s" if n != 1 else "") for s, n in counts.items() if n
            )
            print(f"{len(entries)} entries checked: {summary}", file=sys.stderr)
    return 1 if failing else 0
