"""English lemmas: noun first, then verb, adjective, adverb; unknown words unchanged."""

from __future__ import annotations

import subprocess
import sys

from glossary.text.morph_en import EnglishLemmatizer, lemminflect


def test_nouns_take_their_noun_lemma() -> None:
    lemmatizer = EnglishLemmatizer()
    assert lemmatizer.lemma("guarantees") == "guarantee"
    assert lemmatizer.lemma("talks") == "talk"


def test_a_verb_form_takes_its_verb_lemma() -> None:
    assert EnglishLemmatizer().lemma("escalated") == "escalate"


def test_unknown_words_stay_as_they_are() -> None:
    assert EnglishLemmatizer().lemma("qwzx") == "qwzx"


def test_lemminflect_is_imported_once() -> None:
    assert lemminflect() is lemminflect()


def test_lemminflect_never_pulls_in_spacy() -> None:
    code = (
        "import sys; from glossary.text.morph_en import lemminflect; lemminflect();"
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
