"""``glossary export`` and ``glossary import``: TBX, TMX, Weblate CSV and OmegaT files.

Imports of the format modules and of the matcher happen inside the handlers, so that
registering these commands costs nothing on other commands' start-up.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

EXPORT_FORMATS = ("tbx", "tmx", "csv", "omegat")
IMPORT_FORMATS = (*EXPORT_FORMATS, "terms")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    export = sub.add_parser(
        "export",
        help="write the glossary as TBX, TMX, Weblate CSV or OmegaT",
        description="Write the glossary for a CAT tool or term base: tbx (TBX-Basic, every "
        "field), tmx (TMX 1.4: reviewed term pairs, plus reviewed segments of --drafts), "
        "csv (Weblate glossary CSV) or omegat (OmegaT tab-separated glossary). "
        "Spreadsheet formulas in CSV and TSV cells are defused with a leading quote.",
        parents=[common],
    )
    export.add_argument(
        "--format",
        type=_one_of(EXPORT_FORMATS),
        metavar="|".join(EXPORT_FORMATS),
        help="output format (default: from the suffix of -o)",
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", default="-", help="file to write (default: stdout)"
    )
    export.add_argument(
        "--drafts",
        nargs="+",
        metavar="PO",
        default=[],
        help="tmx only: draft catalogs whose reviewed (translated, not fuzzy) entries "
        "are added as translation units",
    )
    export.set_defaults(func=run_export)

    imp = sub.add_parser(
        "import",
        help="merge a TBX, TMX, Weblate CSV or OmegaT file into terms.csv",
        description="Merge FILE into terms.csv. Concepts match by id, else by lemma key "
        "(any inflection of the English or Russian term). Only the fields the format "
        "carries are compared; empty cells never clear a value. A reviewed concept is "
        "never changed unless --force; a conflict (exit 1) means nothing is written "
        "unless --force (the file wins) or --skip-conflicts (the other changes are "
        "written). terms.csv and the rebuilt catalogs in locales/ are written as one "
        "transaction (--no-catalogs: terms.csv only). A malformed file: one "
        "'file:line: message', exit 2, nothing written.",
        parents=[common],
    )
    imp.add_argument("file", metavar="FILE", help="file to import ('-' for stdin, with --format)")
    imp.add_argument(
        "--format",
        type=_one_of(IMPORT_FORMATS),
        metavar="|".join(IMPORT_FORMATS),
        help="input format (default: from the suffix; a .csv with id,en,ru columns is terms)",
    )
    imp.add_argument(
        "--force", action="store_true", help="overwrite reviewed concepts too (the file wins)"
    )
    imp.add_argument(
        "--skip-conflicts",
        action="store_true",
        help="write the changes that do not conflict and leave conflicting concepts as they are",
    )
    imp.add_argument(
        "--no-catalogs",
        action="store_true",
        help="do not rebuild the catalogs in locales/ (catalogs check then fails until a build)",
    )
    from glossary.cli.common import add_wait

    add_wait(imp)
    imp.add_argument("--dry-run", action="store_true", help="report, write nothing")
    imp.add_argument("--json", action="store_true", help="print the report as JSON")
    imp.set_defaults(func=run_import)


def _one_of(names: tuple[str, ...]) -> Callable[[str], str]:
    """An argparse type whose error names every known format."""

    def check(value: str) -> str:
        if value not in names:
            raise argparse.ArgumentTypeError(
                f"unknown format {value!r} (expected {', '.join(names)})"
            )
        return value

    return check


def run_export(args: argparse.Namespace) -> int:
    from glossary.atomic import atomic_write
    from glossary.cli.common import load_glossary, read_input
    from glossary.errors import FormatError, GlossaryError, display_path
    from glossary.formats import po, registry, tmx, xml_safe
    from glossary.interchange import reviewed_units

    if args.format:
        fmt = registry.by_name(args.format)
    elif args.output != "-":
        fmt = registry.for_path(args.output)
    else:
        raise GlossaryError("export: give --format tbx|tmx|csv|omegat or an -o FILE with a suffix")
    if fmt.name not in EXPORT_FORMATS:
        raise GlossaryError(f"export: {fmt.name} is not an export format; use --format")
    if args.drafts and fmt.name != "tmx":
        raise GlossaryError("export: --drafts goes with --format tmx")
    ws, glossary, _ = load_glossary(args)
    segments = []
    for path in args.drafts:
        data, name = read_input(path)
        segments.extend(reviewed_units(po.parse_po(data, name), name))
    try:
        data = tmx.write_glossary(glossary, segments) if fmt.name == "tmx" else fmt.write(glossary)
    except xml_safe.UnsafeTextError as exc:
        # A note or definition terms.csv accepts but XML cannot carry: name its row.
        lines = dict(zip([t.id for t in glossary], glossary.lines, strict=False))
        if exc.term_id not in lines:
            raise
        raise FormatError(ws.glossary_path, lines[exc.term_id], str(exc)) from None
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    atomic_write(args.output, data)
    extra = f" and {len(segments)} segment(s)" if segments else ""
    print(f"wrote {display_path(args.output)} ({fmt.name}, {len(glossary)} concepts{extra})")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from glossary.cli.common import read_input, workspace
    from glossary.cli.output import colour, print_json, progress
    from glossary.errors import GlossaryError, display_path
    from glossary.formats import registry
    from glossary.interchange import merge
    from glossary.session import writing

    data, name = read_input(args.file)
    if args.format:
        fmt = registry.by_name(args.format)
    elif args.file == "-":
        raise GlossaryError("import: reading stdin needs --format")
    else:
        fmt = registry.for_path(name, data)
    if args.force and args.skip_conflicts:
        raise GlossaryError("import: --force and --skip-conflicts exclude each other")
    incoming = fmt.read(data, name)  # any format error stops here: nothing written
    with writing(workspace(args), args.wait) as session:
        ws = session.workspace
        report = merge(
            session.glossary,
            progress(incoming, len(incoming), "import", min_total=500),
            fmt.fields,
            force=args.force,
            name=name,
            lines=incoming.lines,
        )
        blocked = bool(report.conflicts) and not args.skip_conflicts
        write = report.changed and not args.dry_run and not blocked
        if write:
            session.commit(
                report.glossary,
                rebuild_catalogs=not args.no_catalogs and ws.locales.is_dir(),
            )
    if args.json:
        print_json(
            "import",
            {
                "file": name,
                "format": fmt.name,
                "added": [c.term_id for c in report.added],
                "updated": [{"id": c.term_id, "fields": list(c.fields)} for c in report.updated],
                "unchanged": [c.term_id for c in report.unchanged],
                "conflicts": [
                    {"id": c.term_id, "fields": list(c.fields), "message": c.message}
                    for c in report.conflicts
                ],
                "written": write,
            },
        )
    else:
        for change in report.added:
            print(f"{colour('added', 'green')}     {change}")
        for change in report.updated:
            print(f"{colour('updated', 'cyan')}   {change}")
        for change in report.conflicts:
            print(f"{colour('conflict', 'red')}  {change}")
        summary = (
            f"{name}: {len(report.added)} added, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.conflicts)} conflicting"
        )
        if write:
            summary += f"; wrote {display_path(ws.glossary_path)}"
        elif blocked and report.changed:
            summary += "; nothing written (--force to take the file's values, --skip-conflicts "
            summary += "to write the rest)"
        elif args.dry_run and report.changed:
            summary += "; dry run: nothing written"
        print(summary)
    return 1 if report.conflicts else 0
