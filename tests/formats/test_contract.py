"""One contract for every interchange format, run against each of them.

A Hypothesis-generated glossary (Cyrillic and Latin mixed, quotes, commas, line breaks
in notes and definitions, backslashes, ampersands, ``<`` and ``>``, formula-like
starts) goes through ``write`` and ``read``. Each format states what survives, as a
projection of a concept onto the fields it carries; what it does not carry is dropped.
Carriage returns are left out of the generated text: XML turns them into line feeds.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.formats import registry
from glossary.model import Glossary, Kind, Status, Term, validate

Projection = Callable[[Term], Term | None]


def _tbx(term: Term) -> Term | None:
    return term  # every field


def _tmx(term: Term) -> Term | None:
    if not (term.reviewed and term.en and term.ru):
        return None
    return Term(term.id, en=term.en, ru=term.ru, kind=term.kind, definition=term.definition,
                note=term.note, status=term.status)  # fmt: skip


def _csv(term: Term) -> Term | None:
    if not term.en:
        return None
    status = Status.CANDIDATE if not term.ru else Status.REVIEWED if term.reviewed else Status.DRAFT
    return Term(term.id, en=term.en, ru=term.ru, definition=term.definition, note=term.note,
                status=status)  # fmt: skip


def _omegat(term: Term) -> Term | None:
    if not (term.en and term.ru):
        return None
    return Term("", en=term.en, ru=term.ru, ru_variants=term.ru_variants,
                note=re.sub(r"[\t\n]", " ", term.note), status=Status.DRAFT)  # fmt: skip


#: What each format carries, as the glossary that must come back.
SURVIVES: dict[str, Projection] = {
    "tbx": _tbx,
    "terms": _tbx,
    "tmx": _tmx,
    "csv": _csv,
    "omegat": _omegat,
}


def test_every_registered_format_is_under_contract() -> None:
    assert {f.name for f in registry.FORMATS} == set(SURVIVES)


# Hostile but legal text: both scripts, quotes, separators, markup and escape characters.
# ("|" separates list values in terms.csv, so lists of terms never contain it.)
_CHARS = "abzAZ ёжЯЩ«»„“\"',;&<>\\/=+-@#%'."
_designation = st.text(alphabet=_CHARS, min_size=1, max_size=10).map(str.strip).filter(bool)
_prose = st.text(alphabet=_CHARS + "|\n\t", max_size=30)
_reference = st.text(alphabet="abc.txt:123 ё", min_size=1, max_size=10).map(str.strip).filter(bool)


@st.composite
def glossaries(draw: st.DrawFn) -> Glossary:
    terms: list[Term] = []
    for i in range(draw(st.integers(1, 6))):
        has_en, has_ru = draw(st.sampled_from([(True, True), (True, False), (False, True)]))

        def designations(lang: str, present: bool, i: int = i) -> tuple[str, tuple[str, ...]]:
            # the index keeps preferred terms unique, as terms.csv requires
            preferred = f"{draw(_designation)} {lang}{i}" if present else ""
            variants = tuple(
                f"{v} {lang}{i}.{j}" for j, v in enumerate(draw(st.lists(_designation, max_size=2)))
            )
            return preferred, variants

        en, en_variants = designations("e", has_en)
        ru, ru_variants = designations("р", has_ru)
        ids = [t.id for t in terms]
        terms.append(
            Term(
                f"{draw(st.from_regex(r'[a-z0-9]{1,6}', fullmatch=True))}-{i}",
                en=en,
                ru=ru,
                en_variants=en_variants if has_en else (),
                ru_variants=ru_variants if has_ru else (),
                en_forbidden=tuple(f"{f} ef{i}.{j}" for j, f in
                                   enumerate(draw(st.lists(_designation, max_size=2)))),
                ru_forbidden=tuple(f"{f} рф{i}.{j}" for j, f in
                                   enumerate(draw(st.lists(_designation, max_size=2)))),
                kind=draw(st.sampled_from(Kind)),
                full_form=draw(st.sampled_from(["", *ids])),
                definition=draw(_prose),
                note=draw(_prose),
                status=draw(st.sampled_from(Status)),
                source=tuple(draw(st.lists(_reference, max_size=2))),
            )
        )  # fmt: skip
    assert validate(terms) == []
    return Glossary(tuple(terms))


@pytest.mark.parametrize("name", sorted(SURVIVES))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glossary=glossaries())
def test_round_trip_keeps_what_the_format_carries(name: str, glossary: Glossary) -> None:
    fmt = registry.by_name(name)
    data = fmt.write(glossary)
    assert fmt.write(glossary) == data  # deterministic
    back = fmt.read(data, f"contract.{name}")
    expected = tuple(p for p in map(SURVIVES[name], glossary) if p is not None)
    assert back.terms == expected
    # exporting what was imported gives the same file, byte for byte
    assert fmt.write(back) == data


@pytest.mark.parametrize("name", sorted(SURVIVES))
def test_an_empty_glossary_round_trips(name: str) -> None:
    fmt = registry.by_name(name)
    assert fmt.read(fmt.write(Glossary()), "empty").terms == ()


@pytest.mark.parametrize("name", ["csv", "omegat"])
@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_spreadsheet_exports_never_start_a_cell_with_a_formula(name: str, start: str) -> None:
    term = Term("f-1", en=f"{start}cmd|' /C calc'!A0", ru=f"{start}1+1", note=f"{start}note",
                definition=f"{start}def", status=Status.REVIEWED)  # fmt: skip
    data = registry.by_name(name).write(Glossary((term,))).decode("utf-8")
    cells = [c.strip('"') for line in data.splitlines()[1:] for c in re.split(r"[,\t]", line)]
    assert not any(c.startswith(start) for c in cells if c), cells
    back = registry.by_name(name).read(data.encode(), "f")
    assert (back.terms[0].en, back.terms[0].ru, back.terms[0].note) == (
        term.en, term.ru, term.note)  # fmt: skip


def test_projections_drop_nothing_they_claim_to_carry() -> None:
    term = Term("x-1", en="a", ru="б", note="n", definition="d", status=Status.REVIEWED)
    for name, project in SURVIVES.items():
        projected = project(term)
        assert projected is not None, name
        fields = registry.by_name(name).fields
        for field in ("en", "ru", "note", "definition"):
            if field in fields:
                assert getattr(projected, field) == getattr(term, field), (name, field)
        assert projected.id == (term.id if "id" in fields else ""), name
