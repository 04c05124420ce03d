"""The real Argos Translate path (install, list, translate) on a tiny model built here.

Nothing is downloaded: every test runs with outgoing connections refused except to
127.0.0.1, and Argos's packages, data, config and cache folders point into tmp_path.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from glossary.draft import machine
from glossary.draft.machine import (
    ArgosPackage,
    ArgosTranslator,
    MachineTranslationError,
    find_translator,
    install_from_index,
    install_package,
    installed_pairs,
    packages_dir,
)

from .tiny_argos import PACKAGE_FOLDER, build_tiny_package, sentencepiece_pieces

SENTENCES = [
    "The foreign ministers met in Geneva on Monday.",
    "Sanctions against the company were lifted.",
    "The delegation discussed security guarantees for Europe.",
]


@pytest.fixture(scope="session")
def tiny_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny en→ru ``.argosmodel``, built once per session."""
    return build_tiny_package(tmp_path_factory.mktemp("tiny-argos"))


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse every outgoing connection except to the loopback interface."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else address
        if self.family in (socket.AF_INET, socket.AF_INET6) and host not in (
            "127.0.0.1",
            "::1",
            "localhost",
        ):
            raise OSError(f"network access blocked in tests: {address!r}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(autouse=True)
def argos_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point Argos at an empty packages dir (and, on first import, tmp XDG dirs)."""
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / "xdg" / var.lower()))
    packages = tmp_path / "argos-packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    monkeypatch.delenv("ARGOS_CHUNK_TYPE", raising=False)
    monkeypatch.delenv("ARGOS_PACKAGE_INDEX", raising=False)
    return packages


@pytest.fixture
def installed(tiny_package: Path, argos_dirs: Path) -> ArgosPackage:
    """The tiny package installed into this test's packages dir."""
    return install_package(tiny_package)


def _vocabulary_characters(tiny_package: Path) -> set[str]:
    pieces = sentencepiece_pieces(tiny_package)
    return {ch for piece in pieces for ch in piece.replace("\u2581", " ")} | {" "}


# --- install and list -----------------------------------------------------------------


def test_packages_dir_follows_the_environment_variable(argos_dirs: Path) -> None:
    assert packages_dir() == argos_dirs
    assert argos_dirs.is_dir()


def test_install_package_lists_the_pair(installed: ArgosPackage, argos_dirs: Path) -> None:
    assert installed == ArgosPackage("en", "ru", "0.0.1", argos_dirs / PACKAGE_FOLDER)
    assert (argos_dirs / PACKAGE_FOLDER / "model" / "model.bin").is_file()
    assert installed_pairs() == [("en", "ru")]


def test_nothing_installed_lists_no_pairs() -> None:
    assert installed_pairs() == []


def test_missing_pair_gives_no_translator(installed: ArgosPackage) -> None:
    assert find_translator("ru", "en") is None
    with pytest.raises(MachineTranslationError, match="no Argos package installed for ru→en"):
        ArgosTranslator("ru", "en")


# --- translate --------------------------------------------------------------------------


def test_translate_a_batch_of_three(installed: ArgosPackage, tiny_package: Path) -> None:
    translator = find_translator("en", "ru")
    assert isinstance(translator, ArgosTranslator)

    first = translator.translate(SENTENCES)

    assert len(first) == 3
    assert all(isinstance(text, str) and text for text in first)
    allowed = _vocabulary_characters(tiny_package)
    for text in first:
        assert set(text) <= allowed, text
    # Deterministic: again, with a fresh translator, and one sentence at a time.
    assert translator.translate(SENTENCES) == first
    assert ArgosTranslator("en", "ru").translate(list(reversed(SENTENCES))) == first[::-1]
    assert [translator.translate([s])[0] for s in SENTENCES] == first


def test_translate_keeps_blank_segments_in_place(installed: ArgosPackage) -> None:
    translator = ArgosTranslator("en", "ru")
    assert translator.translate([]) == []
    out = translator.translate(["", SENTENCES[0], "   "])
    assert out[0] == "" and out[2] == ""
    assert out[1] == translator.translate([SENTENCES[0]])[0]


def test_translate_refuses_a_bare_string(installed: ArgosPackage) -> None:
    with pytest.raises(TypeError, match="sequence of sentences"):
        ArgosTranslator("en", "ru").translate(SENTENCES[0])


def test_batch_equals_argos_own_packaged_translation(installed: ArgosPackage) -> None:
    """Same strings as argostranslate's own pipeline, minus its sentence splitter."""
    import ctranslate2
    from argostranslate import package, settings, translate

    class OneSentence:
        def split_sentences(self, text: str) -> list[str]:
            return [text]

    (pkg,) = package.get_installed_packages()
    model = ctranslate2.Translator(str(pkg.package_path / "model"), device=settings.device)
    expected = [
        translate.apply_packaged_translation(pkg, s, model, OneSentence(), 1)[0].value
        for s in SENTENCES
    ]
    assert ArgosTranslator("en", "ru").translate(SENTENCES) == expected


def test_translating_loads_no_sentence_splitter(
    installed: ArgosPackage, argos_dirs: Path, tmp_path: Path
) -> None:
    """A fresh process translates without importing Stanza, PyTorch or MiniSBD."""
    script = """
import json, socket, sys
def refuse(*args, **kwargs):
    raise OSError("network access blocked")
socket.socket.connect = refuse
from glossary.draft.machine import ArgosTranslator
out = ArgosTranslator("en", "ru").translate(json.loads(sys.argv[1]))
heavy = ["stanza", "torch", "spacy", "minisbd", "onnxruntime", "argostranslate.sbd"]
print(json.dumps({"out": out, "imported": [m for m in heavy if m in sys.modules]}))
"""
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = {
        "ARGOS_PACKAGES_DIR": str(argos_dirs),
        "XDG_DATA_HOME": str(tmp_path / "xdg2" / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "xdg2" / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "xdg2" / "cache"),
        "HOME": str(tmp_path / "home"),
        "PYTHONPATH": src,
    }
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(SENTENCES)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["imported"] == []
    assert result["out"] == ArgosTranslator("en", "ru").translate(SENTENCES)
    assert not (tmp_path / "xdg2" / "data" / "argos-translate" / "minisbd").exists()
    assert not any(p.name in ("stanza", "minisbd", "spacy") for p in argos_dirs.rglob("*"))


# --- unsafe and broken packages ---------------------------------------------------------


def _copy_with_extra(tiny_package: Path, destination: Path, extra: zipfile.ZipInfo) -> Path:
    """The tiny package plus one more entry: valid in every other respect."""
    with zipfile.ZipFile(tiny_package) as src, zipfile.ZipFile(destination, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr(extra, b"gotcha\n")
    return destination


def _files_under(path: Path) -> list[Path]:
    return sorted(path.rglob("*")) if path.exists() else []


@pytest.mark.parametrize(
    ("case", "entry_name"),
    [
        ("dotdot", "../evil"),
        ("dotdot_inside", f"{PACKAGE_FOLDER}/../../evil"),
        ("backslash_dotdot", f"{PACKAGE_FOLDER}\\..\\..\\evil"),
        ("absolute", "ABSOLUTE"),
    ],
)
def test_path_traversal_is_rejected(
    case: str, entry_name: str, tiny_package: Path, tmp_path: Path, argos_dirs: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    if entry_name == "ABSOLUTE":
        entry_name = str(outside / "evil")
    bad = _copy_with_extra(
        tiny_package, tmp_path / f"{case}.argosmodel", zipfile.ZipInfo(entry_name)
    )
    before = _files_under(argos_dirs)

    with pytest.raises(MachineTranslationError) as caught:
        install_package(bad)

    message = str(caught.value)
    assert str(bad) in message and repr(entry_name) in message
    assert _files_under(argos_dirs) == before
    assert not (outside / "evil").exists()
    assert not (tmp_path / "evil").exists()
    assert not (tmp_path.parent / "evil").exists()
    assert installed_pairs() == []


def test_symlink_entry_is_rejected(tiny_package: Path, tmp_path: Path, argos_dirs: Path) -> None:
    link = zipfile.ZipInfo(f"{PACKAGE_FOLDER}/model/link")
    link.external_attr = 0o120777 << 16
    bad = _copy_with_extra(tiny_package, tmp_path / "symlink.argosmodel", link)
    with pytest.raises(
        MachineTranslationError, match=r"'translate-en_ru-tiny/model/link' is a symbolic link"
    ):
        install_package(bad)
    assert installed_pairs() == []


def test_archive_without_metadata_is_rejected(tiny_package: Path, tmp_path: Path) -> None:
    bad = tmp_path / "no-metadata.argosmodel"
    with zipfile.ZipFile(tiny_package) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            if not info.filename.endswith("metadata.json"):
                dst.writestr(info, src.read(info))
    with pytest.raises(MachineTranslationError, match=r"no translate-en_ru-tiny/metadata\.json"):
        install_package(bad)
    assert installed_pairs() == []


def test_archive_with_two_top_level_folders_is_rejected(tiny_package: Path, tmp_path: Path) -> None:
    bad = _copy_with_extra(tiny_package, tmp_path / "two.argosmodel", zipfile.ZipInfo("other/x"))
    with pytest.raises(MachineTranslationError, match="exactly one top-level folder"):
        install_package(bad)


def test_not_a_zip_is_rejected(tmp_path: Path) -> None:
    bad = tmp_path / "plain.argosmodel"
    bad.write_text("not a zip", encoding="utf-8")
    with pytest.raises(MachineTranslationError, match="not a zip archive"):
        install_package(bad)


# --- hostile archives: size and count caps, CRC, no half-installed model ---------------


def _copy_plus(tiny_package: Path, destination: Path, extras: list[tuple[str, bytes]],
               *, stored: bool = False) -> Path:  # fmt: skip
    """The tiny package with ``extras`` appended as further members of its folder."""
    compression = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(tiny_package) as src, zipfile.ZipFile(destination, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            info.compress_type = compression if not info.is_dir() else zipfile.ZIP_STORED
            dst.writestr(info, data)
        for name, data in extras:
            dst.writestr(f"{PACKAGE_FOLDER}/{name}", data, compress_type=compression)
    return destination


def _patch_central_size(archive: Path, member: str, size: int) -> None:
    """Make the zip directory declare ``size`` uncompressed bytes for ``member``."""
    data = bytearray(archive.read_bytes())
    name = member.encode()
    at = data.index(b"PK\x01\x02")  # the first central directory header
    while True:
        length = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + length] == name:
            data[at + 24 : at + 28] = size.to_bytes(4, "little")
            break
        extra = int.from_bytes(data[at + 30 : at + 32], "little")
        comment = int.from_bytes(data[at + 32 : at + 34], "little")
        at += 46 + length + extra + comment
    archive.write_bytes(bytes(data))


def _nothing_installed(argos_dirs: Path) -> None:
    assert _files_under(argos_dirs) == []
    assert not list(argos_dirs.parent.glob(".glossary-install-*"))
    assert installed_pairs() == []


def test_small_archive_declaring_a_huge_member_is_refused(
    tiny_package: Path, tmp_path: Path, argos_dirs: Path
) -> None:
    bad = _copy_plus(tiny_package, tmp_path / "declared.argosmodel", [("model/pad.bin", b"x")])
    _patch_central_size(bad, f"{PACKAGE_FOLDER}/model/pad.bin", 3 * 1024**3)
    assert bad.stat().st_size < 4 * 1024**2
    with pytest.raises(
        MachineTranslationError,
        match=r"bytes uncompressed, more than the "
        rf"{machine.MAX_ARCHIVE_BYTES} a model may hold; nothing installed",
    ):
        install_package(bad)  # fmt: skip
    _nothing_installed(argos_dirs)


def test_small_archive_holding_a_big_member_is_refused(
    tiny_package: Path, tmp_path: Path, argos_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 16 MiB of zeros deflate to a few KiB; the cap is lowered so the test stays fast
    bomb = _copy_plus(
        tiny_package, tmp_path / "bomb.argosmodel", [("model/zeros", bytes(16 << 20))]
    )
    assert bomb.stat().st_size < tiny_package.stat().st_size + 100_000
    monkeypatch.setattr(machine, "MAX_ARCHIVE_BYTES", 8 << 20)
    with pytest.raises(MachineTranslationError, match="more than the 8388608 a model may hold"):
        install_package(bomb)
    _nothing_installed(argos_dirs)


def test_member_inflating_past_its_declared_size_installs_nothing(
    tiny_package: Path, tmp_path: Path, argos_dirs: Path
) -> None:
    bad = _copy_plus(tiny_package, tmp_path / "liar.argosmodel", [("model/zeros", bytes(1 << 20))])
    _patch_central_size(bad, f"{PACKAGE_FOLDER}/model/zeros", 10)  # declares 10 bytes
    with pytest.raises(MachineTranslationError, match="nothing installed"):
        install_package(bad)
    _nothing_installed(argos_dirs)


def test_crc_broken_last_member_installs_nothing(
    tiny_package: Path, tmp_path: Path, argos_dirs: Path
) -> None:
    bad = _copy_plus(tiny_package, tmp_path / "crc.argosmodel", [("z-last.txt", b"A" * 64)],
                     stored=True)  # fmt: skip
    data = bytearray(bad.read_bytes())
    at = data.rindex(b"A" * 64)
    data[at] = ord("B")  # the bytes change, the CRC in the headers does not
    bad.write_bytes(bytes(data))
    with pytest.raises(MachineTranslationError, match=r"corrupt archive \(Bad CRC-32"):
        install_package(bad)
    _nothing_installed(argos_dirs)


def test_failed_reinstall_keeps_the_installed_model_whole(
    installed: ArgosPackage, tiny_package: Path, tmp_path: Path, argos_dirs: Path
) -> None:
    before = {p: p.read_bytes() for p in _files_under(argos_dirs) if p.is_file()}
    expected = ArgosTranslator("en", "ru").translate(SENTENCES[:1])
    bad = _copy_plus(tiny_package, tmp_path / "crc.argosmodel", [("z-last.txt", b"A" * 64)],
                     stored=True)  # fmt: skip
    data = bytearray(bad.read_bytes())
    data[data.rindex(b"A" * 64)] = ord("B")
    bad.write_bytes(bytes(data))
    with pytest.raises(MachineTranslationError, match="nothing installed"):
        install_package(bad)
    assert {p: p.read_bytes() for p in _files_under(argos_dirs) if p.is_file()} == before
    assert ArgosTranslator("en", "ru").translate(SENTENCES[:1]) == expected


def test_too_many_members_are_refused(tiny_package: Path, tmp_path: Path, argos_dirs: Path) -> None:
    count = machine.MAX_ARCHIVE_FILES
    extras = [(f"many/{i}", b"") for i in range(count)]
    bad = _copy_plus(tiny_package, tmp_path / "many.argosmodel", extras)
    with pytest.raises(MachineTranslationError, match=rf"more than the {count} a model may hold"):
        install_package(bad)
    _nothing_installed(argos_dirs)


def test_a_killed_install_is_cleaned_by_the_next(tiny_package: Path, argos_dirs: Path) -> None:
    argos_dirs.mkdir(parents=True, exist_ok=True)
    leftover = argos_dirs.parent / ".glossary-install-killed"
    (leftover / PACKAGE_FOLDER).mkdir(parents=True)
    old = 1_000_000_000
    os.utime(leftover, (old, old))
    install_package(tiny_package)
    assert not leftover.exists()
    assert installed_pairs() == [("en", "ru")]


# --- the package index ------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_install_from_index_offline_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", f"http://127.0.0.1:{_closed_port()}/")
    with pytest.raises(MachineTranslationError, match="cannot reach the Argos package index"):
        install_from_index("en", "ru")
    assert installed_pairs() == []


@pytest.fixture
def local_index(tiny_package: Path, tmp_path: Path) -> Iterator[str]:
    """An Argos package index served from 127.0.0.1, listing the tiny package."""
    root = tmp_path / "index"
    root.mkdir()
    (root / "tiny.argosmodel").write_bytes(tiny_package.read_bytes())
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    entry = {
        "package_version": "0.0.1",
        "argos_version": "1.9.0",
        "from_code": "en",
        "from_name": "English",
        "to_code": "ru",
        "to_name": "Russian",
        "type": "translate",
        "links": [base + "tiny.argosmodel"],
    }
    (root / "index.json").write_text(json.dumps([entry]), encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def test_install_from_index(local_index: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", local_index)
    installed = install_from_index("en", "ru")
    assert (installed.from_code, installed.to_code) == ("en", "ru")
    assert installed_pairs() == [("en", "ru")]
    assert len(ArgosTranslator("en", "ru").translate(SENTENCES)) == 3
    with pytest.raises(MachineTranslationError, match="no package for ru→en"):
        install_from_index("ru", "en")
