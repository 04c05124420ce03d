"""Model invariants that do not depend on any file format."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary import model
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


# The fast whole-list pass of validate must never pass a glossary with a problem.
# Bidi marks, other spaces (U+2001 becomes U+2003 under NFC) and ß (folds to ss) test the
# one-pass character check and the per-language folding of the fast pass.
_piece = st.sampled_from(["a", "б", " ", "  ", "\xa0", "\t", "\n", "\u2028", "Ё", "е", "ﬁ",
                          "e\u0301", "é", "A", "|", "x-1", "\ue000", "\x85", "\u200e",
                          "\u202e", "\u2001", "\u3000", "ß", "ss", "\x1f", "\x7f"])  # fmt: skip
_text = st.lists(_piece, max_size=4).map("".join)


@st.composite
def _term_lists(draw: st.DrawFn) -> list[Term]:
    terms = []
    for _ in range(draw(st.integers(0, 5))):
        terms.append(
            Term(
                draw(st.sampled_from(["a", "b", "c", "", "Bad", "a\n"])),
                en=draw(_text),
                ru=draw(_text),
                en_variants=tuple(draw(st.lists(_text, max_size=2))),
                ru_forbidden=tuple(draw(st.lists(_text, max_size=2))),
                full_form=draw(st.sampled_from(["", "a", "z"])),
                definition=draw(st.sampled_from(["", "d1", "d2"])),
                extra=draw(st.sampled_from([(), (("desk", "x"),), (("status", "x"),)])),
            )
        )
    return terms


@settings(max_examples=300, deadline=None)
@given(terms=_term_lists())
def test_fast_validation_agrees_with_the_row_by_row_pass(terms: list[Term]) -> None:
    exact = model._row_by_row(terms, ())
    assert validate(terms) == exact
    if model._all_valid(terms, ()):
        assert exact == []


def test_new_term_is_an_ordinary_frozen_term() -> None:
    values = dict(
        id="x", en="a", ru="б", en_variants=("v",), ru_variants=(), en_forbidden=(),
        ru_forbidden=("w",), kind=model.Kind.TITLE, full_form="y", definition="d",
        note="n", status=model.Status.REVIEWED, source=("doc:1",), extra=(("desk", "z"),),
    )  # fmt: skip
    made, reference = model.new_term(**values), Term(**values)  # type: ignore[arg-type]
    assert type(made) is Term
    assert made == reference
    assert hash(made) == hash(reference)
    assert repr(made) == repr(reference)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.en = "b"  # type: ignore[misc]
    assert dataclasses.replace(made, en="b").en == "b"
    # The twin must follow Term's fields, or new_term would shift them.
    assert [f.name for f in dataclasses.fields(model._TermFields)] == [
        f.name for f in dataclasses.fields(Term)
    ]


def test_unfrozen_builder_makes_ordinary_frozen_instances() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Point:
        x: int
        label: str
        tags: tuple[str, ...] = ()

    build = model.unfrozen_builder(Point)
    made, reference = build(1, "p", ("t",)), Point(1, "p", ("t",))
    assert type(made) is Point
    assert made == reference
    assert hash(made) == hash(reference)
    assert repr(made) == repr(reference)
    assert made != Point(1, "p")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.x = 2  # type: ignore[misc]
    with pytest.raises(TypeError):
        build(1, "p")  # every field, in order: no defaults


@pytest.mark.parametrize(
    "term_id", ["a", "a1", "a..b", "a-b_c.d", "", "-a", "a-", "_a", "a.", "A", "é", "a b", "a\nb"]
)
def test_the_fast_id_check_agrees_with_the_slug_rule(term_id: str) -> None:
    terms = [Term("ok", en="x"), Term(term_id, en="y")]
    assert model._all_valid(terms, ()) is (model._row_by_row(terms, ()) == [])


@settings(max_examples=300, deadline=None)
@given(ids=st.lists(st.text(alphabet="ab9._-\nA é", max_size=4), max_size=4))
def test_the_joined_id_check_is_the_slug_rule_per_id(ids: list[str]) -> None:
    joined = "\n" + "\n".join(ids) + "\n"
    assert model._clean_ids(joined, len(ids)) is all(model._ID_RE.match(i) for i in ids)


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize(
    ("first", "second"),
    [("a\xa0b", "a b"), ("a\u3000b", "a  b"), ("straße", "STRASSE"), ("e\u0301", "é"),
     ("ёж", "ЕЖ"), ("a\u2001b", "a\u2003b")],
)  # fmt: skip
def test_the_fast_pass_finds_duplicates_that_only_fold_alike(
    lang: str, first: str, second: str
) -> None:
    clean = [Term(f"c{i}", **{lang: f"term {i}"}) for i in range(3)]  # type: ignore[arg-type]
    terms = [*clean, Term("x", **{lang: first}), Term("y", **{lang: second})]  # type: ignore[arg-type]
    assert not model._all_valid(terms, ())
    problems = validate(terms)
    assert problems == model._row_by_row(terms, ())
    assert [p.index for p in problems] == [4]
    assert f"duplicate {lang} term {second!r}" in problems[0].message


@pytest.mark.parametrize("value", [" a", "a ", "  ", "a\xa0", "\u3000a", "a\t", " "])
@pytest.mark.parametrize("field", ["en", "ru", "en_variants", "ru_forbidden"])
def test_the_fast_pass_refuses_outer_whitespace(field: str, value: str) -> None:
    given = (value,) if field.endswith(("variants", "forbidden")) else value
    terms = [Term("a", en="x", ru="y"), Term("b", **{"ru": "w", field: given})]  # type: ignore[arg-type]
    assert not model._all_valid(terms, ())
    assert validate(terms) == model._row_by_row(terms, ()) != []


@st.composite
def _edits(draw: st.DrawFn) -> tuple[list[Term], list[Term]]:
    """A problem-free list and the same list with some concepts replaced by edited copies."""
    before = draw(_term_lists().filter(lambda terms: validate(terms) == []))
    after = list(before)
    for index in draw(st.lists(st.integers(0, max(len(before) - 1, 0)), max_size=3)):
        if not before:
            break
        field_name = draw(
            st.sampled_from(["en", "ru", "en_variants", "ru_forbidden", "definition", "id"])
        )
        if field_name in ("en", "ru"):
            value: object = draw(_text)
        elif field_name == "definition":
            value = draw(st.sampled_from(["", "d1", "d2"]))
        elif field_name == "id":
            value = draw(st.sampled_from(["a", "b", "q", "Bad"]))
        else:
            value = tuple(draw(st.lists(_text, max_size=2)))
        after[index] = dataclasses.replace(after[index], **{field_name: value})
    return before, after


@settings(max_examples=400, deadline=None)
@given(lists=_edits())
def test_checking_only_the_edited_concepts_finds_what_a_full_check_finds(
    lists: tuple[list[Term], list[Term]],
) -> None:
    before, after = lists
    assert validate(after, valid_before=before) == validate(after)


def test_an_edit_is_checked_without_the_full_passes() -> None:
    """The incremental check answers alone for a clean edit and doubts a duplicate."""
    before = [Term("a", en="Alpha", ru="альфа"), Term("b", en="Beta", ru="бета")]
    clean = [before[0], dataclasses.replace(before[1], ru="Бета-версия")]
    assert model._still_valid(clean, before)
    duplicate = [before[0], dataclasses.replace(before[1], ru="Альфа")]
    assert not model._still_valid(duplicate, before)
    assert [p.message for p in validate(duplicate, valid_before=before)] == [
        "duplicate ru term 'Альфа' (also in concept 'a'); homonyms need a distinct "
        "definition on both rows"
    ]
    assert not model._still_valid([before[0], dataclasses.replace(before[1], ru="бета\t")], before)
