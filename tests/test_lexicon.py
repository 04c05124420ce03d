"""Word pairs from dictd entries (invented entries in Mueller's layout)."""

from __future__ import annotations

from glossary.lexicon import entry_words, from_entries

ENTRY = "treaty\n   [tri:ti] _n.\n   1) договор\n   2) _уст. переговоры о чём-л.\n"


def test_entry_words_leave_out_labels_and_placeholders() -> None:
    assert entry_words(ENTRY) == ["договор", "переговоры"]


def test_lexicon_pairs_keys_both_ways() -> None:
    lexicon = from_entries([("treaty", ENTRY), ("peace talks", "мирные переговоры")], str.lower)
    assert lexicon.has("treaty", "договор")
    assert not lexicon.has("peace", "мирные")  # phrase headwords give no word pairs
    assert lexicon.english_for("переговоры") == {"treaty"}
    assert lexicon and not from_entries([], str.lower)
