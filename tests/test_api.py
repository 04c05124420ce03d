"""The public API in ``glossary/__init__.py``: each job in a line, and a cheap import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import glossary
from glossary.formats import terms_csv

from .conftest import small_glossary


def test_every_exported_name_resolves() -> None:
    for name in glossary.__all__:
        assert getattr(glossary, name) is not None, name


def test_annotate_and_search_in_a_line(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    terms_csv.save(small_glossary(), path)
    (item,) = glossary.annotate("О сферах влияния.", path)
    assert (item.term.id, item.text, item.rendering) == (
        "sphere-of-influence",
        "сферах влияния",
        "sphere of influence",
    )
    result = glossary.search("госсекретарём", path)
    assert result.found and result.hits[0].term.id == "secretary-of-state"
    assert glossary.term_to_json(result.hits[0].term)["ru_variants"] == ["госсекретарь"]
    missing = glossary.search("secretery of stat", small_glossary(), dictionaries=False)
    assert not missing.found
    assert missing.suggestions[0].term.id == "secretary-of-state"


def test_term_json_round_trips(repo_glossary: glossary.Glossary) -> None:
    for term in repo_glossary:
        assert glossary.term_from_json(glossary.term_to_json(term)) == term


def test_import_is_cheap() -> None:
    code = (
        "import sys, glossary; "
        "print(' '.join(sorted(m for m in sys.modules "
        "if m.startswith(('glossary.', 'ahocorasick', 'sqlite3', 'pymorphy3')))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert loaded == ["glossary.errors", "glossary.model"]
