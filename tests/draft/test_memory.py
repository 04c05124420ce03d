"""Translation memory: exact, then fuzzy above the threshold, from PO and TMX files."""

from __future__ import annotations

import pytest

from glossary.draft.memory import TranslationMemory, fold_segment, read_memory, units_from_po
from glossary.errors import FormatError
from glossary.formats import tmx
from glossary.formats.po import parse_po
from glossary.model import Lang, TranslationUnit

EN, RU = Lang.EN, Lang.RU


def unit(source: str, target: str, origin: str = "") -> TranslationUnit:
    return TranslationUnit(EN, source, RU, target, origin)


def memory(*units: TranslationUnit, threshold: float = 75) -> TranslationMemory:
    return TranslationMemory(units, EN, RU, threshold=threshold)


def test_exact_match_ignores_case_and_spacing() -> None:
    tm = memory(unit("The talks ended.", "Переговоры завершились.", "a.po:3"))
    match = tm.lookup("the  talks ENDED.")
    assert match is not None
    assert (match.target, match.score, match.exact, match.origin) == (
        "Переговоры завершились.",
        100.0,
        True,
        "a.po:3",
    )


def test_fuzzy_match_above_threshold_with_its_score() -> None:
    tm = memory(
        unit("The ministers met in Geneva on Friday.", "Министры встретились в Женеве в пятницу."),
        unit("Sanctions were lifted last year.", "Санкции сняли в прошлом году."),
    )
    match = tm.lookup("The ministers met in Geneva on Monday.")
    assert match is not None
    assert match.target == "Министры встретились в Женеве в пятницу."
    assert 75 <= match.score < 100
    assert not match.exact


def test_nothing_below_threshold() -> None:
    tm = memory(unit("The ministers met in Geneva on Friday.", "x"), threshold=95)
    assert tm.lookup("The ministers met in Vienna on Monday.") is None
    assert tm.lookup("Completely different words here.") is None
    assert tm.lookup("") is None


def test_first_unit_wins_and_empty_targets_are_skipped() -> None:
    tm = memory(unit("Hello.", ""), unit("Hello.", "Привет."), unit("Hello.", "Здравствуйте."))
    assert len(tm) == 1
    match = tm.lookup("Hello.")
    assert match is not None and match.target == "Привет."


def test_reverse_units_are_turned_round_and_other_pairs_kept_out() -> None:
    tm = TranslationMemory([TranslationUnit(RU, "Привет.", EN, "Hello.")], EN, RU)
    match = tm.lookup("Hello.")
    assert match is not None and match.target == "Привет."


def test_common_words_alone_still_find_candidates() -> None:
    units = [unit(f"the talks of the day {i}", f"t{i}") for i in range(300)]
    tm = memory(*units, unit("the the the the", "артикли"))
    match = tm.lookup("the the the the the")
    assert match is not None and match.target == "артикли"


def test_fold_segment() -> None:
    assert fold_segment("  Ёлка\tИ  ёж ") == "елка и еж"


PO = """msgid ""
msgstr ""
"Language: ru\\n"
"X-Source-Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Reviewed."
msgstr "Готово."

#, fuzzy
msgid "Draft."
msgstr "Черновик."

msgid "Empty."
msgstr ""

#~ msgid "Old."
#~ msgstr "Старое."
""".encode()


def test_po_memory_takes_reviewed_entries_only() -> None:
    units = units_from_po(parse_po(PO, "m.po"), "m.po")
    assert units == [TranslationUnit(EN, "Reviewed.", RU, "Готово.", "m.po:7")]
    assert read_memory(PO, "m.po") == units


def test_po_without_source_header_translates_from_the_other_language() -> None:
    data = PO.replace(b'"X-Source-Language: en\\n"\n', b"")
    assert units_from_po(parse_po(data, "m.po"), "m.po")[0].source_lang is EN


def test_po_with_an_unknown_language_is_an_error() -> None:
    data = PO.replace(b"Language: ru", b"Language: de")
    # The header field's own line, not the header entry's.
    with pytest.raises(FormatError, match=r"m\.po:3: Language header 'de' is not en or ru"):
        read_memory(data, "m.po")


def test_tmx_memory() -> None:
    data = tmx.write([unit("The summit ended.", "Саммит завершился.")])
    tm = memory(*read_memory(data, "m.tmx"))
    match = tm.lookup("The summit ended.")
    assert match is not None and match.target == "Саммит завершился."


def test_unknown_memory_format() -> None:
    with pytest.raises(FormatError, match=r"m\.txt: unknown memory format '.txt'"):
        read_memory(b"", "m.txt")


def test_malformed_po_memory_names_file_and_line() -> None:
    with pytest.raises(FormatError, match=r"^bad\.po:\d+: "):
        read_memory(b'msgid "a"\nmsgstr "b"\nnonsense\n', "bad.po")
