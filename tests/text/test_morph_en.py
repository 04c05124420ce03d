"""English lemmas: noun first, then verb, adjective, adverb; unknown words unchanged."""

from __future__ import annotations

import subprocess
import sys

from glossary.text.morph_en import EnglishLemmatizer, all_inflections, all_lemmas, lemminflect


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


def test_lean_lexicon_reads_give_what_lemminflect_gives() -> None:
    """all_lemmas/all_inflections skip lemminflect's deep copies; over a spread of its
    own lexicon (every 50th entry), in three capitalisations, and invented words."""
    module = lemminflect()
    lemma_words = sorted(module.Lemmatizer()._getLemmaDict())[::50]
    inflection_words = sorted(module.Inflections()._getInflDict())[::50]
    invented = ["frobnicators", "qwzx", "Ukraine's", ""]
    assert len(lemma_words) > 100 and len(inflection_words) > 100
    for word in [*lemma_words, *invented]:
        for spelt in (word, word.capitalize(), word.upper()):
            assert all_lemmas(spelt) == module.getAllLemmas(spelt)
    for word in [*inflection_words, *invented]:
        for spelt in (word, word.capitalize()):
            assert all_inflections(spelt) == module.getAllInflections(spelt)
