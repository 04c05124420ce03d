"""``glossary extract``: outputs, inputs, encodings, merge and error paths."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from glossary.cli import main
from glossary.formats import terms_csv

ARTICLE = (
    "Lavrov and Blinken met in Geneva.\n\n"
    "Moscow wants legally binding security guarantees from the North Atlantic Treaty "
    "Organization (NATO).\n\nNATO rejects a sphere of influence. The arms race continues.\n"
)
RUSSIAN = "Стороны обсудили юридически обязывающие гарантии безопасности и гонку вооружений.\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workspace / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, "extract", "a.txt", "--json")
    assert code == 0
    data = json.loads(out)["candidates"]
    assert data, "no candidates"
    for item in data:
        for field in ("term", "lang", "score", "frequency", "forms", "references",
                      "suggestion", "suggestion_source"):  # fmt: skip
            assert field in item
    scores = [item["score"] for item in data]
    assert scores == sorted(scores, reverse=True)
    nato = next(item for item in data if item["term"] == "NATO")
    assert nato["expansion"] == "North Atlantic Treaty Organization"
    assert nato["references"] == ["a.txt:3", "a.txt:5"]
    guarantees = next(item for item in data if item["term"] == "security guarantees")
    assert guarantees["suggestion"] == "гарантии безопасности"
    assert guarantees["suggestion_source"] == "glossary"
    arms = next(item for item in data if item["term"] == "arms race")
    assert arms["suggestion"] is None and arms["suggestion_source"] is None


def test_text_output_and_top(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workspace / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, "extract", "a.txt", "--top", "3")
    assert code == 0
    assert len(out.strip().splitlines()) == 3
    assert "\x1b[" not in out  # no colour when not on a terminal


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251", "koi8-r"])
def test_russian_encodings_are_detected(
    workspace: Path, capsys: pytest.CaptureFixture[str], encoding: str
) -> None:
    (workspace / "ru.txt").write_bytes((RUSSIAN * 3).encode(encoding))
    code, out, _ = run(capsys, "extract", "ru.txt", "--json")
    assert code == 0
    terms = [item["term"] for item in json.loads(out)["candidates"]]
    assert "юридически обязывающие гарантии безопасности" in terms
    assert all(item["lang"] == "ru" for item in json.loads(out)["candidates"])


def test_html_and_stdin(
    workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    html = "<html><head><style>p {color: red}</style></head><body><p>The arms race.</p></body>"
    (workspace / "a.html").write_text(html, encoding="utf-8")
    code, out, _ = run(capsys, "extract", "a.html", "--json")
    terms = [item["term"] for item in json.loads(out)["candidates"]]
    assert "arms race" in terms and "color" not in terms
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(RUSSIAN.encode())))
    code, out, _ = run(capsys, "extract", "-", "--lang", "ru", "--json")
    assert code == 0
    assert json.loads(out)["candidates"][0]["references"][0].startswith("<stdin>:1")


def test_empty_input_gives_empty_list(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workspace / "empty.txt").write_bytes(b"")
    code, out, _ = run(capsys, "extract", "empty.txt", "--json")
    assert code == 0
    assert json.loads(out)["candidates"] == []


def test_huge_input(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workspace / "big.txt").write_text(ARTICLE * 3000, encoding="utf-8")
    code, out, _ = run(capsys, "extract", "big.txt", "--json", "--top", "5")
    assert code == 0
    data = json.loads(out)["candidates"]
    assert len(data) == 5
    nato = next(item for item in data if item["term"] == "NATO")
    assert nato["frequency"] == 6000
    # References keep the file's line numbers across the chunks fed to the extractor.
    assert nato["references"][:2] == ["big.txt:3", "big.txt:5"]


def test_binary_file_is_one_line_error(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workspace / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00")
    code, out, err = run(capsys, "extract", "blob.txt")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "blob.txt" in err and "Traceback" not in err


def test_unreadable_path_is_one_line_error(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "extract", "missing.txt")
    assert code == 2
    assert err.count("\n") == 1 and "missing.txt" in err
    code, _, err = run(capsys, "extract", str(workspace))
    assert code == 2 and err.count("\n") == 1


def test_bad_top_is_usage_error(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workspace / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, "extract", "a.txt", "--top", "0")
    assert code == 2 and "--top" in err


def test_merge_never_touches_reviewed_rows(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (workspace / "terms.csv").read_bytes()
    glossary, _ = terms_csv.load(workspace / "terms.csv")
    reviewed = {t.id for t in glossary if t.reviewed}
    (workspace / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, "extract", "a.txt", "--merge")
    assert code == 0
    assert "added arms-race: arms race" in out
    after = (workspace / "terms.csv").read_bytes()
    old_lines = before.decode().splitlines()
    new_lines = after.decode().splitlines()
    # Every existing row (reviewed ones included) is byte-identical and in place.
    assert new_lines[: len(old_lines)] == old_lines
    merged, _ = terms_csv.load(workspace / "terms.csv")
    for term in merged:
        if term.id in reviewed:
            assert term == glossary.get(term.id)
        elif term.id not in glossary:
            assert term.status.value == "candidate"
    # A second merge adds nothing and leaves the file as it is.
    code, out, _ = run(capsys, "extract", "a.txt", "--merge")
    assert "0 added" in out
    assert (workspace / "terms.csv").read_bytes() == after


def test_po_and_markdown_inputs(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    po = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "The arms race continues."\nmsgstr "Гонка вооружений продолжается."\n'
    )
    (workspace / "a.po").write_text(po, encoding="utf-8")
    code, out, _ = run(capsys, "extract", "a.po", "--json")
    assert code == 0
    data = json.loads(out)["candidates"]
    assert "arms race" in [item["term"] for item in data]
    assert all(item["lang"] == "en" for item in data)
    (workspace / "a.md").write_text("# Talks\n\nThe **arms race** continues.\n", encoding="utf-8")
    code, out, _ = run(capsys, "extract", "a.md", "--json")
    assert "arms race" in [item["term"] for item in json.loads(out)["candidates"]]


def test_mixed_languages_are_ranked_per_language(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (workspace / "en.txt").write_text(ARTICLE, encoding="utf-8")
    (workspace / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    code, out, _ = run(capsys, "extract", "en.txt", "ru.txt", "--json", "--top", "3")
    assert code == 0
    langs = [item["lang"] for item in json.loads(out)["candidates"]]
    assert langs.count("en") == 3 and langs.count("ru") == 3


def test_merge_into_the_embedded_glossary_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no terms.csv here: the embedded glossary is used
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, "extract", "a.txt", "--merge")
    assert code == 2
    assert err.count("\n") == 1 and "read-only" in err
    assert not (tmp_path / "terms.csv").exists()


def test_merge_json_lists_added_rows(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workspace / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, "extract", "a.txt", "--merge", "--json")
    assert code == 0
    added = json.loads(out)["added"]
    arms = next(row for row in added if row["en"] == "arms race")
    assert arms["status"] == "candidate" and arms["id"] == "arms-race"
    assert arms["source"] == ["a.txt:5"]


def test_long_varied_russian_input_does_not_crash(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression: past 200,000 characters the CLI feeds chunks, and a candidate's
    samples from later chunks were looked up in the first chunk's words (IndexError)."""
    from tests.extract.varied import russian

    text = russian(260_000)
    assert len(set(text.split(". "))) > 1000  # varied, not one sentence repeated
    (workspace / "archive.txt").write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "extract", "archive.txt", "--json", "--lang", "ru")
    assert code == 0, err
    data = json.loads(out)["candidates"]
    terms = [item["term"] for item in data]
    assert "меры доверия" in terms
    last_line = text.count("\n")
    lines = [int(r.rsplit(":", 1)[1]) for item in data for r in item["references"]]
    assert max(lines) <= last_line


def test_kind_filter_and_kind_in_json(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workspace / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, "extract", "a.txt", "--json", "--kind", "acronym")
    assert code == 0
    data = json.loads(out)["candidates"]
    assert data and {item["kind"] for item in data} == {"acronym"}
    code, out, _ = run(capsys, "extract", "a.txt", "--json", "--kind", "term,organization")
    kinds = {item["kind"] for item in json.loads(out)["candidates"]}
    assert kinds <= {"term", "organization"} and "term" in kinds
    code, _, err = run(capsys, "extract", "a.txt", "--kind", "gadget")
    assert code == 2 and "gadget" in err and err.count("\n") == 1


def test_min_score_and_dry_run(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workspace / "a.txt").write_text(ARTICLE, encoding="utf-8")
    _, out, _ = run(capsys, "extract", "a.txt", "--json")
    scores = sorted(item["score"] for item in json.loads(out)["candidates"])
    middle = scores[len(scores) // 2]
    _, out, _ = run(capsys, "extract", "a.txt", "--json", "--min-score", str(middle))
    kept = json.loads(out)["candidates"]
    assert kept and len(kept) < len(scores) and all(i["score"] >= middle for i in kept)
    before = (workspace / "terms.csv").read_bytes()
    code, out, _ = run(capsys, "extract", "a.txt", "--merge", "--dry-run")
    assert code == 0
    assert "would add arms-race: arms race" in out
    assert (workspace / "terms.csv").read_bytes() == before
    code, _, err = run(capsys, "extract", "a.txt", "--dry-run")
    assert code == 2 and "--merge" in err


def test_references_are_relative_to_the_glossary_folder(
    workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:  # fmt: skip
    (workspace / "news").mkdir()
    (workspace / "news" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(workspace / "news")
    code, out, _ = run(capsys, "extract", "a.txt", "--merge", "--json")
    assert code == 0
    arms = next(row for row in json.loads(out)["added"] if row["en"] == "arms race")
    assert arms["source"] == ["news/a.txt:5"]
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "b.txt"
    elsewhere.write_text(ARTICLE.replace("arms race", "naval blockade"), encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(elsewhere), "--merge", "--json")
    blockade = next(row for row in json.loads(out)["added"] if row["en"] == "naval blockade")
    assert blockade["source"] == ["b.txt:5"]


def test_suggestions_from_aligned_memory(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from glossary.formats import tmx
    from glossary.model import Lang, TranslationUnit

    pairs = [
        ("The naval blockade continues.", "Морская блокада продолжается."),
        ("They discussed the naval blockade of the port.", "Они обсудили морскую блокаду порта."),
        ("Talks on the port resumed.", "Переговоры о порте возобновились."),
        ("The envoys met again.", "Посланники снова встретились."),
    ]
    units = [TranslationUnit(Lang.EN, en, Lang.RU, ru, f"m:{i}") for i, (en, ru) in
             enumerate(pairs, 1)]  # fmt: skip
    (workspace / "memory.tmx").write_bytes(tmx.write(units))
    (workspace / "a.txt").write_text("A naval blockade was announced.\n", encoding="utf-8")
    code, out, _ = run(capsys, "extract", "a.txt", "--json", "--no-mt", "--memory", "memory.tmx")
    assert code == 0
    blockade = next(
        item for item in json.loads(out)["candidates"] if item["term"] == "naval blockade"
    )
    assert blockade["suggestion_source"] == "memory"
    assert blockade["suggestion"] in ("Морская блокада", "морская блокада")
