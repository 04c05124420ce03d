"""Sentence alignment on invented parallel texts: merged, split, missing paragraph."""

from __future__ import annotations

from glossary.align import align_texts, anchors, term_pairs
from glossary.model import Lang

# Invented for these tests: an English text and a Russian rendering of it where one
# Russian sentence renders two English ones (merged), one English sentence becomes two
# Russian ones (split), and the third paragraph is missing from the Russian side.
EN = """\
The ministers met in Vienna on 12 March.
They discussed the OSCE mission and its budget for 2025.

Ivanov said the talks were useful. Petrov agreed.
The next round will take place in Geneva in May, after a long pause caused by \
the disagreements over the mandate of the mission.

This paragraph about the weather in Vienna has no counterpart at all.
Nobody translated it: 17 umbrellas, 3 hats and 40 coats were sold in 1999.

The delegations left on 14 March.
"""
RU = """Министры встретились в Вене 12 марта.
Они обсудили миссию ОБСЕ и её бюджет на 2025 год.

Иванов назвал переговоры полезными, и Петров согласился.
Следующий раунд пройдёт в Женеве в мае.
Ему предшествовала долгая пауза из-за разногласий по мандату миссии.

Делегации уехали 14 марта.
"""


def beads_by_line(
    source: str, target: str, src: Lang, tgt: Lang
) -> list[tuple[list[int], list[int]]]:
    alignment = align_texts(source, target, src, tgt)
    return [
        ([alignment.source[i].line for i in b.source], [alignment.target[i].line for i in b.target])
        for b in alignment.beads
    ]


def test_merged_split_and_missing_paragraph_are_found() -> None:
    beads = beads_by_line(EN, RU, Lang.EN, Lang.RU)
    assert ([1], [1]) in beads
    assert ([2], [2]) in beads
    assert ([4, 4], [4]) in beads  # two English sentences rendered as one
    assert ([5], [5, 6]) in beads  # one English sentence rendered as two
    assert ([7], []) in beads and ([8], []) in beads  # the missing paragraph
    assert ([10], [8]) in beads
    assert len(beads) == 7


def test_either_direction() -> None:
    beads = beads_by_line(RU, EN, Lang.RU, Lang.EN)
    assert ([4], [4, 4]) in beads
    assert ([5, 6], [5]) in beads
    assert ([], [7]) in beads


def test_low_confidence_and_unpaired_are_marked_never_dropped() -> None:
    alignment = align_texts(EN, RU, Lang.EN, Lang.RU)
    covered_source = sorted(i for b in alignment.beads for i in b.source)
    covered_target = sorted(i for b in alignment.beads for i in b.target)
    assert covered_source == list(range(len(alignment.source)))
    assert covered_target == list(range(len(alignment.target)))
    unpaired = [b for b in alignment.beads if not b.target]
    assert unpaired and all(b.low for b in unpaired)
    assert all(0.0 <= b.confidence <= 1.0 for b in alignment.beads)
    assert all(not b.low for b in alignment.pairs if len(b.source) == len(b.target) == 1)


def test_anchors_meet_across_scripts() -> None:
    english = anchors("Both Putin and Carlson spoke of NATO and the US in 2024.")
    russian = anchors("И Путин, и Карлсон говорили о НАТО и США в 2024 году.")
    shared = english & russian
    assert {"#2024", "Anato", "Aus", "Nputi", "Nkarl"} <= set(shared)


# Invented: a term rendered two ways, seen over several aligned pairs.
TERMS_EN = """\
The ministers discussed nuclear weapons in Vienna.
France and Germany spoke about nuclear weapons again.
The security guarantees were not discussed.

Nuclear weapons remain a concern for the ministers.
The ministers left Vienna on Friday.
"""
TERMS_RU = """\
Министры обсудили ядерное оружие в Вене.
Франция и Германия снова говорили о ядерных вооружениях.
Гарантии безопасности не обсуждались.

Ядерное оружие по-прежнему беспокоит министров.
Министры покинули Вену в пятницу.
"""


def test_term_pairs_rank_renderings_in_dictionary_form_with_evidence() -> None:
    alignment = align_texts(TERMS_EN, TERMS_RU, Lang.EN, Lang.RU)
    pairs = term_pairs(
        alignment,
        source_name="en.txt",
        target_name="ru.txt",
        source_terms=["nuclear weapons", "France", "security guarantees", "absent term"],
    )
    by_term = {p.source: p for p in pairs}
    nuclear = [r.term for r in by_term["nuclear weapons"].renderings]
    assert nuclear[0] == "ядерное оружие"  # three pairs of four, in the nominative
    assert "ядерные вооружения" in nuclear  # the other rendering, ranked below
    assert by_term["nuclear weapons"].occurrences == 3
    first = by_term["nuclear weapons"].renderings[0]
    assert first.evidence[0] == ("en.txt:1", "ru.txt:1") and first.pairs == 2
    assert by_term["France"].renderings[0].term == "Франция"  # sounds alike
    assert by_term["security guarantees"].renderings[0].term == "гарантии безопасности"
    assert by_term["absent term"].renderings == ()


def test_term_pairs_take_the_english_number_and_no_verbs() -> None:
    # Invented. «пенсии» reads as genitive singular or nominative plural: the English
    # plural decides; «довело» is a verb, never part of the rendering of a name.
    alignment = align_texts(
        "The pensions were paid again in March.\nThe CIA brought the matter to a coup.\n",
        "Пенсии снова платили в марте.\nЦРУ довело дело до переворота.\n",
        Lang.EN,
        Lang.RU,
    )
    pairs = {p.source: p for p in term_pairs(alignment, source_terms=["pensions", "CIA"])}
    assert pairs["pensions"].renderings[0].term == "пенсии"
    assert pairs["CIA"].renderings[0].term == "ЦРУ"


def test_english_renderings_keep_compounds_whole_and_hold_no_verb() -> None:
    # Invented, Russian first: «large-scale» is one word, «threw» a verb only.
    alignment = align_texts(
        "Они начали крупномасштабную операцию.\nПереговорщики выбросили все бумаги.\n",
        "They launched a large-scale operation.\nThe negotiators threw all the papers away.\n",
        Lang.RU,
        Lang.EN,
    )
    terms = ["крупномасштабная операция", "переговорщики"]
    pairs = {p.source: p for p in term_pairs(alignment, source_terms=terms)}
    assert pairs["крупномасштабная операция"].renderings[0].term == "large-scale operation"
    negotiators = [r.term for r in pairs["переговорщики"].renderings]
    assert negotiators[0] == "negotiators" and "threw" not in negotiators


def test_a_plural_english_name_keeps_the_russian_names_own_number() -> None:
    # Invented. "Allied Republics" is a name: its plural head says nothing of the
    # Russian name's number («Лига Объединенных Республик» is singular; «Лиги» reads
    # as genitive singular or nominative plural). A plural common noun still decides.
    from glossary.align import _english_number, _TargetSide
    from glossary.text.normalize import default_normalizer

    text = "Делегаты Лиги Объединенных Республик собрались."
    tokens = default_normalizer().tokens(text)
    assert _english_number("allied republics") == "plur"
    side = _TargetSide(text, tokens, Lang.RU, _english_number("Allied Republics"))
    assert side.form(1, 4) == "Лига Объединенных Республик"
    side.number = _english_number("allied republics")
    assert side.form(1, 4) == "Лиги Объединенных Республик"


def test_an_adverb_opens_a_rendering_before_its_participle() -> None:
    # Invented. «через посредство» governs the phrase; «тайно» belongs to it.
    alignment = align_texts(
        "The council acts through secretly appointed envoys.\n",
        "Совет действует через посредство тайно назначенных посланников.\n",
        Lang.EN,
        Lang.RU,
    )
    pairs = term_pairs(alignment, source_terms=["secretly appointed envoys"])
    assert pairs[0].renderings[0].term == "тайно назначенные посланники"


def test_a_coordination_with_commas_is_rendered_whole() -> None:
    # Invented. The term holds a comma, so its rendering may cross one.
    alignment = align_texts(
        "They defend freedom of trade, travel and study here.\n",
        "Они защищают здесь свободу торговли, передвижения и учебы.\n",
        Lang.EN,
        Lang.RU,
    )
    terms = ["freedom of trade, travel and study", "travel and study"]
    pairs = {p.source: p for p in term_pairs(alignment, source_terms=terms)}
    whole = [r.term for r in pairs["freedom of trade, travel and study"].renderings[:2]]
    assert "свобода торговли, передвижения и учебы" in whole
    # A term without a comma is never given a rendering across one.
    assert all("," not in r.term for r in pairs["travel and study"].renderings)


def test_a_rendering_holds_no_more_prepositions_than_its_term() -> None:
    # Invented. "durable treaties" has no preposition: a span over «между» belongs to
    # the sentence; "treaties between powers" has one.
    from glossary.align import _prepositions, _TargetSide
    from glossary.text.normalize import default_normalizer

    text = "Они хотят прочных договоров между державами."
    side = _TargetSide(text, default_normalizer().tokens(text), Lang.RU)
    side.prepositions = _prepositions("durable treaties")
    assert side.allowed(2, 4) and not side.allowed(2, 6)
    side.prepositions = _prepositions("durable treaties between powers")
    assert side.allowed(2, 6)


def test_a_coordination_expects_a_word_for_its_conjunction() -> None:
    # Invented. "free and fair ballot" is rendered with «и»: four words, not three.
    from glossary.align import _content_words

    assert _content_words("free and fair ballot") == 4
    assert _content_words("the ballot of the people") == 2


def test_an_acronym_ends_a_rendering_whatever_its_lower_case_homograph() -> None:
    # Invented. «ПРО» is an acronym, not the preposition «про»; «НА» not «на».
    from glossary.align import _TargetSide
    from glossary.text.normalize import default_normalizer

    text = "Они развернули систему ПРО и базы НА."
    side = _TargetSide(text, default_normalizer().tokens(text), Lang.RU)
    side.prepositions = 0
    assert side.allowed(2, 4)  # «систему ПРО»
    assert side.allowed(5, 7)  # «базы НА»
    assert not side.allowed(2, 5)  # «систему ПРО и»: a conjunction never ends one


def test_a_russian_rendering_holds_a_noun() -> None:
    # Invented. «сложные» alone is no name of a thing; a noun, or an acronym, is.
    from glossary.align import _TargetSide
    from glossary.text.normalize import default_normalizer

    text = "Договорённости по ДРСМД оказались сложные, а не простые."
    side = _TargetSide(text, default_normalizer().tokens(text), Lang.RU)
    assert not side.allowed(4, 5)
    assert side.allowed(0, 1) and side.allowed(2, 3)
