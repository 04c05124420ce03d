"""The ``glossary`` command: a thin argparse layer over the Python API.

Each subcommand lives in its own module with a ``register(subparsers, common)``
function; handlers take the parsed namespace and return the exit code:
0 ok, 1 findings, 2 usage or input error. User errors print one line, no traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from glossary import __version__
from glossary.errors import GlossaryError

__all__ = ["main"]

#: Subcommand modules, in the order ``--help`` lists them.
COMMAND_MODULES = ("catalogs", "extract", "lookup", "annotate", "dict", "draft", "check", "mt", "interchange")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--glossary",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="terms.csv to use (default: ./terms.csv if present, else the embedded glossary)",
    )
    parser = argparse.ArgumentParser(
        prog="glossary",
        description="Russian/English terminology workbench for diplomatic and security news.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"glossary {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(f"glossary.cli.{name}").register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "glossary"):
        args.glossary = None
    try:
        return int(args.func(args))
    except GlossaryError as exc:
        _error(exc.report())
        return exc.exit_code
    except KeyboardInterrupt:
        _error("glossary: interrupted")
        return 130
    except BrokenPipeError:
        return 0


def _error(message: str) -> None:
    sys.stdout.flush()
    print(message, file=sys.stderr)
