"""The shared normaliser: one key for every spelling and inflection of a word."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.text.normalize import (
    MIN_ACRONYM_LETTERS,
    WORD_RE,
    default_normalizer,
    fold_case,
    fold_word,
    is_acronym,
    scan_words,
    script,
    words_of,
    words_of_each,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("гарантиям безопасности", "гарантии безопасности"),
        (
            "юридически обязывающих гарантий безопасности",
            "юридически обязывающие гарантии безопасности",
        ),
        ("Постоянного совета ОБСЕ", "Постоянный совет ОБСЕ"),
        ("партнёрам", "партнеры"),
        ("ударе́ние", "ударение"),
        ("security guarantees", "Security Guarantee"),
        ("de-escalate", "de–escalate"),
        ("de-escalate", "de escalate"),
        ("Russia's neighbors", "Russia neighbor"),
        ("ex-Soviet republics", "ex-Soviet republic"),
    ],
)  # fmt: skip
def test_same_key(a: str, b: str) -> None:
    normalizer = default_normalizer()
    assert normalizer.key(a) == normalizer.key(b)


def test_acronyms_keep_case_words_do_not() -> None:
    normalizer = default_normalizer()
    assert normalizer.key("US") != normalizer.key("us")
    assert normalizer.key("NATO") == ("NATO",)
    assert is_acronym("ОБСЕ") and not is_acronym("Обсерватория") and not is_acronym("A")


def test_tokens_keep_offsets_into_the_original_text() -> None:
    text = "«Сфе́ры\r\nвлияния» — NATO’s"
    tokens = default_normalizer().tokens(text)
    assert [text[t.start : t.end] for t in tokens] == ["Сфе́ры", "влияния", "NATO"]
    assert [t.key for t in tokens] == ["сфера", "влияние", "NATO"]


def test_fold_word_and_script() -> None:
    assert fold_word("Ёлка") == "елка"
    assert fold_word("Е\u0301ЛКА") == "ЕЛКА"  # an acronym-looking word keeps its case
    assert (script("мир"), script("peace"), script("2022")) == ("ru", "en", "")


def test_english_lemmas_do_not_import_spacy_or_torch() -> None:
    """Regression: lemminflect's own __init__ imports spaCy (seconds of start-up)."""
    import subprocess
    import sys

    code = (
        "import sys; from glossary.text.normalize import default_normalizer as d;"
        "assert d().key('security guarantees') == ('security', 'guarantee');"
        "print(sorted(m for m in ('spacy', 'torch') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# -- fast paths, checked against the plain definitions ------------------------------

_TEXT = st.text(st.sampled_from("aAbZ sS'’ʼ-.,Ёёе\u0301\u0300ÉéßOБбВЯя1\u0483ǅⓐ"), max_size=24)


def _plain_is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= MIN_ACRONYM_LETTERS and all(c.isupper() for c in letters)


def _plain_fold_case(word: str) -> str:
    composed = unicodedata.normalize("NFC", word)
    return composed.translate({0x300: None, 0x301: None}).casefold().replace("ё", "е")


@given(st.one_of(_TEXT, st.text(max_size=12)))
def test_fast_paths_agree_with_the_plain_definitions(text: str) -> None:
    assert is_acronym(text) == _plain_is_acronym(text)
    assert fold_case(text) == _plain_fold_case(text)
    assert words_of(text) == scan_words(text)[0]


@given(st.lists(st.one_of(_TEXT, st.text(max_size=12)), max_size=600))
def test_words_of_each_is_words_of_every_text(texts: list[str]) -> None:
    """Batches checked at once for combining marks and apostrophes split each text
    as words_of does (over several batches: up to 600 texts)."""
    assert list(words_of_each(texts)) == [words_of(text) for text in texts]


def test_words_of_each_keeps_a_combining_mark_in_one_text_of_a_batch() -> None:
    texts = ["security guarantees", "догово\u0301р", "the bloc's members", "мир"]
    assert list(words_of_each(texts)) == [words_of(text) for text in texts]
    assert list(words_of_each(texts))[1] == ["догово\u0301р"]


def _plain_scan(text: str) -> tuple[list[str], list[int]]:
    """scan_words by its definition: every WORD_RE match, an 's after an apostrophe
    (not the first word) dropped."""
    found = [
        m
        for index, m in enumerate(WORD_RE.finditer(text))
        if not (index and m.group() in ("s", "S") and text[m.start() - 1] in "'’ʼ")
    ]
    return [m.group() for m in found], [o for m in found for o in m.span()]


@given(st.one_of(_TEXT, st.text(max_size=40)))
def test_scan_words_is_its_definition(text: str) -> None:
    """The split's shortcuts (combining marks looked for in the separators only, the
    possessive asked only of texts with an apostrophe) change nothing."""
    words, offsets = scan_words(text)
    assert (words, offsets[: 2 * len(words)]) == _plain_scan(text)
