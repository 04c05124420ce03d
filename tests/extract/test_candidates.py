"""Both languages' rules follow one protocol and yield spans the extractor counts alike."""

from __future__ import annotations

from glossary.extract.candidates import CandidateRules
from glossary.extract.candidates_en import EnglishRules, EnglishTagger
from glossary.extract.candidates_ru import RussianRules, RussianTagger
from glossary.extract.rules import Rule
from glossary.extract.units import build_units
from glossary.text.normalize import default_normalizer


def spans_of(rules: CandidateRules, text: str) -> list[str]:
    tokens = default_normalizer().tokens(text)
    units = build_units(text, tokens)
    tags = rules.tag(units)
    assert len(tags) == len(units.words)
    found = []
    for a, b, skip, _head, rule in rules.spans(tags, units):
        Rule(rule)  # every rule value has a name
        found.append(" ".join(w for u, w in enumerate(units.words[a : b + 1], a) if u != skip))
    return found


def test_english_and_russian_rules_share_the_protocol() -> None:
    english = spans_of(EnglishRules(EnglishTagger()), "The envoys discussed the arms race.")
    assert "arms race" in english
    russian = spans_of(RussianRules(RussianTagger()), "Стороны обсудили гонку вооружений.")
    assert "гонку вооружений" in russian
