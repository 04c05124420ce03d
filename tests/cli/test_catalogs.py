"""``glossary catalogs build|check|sync``, called through ``main([...])``."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from glossary.cli import main
from glossary.formats import terms_csv


def test_build_check_sync_cycle(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogs", "check"]) == 1
    assert "missing" in capsys.readouterr().out
    assert main(["catalogs", "build"]) == 0
    assert "wrote locales/ru/LC_MESSAGES/glossary.po" in capsys.readouterr().out
    assert main(["catalogs", "check"]) == 0
    po_path = workspace / "locales/ru/LC_MESSAGES/glossary.po"
    po = polib.pofile(str(po_path))
    found = po.find("security guarantees")
    assert found is not None
    found.msgstr = "гарантии безопасности!"
    po.save()
    before = terms_csv.load(workspace / "terms.csv")[0]
    assert main(["catalogs", "sync"]) == 0
    out = capsys.readouterr().out
    assert "security-guarantees: ru 'гарантии безопасности' → 'гарантии безопасности!'" in out
    after = terms_csv.load(workspace / "terms.csv")[0]
    changed = [t.id for t in after if t != before[t.id]]
    assert changed == ["security-guarantees"]
    assert main(["catalogs", "check"]) == 0  # sync rebuilt the catalogs


def test_sync_conflict_exits_1_and_writes_nothing(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["catalogs", "build"])
    for lang, msgid in (("ru", "OSCE"), ("en", "ОБСЕ")):
        path = workspace / f"locales/{lang}/LC_MESSAGES/glossary.po"
        po = polib.pofile(str(path))
        po.find(msgid).tcomment = f"note from {lang}"
        po.save()
    before = (workspace / "terms.csv").read_bytes()
    assert main(["catalogs", "sync"]) == 1
    assert "contradicts" in capsys.readouterr().err
    assert (workspace / "terms.csv").read_bytes() == before


def test_bad_terms_csv_is_one_line_on_stderr_exit_2(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workspace / "terms.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace(",reviewed,", ",obsolete,").replace(",draft,", ",obsolete,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["catalogs", "build"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("terms.csv:3: unknown status 'obsolete'")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not (workspace / "locales").exists()


def test_glossary_option_and_embedded_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    # No terms.csv here or above: the embedded glossary, which nothing may write from.
    assert main(["catalogs", "build"]) == 2
    assert "embedded glossary is read-only" in capsys.readouterr().err
    assert main(["catalogs", "sync"]) == 2
    assert not (tmp_path / "locales").exists()
    assert main(["--glossary", "missing.csv", "catalogs", "check"]) == 2
    assert "missing.csv: cannot read" in capsys.readouterr().err


def test_a_subfolder_uses_the_glossary_above_and_its_locales(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["catalogs", "build"]) == 0
    deeper = workspace / "locales" / "ru"
    monkeypatch.chdir(deeper)
    assert main(["catalogs", "build"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert main(["catalogs", "check"]) == 0
    assert not (deeper / "locales").exists()
    assert not (workspace / "locales" / "locales").exists()
