"""Helpers shared by subcommands: resolving the workspace and reading input files."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from glossary.errors import display_path
from glossary.workspace import Workspace, resolve

if TYPE_CHECKING:  # imported on use: a cold lookup reads neither
    from glossary.formats import terms_csv
    from glossary.model import Glossary

__all__ = ["add_wait", "load_glossary", "read_input", "save_glossary", "workspace"]


def workspace(args: argparse.Namespace) -> Workspace:
    return resolve(args.glossary, getattr(args, "locales", None))


def add_wait(parser: argparse.ArgumentParser) -> None:
    """``--wait SECONDS`` of every command that writes the glossary."""
    from glossary.lock import DEFAULT_WAIT

    parser.add_argument(
        "--wait",
        type=float,
        default=DEFAULT_WAIT,
        metavar="SECONDS",
        help="how long to wait while another command writes the glossary "
        f"(default {DEFAULT_WAIT:g}); then fail with exit 2",
    )


def load_glossary(
    args: argparse.Namespace, *, writing: bool = False
) -> tuple[Workspace, Glossary, terms_csv.CsvLayout]:
    """The workspace and its glossary, read without the lock (an interrupted write is
    completed first); ``writing`` refuses the read-only embedded one first."""
    from glossary.session import recover_if_interrupted

    ws = workspace(args)
    if writing:
        ws.require_writable()
    recover_if_interrupted(ws, getattr(args, "wait", None))
    glossary, layout = ws.load()
    return ws, glossary, layout


def save_glossary(ws: Workspace, glossary: Glossary, layout: terms_csv.CsvLayout) -> None:
    """Write terms.csv without the read-modify-write lock: only for a glossary the caller
    made itself. Commands that change an existing glossary use :func:`glossary.session.writing`."""
    from glossary.formats import terms_csv

    ws.require_writable()
    terms_csv.save(glossary, ws.glossary_path, layout)


def read_input(name: str) -> tuple[bytes, str]:
    """Bytes of a file argument, ``-`` meaning stdin; returns the name to show in messages."""
    from glossary.formats import read_file, read_stream

    if name == "-":
        return read_stream(sys.stdin.buffer, "<stdin>"), "<stdin>"
    return read_file(name), display_path(name)
