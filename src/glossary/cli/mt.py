"""``glossary mt list|install``: the Argos Translate models used for drafts."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from glossary.cli.output import print_json
from glossary.errors import GlossaryError


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "mt",
        help="list and install machine-translation models (Argos Translate)",
        description="Machine translation for 'glossary draft' runs on Argos Translate models "
        "(install the extra: pip install 'glossary[mt]'). Models live in ARGOS_PACKAGES_DIR.",
        parents=[common],
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True

    listing = actions.add_parser("list", help="list the installed language pairs", parents=[common])
    listing.add_argument(
        "--json", action="store_true", help="print the installed pairs as JSON (see docs/json.md)"
    )
    listing.set_defaults(func=_list)

    install = actions.add_parser(
        "install",
        help="install a model from a .argosmodel file or from the Argos package index",
        description="Install FILE.argosmodel (archives with absolute paths, '..' or links are "
        "refused), or with --from/--to download the pair's model from the Argos package index "
        "(needs the network).",
        parents=[common],
    )
    install.add_argument("file", metavar="FILE.argosmodel", nargs="?", help="package file")
    install.add_argument("--from", dest="from_lang", metavar="LANG", help="source language")
    install.add_argument("--to", dest="to_lang", metavar="LANG", help="target language")
    install.set_defaults(func=_install)


def _list(args: argparse.Namespace) -> int:
    from glossary.draft.machine import installed_pairs, packages_dir

    pairs = installed_pairs()
    if args.json:
        print_json("mt", {"pairs": [{"from": a, "to": b} for a, b in pairs]})
        return 0
    if not pairs:
        print(f"no MT model installed in {packages_dir()}")
        return 0
    for a, b in pairs:
        print(f"{a} → {b}")
    return 0


def _install(args: argparse.Namespace) -> int:
    from glossary.draft import machine

    by_pair = args.from_lang is not None or args.to_lang is not None
    if args.file and by_pair:
        raise GlossaryError("give either FILE.argosmodel or --from/--to, not both")
    if by_pair:
        if not (args.from_lang and args.to_lang):
            raise GlossaryError("--from and --to go together, e.g. --from en --to ru")
        package = machine.install_from_index(args.from_lang, args.to_lang)
    elif args.file:
        package = machine.install_package(Path(args.file))
    else:
        raise GlossaryError("nothing to install: give FILE.argosmodel or --from LANG --to LANG")
    version = f" {package.package_version}" if package.package_version else ""
    print(f"installed {package.from_code} → {package.to_code}{version} in {package.path}")
    return 0
