"""``glossary annotate``: terminal, JSON and HTML output over files and stdin."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from glossary.cli import main

TEXT = "Госсекретарь говорил о сферах влияния\r\nи об ОБСЕ (не об Обсерватории).\r\n"


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("FORCE_COLOR", raising=False)


def test_terminal(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workspace / "a.txt").write_bytes(TEXT.encode())
    assert main(["annotate", "a.txt"]) == 0
    assert capsys.readouterr().out == (
        "Госсекретарь [Secretary of State] говорил о сферах влияния [?sphere of influence]\r\n"
        "и об ОБСЕ [OSCE] (не об Обсерватории).\r\n"
    )


def test_json_offsets_into_the_decoded_text(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workspace / "a.txt").write_bytes(TEXT.encode("cp1251"))
    assert main(["annotate", "--json", "a.txt"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["document"] == "a.txt"
    spans = result["spans"]
    assert [(s["start"], s["end"], s["id"]) for s in spans] == [
        (0, 12, "secretary-of-state"),
        (23, 37, "sphere-of-influence"),
        (44, 48, "osce"),
    ]
    assert all(TEXT[s["start"] : s["end"]] == s["text"] for s in spans)


def test_stdin(
    workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Military blocs")))
    assert main(["annotate", "--json", "-"]) == 0
    (span,) = json.loads(capsys.readouterr().out)["spans"]
    assert (span["id"], span["status"]) == ("military-bloc", "candidate")
    assert (span["rendering"], span["lang"], span["role"], span["also"]) == (
        "",
        "en",
        "preferred",
        [],
    )


def test_empty_text_is_valid_json(
    workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"no terms here")))
    assert main(["annotate", "--json", "-"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "schema": "glossary.annotate/1",
        "document": "<stdin>",
        "spans": [],
    }


def test_overlaps_keep_the_longest_cover_and_list_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # invented: a two-word glossary entry overlaps the first word of a long treaty name
    terms = tmp_path / "terms.csv"
    terms.write_text(
        "id,en,ru,kind,status\n"
        "treaty-extension,treaty extension,продление договора,term,reviewed\n"
        "npt,Treaty on the Non-Proliferation of Nuclear Weapons,"
        "Договор о нераспространении ядерного оружия,term,reviewed\n"
        "nuclear-weapons,nuclear weapons,ядерное оружие,term,draft\n",
        encoding="utf-8",
    )
    text = "Стороны договорились о продлении Договора о нераспространении ядерного оружия."
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert main(["--glossary", str(terms), "annotate", "--json", "-"]) == 0
    (span,) = json.loads(capsys.readouterr().out)["spans"]
    assert (span["id"], span["text"]) == ("npt", "Договора о нераспространении ядерного оружия")
    assert [(a["id"], a["text"], a["start"]) for a in span["also"]] == [
        ("treaty-extension", "продлении Договора", 23),
        ("nuclear-weapons", "ядерного оружия", 62),
    ]
    assert text[62:77] == "ядерного оружия"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert main(["--glossary", str(terms), "annotate", "-"]) == 0
    assert capsys.readouterr().out == (
        "Стороны договорились о продлении Договора о нераспространении ядерного оружия "
        "[Treaty on the Non-Proliferation of Nuclear Weapons].\n"
    )


def test_html(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workspace / "a.txt").write_text("<b>ОБСЕ</b> & сферы влияния", encoding="utf-8")
    assert main(["annotate", "a.txt", "--html", "out.html"]) == 0
    page = (workspace / "out.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;<mark" in page
    assert "A region another power dominates." in page
    assert "wrote out.html: 2 terms" in capsys.readouterr().err
    assert page.startswith('<!DOCTYPE html>\n<html lang="ru">')  # the document's language
    assert " title=" not in page and "<script" not in page
    # the card of «сферы влияния» names its forbidden rendering, in its language
    assert 'do not use (ru): <span lang="ru">зона интереса</span>' in page
    assert '<span class="rendering" lang="en">sphere of influence</span>' in page
    assert main(["annotate", "a.txt", "--html", "-"]) == 0
    assert capsys.readouterr().out == page


def test_missing_file_is_one_line(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annotate", "nope.txt"]) == 2
    assert capsys.readouterr().err.startswith("nope.txt: cannot read")


def test_json_and_html_exclusive(workspace: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["annotate", "--json", "--html", "x.html", "a.txt"])
    assert info.value.code == 2


def test_large_plain_text_is_streamed_with_the_same_output(
    workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import glossary.cli.annotate as command

    text = (
        "\ufeff" + TEXT + "\r\n" + "Сферы влияния и ОБСЕ.\r\n\r\n" * 3 + "military bloc"
    ).encode()
    (workspace / "big.txt").write_bytes(text)
    (workspace / "big.cp1251.txt").write_bytes(text[3:].decode().encode("cp1251"))
    outputs = {}
    for streamed in (False, True):
        # a tiny threshold and read size: multi-byte letters are split between reads
        monkeypatch.setattr(command, "STREAM_FROM", 0 if streamed else 1 << 40)
        monkeypatch.setattr(command, "_READ_BYTES", 7)
        assert (command._utf8_stream("big.txt") is not None) is streamed
        assert command._utf8_stream("big.cp1251.txt") is None  # read whole, then detected
        assert main(["annotate", "--json", "big.txt"]) == 0
        assert main(["annotate", "big.txt"]) == 0
        outputs[streamed] = capsys.readouterr().out
    assert outputs[True] == outputs[False]
    document, _ = json.JSONDecoder().raw_decode(outputs[True])  # then the terminal output
    spans = document["spans"]
    decoded = text.decode("utf-8-sig")
    assert len(spans) == 10
    assert all(decoded[s["start"] : s["end"]] == s["text"] for s in spans)
