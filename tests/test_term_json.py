"""The one JSON shape of a term: every field survives a round trip, through JSON text too."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from glossary.model import Kind, Status, Term
from glossary.term_json import term_from_json, term_to_json

_text = st.text(max_size=20)
_texts = st.lists(_text, max_size=3).map(tuple)
_terms = st.builds(
    Term,
    id=st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True),
    en=_text,
    ru=_text,
    en_variants=_texts,
    ru_variants=_texts,
    en_forbidden=_texts,
    ru_forbidden=_texts,
    kind=st.sampled_from(Kind),
    full_form=_text,
    definition=_text,
    note=_text,
    status=st.sampled_from(Status),
    source=_texts,
)


@given(_terms)
def test_round_trip(term: Term) -> None:
    record = json.loads(json.dumps(term_to_json(term), ensure_ascii=False))
    assert term_from_json(record) == term


def test_keys_are_the_documented_ones() -> None:
    assert list(term_to_json(Term("x"))) == [
        "id", "en", "ru", "en_variants", "ru_variants", "en_forbidden", "ru_forbidden",
        "kind", "full_form", "definition", "note", "status", "source",
    ]  # fmt: skip


def test_records_without_source_still_read() -> None:
    record = term_to_json(Term("x", en="a", source=("doc.txt:3",)))
    del record["source"]
    assert term_from_json(record) == Term("x", en="a")
