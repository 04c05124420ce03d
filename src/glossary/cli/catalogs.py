"""``glossary catalogs build|sync|check``: the paired gettext catalogs in locales/."""

from __future__ import annotations

import argparse
from typing import Any

from glossary import catalogs
from glossary.cli.common import load_glossary, save_glossary
from glossary.cli.output import colour, print_json
from glossary.errors import display_path


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "catalogs",
        help="build, sync and check the gettext catalogs in locales/",
        description="The paired catalogs: locales/ru (English → Russian) and "
        "locales/en (Russian → English), built from terms.csv and synced back.",
        parents=[common],
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    locales = argparse.ArgumentParser(add_help=False)
    locales.add_argument(
        "--locales", metavar="DIR", help="catalog tree (default: locales/ beside terms.csv)"
    )

    build = actions.add_parser(
        "build",
        help="write both catalogs and their .mo files",
        description="Write locales/{ru,en}/LC_MESSAGES/glossary.po and .mo from terms.csv. "
        "Refuses to overwrite reviewer edits that were not synced yet.",
        parents=[common, locales],
    )
    build.add_argument("--force", action="store_true", help="overwrite unsynced reviewer edits")
    build.set_defaults(func=_build)

    sync = actions.add_parser(
        "sync",
        help="apply reviewers' catalog edits to terms.csv",
        description="Read both catalogs after editing in Poedit, Lokalize or Weblate and apply "
        "changed renderings, cleared or set fuzzy flags and translator comments to terms.csv, "
        "then rebuild the catalogs. Contradictory edits: exit 1, nothing written.",
        parents=[common, locales],
    )
    sync.add_argument(
        "--force",
        action="store_true",
        help="apply the catalogs even if terms.csv changed since they were built",
    )
    sync.add_argument("--dry-run", action="store_true", help="report changes, write nothing")
    sync.add_argument("--json", action="store_true", help="print the changes as JSON")
    sync.set_defaults(func=_sync)

    check = actions.add_parser(
        "check",
        help="exit 1 when locales/ is out of date with terms.csv",
        description="Compare locales/ with a fresh build of terms.csv; exit 1 naming what differs.",
        parents=[common, locales],
    )
    check.set_defaults(func=_check)


def _build(args: argparse.Namespace) -> int:
    ws, glossary, _ = load_glossary(args, writing=True)
    written = catalogs.build(glossary, ws.locales, force=args.force)
    for path in written:
        print(f"wrote {display_path(path)}")
    if not written:
        print(f"{display_path(ws.locales)}: up to date ({len(glossary)} concepts)")
    return 0


def _sync(args: argparse.Namespace) -> int:
    ws, glossary, layout = load_glossary(args, writing=True)
    result = catalogs.sync(glossary, ws.locales, force=args.force)
    if args.json:
        print_json(
            "catalogs-sync",
            {
                "changes": [
                    {
                        "id": c.term_id,
                        "field": c.field,
                        "old": c.old,
                        "new": c.new,
                        "where": c.where,
                    }
                    for c in result.changes
                ],
                "written": bool(result.changes) and not args.dry_run,
            },
        )
    else:
        for change in result.changes:
            print(change)
    if args.dry_run or not result.changes:
        if not args.json:
            print(
                "no reviewer edits to apply" if not result.changes else "dry run: nothing written"
            )
        return 0
    save_glossary(ws, result.glossary, layout)
    catalogs.build(result.glossary, ws.locales, force=True)
    if not args.json:
        print(
            colour(
                f"applied {len(result.changes)} change(s) to {display_path(ws.glossary_path)}",
                "green",
            )
        )
    return 0


def _check(args: argparse.Namespace) -> int:
    ws, glossary, _ = load_glossary(args)
    problems = catalogs.check(glossary, ws.locales)
    for problem in problems:
        print(problem)
    if problems:
        print("run 'glossary catalogs build' (or 'sync' if reviewers edited the catalogs)")
        return 1
    print(f"{display_path(ws.locales)}: up to date with {display_path(ws.glossary_path)}")
    return 0
