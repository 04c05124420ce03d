"""``glossary catalogs build|sync|check``: the paired gettext catalogs in locales/."""

from __future__ import annotations

import argparse
from typing import Any

from glossary import catalogs
from glossary.cli.common import add_wait, workspace
from glossary.cli.output import colour, print_json
from glossary.errors import display_path
from glossary.session import writing


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
        "Refuses to overwrite reviewer edits that were not synced yet (each entry carries "
        "the base it was built from, so an edit is always recognised).",
        parents=[common, locales],
    )
    build.add_argument("--force", action="store_true", help="overwrite unsynced reviewer edits")
    add_wait(build)
    build.set_defaults(func=_build)

    sync = actions.add_parser(
        "sync",
        help="apply reviewers' catalog edits to terms.csv",
        description="Read both catalogs after editing in Poedit, Lokalize or Weblate and apply "
        "changed renderings, cleared or set fuzzy flags and translator comments to terms.csv, "
        "then rebuild the catalogs, all in one transaction. Contradictory edits, or a "
        "concept edited both in a catalog and in terms.csv since the build: exit 1, "
        "nothing written.",
        parents=[common, locales],
    )
    sync.add_argument(
        "--force",
        action="store_true",
        help="let the catalogs win where a concept was also changed in terms.csv",
    )
    add_wait(sync)
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
    with writing(workspace(args), args.wait) as session:
        written = session.commit(rebuild_catalogs=True, force_catalogs=args.force)
        ws = session.workspace
    for path in written:
        print(f"wrote {display_path(path)}")
    if not written:
        print(f"{display_path(ws.locales)}: up to date with {display_path(ws.glossary_path)}")
    return 0


def _sync(args: argparse.Namespace) -> int:
    changes: list[catalogs.Change] = []
    with writing(workspace(args), args.wait) as session:
        ws = session.workspace
        # Both catalogs byte for byte as built: no edit, and terms.csv need not be parsed.
        taken = catalogs.snapshot(ws.locales)  # read once, under the lock
        if taken.edits:
            result = catalogs.sync(
                session.glossary,
                ws.locales,
                force=args.force,
                glossary_checksum=session.checksum,
                taken=taken,
                glossary_valid=True,  # the session validated it as it read it
            )
            changes = result.changes
            if changes and not args.dry_run:
                session.commit(
                    result.glossary,
                    rebuild_catalogs=True,
                    force_catalogs=True,
                    rendered=result.rendered,
                    validated=result.valid,
                    taken=taken,
                )
    write = bool(changes) and not args.dry_run
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
                    for c in changes
                ],
                "written": write,
            },
        )
    else:
        for change in changes:
            print(change)
    if not write:
        if not args.json:
            print("no reviewer edits to apply" if not changes else "dry run: nothing written")
        return 0
    if not args.json:
        print(
            colour(
                f"applied {len(changes)} change(s) to {display_path(ws.glossary_path)}",
                "green",
            )
        )
    return 0


def _check(args: argparse.Namespace) -> int:
    from glossary.formats import po as po_format
    from glossary.formats import read_file
    from glossary.index import known_valid
    from glossary.session import recover_if_interrupted

    ws = workspace(args)
    recover_if_interrupted(ws)
    raw = read_file(ws.glossary_path)
    problems: list[str] = []
    if not catalogs.up_to_date(raw, ws.locales):  # checksums first: no parse, no render
        glossary, _ = known_valid.read(raw, ws.glossary_path)
        problems = catalogs.check(
            glossary, ws.locales, glossary_checksum=po_format.checksum_of_bytes(raw)
        )
    for problem in problems:
        print(problem)
    if problems:
        print("run 'glossary catalogs build' (or 'sync' if reviewers edited the catalogs)")
        return 1
    print(f"{display_path(ws.locales)}: up to date with {display_path(ws.glossary_path)}")
    return 0
