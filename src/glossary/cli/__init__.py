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

from glossary.errors import GlossaryError
from glossary.formats import MAX_INPUT_BYTES, input_limit

__all__ = ["main"]

#: Each command and the module that registers it, in the order ``--help`` lists them.
COMMANDS = {
    "catalogs": "catalogs",
    "extract": "extract",
    "lookup": "lookup",
    "annotate": "annotate",
    "dict": "dict",
    "draft": "draft",
    "render": "render",
    "align": "align",
    "check": "check",
    "mt": "mt",
    "export": "interchange",
    "import": "interchange",
}
COMMAND_MODULES = tuple(dict.fromkeys(COMMANDS.values()))


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The full parser, or, given a known ``command``, one that registers only it.

    Importing every command module costs start-up time a lookup cannot afford.
    """
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--glossary",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="terms.csv to use (default: the nearest terms.csv in this folder or its parents, "
        "else the read-only embedded glossary)",
    )
    common.add_argument(
        "--max-size",
        metavar="SIZE",
        type=_size,
        default=argparse.SUPPRESS,
        help="refuse input files larger than SIZE bytes (suffixes k, M, G; default 200M)",
    )
    parser = argparse.ArgumentParser(
        prog="glossary",
        description="Russian/English terminology workbench for diplomatic and security news.",
        parents=[common],
    )
    parser.add_argument(
        "--version", action=_VersionAction, nargs=0, help="show the version and exit"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    modules = (COMMANDS[command],) if command in COMMANDS else COMMAND_MODULES
    for name in modules:
        importlib.import_module(f"glossary.cli.{name}").register(sub, common)
    return parser


class _VersionAction(argparse.Action):
    """``--version``, reading the package metadata only when asked."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from glossary import __version__

        print(f"glossary {__version__}")
        parser.exit()


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command_of(arguments))
    args = parser.parse_args(arguments)
    if not hasattr(args, "glossary"):
        args.glossary = None
    try:
        with input_limit(getattr(args, "max_size", MAX_INPUT_BYTES)):
            return int(args.func(args))
    except GlossaryError as exc:
        _error(exc.report())
        return exc.exit_code
    except KeyboardInterrupt:
        _error("glossary: interrupted")
        return 130
    except BrokenPipeError:
        return 0


_SIZE_SUFFIXES = {"": 1, "k": 1000, "m": 1000**2, "g": 1000**3}


def _size(text: str) -> int:
    """``200M``, ``1g``, ``5000``: a size in bytes for ``--max-size``."""
    number, suffix = text.strip(), ""
    if number[-1:].lower() in _SIZE_SUFFIXES:
        number, suffix = number[:-1], number[-1].lower()
    try:
        value = int(float(number) * _SIZE_SUFFIXES[suffix])
    except (ValueError, OverflowError):
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 500k, 200M, 1G)") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"not a positive size: {text!r}")
    return value


def _command_of(arguments: list[str]) -> str | None:
    """The subcommand named in ``arguments`` (skipping global options' values), if any."""
    skip = False
    for argument in arguments:
        if skip:
            skip = False
        elif argument in ("--glossary", "--max-size"):
            skip = True
        elif not argument.startswith("-"):
            return argument
    return None


def _error(message: str) -> None:
    sys.stdout.flush()
    print(message, file=sys.stderr)
