"""The term matcher: inflected forms, word boundaries, the longest cover, exact offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.matching import Role, TermMatcher, designations
from glossary.model import Glossary, Lang, Status, Term

from .conftest import small_glossary


@pytest.fixture(scope="module")
def matcher() -> TermMatcher:
    return TermMatcher(small_glossary())


def _found(matcher: TermMatcher, text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(s.text, s.term_ids) for s in matcher.find(text)]


def test_inflected_russian(matcher: TermMatcher) -> None:
    text = "Стороны обсудили вопрос юридически обязывающих гарантий безопасности и сфер влияния."
    assert _found(matcher, text) == [
        ("юридически обязывающих гарантий безопасности", ("legally-binding-security-guarantees",)),
        ("сфер влияния", ("sphere-of-influence",)),
    ]


def test_english_plural_and_variant(matcher: TermMatcher) -> None:
    text = "Spheres of influence; the Organization for Security and Cooperation in Europe."
    assert [ids for _, ids in _found(matcher, text)] == [("sphere-of-influence",), ("osce-full",)]


def test_no_hits_inside_words(matcher: TermMatcher) -> None:
    assert _found(matcher, "Обсерватория ОБСЕРВАТОРИЯ osces OSCEan") == []
    assert _found(matcher, "ОБСЕ-шный и (ОБСЕ)") == [("ОБСЕ", ("osce",)), ("ОБСЕ", ("osce",))]


def test_longest_match_wins_over_nested(matcher: TermMatcher) -> None:
    text = "legally binding security guarantees, then security guarantees"
    assert _found(matcher, text) == [
        ("legally binding security guarantees", ("legally-binding-security-guarantees",)),
        ("security guarantees", ("security-guarantees",)),
    ]


def test_an_equal_cover_goes_to_the_earlier_term() -> None:
    glossary = Glossary(
        (
            Term("a", en="arms control", status=Status.REVIEWED),
            Term("b", en="control regime", status=Status.REVIEWED),
        )
    )
    spans = TermMatcher(glossary).find("the arms control regime")
    assert [(s.text, s.term_ids) for s in spans] == [("arms control", ("a",))]


def test_longest_coverage_beats_an_earlier_short_term() -> None:
    # invented: a two-word term overlaps the first word of a five-word treaty name
    glossary = Glossary(
        (
            Term("treaty-extension", en="treaty extension", ru="продление договора",
                 status=Status.REVIEWED),
            Term("npt", en="Treaty on the Non-Proliferation of Nuclear Weapons",
                 ru="Договор о нераспространении ядерного оружия", status=Status.REVIEWED),
            Term("nuclear-weapons", en="nuclear weapons", ru="ядерное оружие",
                 status=Status.REVIEWED),
        )
    )  # fmt: skip
    text = "Министры обсудили продление Договора о нераспространении ядерного оружия на пять лет."
    (span,) = TermMatcher(glossary).find(text)
    assert (span.text, span.term_ids) == (
        "Договора о нераспространении ядерного оружия",
        ("npt",),
    )
    assert [(s.text, s.term_ids) for s in span.also] == [
        ("продление Договора", ("treaty-extension",)),
        ("ядерного оружия", ("nuclear-weapons",)),
    ]


def test_two_terms_covering_more_beat_one_in_the_middle() -> None:
    glossary = Glossary(
        (
            Term("a", en="arms control", status=Status.REVIEWED),
            Term("b", en="control regime", status=Status.REVIEWED),
            Term("c", en="regime change", status=Status.REVIEWED),
        )
    )
    spans = TermMatcher(glossary).find("arms control regime change")
    assert [(s.text, [a.text for a in s.also]) for s in spans] == [
        ("arms control", ["control regime"]),
        ("regime change", []),
    ]


def test_offsets_on_tricky_text(matcher: TermMatcher) -> None:
    text = (
        "\ufeffЗаголовок\r\n«Гарантии безопа\u0301сности» — ОБСЕ\u0301;\r\n"
        "сфе\u0301ры влия\u0301ния, Государственный секретарь’s “OSCE”\r\n"
        "партнёрам госсекретарём"
    )
    spans = matcher.find(text)
    assert [text[s.start : s.end] for s in spans] == [s.text for s in spans]
    assert [s.text for s in spans] == [
        "Гарантии безопа\u0301сности",
        "ОБСЕ\u0301",
        "сфе\u0301ры влия\u0301ния",
        "Государственный секретарь",
        "OSCE",
        "госсекретарём",
    ]


def test_from_keys_equals_building_from_the_glossary(matcher: TermMatcher) -> None:
    normalizer = matcher.normalizer
    entries = [(normalizer.key(d.text), d) for term in small_glossary() for d in designations(term)]
    rebuilt = TermMatcher.from_keys(entries)
    text = "Госсекретарь говорил о сферах влияния и ОБСЕ."
    assert rebuilt.find(text) == matcher.find(text)
    assert rebuilt.exact("сферой влияния") == matcher.exact("сферой влияния")


def test_exact_and_designations(matcher: TermMatcher) -> None:
    found = matcher.exact("государственного секретаря")
    assert [(d.term_id, d.role) for d in found] == [("secretary-of-state", Role.PREFERRED)]
    assert matcher.exact("государственного") == ()
    term = small_glossary()["sphere-of-influence"]
    assert [d.role for d in designations(term, forbidden=True) if d.lang is Lang.RU] == [
        Role.PREFERRED, Role.FORBIDDEN,
    ]  # fmt: skip


def test_tokens_argument_is_honoured(matcher: TermMatcher) -> None:
    text = "о сферах влияния"
    tokens = matcher.normalizer.tokens(text)
    assert matcher.find(text, tokens) == matcher.find(text)


def test_empty() -> None:
    assert TermMatcher(Glossary(())).find("ОБСЕ") == []
    assert TermMatcher(small_glossary()).find("") == []


def test_inflections_cover_forms_read_as_other_words() -> None:
    glossary = Glossary(
        (
            Term("un-charter", en="UN Charter", ru="Устав ООН", status=Status.REVIEWED),
            Term("sherman", en="Sherman", ru="Шерман", status=Status.REVIEWED),
            Term("ambassador", en="ambassador", ru="посол", status=Status.REVIEWED),
        )
    )
    text = "Уставом ООН; после встречи посол говорил с Шерманом"
    plain = TermMatcher(glossary)
    assert "Уставом ООН" not in [s.text for s in plain.find(text)]  # устав vs устать
    spans = TermMatcher(glossary, inflections=True).find(text)
    assert [(s.text, s.term_ids) for s in spans] == [
        ("Уставом ООН", ("un-charter",)),
        ("посол", ("ambassador",)),
        ("Шерманом", ("sherman",)),
    ]


@pytest.mark.parametrize("words", [150, 40])
def test_agrees_with_a_brute_force_longest_cover(words: int) -> None:
    """With 150 word keys codes span two characters, with 40 one; the oracle is a
    dynamic programme over word positions (cover, then fewer, then earlier)."""
    import random

    from glossary.text.normalize import Normalizer

    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(words)]
    phrases = {" ".join(rng.choices(vocabulary, k=rng.randint(1, 3))) for _ in range(400)}
    phrases |= {" ".join(rng.choices(vocabulary[:12], k=rng.randint(2, 4))) for _ in range(60)}
    glossary = Glossary(
        tuple(Term(f"t{i}", en=p, status=Status.REVIEWED) for i, p in enumerate(sorted(phrases)))
    )
    normalizer = Normalizer(None, None)
    matcher = TermMatcher(glossary, normalizer)
    text = " ".join(rng.choices(vocabulary[:40], k=3000))
    tokens = normalizer.tokens(text)
    keys = {tuple(p.split()) for p in phrases}
    count = len(tokens)
    # best[i]: (words covered, -terms, -sum of first words) over tokens[i:], and the choice
    best: list[tuple[tuple[int, int, int], int]] = [((0, 0, 0), 0)] * (count + 1)
    for i in range(count - 1, -1, -1):
        options = [(best[i + 1][0], 0)]
        for length in (1, 2, 3, 4):
            words = tuple(t.key for t in tokens[i : i + length])
            if len(words) == length and words in keys:
                rest = best[i + length][0]
                options.append(((rest[0] + length, rest[1] - 1, rest[2] - i), length))
        best[i] = max(options, key=lambda option: option[0])
    expected, i = [], 0
    while i < count:
        length = best[i][1]
        if length:
            expected.append((tokens[i].start, tokens[i + length - 1].end))
            i += length
        else:
            i += 1
    spans = matcher.find(text)
    assert sum(1 for s in spans if s.also) > 10  # the text really has overlaps
    assert [(s.start, s.end) for s in spans] == expected
    assert [(s.start, s.end) for s in matcher.find(text, tokens)] == expected


def test_a_term_ending_in_a_period_keeps_it() -> None:
    """Regression: "U.S." was annotated as "U.S" followed by a stray period."""
    matcher = TermMatcher([Term("us", en="U.S.", ru="США"), Term("nato", en="NATO", ru="НАТО")])
    assert [s.text for s in matcher.find("the U.S. Secretary and NATO.")] == ["U.S.", "NATO"]
    assert [s.text for s in matcher.find("the U.S Secretary")] == ["U.S"]


@pytest.mark.parametrize("words", [0, 1, 63, 64, 65, 4095, 19_959, 100_000, 4096**2 + 5])
def test_word_codes_are_distinct_and_positional(words: int) -> None:
    """Every word key and the filler get distinct codes, each position of a code
    from its own characters (so no pattern matches from inside a code)."""
    from glossary.matching import _FIRST_DIGIT, _digits, _shape

    width, base = _shape(words)
    assert base**width > words
    assert width == (1 if words < 64 else 2 if words < 4096**2 else 3)
    sample = {0, 1, words // 2, words - 1, words} - {-1}
    codes = {n: _digits(n, width, base) for n in sample if n <= words}
    assert len(set(codes.values())) == len(codes)
    for code in codes.values():
        assert len(code) == width
        for position, character in enumerate(code):
            assert 0 <= ord(character) - _FIRST_DIGIT - position * base < base


def test_labels_show_the_best_concept_and_survive_the_payload() -> None:
    """Each hit's compiled label is its best concept's rendering (preferred before
    variant, reviewed before not), kept through the stored payload; a mark its
    designations end with stays in the hit."""
    glossary = Glossary(
        (
            Term("draft", en="bloc", ru="блок", status=Status.DRAFT),
            Term("variant", en="unit", ru="узел", ru_variants=("блок",), status=Status.REVIEWED),
            Term("best", en="barrier", ru="блок", status=Status.REVIEWED),
            Term("us", en="U.S.", ru="США", status=Status.REVIEWED),
            Term("empty", en="arms control"),
        )
    )
    matcher = TermMatcher(glossary)
    text = "Блок, U.S. и arms control."
    expected = [(0, 4, " [barrier]"), (6, 10, " [США]"), (13, 25, " [?—]")]
    assert matcher.labelled(text) == expected
    loaded = TermMatcher.from_payload(matcher.to_payload())
    assert loaded.labels and loaded.labelled(text) == expected
    assert [(s.start, s.end) for s in loaded.find(text)] == [(a, b) for a, b, _ in expected]


def test_a_matcher_without_summaries_has_no_labels(matcher: TermMatcher) -> None:
    normalizer = matcher.normalizer
    entries = [(normalizer.key(d.text), d) for term in small_glossary() for d in designations(term)]
    rebuilt = TermMatcher.from_keys(entries)
    assert matcher.labels and not rebuilt.labels
    with pytest.raises(ValueError, match="without labels"):
        rebuilt.labelled("ОБСЕ")
    assert not TermMatcher.from_payload(rebuilt.to_payload()).labels


def test_a_payload_with_parts_missing_is_refused(matcher: TermMatcher) -> None:
    payload = matcher.to_payload()
    with pytest.raises(ValueError, match="parts missing"):
        TermMatcher.from_payload(payload[:3])
    loaded = TermMatcher.from_payload(payload)
    assert loaded.exact("сферы влияния") == matcher.exact("сферы влияния") != ()


# -- the compiler against the one it replaced ---------------------------------------


def _reference_tables(items: list[tuple[tuple[str, ...], str]]) -> tuple[object, ...]:
    """The tables the compiler made before the column layout (glossary-matcher-9,
    entry by entry), as plain values: the new compiler must make the same."""
    from array import array
    from bisect import bisect_right

    from glossary.matching import _MARK, _SHOWN_SEP, _digits, _shape, _trailing_marks

    groups: dict[tuple[str, ...], int] = {}
    firsts: list[str] = []
    extras: dict[int, dict[str, None]] = {}
    for key, record in items:
        if key:
            group = groups.setdefault(key, len(firsts))
            if group == len(firsts):
                firsts.append(record)
            elif record != firsts[group]:
                extras.setdefault(group, {})[record] = None
    numbers: dict[str, int] = {}
    members, offsets = array("I"), array("I", [0])
    for group, first in enumerate(firsts):
        members.append(numbers.setdefault(first, len(numbers)))
        members.extend([numbers.setdefault(r, len(numbers)) for r in extras.get(group, ())])
        offsets.append(len(members))
    strings = list(numbers)
    labels = None
    if strings and _SHOWN_SEP in strings[0]:
        split = [record.partition(_SHOWN_SEP) for record in strings]
        strings = [fields for fields, _, _ in split]
        shown = [s for _, _, s in split]
        best = array("I", [members[offsets[g]] for g in range(len(firsts))])
        for group in extras:
            best[group] = min(
                members[offsets[group] : offsets[group + 1]], key=lambda r: shown[r][0]
            )
        text_offsets = [0]
        for label in shown:
            text_offsets.append(text_offsets[-1] + len(label.encode()) - 1)
        marked = {r for r, fields in enumerate(strings) if _MARK.match(fields, len(fields) - 1)}
        tails: dict[int, tuple[str, ...]] = {}
        for position, member in enumerate(members):
            group = bisect_right(offsets, position) - 1
            if member in marked and group not in tails:
                found = members[offsets[group] : offsets[group + 1]]
                tails[group] = _trailing_marks([strings[r] for r in found])
        text = "".join([label[1:] for label in shown]).encode()
        labels = (text, text_offsets, list(best), tails)
    record_offsets = [0]
    for record in strings:
        record_offsets.append(record_offsets[-1] + len(record.encode()))
    distinct = dict.fromkeys(word for key in groups for word in key)
    width, base = _shape(len(distinct))
    codes = {word: _digits(n, width, base) for n, word in enumerate(distinct, 1)}
    patterns = sorted(("".join(codes[w] for w in key), g) for g, key in enumerate(groups))
    counts = [len(key) for key in groups]
    record_bytes = "".join(strings).encode()
    return (width, base, list(codes.items()), patterns, counts, list(members), list(offsets),
            record_bytes, record_offsets, labels)  # fmt: skip


def _tables_of(items: list[tuple[tuple[str, ...], str]]) -> tuple[object, ...]:
    from glossary.matching import _compile, _entries, _filler

    t = _compile(_entries(items))
    assert t.codes is not None
    filler = _filler(1)
    patterns = sorted((p, g) for p, g in t.automaton.items() if not p.startswith(filler))
    labels = None
    if t.labels is not None:
        la = t.labels
        labels = (la.text, list(la.offsets), list(la.best), la.tails)
    return (t.width, t.base, list(t.codes.items()), patterns, list(t.counts), list(t.members),
            list(t.offsets), t.records, list(t.record_offsets), labels)  # fmt: skip


_WORD_POOL = ("a", "b", "c", "d")
_TEXTS = ("U.S.", "arms", "«щит»", "щит", "x-y")


@st.composite
def _items(draw: st.DrawFn) -> list[tuple[tuple[str, ...], str]]:
    """Entries with many homonyms, duplicates, empty keys and marks: keys and records
    drawn independently from small pools."""
    from glossary.matching import pack_fields

    labelled = draw(st.booleans())
    summaries = {
        t: (f"{t} en", "" if t == "t2" else f"{t} ru", t != "t1") for t in ("t0", "t1", "t2")
    }
    record = st.builds(
        lambda term, lang, role, text: pack_fields(
            term, lang, role, text, summaries[term] if labelled else None
        ),
        st.sampled_from(sorted(summaries)),
        st.sampled_from(("en", "ru")),
        st.sampled_from(("preferred", "variant", "forbidden")),
        st.sampled_from(_TEXTS),
    )
    key = st.lists(st.sampled_from(_WORD_POOL), max_size=3).map(tuple)
    return draw(st.lists(st.tuples(key, record), max_size=30))


@settings(max_examples=300, deadline=None)
@given(_items())
def test_the_compiler_makes_the_tables_the_entry_by_entry_one_made(
    items: list[tuple[tuple[str, ...], str]],
) -> None:
    assert _tables_of(items) == _reference_tables(items)
