"""Every reader of untrusted input, with seed files, for the fuzz test and benchmark.

A reader may fail only with the project's own errors (:class:`GlossaryError` and its
subclasses): anything else reaching the CLI would be a traceback. The short fuzz in
``test_fuzz_readers.py`` and the long one in ``benchmarks/fuzz_readers.py`` share
this table.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable
from pathlib import Path

from glossary.formats import dictd, document, omegat, po, tbx, terms_csv, tmx, weblate_csv
from glossary.model import Glossary, Kind, Lang, Status, Term
from tests.formats.dictd_files import dictzip

FIXTURES = Path(__file__).resolve().parent / "fixtures"

Reader = Callable[[bytes], object]


def _dictd_index(data: bytes) -> object:
    return list(dictd.parse_index(data, "fuzz.index", data_size=1000))


def _dictd_data(data: bytes) -> object:
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "fuzz.dict.dz"
        path.write_bytes(data)
        reader = dictd.DictdData(path)
        size = reader.size
        return [reader.read(offset, 7) for offset in (0, 5, max(0, size - 7))]


def _document(suffix: str) -> Reader:
    def read(data: bytes) -> object:
        return document.read_document(data, f"fuzz{suffix}", lang=Lang.EN)

    return read


READERS: dict[str, Reader] = {
    "terms.csv": lambda data: terms_csv.read(data, "terms.csv"),
    "tbx": lambda data: tbx.read(data, "fuzz.tbx"),
    "tmx": lambda data: tmx.read(data, "fuzz.tmx"),
    "tmx-glossary": lambda data: tmx.read_glossary(data, "fuzz.tmx"),
    "weblate-csv": lambda data: weblate_csv.read(data, "fuzz.csv"),
    "omegat": lambda data: omegat.read(data, "fuzz.txt"),
    "dictd-index": _dictd_index,
    "dictd-data": _dictd_data,
    "po": lambda data: po.parse_po(data, "fuzz.po"),
    "po-catalog": lambda data: po.parse_catalog(data, "fuzz.po"),
    "txt": _document(".txt"),
    "md": _document(".md"),
    "html": _document(".html"),
    "po-document": _document(".po"),
}

_SAMPLE = Glossary(
    (
        Term("osce", en="OSCE", ru="ОБСЕ", kind=Kind.ACRONYM, full_form="osce-full",
             status=Status.REVIEWED, note="=not a formula", extra=(("desk", "east"),)),
        Term("osce-full", en="Organization for Security and Co-operation in Europe",
             ru="Организация по безопасности и сотрудничеству в Европе",
             definition="A regional body, \"57\" states; <b>&amp;</b>.", status=Status.DRAFT,
             ru_variants=("ОБСЕ полностью",), source=("a.txt:3",)),
    ),
    (*terms_csv.COLUMNS, "desk"),
)  # fmt: skip


_HOSTILE_SEEDS = {
    "tbx": "*.tbx",
    "tmx": "*.tmx",
    "tmx-glossary": "*.tmx",
    "weblate-csv": "*.csv",
    "omegat": "*.txt",
    "dictd-data": "*.dict.dz",
    "dictd-index": "*.index",
    "html": "*.html",
}


def seeds(name: str) -> list[bytes]:
    """Valid inputs of reader ``name`` and the hostile fixtures of its format, for mutation."""
    pattern = _HOSTILE_SEEDS.get(name)
    hostile = (
        [p.read_bytes() for p in sorted((FIXTURES / "hostile").glob(pattern))] if pattern else []
    )
    return _valid_seeds(name) + hostile


def _valid_seeds(name: str) -> list[bytes]:
    if name in ("tbx",):
        return [tbx.write(_SAMPLE), *(p.read_bytes() for p in sorted(FIXTURES.glob("*.tbx")))]
    if name.startswith("tmx"):
        return [tmx.write_glossary(_SAMPLE)]
    if name == "terms.csv":
        return [terms_csv.write(_SAMPLE)]
    if name == "weblate-csv":
        return [weblate_csv.write(_SAMPLE), (FIXTURES / "weblate.csv").read_bytes(),
                (FIXTURES / "formula.csv").read_bytes()]  # fmt: skip
    if name == "omegat":
        return [omegat.write(_SAMPLE), (FIXTURES / "omegat.txt").read_bytes()]
    if name == "dictd-index":
        return [b"00-database-short\tA\tK\ntruce\tK\tU\n\xd0\xbc\xd0\xb8\xd1\x80\tf\tM\n"]
    if name == "dictd-data":
        body = b"truce\n  a pause in fighting\n" * 8
        return [dictzip(body, chunk_length=32), body]
    if name.startswith("po"):
        return [po.render_po(po.build_catalog(_SAMPLE, Lang.RU, revision_date="2026-01-01"))]
    return [
        "The OSCE met in Vienna.\n\nОБСЕ собралась в Вене.\n".encode(),
        b"<html><body><p>The <b>OSCE</b> met.</p><script>x</script></body></html>",
        b"# Title\n\n* The [OSCE](http://x.invalid) met.\n",
        "ОБСЕ собралась.".encode("cp1251"),
    ]


#: Byte strings that reach parser corners: markup, quoting, encodings, controls.
TOKENS = (
    b"<", b">", b"&", b"&amp;", b";", b'"', b"'", b"\t", b"\n", b"\r", b"\r\n", b"\x00",
    b"\xff", b"\xef\xbb\xbf", b"\xd0", b"]]>", b"<![", b"<![CDATA[", b"<!--", b"<?",
    b"<!DOCTYPE x>", b"<!ENTITY", b'encoding="UTF-7"', b"</", b"/>", b"=", b"|", b",",
    b"msgid ", b"msgstr ", b"msgid_plural ", b"msgctxt ", b'"\\', b"\\q", b"#, fuzzy\n",
    b"\x1f\x8b", b"RA", b"\xff\xff", b"\x00\x00\x00\x00", b"A", b"/", b"+",
)  # fmt: skip


def check(name: str, data: bytes) -> None:
    """Run reader ``name``; let through only the project's own errors."""
    from glossary.errors import GlossaryError

    with contextlib.suppress(GlossaryError):
        READERS[name](data)
