"""The shared normaliser: one key for every spelling and inflection of a word."""

from __future__ import annotations

import pytest

from glossary.text.normalize import default_normalizer, fold_word, is_acronym, script


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
