"""Suggestions from aligned memory, by co-occurrence across segments."""

from __future__ import annotations

from glossary.extract.memory import MemorySuggester
from glossary.model import Lang, TranslationUnit


def units() -> list[TranslationUnit]:
    pairs = [
        ("Стороны обсудили мирное урегулирование.", "The sides discussed a peaceful settlement."),
        ("Мирное урегулирование возможно.", "A peaceful settlement is possible."),
        ("Стороны встретились в столице.", "The sides met in the capital."),
    ]
    return [TranslationUnit(Lang.RU, ru, Lang.EN, en) for ru, en in pairs]


def test_rendering_chosen_by_co_occurrence_in_either_direction() -> None:
    memory = MemorySuggester(units())
    assert len(memory) == 3
    # Any inflected form of the term finds its segments.
    assert memory.suggest("мирного урегулирования", Lang.RU) == "peaceful settlement"
    # The same memory serves English → Russian.
    assert memory.suggest("peaceful settlement", Lang.EN).lower() == "мирное урегулирование"


def test_no_rendering_without_evidence() -> None:
    memory = MemorySuggester(units())
    assert memory.suggest("гуманитарная пауза", Lang.RU) is None
    # "sides" is in two segments out of three, with different company: the best
    # co-occurring rendering is still its own word.
    assert memory.suggest("стороны", Lang.RU) == "sides"
