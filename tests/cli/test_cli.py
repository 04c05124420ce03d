"""The ``glossary`` command itself: version, help, usage errors, lazy command modules."""

from __future__ import annotations

import pytest

from glossary import __version__
from glossary.cli import build_parser, main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_the_version_is_the_one_pyproject_declares() -> None:
    import tomllib
    from pathlib import Path

    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    declared = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    assert __version__ == declared


def _all_commands(parser: object, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for action in getattr(parser, "_actions", []):
        choices = getattr(action, "choices", None)
        if not isinstance(choices, dict):
            continue
        for name, sub in choices.items():
            if hasattr(sub, "_actions"):
                found.append((*prefix, name))
                found += _all_commands(sub, (*prefix, name))
    return found


def test_help_on_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    commands = _all_commands(build_parser())
    assert ("catalogs", "build") in commands
    for command in [(), *commands]:
        with pytest.raises(SystemExit) as info:
            main([*command, "--help"])
        assert info.value.code == 0
        assert "usage: glossary" in capsys.readouterr().out


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["catalogs", "frobnicate"])
    assert info.value.code == 2


def test_only_the_named_command_is_imported() -> None:
    """A lookup must not pay for importing every other command's module."""
    import subprocess
    import sys

    code = (
        "import sys; from glossary.cli import build_parser;"
        "build_parser('lookup');"
        "print(sorted(m for m in sys.modules if m.startswith('glossary.cli.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "glossary.cli.draft" not in out.stdout
    assert "glossary.cli.lookup" in out.stdout
    from glossary.cli import _command_of

    assert _command_of(["--glossary", "x.csv", "lookup", "OSCE"]) == "lookup"
    assert _command_of(["--version"]) is None
