"""The locked read-modify-write session behind every writing command."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary import catalogs
from glossary.errors import GlossaryError
from glossary.formats import terms_csv
from glossary.model import Glossary, Status, Term
from glossary.session import writing
from glossary.workspace import Workspace, resolve


def _workspace(workspace: Path) -> Workspace:
    return resolve(workspace / "terms.csv")


def test_commit_writes_the_glossary_and_its_catalogs(workspace: Path) -> None:
    ws = _workspace(workspace)
    with writing(ws, wait=1) as session:
        added = Term("truce", en="truce", ru="перемирие", status=Status.DRAFT)
        written = session.commit(Glossary((*session.glossary, added)), rebuild_catalogs=True)
    assert ws.glossary_path in written
    assert terms_csv.load(ws.glossary_path)[0]["truce"].ru == "перемирие"
    assert catalogs.check(terms_csv.load(ws.glossary_path)[0], ws.locales) == []


def test_an_unchanged_glossary_writes_nothing(workspace: Path) -> None:
    ws = _workspace(workspace)
    before = ws.glossary_path.stat().st_mtime_ns
    with writing(ws, wait=1) as session:
        assert session.commit(session.glossary) == []
    assert ws.glossary_path.stat().st_mtime_ns == before


def test_the_glossary_is_parsed_only_when_used(workspace: Path) -> None:
    ws = _workspace(workspace)
    ws.glossary_path.write_bytes(b"id,en,ru,kind,status\nx,a,b,term,obsolete\n")
    with writing(ws, wait=1) as session:
        assert session.raw.startswith(b"id,en")  # read, not yet validated
        with pytest.raises(GlossaryError, match="obsolete"):
            _ = session.glossary


def test_a_missing_folder_is_a_one_line_error(tmp_path: Path) -> None:
    ws = resolve(tmp_path / "absent" / "terms.csv")
    with pytest.raises(GlossaryError, match="no such directory"), writing(ws, wait=1):
        pass
