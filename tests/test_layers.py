"""Imports flow one way: cli → jobs → index/extract/draft/check → text/formats → model."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "glossary"
#: Layers that must not import the layers above them.
LOWER = ("text", "formats")
UPPER = ("index", "extract", "draft", "check", "cli")
#: ``python -m glossary`` is the one module outside the CLI that may start it.
CLI_ENTRY_POINTS = frozenset({"cli", "__main__.py"})


def _imports(path: Path) -> set[str]:
    """Every ``glossary.*`` module ``path`` imports, at module level or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return {name for name in found if name.startswith("glossary.")}


def _layer(module: str) -> str:
    return module.split(".")[1]


def _modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", LOWER)
def test_lower_layers_never_import_upper_ones(layer: str) -> None:
    wrong = [
        (path.relative_to(PACKAGE).as_posix(), name)
        for path in _modules(layer)
        for name in _imports(path)
        if _layer(name) in UPPER
    ]
    assert wrong == []


def test_only_the_cli_imports_the_cli() -> None:
    wrong = [
        (path.relative_to(PACKAGE).as_posix(), name)
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0] not in CLI_ENTRY_POINTS
        for name in _imports(path)
        if _layer(name) == "cli"
    ]
    assert wrong == []


def test_the_checker_sees_imports() -> None:
    # The index imports the text layer; an empty result would make the tests above vacuous.
    assert "glossary.text.ru.paradigm" in _imports(PACKAGE / "index" / "forms.py")


def test_matching_does_not_reach_into_the_index() -> None:
    assert not any(_layer(n) == "index" for n in _imports(PACKAGE / "matching.py"))


#: The extraction pipeline and what drives it; the other extract modules are its stages.
EXTRACT_PIPELINE = frozenset({"__init__.py", "extractor.py", "corpus.py"})


def test_the_extraction_stages_never_import_the_pipeline() -> None:
    # canonical forms, name evidence, candidates, scoring: called by the extractor, so
    # that it reads as its stages; a stage reaching back would tie them in a loop.
    stages = [p for p in _modules("extract") if p.name not in EXTRACT_PIPELINE]
    wrong = [
        (path.name, name)
        for path in stages
        for name in _imports(path)
        if name.startswith(("glossary.extract.extractor", "glossary.extract.corpus"))
    ]
    assert wrong == []
    assert "glossary.extract.names" in _imports(PACKAGE / "extract" / "extractor.py")
