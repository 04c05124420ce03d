"""The error tree: one-line reports, exit codes, paths shown relative to the working folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.errors import (
    ConflictError,
    FormatError,
    GlossaryError,
    Location,
    MachineTranslationError,
    display_path,
)


def test_a_format_error_reads_path_line_message() -> None:
    error = FormatError("terms.csv", 17, "unknown status 'obsolete'")
    assert str(error) == "terms.csv:17: unknown status 'obsolete'"
    assert error.report() == str(error)
    assert (error.path, error.line, error.message) == ("terms.csv", 17, "unknown status 'obsolete'")
    assert error.exit_code == 2


def test_line_zero_means_the_whole_file() -> None:
    assert str(Location("a.po")) == "a.po"
    assert str(FormatError("a.po", 0, "is a directory")) == "a.po: is a directory"


def test_a_conflict_lists_every_conflict_and_exits_1() -> None:
    error = ConflictError(["a.po:3: one", "b.po:4: two"])
    assert error.report() == "a.po:3: one\nb.po:4: two"
    assert error.exit_code == 1
    assert isinstance(error, GlossaryError)


def test_other_errors_are_prefixed_with_the_program_name() -> None:
    assert GlossaryError("bad option").report() == "glossary: bad option"
    assert MachineTranslationError("no model").report() == "glossary: no model"


def test_paths_inside_the_working_folder_are_shown_relative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert display_path(tmp_path / "locales" / "ru.po") == str(Path("locales") / "ru.po")
    outside = tmp_path.parent / "elsewhere.csv"
    assert display_path(outside) == str(outside)
    assert FormatError(tmp_path / "terms.csv", 2, "x").path == "terms.csv"
