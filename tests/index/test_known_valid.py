"""terms.csv bytes found valid are not validated again; anything else is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from glossary.formats import terms_csv
from glossary.formats.terms_csv import TermsCsvError
from glossary.index import known_valid
from glossary.model import Glossary, Status, Term
from glossary.session import writing
from glossary.workspace import resolve

GOOD = "id,en,ru,kind,status\nosce,OSCE,ОБСЕ,acronym,reviewed\n".encode()
#: Two concepts with one English term: a problem only validation finds.
DUPLICATE = b"id,en,ru,kind,status\na,truce,,term,draft\nb,Truce,,term,draft\n"


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[int]]:
    """How many times terms.csv validation ran, in a private cache of this test."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    calls: list[int] = []
    validate = terms_csv.validate

    def counting(*args: object, **options: object) -> object:
        calls.append(1)
        return validate(*args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(terms_csv, "validate", counting)
    yield calls


def test_bytes_found_valid_are_not_validated_again(tmp_path: Path, validations: list[int]) -> None:
    path = tmp_path / "terms.csv"
    first = known_valid.read(GOOD, path)
    again = known_valid.read(GOOD, path)
    assert len(validations) == 1
    assert first == again
    assert again[0]["osce"].ru == "ОБСЕ"


def test_other_bytes_at_the_same_path_are_validated(tmp_path: Path, validations: list[int]) -> None:
    path = tmp_path / "terms.csv"
    known_valid.read(GOOD, path)
    with pytest.raises(TermsCsvError, match=r"terms.csv:3: duplicate en term 'Truce'"):
        known_valid.read(DUPLICATE, path)
    with pytest.raises(TermsCsvError, match="duplicate en term"):
        known_valid.read(DUPLICATE, path)  # refused bytes are never remembered
    assert len(validations) == 3


def test_a_marker_of_other_code_or_forged_is_not_trusted(
    tmp_path: Path, validations: list[int]
) -> None:
    path = tmp_path / "terms.csv"
    known_valid.read(GOOD, path)
    (marker,) = (tmp_path / "cache").rglob("valid/*")
    digest = marker.read_text(encoding="ascii").split(" ")[0]
    marker.write_text(f"{digest} 1:2,3:4", encoding="ascii")  # another release
    known_valid.read(GOOD, path)
    assert len(validations) == 2
    marker.write_text(marker.read_text(encoding="ascii").replace(digest, "0" * 64), "ascii")
    known_valid.read(GOOD, path)
    assert len(validations) == 3


def test_without_a_private_cache_everything_is_validated(
    tmp_path: Path, validations: list[int]
) -> None:
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "glossary").write_text("not a directory")
    for _ in range(2):
        known_valid.read(GOOD, tmp_path / "terms.csv")
    assert len(validations) == 2


def test_what_a_session_writes_is_remembered(tmp_path: Path, validations: list[int]) -> None:
    (tmp_path / "terms.csv").write_bytes(GOOD)
    ws = resolve(tmp_path / "terms.csv")
    with writing(ws, wait=1) as session:
        added = Term("truce", en="truce", ru="перемирие", status=Status.DRAFT)
        session.commit(Glossary((*session.glossary, added)))
    count = len(validations)
    glossary, _ = known_valid.read(ws.glossary_path.read_bytes(), ws.glossary_path)
    assert glossary["truce"].ru == "перемирие"
    assert len(validations) == count


def test_an_index_build_validates_only_bytes_not_found_valid(
    tmp_path: Path, validations: list[int]
) -> None:
    from glossary.index import open_lookup

    path = tmp_path / "terms.csv"
    path.write_bytes(GOOD)
    with writing(resolve(path), wait=1) as session:  # reads, validates, remembers
        session.commit(Glossary((*session.glossary, Term("truce", en="truce", ru="перемирие"))))
    count = len(validations)
    assert [h.term.id for h in open_lookup(path).lookup("перемирия")] == ["truce"]
    assert len(validations) == count  # the index was built from bytes found valid
    path.write_bytes(DUPLICATE)  # edited by hand: the build validates and refuses
    with pytest.raises(TermsCsvError, match=r"terms.csv:3: duplicate en term 'Truce'"):
        open_lookup(path)
    assert len(validations) == count + 1
