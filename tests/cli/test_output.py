"""Terminal output: colour only on a terminal, JSON documents with a schema, progress bars."""

from __future__ import annotations

import io
import json

import pytest

from glossary.cli.output import JSON_SCHEMA_VERSION, colour, print_json, progress, use_colour


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm")


def test_colour_only_on_a_terminal() -> None:
    assert colour("OSCE", "bold", stream=io.StringIO()) == "OSCE"
    assert colour("OSCE", "bold", "red", stream=Terminal()) == "\x1b[1;31mOSCE\x1b[0m"


def test_no_color_and_a_dumb_terminal_switch_colour_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    assert not use_colour(Terminal())
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(Terminal())


def test_force_color_wins_over_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert use_colour(io.StringIO())


def test_json_documents_name_their_schema_and_keep_cyrillic() -> None:
    out = io.StringIO()
    print_json("lookup", {"query": "ОБСЕ"}, stream=out)
    assert json.loads(out.getvalue()) == {
        "schema": f"glossary.lookup/{JSON_SCHEMA_VERSION}",
        "query": "ОБСЕ",
    }
    assert "ОБСЕ" in out.getvalue()


def test_progress_draws_only_on_a_terminal_and_yields_everything() -> None:
    pipe = io.StringIO()
    assert list(progress(range(5), 5, "build", stream=pipe)) == list(range(5))
    assert pipe.getvalue() == ""
    terminal = Terminal()
    assert list(progress(range(5), 5, "build", stream=terminal)) == list(range(5))
    assert "build [" in terminal.getvalue() and "5/5" in terminal.getvalue()


def test_short_jobs_draw_no_bar() -> None:
    terminal = Terminal()
    assert list(progress(range(3), 3, "build", min_total=10, stream=terminal)) == [0, 1, 2]
    assert terminal.getvalue() == ""
