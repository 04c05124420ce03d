"""Crafted inputs that used to raise tracebacks: now one ``file:line: message``, exit 2.

Each fixture lives in ``tests/formats/fixtures/hostile/`` (invented content). Every
test runs the command through ``main([...])`` and checks the exact one-line shape,
the exit code and that nothing was written.
"""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from glossary.cli import main
from glossary.errors import FormatError
from glossary.formats import input_limit, read_file, read_stream

HOSTILE = Path(__file__).resolve().parents[1] / "formats" / "fixtures" / "hostile"


def _tree(path: Path) -> dict[str, bytes]:
    return {str(p.relative_to(path)): p.read_bytes() for p in path.rglob("*") if p.is_file()}


def one_line_error(
    capsys: pytest.CaptureFixture[str], argv: list[str], root: Path, *, notices: int = 0
) -> str:
    """Run ``argv``; assert exit 2, one error line (after ``notices`` notices), no
    traceback and nothing written."""
    before = _tree(root)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 + notices and "Traceback" not in err, err
    assert _tree(root) == before
    return err.rstrip("\n").rsplit("\n", 1)[-1]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("deep_nesting.tbx", "deep_nesting.tbx:4: elements nested deeper than 100 levels"),
        ("utf7.tbx", "utf7.tbx:1: unsupported encoding in the XML declaration "
                     "(multi-byte encodings are not supported); save the file as UTF-8"),
        ("unknown_encoding.tmx", "unknown_encoding.tmx:1: unsupported encoding in the XML "
                                 "declaration (unknown encoding: x-imaginary-8); save the file "
                                 "as UTF-8"),
    ],
)  # fmt: skip
def test_crafted_xml_is_one_line(
    workspace: Path, capsys: pytest.CaptureFixture[str], name: str, expected: str
) -> None:
    shutil.copy(HOSTILE / name, workspace / name)
    assert one_line_error(capsys, ["import", name], workspace) == expected


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("dictd_truncated_extra", "malformed dictzip header: "),
        ("dictd_unterminated_name", "malformed dictzip header: the file name field has no "
                                    "terminating NUL"),
        ("dictd_zero_chunk_length", "malformed dictzip header: chunk length 0 in the RA field"),
        ("dictd_short_chunk_table", "malformed dictzip header: unpack_from requires"),
    ],
)  # fmt: skip
def test_crafted_dictzip_headers_are_one_line(
    workspace: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    reason: str,
) -> None:
    for var in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        monkeypatch.setenv(var, str(workspace / "xdg" / var.lower()))
    for suffix in (".index", ".dict.dz"):
        shutil.copy(HOSTILE / f"{name}{suffix}", workspace / f"{name}{suffix}")
    err = one_line_error(capsys, ["dict", "add", f"{name}.index"], workspace)
    assert err.startswith(f"{name}.dict.dz: {reason}"), err


def test_html_marked_section_html_parser_rejects_is_skipped(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # html.parser raises AssertionError on "<![h/<"; browsers skip it as a bogus comment
    shutil.copy(HOSTILE / "marked_section.html", workspace / "page.html")
    assert main(["extract", "page.html", "--json"]) == 0
    out = capsys.readouterr().out
    assert "truce" in out.lower() and "<![" not in out


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "-o", "out.tbx"],
        ["export", "--format", "csv", "-o", "out.tbx"],
        ["draft", "a.txt", "--to", "ru", "-o", "out.tbx"],
        ["annotate", "a.txt", "--html", "out.tbx"],
    ],
)
def test_output_that_is_a_directory_is_one_line(
    workspace: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    (workspace / "a.txt").write_text("The OSCE met in Vienna.\n", encoding="utf-8")
    (workspace / "out.tbx").mkdir()
    # draft says once that no MT model is installed before it writes
    err = one_line_error(capsys, argv, workspace, notices=int(argv[0] == "draft"))
    assert err.endswith("out.tbx: is a directory; give the name of a file to write"), err


def test_dev_zero_is_refused_without_reading_it_all(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = one_line_error(capsys, ["extract", "--max-size", "64k", "/dev/zero"], workspace)
    assert err == "/dev/zero: larger than 64000 bytes; refused (raise the limit with --max-size)"


def test_a_file_larger_than_the_limit_is_refused_from_its_size(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = workspace / "big.txt"
    with big.open("wb") as stream:  # sparse: 300 MB on paper, nothing on disk
        stream.truncate(300 * 1000**2)
    err = one_line_error(capsys, ["extract", "big.txt"], workspace)
    assert err == "big.txt: larger than 200000000 bytes; refused (raise the limit with --max-size)"
    big.unlink()


def test_max_size_raises_and_lowers_the_limit(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workspace / "a.txt").write_text("The OSCE met in Vienna.\n" * 100, encoding="utf-8")
    assert main(["extract", "a.txt", "--max-size", "1M"]) == 0
    capsys.readouterr()
    err = one_line_error(capsys, ["--max-size", "1k", "extract", "a.txt"], workspace)
    assert err == "a.txt: larger than 1000 bytes; refused (raise the limit with --max-size)"


def test_endless_stdin_is_read_up_to_the_limit(
    workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            buffer[:] = bytes(len(buffer))
            return len(buffer)

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Endless())))
    argv = ["--max-size", "10k", "import", "-", "--format", "csv"]
    err = one_line_error(capsys, argv, workspace)
    assert err == "<stdin>: larger than 10000 bytes; refused (raise the limit with --max-size)"
    with input_limit(10_000):
        assert read_stream(io.BytesIO(b"x" * 10_000), "s") == b"x" * 10_000


def test_read_file_limit_is_restored_after_the_block(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 2000)
    with input_limit(1000), pytest.raises(FormatError):
        read_file(path)
    assert read_file(path) == b"x" * 2000
