"""The locales/ catalogs: mapping, determinism, standards, and syncing edits back."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import polib
import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary import catalogs
from glossary.errors import ConflictError, GlossaryError
from glossary.formats import po as po_format
from glossary.formats import terms_csv
from glossary.model import Glossary, Kind, Lang, Status, Term
from tests.conftest import small_glossary

RU_PO = Path("ru/LC_MESSAGES/glossary.po")
EN_PO = Path("en/LC_MESSAGES/glossary.po")


def entry(locales: Path, catalog: Path, msgid: str) -> polib.POEntry:
    found = polib.pofile(str(locales / catalog)).find(msgid)
    assert found is not None, msgid
    return found


def edit(locales: Path, catalog: Path, msgid: str, **changes: object) -> None:
    po = polib.pofile(str(locales / catalog))
    target = po.find(msgid)
    assert target is not None
    for name, value in changes.items():
        if name == "fuzzy":
            if value and "fuzzy" not in target.flags:
                target.flags.append("fuzzy")
            if not value and "fuzzy" in target.flags:
                target.flags.remove("fuzzy")
        else:
            setattr(target, name, value)
    po.save()


def test_mapping_follows_the_design(tmp_path: Path) -> None:
    catalogs.build(small_glossary(), tmp_path)
    osce = entry(tmp_path, RU_PO, "OSCE")
    assert osce.msgstr == "ОБСЕ" and "fuzzy" not in osce.flags
    assert osce.occurrences == [("article.txt", "3")]
    assert "id: osce" in osce.comment and "kind: acronym" in osce.comment
    assert "full form: Organization for Security and Co-operation in Europe" in osce.comment
    sphere = entry(tmp_path, RU_PO, "sphere of influence")
    assert "fuzzy" in sphere.flags  # draft and translated
    assert sphere.tcomment == "Not «зона интересов»."
    assert "ru forbidden: зона интереса" in sphere.comment
    assert "A region another power dominates." in sphere.comment
    bloc = entry(tmp_path, RU_PO, "military bloc")
    assert bloc.msgstr == "" and "fuzzy" not in bloc.flags  # empty is never fuzzy
    secretary = entry(tmp_path, EN_PO, "государственный секретарь")
    assert secretary.msgstr == "Secretary of State"
    assert "ru variants: госсекретарь" in secretary.comment
    assert all(e.msgctxt is None for e in polib.pofile(str(tmp_path / RU_PO)))


def test_headers_are_correct(tmp_path: Path) -> None:
    catalogs.build(small_glossary(), tmp_path)
    ru = polib.pofile(str(tmp_path / RU_PO)).metadata
    assert ru["Language"] == "ru"
    assert ru["Plural-Forms"].startswith("nplurals=3;")
    assert ru["Content-Type"] == "text/plain; charset=UTF-8"
    assert ru["Project-Id-Version"]
    assert polib.pofile(str(tmp_path / EN_PO)).metadata["Plural-Forms"].startswith("nplurals=2;")


def test_msgctxt_only_for_homonyms(tmp_path: Path) -> None:
    glossary = Glossary(
        (
            Term("security-safety", en="security", ru="безопасность", definition="Being safe.",
                 status=Status.REVIEWED),
            Term("security-collateral", en="security", ru="обеспечение",
                 definition="An asset pledged for a loan.", status=Status.REVIEWED),
        )
    )  # fmt: skip
    catalogs.build(glossary, tmp_path)
    contexts = [e.msgctxt for e in polib.pofile(str(tmp_path / RU_PO))]
    assert contexts == ["security-safety", "security-collateral"]
    assert [e.msgctxt for e in polib.pofile(str(tmp_path / EN_PO))] == [None, None]
    po = polib.pofile(str(tmp_path / RU_PO))
    collateral = po.find("security", msgctxt="security-collateral")
    assert collateral is not None
    collateral.msgstr = "залог"
    po.save()
    synced = catalogs.sync(glossary, tmp_path).glossary
    assert synced["security-collateral"].ru == "залог"
    assert synced["security-safety"].ru == "безопасность"


def test_rebuilding_an_unchanged_glossary_changes_no_byte(tmp_path: Path) -> None:
    catalogs.build(small_glossary(), tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.*o")}
    assert len(before) == 4
    assert catalogs.build(small_glossary(), tmp_path) == []
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.*o")} == before
    assert catalogs.check(small_glossary(), tmp_path) == []


def test_check_names_what_is_out_of_date(tmp_path: Path) -> None:
    assert any("missing" in p for p in catalogs.check(small_glossary(), tmp_path))
    catalogs.build(small_glossary(), tmp_path)
    changed = small_glossary().with_terms([replace(small_glossary()["osce"], ru="ОБСЕ!")])
    problems = catalogs.check(changed, tmp_path)
    assert any("glossary.po: out of date" in p for p in problems)
    assert any("'osce' differs" in p for p in problems)


def test_catalogs_pass_msgfmt_check(tmp_path: Path) -> None:
    catalogs.build(small_glossary(), tmp_path)
    for catalog in (RU_PO, EN_PO):
        subprocess.run(
            ["msgfmt", "-c", "--check-format", "-o", "/dev/null", str(tmp_path / catalog)],
            check=True,
            capture_output=True,
        )


def test_catalogs_load_in_babel(tmp_path: Path) -> None:
    catalogs.build(small_glossary(), tmp_path)
    with (tmp_path / RU_PO).open("rb") as f:
        catalog = read_po(f)
    assert str(catalog.locale) == "ru"
    assert catalog.num_plurals == 3
    assert catalog["sphere of influence"].fuzzy
    assert catalog["OSCE"].string == "ОБСЕ"
    with (tmp_path / "ru/LC_MESSAGES/glossary.mo").open("rb") as f:
        compiled = read_mo(f)
    assert compiled["OSCE"].string == "ОБСЕ"
    assert "sphere of influence" not in compiled  # fuzzy entries are not compiled


def test_editor_session_reaches_terms_csv(tmp_path: Path) -> None:
    glossary = small_glossary()
    catalogs.build(glossary, tmp_path)
    edit(tmp_path, RU_PO, "security guarantees", msgstr="гарантии безопасности (юр.)")
    edit(tmp_path, RU_PO, "sphere of influence", fuzzy=False)
    edit(tmp_path, EN_PO, "ОБСЕ", tcomment="Always «ОБСЕ», never spelled out.")
    result = catalogs.sync(glossary, tmp_path)
    synced = result.glossary
    assert synced["security-guarantees"].ru == "гарантии безопасности (юр.)"
    assert synced["security-guarantees"].status is Status.REVIEWED
    assert synced["sphere-of-influence"].status is Status.REVIEWED
    assert synced["osce"].note == "Always «ОБСЕ», never spelled out."
    assert {(c.term_id, c.field) for c in result.changes} == {
        ("security-guarantees", "ru"),
        ("sphere-of-influence", "status"),
        ("osce", "note"),
    }
    untouched = [t for t in glossary if t.id not in {c.term_id for c in result.changes}]
    assert all(synced[t.id] == t for t in untouched)


def test_a_snapshot_holds_the_edited_catalogs_and_sync_and_rebuild_use_it(
    tmp_path: Path,
) -> None:
    glossary = small_glossary()
    catalogs.build(glossary, tmp_path)
    assert catalogs.snapshot(tmp_path).edits == {}  # untouched builds are not kept
    edit(tmp_path, RU_PO, "OSCE", msgstr="ОБСЕ (ред.)")
    taken = catalogs.snapshot(tmp_path)
    assert set(taken.edits) == {Lang.RU}
    # Saved again after the snapshot: the command's steps all see the bytes it read.
    edit(tmp_path, RU_PO, "OSCE", msgstr="ОБСЕ (позже)")
    result = catalogs.sync(glossary, tmp_path, taken=taken)
    assert result.glossary["osce"].ru == "ОБСЕ (ред.)"
    files = dict(catalogs.plan(result.glossary, tmp_path, force=True, taken=taken))
    assert taken.edits == {}  # taken out as used
    assert 'msgstr "ОБСЕ (ред.)"' in files[tmp_path / RU_PO].decode()


def test_fuzzy_set_on_a_reviewed_entry_makes_it_a_draft(tmp_path: Path) -> None:
    catalogs.build(small_glossary(), tmp_path)
    edit(tmp_path, EN_PO, "ОБСЕ", fuzzy=True)
    assert catalogs.sync(small_glossary(), tmp_path).glossary["osce"].status is Status.DRAFT


def test_filling_an_empty_entry_reviews_it(tmp_path: Path) -> None:
    catalogs.build(small_glossary(), tmp_path)
    edit(tmp_path, RU_PO, "military bloc", msgstr="военный блок")
    term = catalogs.sync(small_glossary(), tmp_path).glossary["military-bloc"]
    assert (term.ru, term.status) == ("военный блок", Status.REVIEWED)


def test_contradictory_edits_are_a_conflict(tmp_path: Path) -> None:
    catalogs.build(small_glossary(), tmp_path)
    edit(tmp_path, RU_PO, "OSCE", tcomment="one note")
    edit(tmp_path, EN_PO, "ОБСЕ", tcomment="another note")
    with pytest.raises(
        ConflictError, match=r"note 'another note' contradicts .*note 'one note'"
    ) as info:
        catalogs.sync(small_glossary(), tmp_path)
    assert info.value.exit_code == 1


def test_build_refuses_to_overwrite_unsynced_edits(tmp_path: Path) -> None:
    catalogs.build(small_glossary(), tmp_path)
    edit(tmp_path, RU_PO, "OSCE", msgstr="ОБСЕ (ред.)")
    with pytest.raises(ConflictError, match=r"unsynced edit of 'osce'"):
        catalogs.build(small_glossary(), tmp_path)
    assert entry(tmp_path, RU_PO, "OSCE").msgstr == "ОБСЕ (ред.)"
    catalogs.build(small_glossary(), tmp_path, force=True)
    assert entry(tmp_path, RU_PO, "OSCE").msgstr == "ОБСЕ"


def test_unsynced_review_survives_an_edit_of_terms_csv(tmp_path: Path) -> None:
    catalogs.build(small_glossary(), tmp_path)
    edit(tmp_path, RU_PO, "sphere of influence", fuzzy=False)
    edited_csv = small_glossary().with_terms([replace(small_glossary()["osce"], note="new")])
    with pytest.raises(ConflictError, match=r"glossary.po:\d+: unsynced edit of 'sphere-of"):
        catalogs.build(edited_csv, tmp_path)
    # The entry's base tells the two sides apart: no --force needed.
    synced = catalogs.sync(edited_csv, tmp_path).glossary
    assert synced["sphere-of-influence"].status is Status.REVIEWED
    assert synced["osce"].note == "new"


def test_an_edit_of_a_concept_changed_in_terms_csv_too_is_refused_with_its_line(
    tmp_path: Path,
) -> None:
    catalogs.build(small_glossary(), tmp_path)
    edit(tmp_path, RU_PO, "OSCE", msgstr="ОБСЕ (каталог)")
    edited_csv = small_glossary().with_terms([replace(small_glossary()["osce"], ru="ОБСЕ (csv)")])
    with pytest.raises(ConflictError, match=r"glossary.po:\d+: osce: edited in the catalog and"):
        catalogs.sync(edited_csv, tmp_path)
    forced = catalogs.sync(edited_csv, tmp_path, force=True).glossary
    assert forced["osce"].ru == "ОБСЕ (каталог)"


@pytest.mark.parametrize("glossary_valid", [False, True])
def test_an_edit_that_would_duplicate_a_term_is_refused(
    tmp_path: Path, glossary_valid: bool
) -> None:
    """Also when only the edited concepts are checked (the CLI's validated glossary)."""
    catalogs.build(small_glossary(), tmp_path)
    edit(tmp_path, RU_PO, "security guarantees", msgstr="Сфера  влияния")
    with pytest.raises(ConflictError, match=r"glossary.po:\d+: duplicate ru term 'Сфера  влияния'"):
        catalogs.sync(small_glossary(), tmp_path, glossary_valid=glossary_valid)


def test_a_sync_of_a_validated_glossary_checks_only_the_edited_concepts(tmp_path: Path) -> None:
    """A problem in an untouched row is not the edit's: the result is then not called
    valid, so the write validates in full (and reports it)."""
    glossary = small_glossary()
    catalogs.build(glossary, tmp_path)
    edit(tmp_path, RU_PO, "OSCE", msgstr="ОБСЕ (правка)")
    assert catalogs.sync(glossary, tmp_path, glossary_valid=True).valid
    broken = glossary.with_terms([replace(glossary["sphere-of-influence"], en_variants=(" x",))])
    result = catalogs.sync(broken, tmp_path)
    assert result.glossary["osce"].ru == "ОБСЕ (правка)"
    assert not result.valid


def _syncs_with_renders(
    locales: Path, glossary: Glossary, monkeypatch: pytest.MonkeyPatch
) -> tuple[catalogs.SyncResult, int]:
    """A sync and how many catalogs it rendered in full (none lent from another)."""
    renders = []
    build_catalog = po_format.build_catalog

    def counting(*args: object, **options: object) -> po_format.Catalog:
        renders.append(options.get("previous"))
        return build_catalog(*args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(po_format, "build_catalog", counting)
    result = catalogs.sync(glossary, locales)
    monkeypatch.setattr(po_format, "build_catalog", build_catalog)
    return result, sum(previous is None for previous in renders)


def test_a_sync_compares_with_the_build_remembered_in_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build a catalog came from is read back, not rendered again; a copy that is
    damaged, of another terms.csv or missing is never trusted: the sync renders."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    glossary, locales = small_glossary(), tmp_path / "locales"
    catalogs.build(glossary, locales)
    assert len(list((tmp_path / "cache").rglob("*.po"))) == 2  # one per catalog
    edit(locales, RU_PO, "OSCE", msgstr="ОБСЕ (правка)")
    result, renders = _syncs_with_renders(locales, glossary, monkeypatch)
    assert renders == 0
    assert result.glossary["osce"].ru == "ОБСЕ (правка)"
    assert [(c.term_id, c.field) for c in result.changes] == [("osce", "ru")]
    copies = sorted((tmp_path / "cache").rglob("*.po"))
    other = replace(glossary["osce"], note="changed in terms.csv")
    for damage in (
        lambda raw: raw.replace("ОБСЕ".encode(), "ОБСE".encode()),  # a torn or altered copy
        lambda raw: po_format.render_po(  # a build of another terms.csv
            po_format.build_catalog(glossary.with_terms([other]), Lang.RU, revision_date="x")
        ),
        None,  # no copy
    ):
        for path in copies:
            if damage is None:
                path.unlink()
            else:
                path.write_bytes(damage(path.read_bytes()))
        again, renders = _syncs_with_renders(locales, glossary, monkeypatch)
        assert renders == 1  # the edited catalog's build, rendered again
        assert again.changes == result.changes


def test_entry_matching_no_concept_is_an_error_with_its_line(tmp_path: Path) -> None:
    catalogs.build(small_glossary(), tmp_path)
    po = polib.pofile(str(tmp_path / RU_PO))
    po.append(polib.POEntry(msgid="invented", msgstr="выдумка"))
    po.save()
    with pytest.raises(
        GlossaryError, match=r"glossary.po:\d+: entry 'invented' matches no concept"
    ):
        catalogs.sync(small_glossary(), tmp_path)


def test_malformed_catalog_is_a_one_line_error(tmp_path: Path) -> None:
    catalogs.build(small_glossary(), tmp_path)
    path = tmp_path / RU_PO
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith('msgid "OSCE"'))
    lines[index] = 'msgid "OSCE'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        catalogs.sync(small_glossary(), tmp_path)
    assert "glossary.po:" in str(info.value) and "\n" not in str(info.value)


# --- Hypothesis: CSV → catalogs → (edit) → sync → CSV --------------------------------

_ALPHABET = st.sampled_from(
    [*"abcXYZ абвЖЩЯёЁ", '"', "'", ",", ";", "\\", "«", "»", "—", "-", "|", "#", "%", "&"]
)
_TERM_TEXT = (
    st.text(_ALPHABET, min_size=1, max_size=12)
    .map(lambda s: " ".join(s.replace("|", "/").split()))
    .filter(bool)
)
_FREE_TEXT = st.text(st.sampled_from(list("aZ жЯё\"',\\\t\n«»|#:.%")), max_size=20)


@st.composite
def glossaries(draw: st.DrawFn) -> Glossary:
    count = draw(st.integers(1, 6))
    terms = []
    seen: dict[str, set[str]] = {"en": set(), "ru": set()}
    for index in range(count):
        en = draw(_TERM_TEXT)
        ru = draw(st.one_of(st.just(""), _TERM_TEXT))
        keys = {"en": en.casefold().replace("ё", "е"), "ru": ru.casefold().replace("ё", "е")}
        if keys["en"] in seen["en"] or (ru and keys["ru"] in seen["ru"]):
            continue
        seen["en"].add(keys["en"])
        if ru:
            seen["ru"].add(keys["ru"])
        terms.append(
            Term(
                f"t{index}",
                en=en,
                ru=ru,
                ru_variants=tuple(dict.fromkeys(draw(st.lists(_TERM_TEXT, max_size=2)))),
                en_forbidden=tuple(dict.fromkeys(draw(st.lists(_TERM_TEXT, max_size=1)))),
                kind=draw(st.sampled_from(list(Kind))),
                definition=draw(_FREE_TEXT),
                note=draw(_FREE_TEXT),
                status=draw(st.sampled_from(list(Status))),
                source=tuple(
                    draw(st.lists(st.sampled_from(["a.txt:1", "b c.txt:20"]), max_size=2))
                ),
            )
        )
    return Glossary(tuple(terms))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(glossary=glossaries())
def test_round_trip_without_edits_gives_identical_rows(tmp_path: Path, glossary: Glossary) -> None:
    locales = tmp_path / "locales"
    shutil.rmtree(locales, ignore_errors=True)
    csv_bytes = terms_csv.write(glossary)
    loaded, _ = terms_csv.read(csv_bytes)
    catalogs.build(loaded, locales)
    result = catalogs.sync(loaded, locales)
    assert result.changes == []
    assert terms_csv.write(result.glossary) == csv_bytes


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(glossary=glossaries(), data=st.data())
def test_round_trip_carries_edits_exactly(
    tmp_path: Path, glossary: Glossary, data: st.DataObject
) -> None:
    locales = tmp_path / "locales"
    shutil.rmtree(locales, ignore_errors=True)
    catalogs.build(glossary, locales)
    term = data.draw(st.sampled_from(glossary.terms))
    taken = {t.ru.casefold().replace("ё", "е") for t in glossary}
    new_ru = data.draw(_TERM_TEXT.filter(lambda s: s.casefold().replace("ё", "е") not in taken))
    new_note = data.draw(_FREE_TEXT)
    edit(locales, RU_PO, term.en, msgstr=new_ru, tcomment=new_note, fuzzy=False)
    synced = catalogs.sync(glossary, locales).glossary
    expected = replace(term, ru=new_ru, status=Status.REVIEWED)
    got = synced[term.id]
    assert replace(got, note="") == replace(expected, note="")
    # A one-line note stays one line; whitespace is formatting, not content.
    assert got.note.split() == new_note.split()
    reread, _ = terms_csv.read(terms_csv.write(synced))
    assert reread == synced
    assert all(synced[t.id] == t for t in glossary if t.id != term.id)


def test_a_regional_language_header_is_read_as_its_language(tmp_path: Path) -> None:
    # A PO editor may rewrite "Language: ru" as "ru_RU" and the source as "en-US".
    glossary = small_glossary()
    catalogs.build(glossary, tmp_path)
    po = polib.pofile(str(tmp_path / RU_PO))
    po.metadata["Language"] = "ru_RU"
    po.metadata["X-Source-Language"] = "en-US"
    po.save()
    problems = catalogs.check(glossary, tmp_path)
    # Header fields other than the checksum are an editor's business, not an edit.
    assert problems == []
    assert catalogs.sync(glossary, tmp_path).changes == []


def test_the_rebuild_after_a_sync_copies_unchanged_entries_and_matches_a_fresh_build(
    tmp_path: Path,
) -> None:
    glossary = small_glossary()
    catalogs.build(glossary, tmp_path)
    path = tmp_path / RU_PO
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('msgstr "ОБСЕ"', 'msgstr "ОБСЕ (ред.)"', 1), encoding="utf-8")
    result = catalogs.sync(glossary, tmp_path)
    assert set(result.rendered) == {Lang.RU}  # the Russian catalog was compared with a build
    base = catalogs.Base(glossary, po_format.checksum(glossary), result.rendered)
    lent = catalogs.plan(result.glossary, tmp_path, force=True, base=base)
    fresh = catalogs.plan(result.glossary, tmp_path, force=True)

    def after_header(files: list[tuple[Path, bytes]]) -> dict[Path, bytes]:
        return {p: b[b.index(b"\n\n") :] for p, b in files if p.suffix == ".po"}

    assert after_header(lent) == after_header(fresh)
    assert len(after_header(lent)) == 2  # the English catalog (its msgid) changed too
    assert b"(\xd1\x80\xd0\xb5\xd0\xb4.)" in after_header(lent)[tmp_path / RU_PO]


def _serial_and_forked_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """The files of a build rendered here and of one rendered with a forked child."""
    built = []
    for name, threshold in (("serial", 10**9), ("forked", 0)):
        monkeypatch.setattr(catalogs, "PARALLEL_FROM", threshold)
        locales = tmp_path / name
        catalogs.build(small_glossary(), locales)
        built.append({p.relative_to(locales): p.read_bytes() for p in locales.rglob("*.*o")})
    return built


def test_catalogs_rendered_in_a_forked_child_are_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pids = tmp_path / "pids"
    real = catalogs._render_job

    def recorded(*args: Any) -> Any:
        with pids.open("a") as out:
            out.write(f"{os.getpid()}\n")
        return real(*args)

    monkeypatch.setattr(catalogs, "_render_job", recorded)
    serial, forked = _serial_and_forked_builds(tmp_path, monkeypatch)
    assert len(serial) == 4
    assert forked == serial
    here = str(os.getpid())
    assert pids.read_text().split()[:2] == [here, here]  # the serial build
    assert sorted(pids.read_text().split()[2:]) != [here, here]  # one job elsewhere


def test_a_forked_render_that_dies_is_done_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent, real = os.getpid(), catalogs._render_job

    def dies_in_a_child(*args: Any) -> Any:
        if os.getpid() != parent:
            os._exit(3)
        return real(*args)

    monkeypatch.setattr(catalogs, "_render_job", dies_in_a_child)
    serial, forked = _serial_and_forked_builds(tmp_path, monkeypatch)
    assert forked == serial


def test_a_forked_render_still_refuses_unsynced_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(catalogs, "PARALLEL_FROM", 0)
    catalogs.build(small_glossary(), tmp_path)
    edit(tmp_path, RU_PO, "OSCE", msgstr="ОБСЕ (ред.)")
    with pytest.raises(ConflictError, match=r"ru/LC_MESSAGES/glossary.po:\d+: unsynced edit"):
        catalogs.build(small_glossary(), tmp_path)
    assert entry(tmp_path, RU_PO, "OSCE").msgstr == "ОБСЕ (ред.)"
