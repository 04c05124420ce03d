"""Helpers every subcommand shares: the workspace, input files, loading and saving."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from glossary.cli import common
from glossary.cli.common import add_wait, load_glossary, read_input, save_glossary
from glossary.errors import FormatError, GlossaryError
from glossary.model import Glossary


def _args(**values: object) -> argparse.Namespace:
    return argparse.Namespace(**{"glossary": None, **values})


def test_a_dash_reads_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("Привет".encode())))
    assert read_input("-") == ("Привет".encode(), "<stdin>")


def test_a_file_argument_is_read_and_named_relative(workspace: Path) -> None:
    (workspace / "a.txt").write_bytes(b"text")
    assert read_input(str(workspace / "a.txt")) == (b"text", "a.txt")
    with pytest.raises(FormatError, match="cannot read"):
        read_input("absent.txt")


def test_the_workspace_is_the_nearest_terms_csv_and_locales_may_be_given(
    workspace: Path,
) -> None:
    found = common.workspace(_args())
    assert found.glossary_path.resolve() == (workspace / "terms.csv").resolve()
    assert not found.embedded
    assert common.workspace(_args(locales="elsewhere")).locales == Path("elsewhere")


def test_loading_for_writing_refuses_the_embedded_glossary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GLOSSARY_CEILING_DIRECTORIES", str(tmp_path.parent))
    _, glossary, _ = load_glossary(_args())
    assert len(glossary) > 0  # the embedded one reads fine
    with pytest.raises(GlossaryError, match="embedded glossary is read-only"):
        load_glossary(_args(), writing=True)


def test_save_writes_the_workspace_glossary(workspace: Path) -> None:
    ws, glossary, layout = load_glossary(_args())
    save_glossary(ws, Glossary((glossary["security-guarantees"],)), layout)
    assert [t.id for t in load_glossary(_args())[1]] == ["security-guarantees"]


def test_wait_defaults_to_the_lock_default() -> None:
    from glossary.lock import DEFAULT_WAIT

    parser = argparse.ArgumentParser()
    add_wait(parser)
    assert parser.parse_args([]).wait == DEFAULT_WAIT
    assert parser.parse_args(["--wait", "0.5"]).wait == 0.5
