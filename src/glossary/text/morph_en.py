"""English lemmas through lemminflect's lexicon (no tagger: terms are nominal).

A word takes its noun lemma when it has one (guarantees → guarantee), else its
verb, adjective or adverb lemma; unknown words (names) stay as they are.
lemminflect costs about a second to import, so it is imported on first use.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable
from functools import lru_cache
from types import ModuleType
from typing import Any

__all__ = ["EnglishLemmatizer", "lemminflect"]


@lru_cache(maxsize=1)
def lemminflect() -> ModuleType:
    """lemminflect's API, without the spaCy hook its ``__init__`` runs.

    That hook imports spaCy whenever it is installed (Argos pulls it in), which
    costs seconds of start-up and loads PyTorch; we never use it. So the package
    is registered bare and its two singletons are imported directly.
    """
    if "lemminflect" in sys.modules:
        return sys.modules["lemminflect"]
    spec = importlib.util.find_spec("lemminflect")
    if spec is None or spec.submodule_search_locations is None:
        raise ImportError("lemminflect is not installed")
    package = ModuleType("lemminflect")
    package.__path__ = list(spec.submodule_search_locations)
    sys.modules["lemminflect"] = package
    try:
        inflections = importlib.import_module("lemminflect.core.Inflections").Inflections
        lemmatizer = importlib.import_module("lemminflect.core.Lemmatizer").Lemmatizer
    except BaseException:
        del sys.modules["lemminflect"]
        raise
    api: dict[str, Callable[..., Any]] = {
        "getAllLemmas": lambda word, upos=None: lemmatizer().getAllLemmas(word, upos),
        "getAllLemmasOOV": lambda word, upos: lemmatizer().getAllLemmasOOV(word, upos),
        "getLemma": lambda word, upos, lemmatize_oov=True: lemmatizer().getLemma(
            word, upos, lemmatize_oov
        ),
        "getAllInflections": lambda lemma, upos=None: inflections().getAllInflections(
            lemma, upos
        ),
        "getAllInflectionsOOV": lambda lemma, upos: inflections().getAllInflectionsOOV(
            lemma, upos
        ),
        "getInflection": lambda lemma, tag, inflect_oov=True: inflections().getInflection(
            lemma, tag, inflect_oov
        ),
    }
    for name, function in api.items():
        setattr(package, name, function)
    return package

_ORDER = ("NOUN", "PROPN", "VERB", "ADJ", "ADV", "AUX")


class EnglishLemmatizer:
    def __init__(self) -> None:
        self._lemmas: Callable[[str], dict[str, Any]] | None = None
        self.lemma = lru_cache(maxsize=1 << 18)(self._lemma)

    def _lemma(self, word: str) -> str:
        if self._lemmas is None:
            self._lemmas = lemminflect().getAllLemmas
        found = self._lemmas(word)
        for pos in _ORDER:
            if pos in found:
                return str(found[pos][0])
        return word
