"""Model invariants that do not depend on any file format."""

from __future__ import annotations

import pytest

from glossary.model import Glossary, Lang, Term, make_id, validate


def test_make_id_transliterates_and_avoids_taken_ids() -> None:
    assert make_id("Постоянный совет ОБСЕ") == "postoyannyi-sovet-obse"
    assert make_id("sphere of influence", {"sphere-of-influence"}) == "sphere-of-influence-2"
    assert make_id("«»") == "term"


def test_with_terms_replaces_in_place_and_appends() -> None:
    glossary = Glossary((Term("a", en="a"), Term("b", en="b")))
    updated = glossary.with_terms([Term("c", en="c"), Term("a", en="A!")])
    assert [t.id for t in updated] == ["a", "b", "c"]
    assert updated["a"].en == "A!"
    assert glossary["a"].en == "a"  # values are immutable


def test_designations_and_languages() -> None:
    term = Term("x", en="Secretary of State", ru="государственный секретарь",
                ru_variants=("госсекретарь",))  # fmt: skip
    assert term.designations(Lang.RU) == ("государственный секретарь", "госсекретарь")
    assert Lang.RU.other is Lang.EN


def test_validate_reports_every_problem() -> None:
    problems = validate([Term("a", en="x"), Term("a", en="X"), Term("B", ru="")])
    messages = [p.message for p in problems]
    assert any("duplicate id 'a'" in m for m in messages)
    assert any("duplicate en term 'X'" in m for m in messages)
    assert any("invalid id 'B'" in m for m in messages)
    assert any("needs 'en' or 'ru'" in m for m in messages)


@pytest.mark.parametrize(
    ("code", "expected"),
    [("ru", Lang.RU), ("ru_RU", Lang.RU), (" EN-us ", Lang.EN), ("en-GB", Lang.EN),
     ("de", None), ("", None)],
)  # fmt: skip
def test_language_tags_read_by_their_primary_subtag(code: str, expected: Lang | None) -> None:
    assert Lang.from_code(code) is expected
