"""``glossary mt list|install`` on a tiny real Argos package built by the tests."""

from __future__ import annotations

import json
import socket
import zipfile
from pathlib import Path
from typing import Any

import pytest

from glossary.cli import main
from tests.draft.tiny_argos import PACKAGE_FOLDER, build_tiny_package


@pytest.fixture(scope="session")
def tiny_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny en→ru ``.argosmodel``, built once per session."""
    return build_tiny_package(tmp_path_factory.mktemp("tiny-argos-cli"))


@pytest.fixture
def argos_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty Argos packages dir (and XDG dirs) in tmp_path; the network refused."""
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / "xdg" / var.lower()))
    packages = tmp_path / "argos-packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    monkeypatch.delenv("ARGOS_PACKAGE_INDEX", raising=False)
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else address
        if self.family in (socket.AF_INET, socket.AF_INET6) and host not in ("127.0.0.1", "::1"):
            raise OSError(f"network access blocked in tests: {address!r}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    return packages


def test_list_with_nothing_installed(argos_dirs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mt", "list"]) == 0
    assert "no MT model installed in" in capsys.readouterr().out
    assert main(["mt", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pairs"] == []


def test_install_from_file_then_list(
    tiny_package: Path, argos_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["mt", "install", str(tiny_package)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("installed en → ru 0.0.1 in ")
    assert (argos_dirs / PACKAGE_FOLDER / "metadata.json").is_file()
    assert main(["mt", "list"]) == 0
    assert capsys.readouterr().out == "en → ru\n"
    assert main(["mt", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pairs"] == [{"from": "en", "to": "ru"}]


def test_install_refuses_path_traversal(
    tmp_path: Path, argos_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evil = tmp_path / "evil.argosmodel"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("pkg/metadata.json", '{"from_code": "en", "to_code": "ru"}')
        archive.writestr("pkg/../../escaped.txt", "gotcha")
    assert main(["mt", "install", str(evil)]) == 2
    err = capsys.readouterr().err
    assert "unsafe archive entry" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "escaped.txt").exists()


def test_install_from_index_offline_is_one_line(
    argos_dirs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://203.0.113.1/index.json")
    assert main(["mt", "install", "--from", "en", "--to", "ru"]) == 2
    err = capsys.readouterr().err
    assert "cannot reach the Argos package index" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["mt", "install"], "nothing to install"),
        (["mt", "install", "--from", "en"], "--from and --to go together"),
        (["mt", "install", "x.argosmodel", "--from", "en", "--to", "ru"], "not both"),
        (["mt", "install", "missing.argosmodel"], "missing.argosmodel: no such file"),
    ],
)
def test_install_usage_errors(
    argv: list[str], message: str, argos_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
