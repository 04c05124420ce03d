"""TMX 1.4: translation units in and out, the glossary as a memory of term pairs."""

from __future__ import annotations

import pytest

from glossary.errors import FormatError
from glossary.formats import tmx
from glossary.model import Glossary, Kind, Lang, Status, Term, TranslationUnit
from tests.conftest import small_glossary

UNITS = [
    TranslationUnit(Lang.EN, "Talks & <talks>", Lang.RU, "Переговоры\n«и» ещё", "draft.po:12"),
    TranslationUnit(Lang.RU, "Заявление МИД", Lang.EN, "Foreign Ministry statement", "b.po:3"),
]


def test_units_round_trip_with_origin() -> None:
    assert tmx.read(tmx.write(UNITS), "m.tmx") == UNITS


def test_write_is_tmx_14_with_required_header() -> None:
    data = tmx.write(UNITS[:1])
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">')
    for attr in (
        b"creationtool=",
        b"segtype=",
        b"o-tmf=",
        b"adminlang=",
        b'srclang="en"',
        b"datatype=",
    ):
        assert attr in data
    assert tmx.write(UNITS[:1]) == data  # deterministic


def test_mixed_directions_use_all_and_per_tu_srclang() -> None:
    data = tmx.write(UNITS)
    assert b'srclang="*all*"' in data and b'<tu srclang="ru">' in data


def test_third_party_tmx_regional_codes_inline_markup_and_other_pairs() -> None:
    data = """<?xml version="1.0"?>
<tmx version="1.4"><header srclang="EN-US" creationtool="x" creationtoolversion="1"
 segtype="sentence" o-tmf="x" adminlang="en" datatype="html"/>
<body>
<tu tuid="7"><tuv xml:lang="en-US"><seg>Press <bpt i="1">&lt;b&gt;</bpt>hard\
<ept i="1">&lt;/b&gt;</ept> <hi>now</hi></seg></tuv>
<tuv xml:lang="ru-RU"><seg>Жмите <ph>&lt;br/&gt;</ph>сильно</seg></tuv></tu>
<tu><tuv xml:lang="de"><seg>Hallo</seg></tuv><tuv xml:lang="fr"><seg>Salut</seg></tuv></tu>
<tu><tuv lang="RU"><seg>мир</seg></tuv><tuv lang="EN"><seg>peace</seg></tuv></tu>
</body></tmx>""".encode()
    units = tmx.read(data, "third.tmx")
    assert units == [
        TranslationUnit(Lang.EN, "Press hard now", Lang.RU, "Жмите сильно", "third.tmx:5"),
        TranslationUnit(Lang.EN, "peace", Lang.RU, "мир", "third.tmx:8"),
    ]


def test_glossary_export_holds_reviewed_pairs_then_segments() -> None:
    data = tmx.write_glossary(small_glossary(), UNITS[:1])
    text = data.decode()
    assert '<tu tuid="osce">' in text
    assert "sphere-of-influence" not in text  # a draft concept is not exported
    assert "military-bloc" not in text
    assert text.index('tuid="secretary-of-state"') < text.index("x-origin")


def test_glossary_round_trip_keeps_what_tmx_carries() -> None:
    glossary = Glossary((Term("nato", en="NATO", ru="НАТО", kind=Kind.ACRONYM,
                              definition="A & B <alliance>.", note="line 1\nline 2",
                              status=Status.REVIEWED),))  # fmt: skip
    data = tmx.write_glossary(glossary, UNITS)
    back = tmx.read_glossary(data, "g.tmx")
    assert back.terms == glossary.terms  # segments are skipped on import
    assert tmx.read(data, "g.tmx")[0] == TranslationUnit(
        Lang.EN, "NATO", Lang.RU, "НАТО", "g.tmx:5"
    )


def test_foreign_units_become_draft_concepts_with_fresh_ids() -> None:
    data = tmx.write(UNITS[:1]).replace(b'<prop type="x-origin">draft.po:12</prop>', b"")
    (term,) = tmx.read_glossary(data, "m.tmx")
    assert term.id == "" and term.en == "Talks & <talks>" and term.status is Status.DRAFT


@pytest.mark.parametrize(
    ("payload", "line", "message"),
    [
        (b"<tmx><body>\n<tu><tuv xml:lang='en'><seg>a</seg></tuv>\n</tmx>", 3, "malformed XML"),
        (b"<?xml version='1.0'?>\n<xliff/>", 2, "not a TMX file"),
        (b"<tmx version='1.4'>\n<header/></tmx>", 1, "without <body>"),
        (b"<tmx><body>\n<tu>\n<tuv><seg>a</seg></tuv></tu></body></tmx>", 3, "without xml:lang"),
        (b"<tmx><body>\n<tu><tuv xml:lang='en'>\n</tuv></tu></body></tmx>", 2, "without <seg>"),
        (b"", 1, "malformed XML"),
    ],
)
def test_malformed_tmx_names_file_and_line(payload: bytes, line: int, message: str) -> None:
    with pytest.raises(FormatError) as info:
        tmx.read(payload, "bad.tmx")
    assert info.value.line == line and message in info.value.message
    assert str(info.value).startswith(f"bad.tmx:{line}: ")


def test_unknown_status_property_is_an_error() -> None:
    data = tmx.write_glossary(small_glossary()).replace(b">reviewed<", b">approved<", 1)
    with pytest.raises(FormatError, match="unknown x-status 'approved'"):
        tmx.read_glossary(data, "g.tmx")


def test_entity_declarations_are_refused() -> None:
    data = b"""<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY a "aaaa">]>
<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>&a;</seg></tuv></tu></body></tmx>"""
    with pytest.raises(FormatError, match="entity declarations are not allowed"):
        tmx.read(data, "x.tmx")


def test_translate_toolkit_reads_our_tmx(repo_glossary: Glossary) -> None:
    from translate.storage.tmx import tmxfile

    reviewed = [t for t in repo_glossary if t.reviewed and t.en and t.ru]
    store = tmxfile.parsestring(tmx.write_glossary(repo_glossary, UNITS[:1]))
    assert len(store.units) == len(reviewed) + 1
    assert [(u.getid(), u.source, u.target) for u in store.units[:2]] == [
        (t.id, t.en, t.ru) for t in reviewed[:2]
    ]
    assert (store.units[-1].source, store.units[-1].target) == (UNITS[0].source, UNITS[0].target)
    segments = tmxfile.parsestring(tmx.write(UNITS[:1]))
    assert segments.getsourcelanguage() == "en"
