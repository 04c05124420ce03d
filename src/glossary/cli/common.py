"""Helpers shared by subcommands: resolving the workspace and reading input files."""

from __future__ import annotations

import argparse
import sys

from glossary.errors import GlossaryError, display_path
from glossary.formats import read_file, terms_csv
from glossary.model import Glossary
from glossary.workspace import Workspace, resolve

__all__ = ["load_glossary", "read_input", "save_glossary", "workspace"]


def workspace(args: argparse.Namespace) -> Workspace:
    return resolve(args.glossary, getattr(args, "locales", None))


def load_glossary(args: argparse.Namespace) -> tuple[Workspace, Glossary, terms_csv.CsvLayout]:
    ws = workspace(args)
    glossary, layout = ws.load()
    return ws, glossary, layout


def save_glossary(ws: Workspace, glossary: Glossary, layout: terms_csv.CsvLayout) -> None:
    if ws.embedded:
        raise GlossaryError(
            "the embedded glossary is read-only; run in a directory with terms.csv "
            "or pass --glossary PATH"
        )
    terms_csv.save(glossary, ws.glossary_path, layout)


def read_input(name: str) -> tuple[bytes, str]:
    """Bytes of a file argument, ``-`` meaning stdin; returns the name to show in messages."""
    if name == "-":
        return sys.stdin.buffer.read(), "<stdin>"
    return read_file(name), display_path(name)
