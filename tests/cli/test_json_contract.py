"""Every ``--json`` output matches docs/json.md, key by key and type by type.

The tables in docs/json.md are parsed here, so the documentation is the contract: a
key added to an output without being documented (or documented and never printed)
fails this test, and so does a key of the wrong type.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from glossary.cli import main
from glossary.cli.output import JSON_SCHEMA_VERSION
from tests.cli.test_mt import argos_dirs, tiny_package
from tests.conftest import REPO_ROOT
from tests.formats.dictd_files import write_dictd

__all__ = ["argos_dirs", "tiny_package"]  # fixtures used here

DOC = REPO_ROOT / "docs" / "json.md"
ROW = re.compile(r"^\|\s*`(?P<key>[^`]+)`\s*\|\s*(?P<type>[^|]+?)\s*\|\s*(?P<meaning>.*)\|\s*$")
SCALARS: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
}


@dataclass(frozen=True)
class Key:
    name: str
    type: str
    optional: bool


@dataclass
class Contract:
    """The documents (schema name → keys) and object types (name → keys) of docs/json.md."""

    documents: dict[str, dict[str, Key]] = field(default_factory=dict)
    types: dict[str, dict[str, Key]] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)

    def check(self, data: Any) -> str:
        """Validate one printed document; return its schema name."""
        assert isinstance(data, dict), f"a JSON document is an object, not {type(data).__name__}"
        schema = data.get("schema")
        assert schema in self.documents, f"schema {schema!r} is not documented in {DOC.name}"
        self._object(data, self.documents[schema], schema)
        self.seen.add(schema)
        return str(schema)

    def _object(self, value: Any, keys: dict[str, Key], where: str) -> None:
        assert isinstance(value, dict), f"{where}: expected an object"
        undocumented = set(value) - set(keys)
        assert not undocumented, f"{where}: undocumented keys {sorted(undocumented)}"
        for key in keys.values():
            if key.name not in value:
                assert key.optional, f"{where}: missing key {key.name!r}"
                continue
            self._value(value[key.name], key.type, f"{where}.{key.name}")

    def _value(self, value: Any, type_: str, where: str) -> None:
        if type_.endswith(" or null"):
            if value is None:
                return
            type_ = type_.removesuffix(" or null")
        if type_ == "null":
            assert value is None, f"{where}: expected null"
        elif type_.startswith("array of "):
            assert isinstance(value, list), f"{where}: expected an array"
            for i, item in enumerate(value):
                self._value(item, type_.removeprefix("array of "), f"{where}[{i}]")
        elif type_ in SCALARS:
            ok = isinstance(value, SCALARS[type_]) and not (
                type_ in ("integer", "number") and isinstance(value, bool)
            )
            assert ok, f"{where}: expected {type_}, got {value!r}"
        else:
            assert type_ in self.types, f"{where}: type {type_!r} is not defined in {DOC.name}"
            self.seen.add(type_)
            self._object(value, self.types[type_], f"{where}<{type_}>")


def parse(text: str) -> Contract:
    contract = Contract()
    table: dict[str, Key] | None = None
    for line in text.splitlines():
        if line.startswith("## glossary."):
            table = contract.documents.setdefault(line[3:].strip(), {})
        elif line.startswith("### "):
            table = contract.types.setdefault(line[4:].strip(), {})
        elif line.startswith("## "):
            table = None
        elif table is not None and (row := ROW.match(line)):
            optional = "*(optional)*" in row["meaning"]
            table[row["key"]] = Key(row["key"], row["type"].strip(), optional)
    return contract


@pytest.fixture(scope="module")
def contract() -> Iterator[Contract]:
    parsed = parse(DOC.read_text(encoding="utf-8"))
    yield parsed
    # After every command has run: each documented document and type was exercised.
    unseen = (set(parsed.documents) | set(parsed.types)) - parsed.seen
    assert not unseen, f"documented in {DOC.name} but never printed by a test: {sorted(unseen)}"


def test_the_document_parses_and_is_versioned(contract: Contract) -> None:
    assert len(contract.documents) >= 8
    for name, keys in contract.documents.items():
        assert name.endswith(f"/{JSON_SCHEMA_VERSION}"), name
        assert "schema" in keys and keys["schema"].type == "string"


def test_every_printed_schema_is_documented(contract: Contract) -> None:
    printed = set()
    for path in (REPO_ROOT / "src" / "glossary").rglob("*.py"):
        printed |= set(re.findall(r'print_json\(\s*"([a-z-]+)"', path.read_text(encoding="utf-8")))
    assert printed, "no print_json call found"
    documented = {name.split("/")[0].removeprefix("glossary.") for name in contract.documents}
    assert printed <= documented, f"printed but not documented: {sorted(printed - documented)}"


ARTICLE = (
    "Ministers met the OSCE in Vienna.\n\n"
    "They spoke of a sphere of influence and of legally binding security guarantees.\n"
    "The Organization for Security and Co-operation in Europe (OSCE) asked for an arms race "
    "to end; the arms race worries the OSCE.\n"
)
FINDINGS_PO = """msgid ""
msgstr ""
"Language: ru\\n"
"X-Source-Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#: a.txt:1
msgid "The OSCE met twice."
msgstr "Организация собралась дважды."
"""


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code = main([*argv, "--json"])
    out = capsys.readouterr().out
    assert code in (0, 1), f"{argv}: exit {code}"
    return json.loads(out)


def test_commands_print_what_is_documented(
    workspace: Path,
    contract: Contract,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(workspace / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(workspace / "config"))
    (workspace / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (workspace / "a.po").write_text(FINDINGS_PO, encoding="utf-8")
    (workspace / "ru.txt").write_text("Министры встретились с ОБСЕ в Вене.\n", encoding="utf-8")
    fixtures = REPO_ROOT / "tests" / "formats" / "fixtures"
    write_dictd(workspace / "d", "eng-rus", {"peace": "peace\n  мир\n"})
    assert main(["dict", "add", str(workspace / "d" / "eng-rus.dict")]) == 0
    assert main(["catalogs", "build"]) == 0
    theirs = (workspace / "terms.csv").read_text(encoding="utf-8")
    assert ",гарантии безопасности," in theirs  # a reviewed row, changed by "them"
    (workspace / "theirs.csv").write_text(
        theirs.replace(",гарантии безопасности,", ",гарантии надёжности,"), encoding="utf-8"
    )
    capsys.readouterr()

    printed = [
        run_json(capsys, "check", "a.po"),
        run_json(capsys, "lookup", "OSCE"),
        run_json(capsys, "lookup", "peace"),
        run_json(capsys, "annotate", "a.txt"),
        run_json(capsys, "extract", "a.txt", "--no-mt"),
        run_json(capsys, "catalogs", "sync", "--dry-run"),
        run_json(capsys, "import", str(fixtures / "weblate.tbx"), "--dry-run"),
        run_json(capsys, "import", "theirs.csv", "--dry-run"),
        run_json(capsys, "dict", "list"),
        run_json(capsys, "align", "a.txt", "ru.txt", "--terms"),
        run_json(capsys, "extract", "a.txt", "--no-mt", "--merge"),
    ]
    names = [contract.check(document) for document in printed]
    assert names[0] == f"glossary.check/{JSON_SCHEMA_VERSION}"
    assert printed[0]["findings"], "the check fixture must produce findings"
    assert printed[3]["spans"] and printed[4]["candidates"] and printed[-1]["added"]
    assert printed[7]["conflicts"], "the changed reviewed row must be a conflict"


def test_sync_changes_match_the_contract(
    workspace: Path, contract: Contract, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["catalogs", "build"]) == 0
    catalog = workspace / "locales" / "ru" / "LC_MESSAGES" / "glossary.po"
    text = catalog.read_text(encoding="utf-8")
    assert 'msgstr "сфера влияния"' in text
    catalog.write_text(text.replace('msgstr "сфера влияния"', 'msgstr "сфера интересов"'), "utf-8")
    capsys.readouterr()
    document = run_json(capsys, "catalogs", "sync", "--dry-run")
    contract.check(document)
    assert document["changes"] and document["written"] is False


def test_mt_list_matches_the_contract(
    argos_dirs: Path, tiny_package: Path, contract: Contract, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["mt", "install", str(tiny_package)]) == 0
    capsys.readouterr()
    document = run_json(capsys, "mt", "list")
    contract.check(document)
    assert document["pairs"] == [{"from": "en", "to": "ru"}]


def test_the_checker_rejects_what_the_doc_does_not_say() -> None:
    contract = parse(DOC.read_text(encoding="utf-8"))  # a fresh one: nothing counts as seen
    schema = f"glossary.dict/{JSON_SCHEMA_VERSION}"
    with pytest.raises(AssertionError, match="undocumented keys"):
        contract.check({"schema": schema, "dictionaries": [], "extra": 1})
    with pytest.raises(AssertionError, match="missing key"):
        contract.check({"schema": schema})
    with pytest.raises(AssertionError, match="expected string"):
        contract.check({"schema": schema, "dictionaries": [{"name": 1, "index": "i", "data": "d"}]})
    with pytest.raises(AssertionError, match="not documented"):
        contract.check({"schema": "glossary.nothing/1"})
