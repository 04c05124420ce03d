"""``glossary dict add|list|remove``: attach dictd reference dictionaries, read-only."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "dict",
        help="attach, list and detach dictd reference dictionaries",
        description="Reference dictionaries in dictd format (.index plus .dict or .dict.dz, "
        "e.g. Debian's dict-freedict-eng-rus or mueller7-dict) are attached read-only; "
        "lookup shows their entries after the glossary's, apart.",
        parents=[common],
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    add = actions.add_parser(
        "add",
        help="attach a dictionary",
        description="Attach the dictd dictionary at PATH (its .index, .dict, .dict.dz or "
        "common stem); the index is checked and cached.",
        parents=[common],
    )
    add.add_argument("path", metavar="PATH")
    add.set_defaults(func=_add)
    listing = actions.add_parser(
        "list",
        help="list attached dictionaries",
        parents=[common],
        description="List the attached dictionaries with their files.",
    )
    listing.add_argument("--json", action="store_true", help="print the list as JSON")
    listing.set_defaults(func=_list)
    remove = actions.add_parser(
        "remove",
        help="detach a dictionary",
        parents=[common],
        description="Detach a dictionary by its name (see 'dict list') or path; "
        "its files are left alone.",
    )
    remove.add_argument("name", metavar="NAME|PATH")
    remove.set_defaults(func=_remove)


def _add(args: argparse.Namespace) -> int:
    from glossary.errors import display_path
    from glossary.index import dictionaries

    item, count = dictionaries.add(Path(args.path))
    print(f"attached {item.name}: {count} entries ({display_path(item.index)})")
    return 0


def _list(args: argparse.Namespace) -> int:
    from glossary.cli.output import print_json
    from glossary.index import dictionaries

    items = dictionaries.attached()
    if args.json:
        print_json(
            "dict",
            {
                "dictionaries": [
                    {"name": a.name, "index": str(a.index), "data": str(a.data)} for a in items
                ]
            },
        )
        return 0
    if not items:
        print("no dictionaries attached (glossary dict add PATH)")
    for item in items:
        print(f"{item.name}\t{item.index}\t{item.data}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    from glossary.index import dictionaries

    item = dictionaries.remove(args.name)
    print(f"detached {item.name}")
    return 0
