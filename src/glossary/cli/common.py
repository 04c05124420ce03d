"""Helpers shared by subcommands: resolving the workspace and reading input files."""

from __future__ import annotations

import argparse
import sys

from glossary.errors import display_path
from glossary.formats import read_file, read_stream, terms_csv
from glossary.model import Glossary
from glossary.workspace import Workspace, resolve

__all__ = ["load_glossary", "read_input", "save_glossary", "workspace"]


def workspace(args: argparse.Namespace) -> Workspace:
    return resolve(args.glossary, getattr(args, "locales", None))


def load_glossary(
    args: argparse.Namespace, *, writing: bool = False
) -> tuple[Workspace, Glossary, terms_csv.CsvLayout]:
    """The workspace and its glossary; ``writing`` refuses the read-only embedded one first."""
    ws = workspace(args)
    if writing:
        ws.require_writable()
    glossary, layout = ws.load()
    return ws, glossary, layout


def save_glossary(ws: Workspace, glossary: Glossary, layout: terms_csv.CsvLayout) -> None:
    ws.require_writable()
    terms_csv.save(glossary, ws.glossary_path, layout)


def read_input(name: str) -> tuple[bytes, str]:
    """Bytes of a file argument, ``-`` meaning stdin; returns the name to show in messages."""
    if name == "-":
        return read_stream(sys.stdin.buffer, "<stdin>"), "<stdin>"
    return read_file(name), display_path(name)
