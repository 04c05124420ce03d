"""formats/po.py: the one room for PO — our writer, the linear MO writer, the readers."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.errors import FormatError
from glossary.formats import decode_text
from glossary.formats import po as po_format
from glossary.model import Glossary, Lang, Status, Term
from tests.conftest import small_glossary

SRC = Path(__file__).resolve().parents[2] / "src"


def test_only_po_py_imports_polib() -> None:
    importers = sorted(
        str(p.relative_to(SRC)) for p in SRC.rglob("*.py") if "import polib" in p.read_text("utf-8")
    )
    assert importers == ["glossary/formats/po.py"]


def _catalog(glossary: Glossary, target: Lang = Lang.RU) -> po_format.Catalog:
    return po_format.build_catalog(glossary, target, revision_date="2026-01-01 00:00+0000")


def test_mo_matches_what_msgfmt_compiles(tmp_path: Path) -> None:
    glossary = small_glossary().with_terms(
        [
            Term("homonym-a", en="security", ru="безопасность", definition="Being safe.",
                 status=Status.REVIEWED),
            Term("homonym-b", en="security", ru="залог", definition="A pledge.",
                 status=Status.REVIEWED),
        ]
    )  # fmt: skip
    catalog = _catalog(glossary)
    (tmp_path / "g.po").write_bytes(po_format.render_po(catalog))
    (tmp_path / "ours.mo").write_bytes(po_format.compile_mo(catalog))
    subprocess.run(
        ["msgfmt", "-c", "-o", str(tmp_path / "msgfmt.mo"), str(tmp_path / "g.po")], check=True
    )

    def dump(name: str) -> str:
        return subprocess.run(
            ["msgunfmt", str(tmp_path / name)], check=True, capture_output=True, text=True
        ).stdout

    assert dump("ours.mo") == dump("msgfmt.mo")
    with (tmp_path / "ours.mo").open("rb") as f:
        compiled = read_mo(f)
    assert compiled.get("security", context="homonym-b").string == "залог"
    assert "sphere of influence" not in compiled  # fuzzy: not compiled


def test_mo_header_reads_the_checksum_and_count() -> None:
    catalog = _catalog(small_glossary())
    header = po_format.mo_header(po_format.compile_mo(catalog))
    assert header is not None
    assert header[po_format.CHECKSUM_HEADER] == catalog.meta(po_format.CHECKSUM_HEADER)
    translated = sum(1 for e in catalog.entries if e.msgstr and not e.fuzzy)
    assert header["#entries"] == str(translated + 1)
    assert po_format.mo_header(b"not a mo file at all, but long enough") is None


_TEXT = (
    st.text(st.sampled_from(list('aZ жЯё"\\\t«»#:%')), min_size=1, max_size=15)
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)


@settings(max_examples=40, deadline=None)
@given(en=_TEXT, ru=_TEXT, note=st.text(st.sampled_from(list('ab \n\t\\"ё')), max_size=20))
def test_our_writer_round_trips_through_polib(en: str, ru: str, note: str) -> None:
    glossary = Glossary((Term("t", en=en, ru=ru, note=note, status=Status.REVIEWED),))
    po = po_format.parse_catalog(po_format.render_po(_catalog(glossary)), "g.po")
    [state] = po_format.entry_states(po, glossary, "g.po")
    assert (state.rendering, state.fuzzy) == (ru, False)
    assert state.note.split() == note.split()
    assert state.base == po_format.base_of(po_format.state_of(glossary["t"], Lang.RU))


def test_translation_units_read_regional_languages_and_skip_fuzzy() -> None:
    text = (
        'msgid ""\nmsgstr ""\n"Language: ru_RU\\n"\n"X-Source-Language: en-GB\\n"\n\n'
        '#: talks.txt:3\nmsgid "Talks began."\nmsgstr "Переговоры начались."\n\n'
        '#, fuzzy\nmsgid "Not yet."\nmsgstr "Ещё нет."\n'
    )
    po = po_format.parse_po(text.encode(), "d.po")
    [unit] = po_format.translation_units(po, "d.po")
    assert (unit.source_lang, unit.target_lang, unit.origin) == (Lang.EN, Lang.RU, "talks.txt:3")
    [by_line] = po_format.translation_units(po, "d.po", origin_by_line=True)
    assert by_line.origin == "d.po:6"  # where the entry starts


def test_decode_text_strips_a_bom_and_names_the_bad_line() -> None:
    assert decode_text(b"\xef\xbb\xbfabc", "x") == "abc"
    with pytest.raises(FormatError, match=r"x:2: not UTF-8 \(byte 0xff\)"):
        decode_text(b"ok\n\xff\n", "x")


def test_crlf_catalog_reads_like_lf() -> None:
    data = po_format.render_po(_catalog(small_glossary()))
    lf = po_format.entry_states(po_format.parse_catalog(data, "a"), small_glossary(), "a")
    crlf_data = data.replace(b"\n", b"\r\n")
    crlf = po_format.entry_states(po_format.parse_catalog(crlf_data, "a"), small_glossary(), "a")
    assert lf == crlf


def test_fast_block_reader_agrees_with_polib() -> None:
    glossary = small_glossary()
    data = po_format.render_po(_catalog(glossary))
    expected = po_format.entry_states(po_format.parse_catalog(data, "g.po"), glossary, "g.po")
    fast = po_format.catalog_states(data, glossary, "g.po").states
    assert fast == expected
    # One block an editor rewrote in its own layout goes to polib, line numbers kept.
    text = data.decode()
    mixed = text.replace('msgstr "ОБСЕ"', 'msgstr ""\n"ОБ"\n"СЕ (ред.)"', 1).encode()
    polib_states = po_format.entry_states(po_format.parse_catalog(mixed, "g.po"), glossary, "g.po")
    fast_states = po_format.catalog_states(mixed, glossary, "g.po").states
    assert fast_states == polib_states
    assert next(s for s in fast_states if s.term_id == "osce").rendering == "ОБСЕ (ред.)"


def test_fast_block_reader_finds_a_duplicate_across_both_readers() -> None:
    glossary = small_glossary()
    data = po_format.render_po(_catalog(glossary)).decode()
    block = data[
        data.index("#. kind: acronym") : data.index('msgstr "ОБСЕ"') + len('msgstr "ОБСЕ"')
    ]
    with pytest.raises(FormatError, match=r"duplicate entry for 'OSCE'|second entry"):
        po_format.catalog_states((data + "\n" + block + "\n").encode(), glossary, "g.po")


def _changed(glossary: Glossary) -> Glossary:
    """A few concepts replaced: a rendering, a source term that now collides with
    another's (msgctxt appears), a full form's source term (its acronym's entry shows it)."""
    return glossary.with_terms(
        [
            replace(glossary["sphere-of-influence"], ru="сфера интересов"),
            replace(
                glossary["security-guarantees"],
                en="Secretary of State",
                ru="Государственный секретарь",
            ),
            replace(glossary["osce-full"], en="Organisation for Security in Europe"),
            Term("added", en="added term", ru="новый термин"),
        ]
    )


@pytest.mark.parametrize("target", [Lang.RU, Lang.EN])
def test_a_build_lending_entries_from_a_previous_one_renders_the_same_bytes(
    target: Lang,
) -> None:
    before = small_glossary()
    previous = _catalog(before, target)
    after = _changed(before)
    fresh = _catalog(after, target)
    lent = po_format.build_catalog(
        after, target, revision_date="2026-01-01 00:00+0000", previous=previous
    )
    assert (lent.body, lent.starts, lent.contexts) == (fresh.body, fresh.starts, fresh.contexts)
    assert fresh.contexts  # the collision made a msgctxt: the test covers that case
    assert po_format.render_po(lent) == po_format.render_po(fresh)
    # Entries are values again on demand, and render to the same bytes.
    assert po_format._render_body(lent.entries) == fresh.body


def test_catalog_of_a_written_build_finds_its_entries() -> None:
    glossary = small_glossary()
    built = _catalog(glossary)
    found = po_format.catalog_of(po_format.render_po(built), glossary, Lang.RU)
    assert found is not None
    assert (found.body, found.starts, found.ids) == (built.body, built.starts, built.ids)
    # Another glossary's build (one entry more) does not split into this one's entries.
    other = po_format.render_po(_catalog(_changed(glossary)))
    assert po_format.catalog_of(other, glossary, Lang.RU) is None


def test_entries_as_built_are_not_read_and_an_edit_is() -> None:
    glossary = small_glossary()
    built = _catalog(glossary)
    data = po_format.render_po(built).replace(b'msgstr "\xd0\x9e\xd0\x91\xd0\xa1\xd0\x95"',
                                              'msgstr "ОБСЕ (ред.)"'.encode())  # fmt: skip
    read = po_format.catalog_states(data, glossary, "g.po", expected=built)
    [state] = read.states
    assert (state.term_id, state.rendering) == ("osce", "ОБСЕ (ред.)")
    assert read.unedited == set(built.ids) - {"osce"}
    without = po_format.catalog_states(data, glossary, "g.po").states
    assert next(s for s in without if s.term_id == "osce") == state  # same line, same state


def test_a_copy_of_an_entry_as_built_is_still_a_duplicate() -> None:
    glossary = small_glossary()
    built = _catalog(glossary)
    text = po_format.render_po(built).decode()
    block = text[
        text.index("#. kind: acronym") : text.index('msgstr "ОБСЕ"') + len('msgstr "ОБСЕ"')
    ]
    copied = text.replace('msgstr "ОБСЕ"', 'msgstr "ОБСЕ"\n\n' + block.replace("ОБСЕ", "ОБ"), 1)
    with pytest.raises(FormatError, match=r"g.po:\d+: (duplicate entry|second entry)"):
        po_format.catalog_states(copied.encode(), glossary, "g.po", expected=built)
    # The very same block twice: the second is read, and is a duplicate of the first.
    twice = text + "\n" + text[text.index("#. kind: acronym") - 1 :].split("\n\n")[0] + "\n"
    with pytest.raises(FormatError, match=r"g.po:\d+: (duplicate entry|second entry)"):
        po_format.catalog_states(twice.encode(), glossary, "g.po", expected=built)


#: An invented catalog with every kind of block: plain, msgctxt, fuzzy, untranslated,
#: obsolete, escapes, a wrapped entry, a plural one and a second entry for one msgid.
_MIXED_PO = r"""# header comment
msgid ""
msgstr ""
"Language: en\n"
"X-Source-Language: ru\n"

#. id: c1
#: terms.csv:2
msgid "посол"
msgstr "ambassador"

#. id: c2
msgctxt "c2"
msgid "мир"
msgstr "peace"

#, fuzzy
msgid "война"
msgstr "war"

#, python-format, fuzzy
msgid "договор"
msgstr "treaty"

msgid "санкции"
msgstr ""

#~ msgid "старое"
#~ msgstr "old"

# a translator's note
msgid "кавычки \"и\" обратный \\ слэш\tтаб"
msgstr "quotes \"and\" back \\ slash\ttab\nnew line"

msgid ""
"перенесённая "
"строка"
msgstr "wrapped line"

msgid "яблоко"
msgid_plural "яблоки"
msgstr[0] "apple"
msgstr[1] "apples"

msgid "посол"
msgstr "envoy"
"""


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_fast_memory_reader_gives_what_polib_gives(line_end: str) -> None:
    data = _MIXED_PO.replace("\n", line_end).encode()
    slow = po_format.translation_units(
        po_format.parse_po(data, "m.po"), "m.po", origin_by_line=True
    )
    fast = po_format.read_translation_units(data, "m.po")
    assert fast == slow
    sources = [u.source for u in fast]
    assert "война" not in sources and "старое" not in sources and "санкции" not in sources
    assert sources.count("посол") == 2  # the first one wins in memory, so order matters
    assert 'кавычки "и" обратный \\ слэш\tтаб' in sources


def test_fast_memory_reader_on_a_catalog_we_write() -> None:
    glossary = small_glossary()
    data = po_format.render_po(_catalog(glossary, Lang.EN))
    slow = po_format.translation_units(
        po_format.parse_po(data, "c.po"), "c.po", origin_by_line=True
    )
    assert slow and po_format.read_translation_units(data, "c.po") == slow


@pytest.mark.parametrize(
    "bad",
    [
        'msgid "a"\nmsgstr "bad \\q escape"\n',
        'msgid "a"\nmsgstr "unterminated\n',
        'msgid "a"\nmsgstr "b"\nmsgid "c"\nmsgtsr "d"\n',
        '"Language: zz\\n"\n',
    ],
)
def test_fast_memory_reader_raises_what_polib_path_raises(bad: str) -> None:
    head = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "x"\nmsgstr "y"\n\n'
    if bad.startswith('"Language'):
        head, bad = 'msgid ""\nmsgstr ""\n', bad + '\nmsgid "x"\nmsgstr "y"\n'
    data = (head + bad).encode()
    with pytest.raises(FormatError) as slow:
        po_format.translation_units(po_format.parse_po(data, "e.po"), "e.po")
    with pytest.raises(FormatError) as fast:
        po_format.read_translation_units(data, "e.po")
    assert str(fast.value) == str(slow.value)
    assert ":0:" not in str(fast.value)


def test_a_polib_complaint_with_detail_after_its_line_keeps_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """polib writes ``(line N): unknown keyword foo``; the line used to be dropped."""
    data = b'msgid "a"\nmsgstr "b"\n\n#| foo "x"\nmsgid "c"\nmsgstr "d"\n'
    with pytest.raises(FormatError) as caught:
        po_format.parse_po(data, "bad.po")
    assert (caught.value.line, caught.value.message) == (
        4,
        "malformed PO file: syntax error in po file: unknown keyword foo",
    )
    (tmp_path / "bad.po").write_bytes(data)
    monkeypatch.chdir(tmp_path)
    from glossary.cli import main

    assert main(["check", "bad.po"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bad.po:4: malformed PO file"), err
    assert len(err.splitlines()) == 1
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "odd",
    [
        '#,fuzzy\nmsgid "a"\nmsgstr "b"\n',
        '#, fuzzy \nmsgid "a"\nmsgstr "b"\n',
        '#.x\nmsgid "a"\nmsgstr "b"\n',
        "## note\n#\n#:\n" + 'msgid "a"\nmsgstr "b"\n',
        '#| msgid "old"\nmsgid "a"\nmsgstr "b"\n',
        '  msgid "a"\nmsgstr  "b" \n',
        'msgctxt "k"\nmsgid "a"\nmsgstr "b"\n# after\n',
        'msgstr "b"\nmsgid "a"\n',
        'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n',
        # polib skips an empty "#." line: the entry starts at the next (was a line early)
        '#. \nmsgid "a"\nmsgstr "b"\n',
        # polib joins a comment after a msgstr to the next block's entry (was two entries)
        'msgid "x"\nmsgstr "y"\n# c\n\nmsgid "a"\nmsgstr "b"\n',
    ],
)
def test_fast_memory_reader_agrees_with_polib_on_odd_blocks(odd: str) -> None:
    data = ('msgid ""\nmsgstr ""\n"Language: ru\\n"\n\n' + odd).encode()

    def outcome(read: Callable[[], object]) -> object:
        try:
            return read()
        except FormatError as exc:
            return str(exc)

    slow = outcome(
        lambda: po_format.translation_units(
            po_format.parse_po(data, "o.po"), "o.po", origin_by_line=True
        )
    )
    assert outcome(lambda: po_format.read_translation_units(data, "o.po")) == slow


_OSCE_BLOCK = '#. id: osce\n#. base: a1b2c3\nmsgid "OSCE"\nmsgstr "ОБСЕ"\n'


@pytest.mark.parametrize(
    "odd",
    [
        # fuzzy on the first of two flag lines (was read as not fuzzy)
        "#, fuzzy\n#, c-format\n" + _OSCE_BLOCK,
        # "#.x" is a syntax error to polib (was read as a comment)
        "#.x\n" + _OSCE_BLOCK,
        # a comment after the msgstr is the next entry's to polib (was this one's note)
        _OSCE_BLOCK + "# late note\n",
        # and a flag line left there belongs to the next block's entry (was dropped)
        'msgid "security guarantees"\nmsgstr "гарантии"\n#, fuzzy\n\n' + _OSCE_BLOCK,
    ],
)
def test_fast_catalog_reader_agrees_with_polib_on_odd_blocks(odd: str) -> None:
    glossary = small_glossary()
    data = ('msgid ""\nmsgstr ""\n"Language: ru\\n"\n\n' + odd).encode()
    slow = _outcome(
        lambda: po_format.entry_states(po_format.parse_catalog(data, "o.po"), glossary, "o.po")
    )
    assert _outcome(lambda: po_format.catalog_states(data, glossary, "o.po").states) == slow


# --- the one plain-block reader against polib, on invented catalogs ----------------------

#: Characters of invented strings and comments. Not the ones Python's splitlines breaks
#: lines at besides \n (\v, \f, \x1c-\x1e, \x85, \u2028, \u2029): polib splits its input
#: there and gettext does not, so polib is no oracle for them.
_CHARS = st.sampled_from(list('aZ жЁ"\\\t\r\n«»#:,.'))
_WORDS = st.text(_CHARS, max_size=8)
_LINE = st.text(st.sampled_from(list('aZ жЁ"\\\t#:,.id')), max_size=10)


def _literal(value: str) -> str:
    return '"' + po_format._escape(value) + '"'


def _now_and_then(draw: st.DrawFn, one_in: int) -> bool:
    return draw(st.integers(1, one_in)) == 1


@st.composite
def _string_lines(draw: st.DrawFn, keyword: str, values: st.SearchStrategy[str]) -> list[str]:
    """``keyword "…"`` on one line, now and then wrapped over several (an editor's)."""
    if not _now_and_then(draw, 5):
        return [f"{keyword} {_literal(draw(values))}"]
    pieces = draw(st.lists(values, min_size=1, max_size=3))
    return [f'{keyword} ""', *map(_literal, pieces)]


_IDS = st.sampled_from(["osce", "osce-full", "security-guarantees", "nobody"])
_COMMENT = st.one_of(
    _LINE.map(lambda t: f"# {t}"),
    st.just("#"),
    _LINE.map(lambda t: f"#. {t}"),
    st.just("#: talks.txt:3 notes.txt"),
    st.sampled_from(["#, fuzzy", "#, python-format, fuzzy", "#, c-format", "#, "]),
)
#: Lines outside the plain layout, or inside it with an editor's spacing.
_ODD_COMMENT = st.one_of(
    st.sampled_from(["#.x", "## double", '#| msgid "old"', "#. ", "#:", "#,fuzzy", "#\tx"]),
    st.tuples(st.sampled_from([" ", "\t"]), _IDS, st.sampled_from(["", " "])).map(
        lambda p: f"#. {p[0]}id: {p[1]}{p[2]}"
    ),
    st.sampled_from(["", " x"]).map(lambda b: f"#. base: {b}"),
)


@st.composite
def _comment_lines(draw: st.DrawFn) -> list[str]:
    """Comment lines of every kind polib reads, often our ``id:`` and ``base:``."""
    lines = draw(st.lists(_COMMENT, max_size=4))
    if not _now_and_then(draw, 3):
        lines.insert(draw(st.integers(0, len(lines))), f"#. id: {draw(_IDS)}")
    if not _now_and_then(draw, 4):
        lines.insert(draw(st.integers(0, len(lines))), "#. base: a1b2c3")
    if _now_and_then(draw, 6):
        lines.insert(draw(st.integers(0, len(lines))), draw(_ODD_COMMENT))
    return lines


@st.composite
def _entry(draw: st.DrawFn) -> str:
    """One entry: comments, an optional msgctxt, msgid and msgstr, now and then obsolete,
    out of order, or with a comment after its msgstr."""
    lines = draw(_comment_lines())
    if _now_and_then(draw, 4):
        lines += draw(_string_lines("msgctxt", st.one_of(_IDS, _WORDS)))
    msgid = draw(_string_lines("msgid", st.one_of(_WORDS, st.sampled_from(["OSCE", "war"]))))
    msgstr = draw(_string_lines("msgstr", _WORDS))
    shape = draw(st.sampled_from(["plain"] * 12 + ["obsolete", "reversed", "trailing comment"]))
    if shape == "reversed":
        return "\n".join([*lines, *msgstr, *msgid])
    lines += msgid + msgstr
    if shape == "obsolete":
        lines = [line if line.startswith("#") else f"#~ {line}" for line in lines]
    if shape == "trailing comment":
        lines.append(draw(st.sampled_from(["# after", "#. id: osce", "#, fuzzy"])))
    return "\n".join(lines)


_INVENTED_HEAD = 'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"X-Source-Language: en\\n"\n'
_INVENTED_PO = st.lists(_entry(), max_size=6).map(
    lambda entries: "\n\n".join([_INVENTED_HEAD, *entries]) + "\n"
)


def _outcome(read: Callable[[], object]) -> object:
    try:
        return read()
    except FormatError as exc:
        return f"error {exc}"


@settings(max_examples=150, deadline=None)
@given(entry=_entry())
def test_the_plain_block_reader_reads_each_field_as_polib_does(entry: str) -> None:
    plain = po_format._plain_block(entry)
    # after a header: polib takes the comment of a file's first entry for the file's
    data = f"{_INVENTED_HEAD}\n{entry}\n".encode()
    entries = _outcome(lambda: list(po_format.parse_po(data, "e.po")))
    if plain is None:
        return  # left to polib: the whole-file properties below cover what follows
    assert isinstance(entries, list), entries  # a plain block is one polib can read
    [read] = entries
    note, term_id, base = plain.comment_fields()
    assert (plain.msgctxt, plain.msgid, plain.msgstr, plain.fuzzy) == (
        read.msgctxt,
        read.msgid,
        read.msgstr,
        read.fuzzy,
    )
    assert note == read.tcomment
    assert (read.msgctxt or term_id, base) == po_format._entry_id_and_base(read)


@settings(max_examples=80, deadline=None)
@given(text=_INVENTED_PO)
def test_the_memory_reader_gives_what_polib_gives_on_invented_catalogs(text: str) -> None:
    data = text.encode()
    slow = _outcome(
        lambda: po_format.translation_units(
            po_format.parse_po(data, "i.po"), "i.po", origin_by_line=True
        )
    )
    assert _outcome(lambda: po_format.read_translation_units(data, "i.po")) == slow


@settings(max_examples=80, deadline=None)
@given(text=_INVENTED_PO)
def test_the_catalog_reader_gives_what_polib_gives_on_invented_catalogs(text: str) -> None:
    """The same states, or an error both ways. Strict, as a sync reads (not strict,
    :func:`catalog_states` still stops at a second entry for one concept). Which error
    comes first may differ where a file has two: the blocks read here are checked
    before polib reads the rest."""
    glossary, data = small_glossary(), text.encode()
    slow = _outcome(
        lambda: po_format.entry_states(po_format.parse_catalog(data, "i.po"), glossary, "i.po")
    )
    fast = _outcome(lambda: po_format.catalog_states(data, glossary, "i.po").states)
    if isinstance(slow, str) and isinstance(fast, str):
        assert re.fullmatch(r"error i\.po:[1-9]\d*: .+", fast), fast
    else:
        assert fast == slow


_RAW_TEXT = st.text(st.sampled_from(list('aZ жё"\\\t\n\r |#:.\xa0\u2028')), max_size=12)


@st.composite
def _raw_terms(draw: st.DrawFn) -> Glossary:
    """Concepts no validation has seen: trailing blanks, tabs, line breaks anywhere."""
    count = draw(st.integers(1, 5))
    ids = [f"t{i}" for i in range(count)]
    terms = [
        Term(
            ids[i] + draw(st.sampled_from(["", " ", "\t"])),
            en=draw(_RAW_TEXT) or "x",  # a source term for the Russian catalog
            ru=draw(_RAW_TEXT),
            en_variants=tuple(draw(st.lists(_RAW_TEXT, max_size=2))),
            ru_variants=tuple(draw(st.lists(_RAW_TEXT, max_size=2))),
            en_forbidden=tuple(draw(st.lists(_RAW_TEXT, max_size=1))),
            ru_forbidden=tuple(draw(st.lists(_RAW_TEXT, max_size=1))),
            definition=draw(_RAW_TEXT),
            note=draw(_RAW_TEXT),
            full_form=draw(st.sampled_from(["", *ids])),
            status=draw(st.sampled_from(list(Status))),
            source=tuple(
                draw(st.lists(st.sampled_from(["a.txt:1", "b c.txt:20", "x"]), max_size=2))
            ),
        )
        for i in range(count)
    ]
    return Glossary(tuple(terms))


@settings(max_examples=150, deadline=None)
@given(glossary=_raw_terms(), target=st.sampled_from([Lang.RU, Lang.EN]))
def test_an_entry_renders_as_its_fields_do(glossary: Glossary, target: Lang) -> None:
    """The one-pass render of a build is byte for byte the entry made of its values."""
    catalog = _catalog(glossary, target)
    assert catalog.entries or target is Lang.EN  # every English term is a source term
    assert po_format._render_body(catalog.entries) == catalog.body


def _blank_block_by_block(data: bytes, expected: po_format.Catalog) -> tuple[bytes, dict[str, int]]:
    """The reference for ``_blank_unedited``: every block compared, none skipped."""
    body, starts, ids = bytes(expected.body), expected.starts, expected.ids
    unedited: dict[str, int] = {}
    pieces = data.split(b"\n\n")
    index = {term_id: n for n, term_id in enumerate(ids)}
    line = pieces[0].count(b"\n") + 3
    at = 0
    last = len(pieces) - 1
    for i in range(1, len(pieces)):
        piece = pieces[i]
        newlines = piece.count(b"\n")
        block = piece[:-1] if i == last and piece.endswith(b"\n") else piece
        k = at
        if k >= len(ids) or body[starts[k] + 1 : starts[k + 1] - 1] != block:
            k = index.get(po_format._block_id(block), -1)
            if k < 0 or body[starts[k] + 1 : starts[k + 1] - 1] != block:
                k = -1
        if k >= 0 and ids[k] not in unedited:
            unedited[ids[k]] = line
            pieces[i] = b"\n" * newlines
            at = k + 1
        line += newlines + 2
    return b"\n\n".join(pieces), unedited


_EDITS = st.sampled_from(
    ["msgstr", "delete", "duplicate", "move", "blank", "glue", "comment", "trail", "lead"]
)


@settings(max_examples=300, deadline=None)
@given(edits=st.lists(st.tuples(_EDITS, st.integers(0, 200)), max_size=4))
def test_unedited_blocks_are_found_as_comparing_every_block_finds_them(
    edits: list[tuple[str, int]],
) -> None:
    """Edits anywhere (changed, moved, doubled, glued or padded blocks): the runs
    skipped as equal give the same blanked bytes, concepts and lines as comparing all."""
    expected = _catalog(small_glossary())
    head, _, rest = po_format.render_po(expected).partition(b"\n\n")
    blocks = rest.split(b"\n\n")
    for edit, at in edits:
        i = at % len(blocks)
        if edit == "msgstr":
            blocks[i] = blocks[i].replace(b'msgstr "', b'msgstr "x', 1)
        elif edit == "delete" and len(blocks) > 1:
            del blocks[i]
        elif edit == "duplicate":
            blocks.insert(at % (len(blocks) + 1), blocks[i])
        elif edit == "move":
            blocks.insert(at % len(blocks), blocks.pop(i))
        elif edit == "blank":
            blocks[i] = b"\n" * (at % 3) + blocks[i]
        elif edit == "glue" and i + 1 < len(blocks):
            blocks[i : i + 2] = [blocks[i] + b"\n" + blocks[i + 1]]
        elif edit == "comment":
            blocks[i] = b"# note\n" + blocks[i]
        elif edit == "trail":
            blocks[-1] += b"\n" * (at % 3)
        elif edit == "lead":
            blocks[0] = b"\n" + blocks[0]
    data = head + b"\n\n" + b"\n\n".join(blocks)
    unedited: dict[str, int] = {}
    blanked = po_format._blank_unedited(data, expected, unedited)
    reference, wanted = _blank_block_by_block(data, expected)
    assert (blanked, list(unedited.items())) == (reference, list(wanted.items()))
    if not edits:
        assert len(unedited) == len(expected.ids)


@given(data=st.binary(max_size=40), body=st.binary(max_size=40), at=st.integers(0, 8))
def test_common_runs_are_the_longest_equal_prefix_and_suffix(
    data: bytes, body: bytes, at: int
) -> None:
    at = min(at, len(data))
    rest = data[at:]
    prefix = next((n for n in range(min(len(rest), len(body))) if rest[n] != body[n]), None)
    assert po_format._common_run(data, at, body) == (
        min(len(rest), len(body)) if prefix is None else prefix
    )
    suffix = 0
    while suffix < min(len(rest), len(body)) and rest[-1 - suffix] == body[-1 - suffix]:
        suffix += 1
    assert po_format._common_run(data, at, body, from_end=True) == suffix
