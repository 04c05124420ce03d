"""Russian grammar constants shared by phrase analysis, inflection and the index.

pymorphy3 names cases and numbers by OpenCorpora grammemes; this module is the one
place that lists them, folds the rare variants (second genitive, vocative...) into
the six school cases, and says which parts of speech agree with their noun.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AGREEING_POS",
    "CASES",
    "CASE_ALIASES",
    "COMPOUND_PREPOSITIONS",
    "CONJUNCTIONS",
    "NAME_GRAMMEMES",
    "NUMBERS",
    "PREPOSITION_CASES",
    "case_of",
]

#: pymorphy3 case grammemes, in grammar-book order (nominative ... prepositional).
CASES: tuple[str, ...] = ("nomn", "gent", "datv", "accs", "ablt", "loct")
#: pymorphy3 number grammemes.
NUMBERS: tuple[str, ...] = ("sing", "plur")
#: Case variants folded into the six cases (второй родительный «чаю» is a genitive).
CASE_ALIASES: dict[str, str] = {"gen2": "gent", "acc2": "accs", "loc2": "loct", "voct": "nomn"}
#: Parts of speech that agree with their noun in case, number and gender.
AGREEING_POS = frozenset({"ADJF", "PRTF", "NUMR"})
#: Conjunctions that join two noun phrases, each inflected on its own.
CONJUNCTIONS = frozenset({"и", "или"})
#: Grammemes of personal names: a name in apposition declines with its head.
NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})

#: Cases a preposition governs; narrows the readings of the word after it.
PREPOSITION_CASES: dict[str, frozenset[str]] = {
    p: frozenset(cases)
    for p, cases in {
        "в": ("accs", "loct"), "во": ("accs", "loct"), "на": ("accs", "loct"),
        "о": ("loct",), "об": ("loct",), "обо": ("loct",), "при": ("loct",),
        "по": ("datv", "accs", "loct"), "к": ("datv",), "ко": ("datv",),
        "благодаря": ("datv",), "согласно": ("datv",), "вопреки": ("datv",),
        "с": ("gent", "ablt", "accs"), "со": ("gent", "ablt", "accs"),
        "за": ("accs", "ablt"), "под": ("accs", "ablt"), "над": ("ablt",),
        "перед": ("ablt",), "между": ("ablt",), "через": ("accs",), "про": ("accs",),
        "сквозь": ("accs",), "от": ("gent",), "из": ("gent",), "до": ("gent",),
        "для": ("gent",), "без": ("gent",), "у": ("gent",), "после": ("gent",),
        "против": ("gent",), "около": ("gent",), "вокруг": ("gent",), "среди": ("gent",),
        "из-за": ("gent",), "из-под": ("gent",), "вне": ("gent",), "кроме": ("gent",),
        "относительно": ("gent",), "вследствие": ("gent",), "ради": ("gent",),
    }.items()
}  # fmt: skip

#: Prepositions made of a preposition and a noun form («в связи с», «в отношении»): the
#: noun is no noun there, so it heads no phrase («меры | в отношении | России»).
COMPOUND_PREPOSITIONS: frozenset[tuple[str, str]] = frozenset(
    (p, noun)
    for p, nouns in {
        "в": "связи отношении ходе рамках течение целях качестве результате случае "
        "интересах пользу адрес соответствии ответ преддверии сторону",
        "во": "время избежание",
        "по": "поводу мере линии сравнению причине",
        "со": "стороны",
        "с": "помощью целью учетом учётом",
        "на": "основе протяжении",
        "за": "счет счёт исключением",
        "при": "помощи",
    }.items()
    for noun in nouns.split()
)


def case_of(tag: Any) -> str | None:
    """The school case of a pymorphy3 tag (variants folded), or None for caseless words."""
    case = tag.case
    if not case:
        return None
    return CASE_ALIASES.get(str(case), str(case))
