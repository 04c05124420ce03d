"""A bilingual word lexicon from dictd entries, for alignment anchors and word links.

An English→Russian dictd dictionary (Mueller, FreeDict) lists under each English
headword the Russian words that translate it, among labels (``_n.``, ``_юр.``),
transcriptions and examples. The lexicon keeps, per English headword, the keys
(lemmas) of the Cyrillic words of its entry: examples add some noise, but a pair
only counts where both words occur in one aligned bead, so noise seldom meets.

Pure core: entry texts in (the index layer reads them from the attached
dictionaries), word-key pairs out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

__all__ = ["Lexicon", "entry_words", "from_entries"]

#: Cyrillic words of an entry (hyphenated compounds split: keys are per word).
_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+")
#: Dictionary labels: ``_юр.``, ``_pl.``, ``_уст.`` (abbreviated, after an underscore).
_LABEL = re.compile(r"_[^\s.]+\.?")
#: Placeholders of dictionary style: кого-л., что-л., чём-либо.
_PLACEHOLDER = re.compile(r"[А-Яа-яЁё]+-(?:л\.|либо)")
#: Russian words this short (в, на, и) are function words, never anchors.
_SHORTEST = 3


def entry_words(text: str) -> list[str]:
    """The Russian words of one dictd entry, labels and placeholders left out."""
    cleaned = _PLACEHOLDER.sub(" ", _LABEL.sub(" ", text))
    return [w for w in _CYRILLIC_WORD.findall(cleaned) if len(w) >= _SHORTEST]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word pairs (English key, Russian key) that may translate each other."""

    pairs: frozenset[tuple[str, str]]
    _by_russian: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    _english: set[str] = field(default_factory=set, compare=False, repr=False)

    def __post_init__(self) -> None:
        index: dict[str, set[str]] = defaultdict(set)
        for english, russian in self.pairs:
            index[russian].add(english)
        self._by_russian.update({k: frozenset(v) for k, v in index.items()})
        self._english.update(english for english, _ in self.pairs)

    def knows(self, english: str) -> bool:
        """Whether the lexicon has translations of an English key."""
        return english in self._english

    def has(self, english: str, russian: str) -> bool:
        return (english, russian) in self.pairs

    def english_for(self, russian: str) -> frozenset[str]:
        """English keys the lexicon pairs with a Russian key."""
        return self._by_russian.get(russian, frozenset())

    def __bool__(self) -> bool:
        return bool(self.pairs)


def from_entries(entries: Iterable[tuple[str, str]], key: Callable[[str], str]) -> Lexicon:
    """A lexicon from ``(headword, entry text)`` pairs; ``key`` maps a word to its key
    (the project's normaliser, so lemmas meet the aligned text's)."""
    pairs: set[tuple[str, str]] = set()
    for headword, text in entries:
        words = headword.split()
        if len(words) != 1:
            continue  # phrase headwords: the word pairs come from single words
        english = key(words[0])
        pairs.update((english, key(w)) for w in entry_words(text))
    return Lexicon(frozenset(pairs))
