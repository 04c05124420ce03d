"""The editor matrix: real PO writers re-save a catalog with one edit or none.

One edit through any of them must change exactly one concept in terms.csv; a re-save
with no edit must change nothing and leave ``catalogs check`` green. The writers are
the libraries and tools reviewers' editors are built on (polib, Babel, GNU msgcat,
Translate Toolkit) and the byte habits of desktop editors (CRLF, BOM, obsolete
entries, Poedit- and Lokalize-style headers).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import polib
import pytest
from babel.messages.pofile import read_po, write_po

from glossary import catalogs
from glossary.errors import FormatError
from glossary.model import Glossary, Status
from tests.conftest import small_glossary

RU_PO = Path("ru/LC_MESSAGES/glossary.po")
#: The concept every edit touches, and the new rendering.
EDITED_ID, EDITED_MSGID, NEW_RENDERING = "security-guarantees", "security guarantees", "гарантии"
#: A long note, so wrapping writers (polib, Babel, msgcat) re-wrap it.
LONG_NOTE = (
    "Used in treaty texts and in statements about them; keep the plural even where "
    "English has a singular, and never shorten it to «гарантии» in headlines."
)

Edit = Callable[[Path, bool], None]


def _glossary() -> Glossary:
    base = small_glossary()
    return base.with_terms([replace(base["osce-full"], note=LONG_NOTE)])


def polib_save(wrapwidth: int | None) -> Edit:
    def run(path: Path, edit: bool) -> None:
        po = (
            polib.pofile(str(path))
            if wrapwidth is None
            else polib.pofile(str(path), wrapwidth=wrapwidth)
        )
        if edit:
            found = po.find(EDITED_MSGID)
            assert found is not None
            found.msgstr = NEW_RENDERING
        po.save()

    return run


def babel_save(path: Path, edit: bool) -> None:
    with path.open("rb") as f:
        catalog = read_po(f)
    if edit:
        catalog[EDITED_MSGID].string = NEW_RENDERING
    out = io.BytesIO()
    write_po(out, catalog)
    path.write_bytes(out.getvalue())


def msgcat(*options: str) -> Edit:
    def run(path: Path, edit: bool) -> None:
        if edit:
            polib_save(0)(path, True)
        subprocess.run(["msgcat", *options, "-o", str(path), str(path)], check=True)

    return run


def toolkit_save(path: Path, edit: bool) -> None:
    from translate.storage import po as toolkit_po

    store = toolkit_po.pofile.parsefile(str(path))
    if edit:
        unit = store.findunit(EDITED_MSGID)
        assert unit is not None
        unit.target = NEW_RENDERING
    path.write_bytes(bytes(store))


def bytes_habit(transform: Callable[[bytes], bytes]) -> Edit:
    def run(path: Path, edit: bool) -> None:
        if edit:
            polib_save(0)(path, True)
        path.write_bytes(transform(path.read_bytes()))

    return run


def crlf(data: bytes) -> bytes:
    return data.replace(b"\n", b"\r\n")


def bom(data: bytes) -> bytes:
    return b"\xef\xbb\xbf" + data


def obsolete(data: bytes) -> bytes:
    return data + '\n#~ msgid "old term"\n#~ msgstr "старый термин"\n'.encode()


def poedit_header(data: bytes) -> bytes:
    text = data.decode()
    text = text.replace('"Language: ru\\n"', '"Language: ru_RU\\n"')
    text = text.replace(
        '"Last-Translator: glossary\\n"', '"Last-Translator: Анна Рецензент <anna@example.org>\\n"'
    )
    text = text.replace(
        '"X-Generator: glossary\\n"',
        '"X-Generator: Poedit 3.4.2\\n"\n"X-Poedit-SourceCharset: UTF-8\\n"',
    )
    return text.encode()


def lokalize_header(data: bytes) -> bytes:
    text = data.decode()
    text = text.replace(
        '"Language-Team: Russian\\n"', '"Language-Team: Russian <kde-russian@lists.kde.ru>\\n"'
    )
    text = text.replace('"X-Generator: glossary\\n"', '"X-Generator: Lokalize 23.08.5\\n"')
    text = text.replace(
        '"PO-Revision-Date: ', '"POT-Creation-Date: 2026-01-01 10:00+0000\\n"\n"PO-Revision-Date: '
    )
    return text.encode()


WRITERS: dict[str, Edit] = {
    "polib-default": polib_save(None),
    "polib-wrapwidth-0": polib_save(0),
    "babel-write_po": babel_save,
    "msgcat-width-40": msgcat("--width=40"),
    "msgcat-sort-output": msgcat("--sort-output"),
    "translate-toolkit": toolkit_save,
    "crlf": bytes_habit(crlf),
    "bom": bytes_habit(bom),
    "obsolete-entries": bytes_habit(obsolete),
    "poedit-header": bytes_habit(poedit_header),
    "lokalize-header": bytes_habit(lokalize_header),
}


@pytest.fixture(scope="module", autouse=True)
def _needs_msgcat() -> None:
    assert shutil.which("msgcat"), "GNU gettext (msgcat) is needed for the editor matrix"


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_resave_without_edit_changes_nothing(tmp_path: Path, writer: str) -> None:
    glossary = _glossary()
    catalogs.build(glossary, tmp_path)
    WRITERS[writer](tmp_path / RU_PO, False)
    assert catalogs.sync(glossary, tmp_path).changes == []
    assert catalogs.check(glossary, tmp_path) == []
    assert catalogs.plan(glossary, tmp_path) is not None  # a build does not refuse


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_one_edit_changes_exactly_one_concept(tmp_path: Path, writer: str) -> None:
    glossary = _glossary()
    catalogs.build(glossary, tmp_path)
    WRITERS[writer](tmp_path / RU_PO, True)
    result = catalogs.sync(glossary, tmp_path)
    changed = {t.id for t in result.glossary if t != glossary[t.id]}
    assert changed == {EDITED_ID}
    term = result.glossary[EDITED_ID]
    assert (term.ru, term.status) == (NEW_RENDERING, Status.REVIEWED)
    assert result.changes and all(
        re.fullmatch(r".*glossary\.po:\d+", c.where) for c in result.changes
    )
    # Once synced, the rebuilt catalogs are up to date with the new terms.csv.
    catalogs.build(result.glossary, tmp_path)
    assert catalogs.check(result.glossary, tmp_path) == []


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (
            lambda t: t.replace(
                f'msgid "{EDITED_MSGID}"\nmsgstr',
                f'msgid "{EDITED_MSGID}"\nmsgid_plural "{EDITED_MSGID}s"\nmsgstr[0]',
            ).replace(
                'msgstr[0] "гарантии безопасности"',
                'msgstr[0] "гарантии безопасности"\nmsgstr[1] ""',
            ),
            "plural entry",
        ),
        (
            lambda t: t + f'\nmsgid "{EDITED_MSGID}"\nmsgstr "дубль"\n',
            "duplicate entry",
        ),
        (
            lambda t: t.replace(
                'msgstr "гарантии безопасности"', 'msgstr "гарантии\\qбезопасности"'
            ),
            "unknown escape",
        ),
    ],
    ids=["plural", "duplicate", "bad-escape"],
)
def test_damaging_constructs_are_file_line_errors_and_nothing_is_applied(
    tmp_path: Path, damage: Callable[[str], str], message: str
) -> None:
    glossary = _glossary()
    catalogs.build(glossary, tmp_path)
    path = tmp_path / RU_PO
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(FormatError, match=message) as info:
        catalogs.sync(glossary, tmp_path)
    assert info.value.line > 0 and info.value.exit_code == 2
    with pytest.raises(FormatError):
        catalogs.plan(glossary, tmp_path)
