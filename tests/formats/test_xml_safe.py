"""The safe XML layer under TBX and TMX: refusals with lines, text, deterministic output."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from glossary.errors import FormatError, GlossaryError
from glossary.formats.xml_safe import MAX_DEPTH, check_text, local_name, parse, serialise, text_of


def test_every_element_knows_its_line() -> None:
    doc = parse(b"<a>\n  <b/>\n\n  <c>x</c>\n</a>", "f.xml")
    b, c = list(doc.root)
    assert (doc.line(doc.root), doc.line(b), doc.line(c)) == (1, 2, 4)
    assert str(doc.error(c, "bad term")) == "f.xml:4: bad term"


def test_entity_declarations_are_refused() -> None:
    data = b'<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY e "boom">]>\n<a>&e;</a>'
    with pytest.raises(FormatError, match="entity declarations are not allowed"):
        parse(data, "f.tbx")


def test_a_plain_doctype_line_is_allowed() -> None:
    assert (
        local_name(
            parse(b'<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n<martif/>', "f").root.tag
        )
        == "martif"
    )


def test_malformed_xml_names_the_line() -> None:
    with pytest.raises(FormatError, match="malformed XML") as info:
        parse(b"<a>\n<b>\n</a>", "f.tmx")
    assert info.value.line == 3


def test_nesting_beyond_the_limit_is_refused() -> None:
    deep = b"<a>" * (MAX_DEPTH + 1) + b"</a>" * (MAX_DEPTH + 1)
    with pytest.raises(FormatError, match=f"nested deeper than {MAX_DEPTH}"):
        parse(deep, "f.xml")
    shallow = b"<a>" * MAX_DEPTH + b"</a>" * MAX_DEPTH
    assert parse(shallow, "f.xml").root.tag == "a"


def test_an_encoding_expat_cannot_read_is_a_format_error() -> None:
    with pytest.raises(FormatError, match="unsupported encoding"):
        parse(b'<?xml version="1.0" encoding="utf-7"?><a/>', "f.xml")


def test_local_names_drop_the_namespace() -> None:
    assert local_name("{urn:iso:std:iso:30042:ed-2}termEntry") == "termEntry"
    assert local_name("termEntry") == "termEntry"


def test_text_of_joins_character_data_and_skips_named_children() -> None:
    root = parse(b"<seg>Talks <hi>resumed</hi> in <ph>{1}</ph>Geneva</seg>", "f").root
    assert text_of(root) == "Talks resumed in {1}Geneva"
    assert text_of(root, frozenset({"ph"})) == "Talks resumed in Geneva"


def test_control_characters_are_refused_before_writing() -> None:
    assert check_text("ОБСЕ\tOSCE\n", "term") == "ОБСЕ\tOSCE\n"
    with pytest.raises(GlossaryError, match=r"U\+0007"):
        check_text("bell\x07", "note of osce")


def test_serialisation_is_deterministic_utf8_with_a_declaration() -> None:
    def tree() -> ET.Element:
        root = ET.Element("tmx", {"version": "1.4"})
        ET.SubElement(ET.SubElement(root, "body"), "tu").text = "мир"
        return root

    first = serialise(tree())
    assert first == serialise(tree())
    assert first.startswith(
        b'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n  <body>'
    )
    assert "мир".encode() in first
