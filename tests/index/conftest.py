"""Index tests never touch the real home: caches and configuration live in tmp dirs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from glossary.index import Lookup, open_lookup

REPO_TERMS = Path(__file__).resolve().parents[2] / "terms.csv"


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path


@pytest.fixture(scope="session")
def repo_lookup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lookup]:
    """A lookup over the index of the project's terms.csv, built once per session."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("repo-cache")))
        lookup = open_lookup(REPO_TERMS)
    yield lookup
    lookup.db.close()
