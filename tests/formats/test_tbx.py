"""TBX-Basic: the structure we write, what other tools write, and hostile XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from glossary.errors import FormatError, GlossaryError
from glossary.formats import tbx, xml_safe
from glossary.model import COLUMNS, Glossary, Kind, Status, Term
from tests.conftest import small_glossary

FIXTURES = Path(__file__).parent / "fixtures"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def fixture(name: str) -> Glossary:
    return tbx.read((FIXTURES / name).read_bytes(), name)


def test_export_has_the_required_tbx_basic_elements() -> None:
    root = ET.fromstring(tbx.write(small_glossary()))
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    assert root.get(XML_LANG) == "en"
    assert root.find("martifHeader/fileDesc/sourceDesc/p") is not None
    assert root.find("martifHeader/encodingDesc/p[@type='XCSURI']") is not None
    entries = root.findall("text/body/termEntry")
    assert [e.get("id") for e in entries] == [t.id for t in small_glossary()]
    for entry in entries:
        lang_sets = entry.findall("langSet")
        langs = [ls.get(XML_LANG) for ls in lang_sets]
        assert len(langs) == len(set(langs)) and set(langs) <= {"en", "ru"}
        for lang_set in lang_sets:
            for tig in lang_set.findall("tig"):
                assert len(tig.findall("term")) == 1  # every term in its own tig
                statuses = tig.findall("termNote[@type='administrativeStatus']")
                assert len(statuses) == 1
                assert statuses[0].text in {tbx.PREFERRED, tbx.ADMITTED, tbx.DEPRECATED}
    sphere = root.find("text/body/termEntry[@id='sphere-of-influence']")
    assert sphere is not None
    assert sphere.findtext("descrip[@type='definition']") == "A region another power dominates."
    assert sphere.findtext("note") == "Not «зона интересов»."
    forbidden = sphere.find(f"langSet[@{XML_LANG}='ru']/tig[2]")
    assert forbidden is not None and forbidden.findtext("term") == "зона интереса"
    assert forbidden.findtext("termNote[@type='administrativeStatus']") == tbx.DEPRECATED
    osce = root.find("text/body/termEntry[@id='osce']")
    assert osce is not None
    assert osce.findtext("langSet/tig/termNote[@type='termType']") == "acronym"
    assert osce.find("ref[@type='crossReference']").get("target") == "osce-full"  # type: ignore[union-attr]
    full = root.find("text/body/termEntry[@id='osce-full']")
    assert full is not None
    assert full.findtext("langSet/tig/termNote[@type='termType']") == "fullForm"
    assert full.findtext("langSet/tig/termNote[@type='partOfSpeech']") == "properNoun"


def test_export_is_deterministic_utf8_with_declaration() -> None:
    data = tbx.write(small_glossary())
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    assert "ОБСЕ".encode() in data
    assert tbx.write(small_glossary()) == data


def test_round_trip_tbx_glossary_tbx_is_byte_identical(repo_glossary: Glossary) -> None:
    data = tbx.write(repo_glossary)
    back = tbx.read(data, "g.tbx")
    assert back.terms == repo_glossary.terms
    assert tbx.write(back) == data


def test_status_kind_sources_and_extra_columns_survive() -> None:
    term = Term(
        "x",
        en="a",
        ru="б",
        kind=Kind.PLACE,
        status=Status.CANDIDATE,
        source=("a.txt:1", "b.txt:2"),
        extra=(("domain", "mil"), ("empty", "")),
    )
    back = tbx.read(tbx.write(Glossary((term,))), "x.tbx")
    assert back.terms == (term,)
    assert back.extra_columns == ("domain", "empty")


def test_lokalize_ntig_termgrp() -> None:
    g = fixture("lokalize.tbx")
    first, second = g.terms
    assert (first.id, first.en, first.ru) == ("lokalize-1", "security guarantees",
                                              "гарантии безопасности")  # fmt: skip
    assert first.ru_variants == ("гарантии защиты",)
    assert first.definition == "Assurances that a state will be protected."
    assert first.status is Status.DRAFT  # no processStatus: not reviewed by us
    assert second.ru == "контроль над вооружениями"  # ru_RU is Russian


def test_translate_toolkit_tig_without_ids() -> None:
    sanctions, ceasefire = fixture("translate_toolkit.tbx").terms
    assert sanctions.id == ""  # the import assigns one
    assert sanctions.definition == "Restrictive measures against a state."
    assert sanctions.note == "Plural in both languages."
    assert ceasefire.ru == "прекращение огня" and ceasefire.ru_forbidden == ("перемирие",)


def test_weblate_forbidden_and_read_only_markers() -> None:
    sphere, interest, nato, weblate = fixture("weblate.tbx").terms
    assert sphere.note == "Never «зона интересов»."  # note from="translator"
    assert sphere.definition == "A region another power dominates."  # untyped descrip
    assert interest.en == "sphere of interest" and interest.ru == ""
    assert interest.ru_forbidden == ("зона интересов",)
    assert interest.en_forbidden == ("zone of interest",)  # "obsolete" is forbidden too
    assert (nato.en, nato.ru) == ("NATO", "NATO")  # translationNote "no": kept as is
    assert nato.note == "Keep the Latin acronym in this product."
    assert (weblate.en, weblate.ru) == ("Weblate", "Weblate")  # "Translation needed: no"


def test_tbx_v3_structure_and_namespace() -> None:
    data = """<?xml version="1.0"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
<text><body><conceptEntry id="truce">
<langSec xml:lang="en"><termSec><term>truce</term></termSec></langSec>
<langSec xml:lang="ru"><termSec><term>перемирие</term></termSec></langSec>
</conceptEntry></body></text></tbx>""".encode()
    (term,) = tbx.read(data, "v3.tbx").terms
    assert (term.id, term.en, term.ru) == ("truce", "truce", "перемирие")


def test_other_languages_are_ignored_and_empty_entries_dropped() -> None:
    data = b"""<martif type="TBX"><text><body>
<termEntry id="a"><langSet xml:lang="cs"><tig><term>spr\xc3\xa1vce</term></tig></langSet>
</termEntry>
<termEntry id="b"><langSet xml:lang="en"><tig><term>admin</term></tig></langSet>
<langSet xml:lang="de"><tig><term>Verwalter</term></tig></langSet></termEntry>
</body></text></martif>"""
    (term,) = tbx.read(data, "x.tbx").terms
    assert (term.id, term.en, term.ru) == ("b", "admin", "")


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("xxe.tbx", 3, "entity declarations are not allowed"),
        ("billion_laughs.tbx", 3, "entity declarations are not allowed"),
        ("external_dtd_parameter_entity.tbx", 3, "entity declarations are not allowed"),
        ("undefined_entity.tbx", 4, "undefined entity"),
    ],
)
def test_hostile_xml_is_refused_with_file_and_line(name: str, line: int, message: str) -> None:
    with pytest.raises(FormatError) as info:
        fixture(name)
    assert info.value.path == name and info.value.line == line
    assert message in info.value.message
    assert "passwd" not in str(info.value) and "lol" not in info.value.message


@pytest.mark.parametrize(
    ("payload", "line", "message"),
    [
        (b"<martif>\n<text><body>\n<termEntry>\n</body></text></martif>", 4, "malformed XML"),
        (b"<?xml version='1.0'?>\n<tmx/>", 2, "not a TBX file (root element <tmx>)"),
        (b"<martif><text><body><termEntry>\n<langSet><tig><term>a</term></tig></langSet>"
         b"</termEntry></body></text></martif>", 2, "<langSet> without xml:lang"),
        (b"<martif><text><body><termEntry><langSet xml:lang='en'>\n<tig><note>n</note></tig>"
         b"</langSet></termEntry></body></text></martif>", 2, "<tig> without <term>"),
        (b"<martif><text><body><termEntry><langSet xml:lang='en'><ntig><termGrp>\n<term> </term>"
         b"</termGrp></ntig></langSet></termEntry></body></text></martif>", 2, "empty <term>"),
        (b"<martif><text><body>\n<termEntry id='a'><langSet xml:lang='en'><tig><term>x</term></tig>"
         b"</langSet></termEntry>\n<termEntry id='a'><langSet xml:lang='en'><tig><term>y</term>"
         b"</tig></langSet></termEntry></body></text></martif>", 3, "duplicate termEntry id 'a'"),
        (b"<martif><text><body>\n<termEntry id='a'><admin type='x-kind'>thing</admin>"
         b"<langSet xml:lang='en'><tig><term>x</term></tig></langSet></termEntry>"
         b"</body></text></martif>", 2, "unknown x-kind 'thing'"),
        (b"\xff\xfe<", 1, "malformed XML"),
    ],
)  # fmt: skip
def test_malformed_tbx(payload: bytes, line: int, message: str) -> None:
    with pytest.raises(FormatError) as info:
        tbx.read(payload, "bad.tbx")
    assert info.value.line == line, info.value
    assert message in info.value.message


def test_control_characters_cannot_be_written() -> None:
    glossary = Glossary((Term("x", en="a", note="bell \x07"),))
    with pytest.raises(GlossaryError, match="U\\+0007"):
        tbx.write(glossary)


def test_read_keeps_known_column_order() -> None:
    assert tbx.read(tbx.write(small_glossary()), "x.tbx").columns == COLUMNS


def test_translate_toolkit_reads_our_tbx(repo_glossary: Glossary) -> None:
    from translate.storage.tbx import tbxfile

    store = tbxfile.parsestring(tbx.write(repo_glossary))
    assert len(store.units) == len(repo_glossary)
    by_id = {unit.getid(): unit for unit in store.units}
    osce = by_id["osce"]
    assert (osce.source, osce.target) == ("OSCE", "ОБСЕ")
    assert "Indeclinable" in osce.getnotes()
    sphere = tbxfile.parsestring(tbx.write(small_glossary())).units[2]
    assert [(t.text, t.deprecated) for t in sphere.get_target_terms()] == [
        ("сфера влияния", False),
        ("зона интереса", True),
    ]


def test_streamed_export_equals_the_whole_tree_serialised(repo_glossary: Glossary) -> None:
    # the writer serialises entry by entry; re-serialising the parsed document must
    # give the same bytes, indentation included
    data = tbx.write(repo_glossary)
    assert xml_safe.serialise(ET.fromstring(data)) == data
    assert tbx.read(data, "repo.tbx").terms == repo_glossary.terms


def test_streamed_import_reads_entries_at_any_depth_and_keeps_lines() -> None:
    data = (
        b"<martif><text><body>\n<termEntry id='a'><langSet xml:lang='en'><tig><term>arms"
        b"</term></tig></langSet></termEntry>\n<group><termEntry id='b'><langSet xml:lang='en'>"
        b"<tig><term>truce</term></tig></langSet></termEntry></group></body></text></martif>"
    )
    glossary = tbx.read(data, "nested.tbx")
    assert [t.id for t in glossary] == ["a", "b"]
    assert glossary.lines == (2, 3)
