"""Long varied invented text for tests: sentences built from parts with a fixed seed.

Not one sentence repeated: every sentence draws its subject, verb, object and
place independently, so counts, nesting and samples spread over the whole text
the way they do in an archive.
"""

from __future__ import annotations

import random

_RU_SUBJECTS = (
    "Министр Кравцов", "Посол Ремизова", "Делегация Заречья", "Северный альянс",
    "Совет по морской безопасности", "Комиссия по границам", "Генеральный секретарь Лунин",
    "Представитель Озёрного союза", "Руководство миссии", "Пресс-служба ведомства",
)  # fmt: skip
_RU_VERBS = ("обсудил", "предложил", "отверг", "поддержал", "осудил", "одобрил", "изучил")
_RU_OBJECTS = (
    "меры доверия", "режим прекращения огня", "проект резолюции", "мандат наблюдателей",
    "гарантии безопасности", "контроль над вооружениями", "план деэскалации",
    "договор о нераспространении", "санкционный режим", "гуманитарный коридор",
    "механизм проверки", "обмен пленными", "демилитаризованную зону",
)  # fmt: skip
_RU_PLACES = ("в Заречье", "в Озёрске", "на Северном берегу", "в столице", "на переговорах")
#: Rarer words, each seen a few dozen times across the text (so samples span chunks).
_RU_RARE = (
    "суверенитет", "нейтралитет", "эмбарго", "ультиматум", "меморандум", "коммюнике",
    "ратификация", "денонсация", "верификация", "демаркация", "делимитация", "аннексия",
    "интервенция", "контрибуция", "репатриация", "экстрадиция", "консенсус", "мораторий",
)  # fmt: skip


def russian(characters: int, seed: int = 7) -> str:
    """At least ``characters`` characters of invented Russian news, in paragraphs."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < characters:
        if size > characters // 2:
            # A digest in the second half: short items, commas (more units per character).
            items = ", ".join(rng.choice(_RU_RARE) for _ in range(rng.randint(4, 9)))
            paragraph = f"Кратко: {items}."
            paragraphs.append(paragraph)
            size += len(paragraph) + 2
            continue
        sentences = []
        for _ in range(rng.randint(2, 5)):
            sentence = (
                f"{rng.choice(_RU_SUBJECTS)} {rng.choice(_RU_VERBS)} "
                f"{rng.choice(_RU_OBJECTS)} {rng.choice(_RU_PLACES)}"
            )
            if rng.random() < 0.4:
                sentence += f" и {rng.choice(_RU_OBJECTS)}"
            if rng.random() < 0.1:
                sentence += f", затем {rng.choice(_RU_RARE)}"
            sentences.append(sentence + ".")
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs) + "\n"
