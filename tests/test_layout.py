"""Tests mirror the modules: every module with logic has a test file named after it.

``src/glossary/formats/tmx.py`` is tested in ``tests/formats/test_tmx.py``; a
package's ``__init__.py`` in ``tests/PKG/test_PKG.py`` (the top package in
``tests/test_glossary.py``); the commands in ``tests/cli/``. A newcomer looking for
the tests of a module finds them by its name.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "glossary"

#: Modules whose tests live elsewhere, and where (none now: add one only with its reason).
KNOWN_GAPS: dict[str, str] = {}


def _has_logic(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    kinds = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    return any(isinstance(node, kinds) for node in ast.walk(tree))


def expected_test(module: Path) -> Path:
    """Where the tests of ``module`` (relative to the package) belong."""
    parts = module.parts
    if module.name == "__init__.py":
        name = "test_glossary.py" if len(parts) == 1 else f"test_{parts[-2]}.py"
    else:
        name = f"test_{module.stem}.py"
    return Path("tests", *parts[:-1], name)


def untested_modules() -> list[str]:
    return [
        module.as_posix()
        for path in sorted(PACKAGE.rglob("*.py"))
        if (module := path.relative_to(PACKAGE)).name != "__main__.py"
        and _has_logic(path)
        and not (ROOT / expected_test(module)).is_file()
    ]


def test_the_expected_names() -> None:
    assert expected_test(Path("formats/tmx.py")) == Path("tests/formats/test_tmx.py")
    assert expected_test(Path("cli/__init__.py")) == Path("tests/cli/test_cli.py")
    assert expected_test(Path("__init__.py")) == Path("tests/test_glossary.py")


def test_every_module_with_logic_has_a_test_file_of_its_name() -> None:
    missing = [m for m in untested_modules() if m not in KNOWN_GAPS]
    assert missing == [], "add tests/<same folder>/test_<module>.py for each"
