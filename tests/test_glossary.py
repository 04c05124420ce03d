"""The package's public surface: what ``import glossary`` promises."""

from __future__ import annotations

import importlib.metadata

import pytest

import glossary


def test_every_public_name_resolves() -> None:
    missing = [name for name in glossary.__all__ if not hasattr(glossary, name)]
    assert missing == []


def test_the_version_comes_from_the_installed_metadata() -> None:
    assert glossary.__version__ == importlib.metadata.version("glossary")


def test_an_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        _ = glossary.no_such_thing  # type: ignore[attr-defined]


def test_importing_the_package_does_not_load_the_metadata_machinery() -> None:
    """A cold command pays for importlib.metadata only when it asks for the version."""
    import subprocess
    import sys

    code = "import sys, glossary; print('importlib.metadata' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
