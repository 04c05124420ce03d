"""formats/po.py: the one room for PO — our writer, the linear MO writer, the readers."""

from __future__ import annotations

import subprocess
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
    fast, _ = po_format.catalog_states(data, glossary, "g.po")
    assert fast == expected
    # One block an editor rewrote in its own layout goes to polib, line numbers kept.
    text = data.decode()
    mixed = text.replace('msgstr "ОБСЕ"', 'msgstr ""\n"ОБ"\n"СЕ (ред.)"', 1).encode()
    polib_states = po_format.entry_states(po_format.parse_catalog(mixed, "g.po"), glossary, "g.po")
    fast_states, _ = po_format.catalog_states(mixed, glossary, "g.po")
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
