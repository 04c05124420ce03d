"""Russian candidate rules and dictionary forms in extraction."""

from __future__ import annotations

from glossary.extract import extract
from glossary.model import Kind, Lang


def terms(text: str) -> list[str]:
    return [c.term for c in extract(text, Lang.RU)]


def test_participle_noun_genitive_chain_in_dictionary_form() -> None:
    found = terms("Москва требует юридически обязывающих гарантий безопасности от альянса.")
    assert "юридически обязывающие гарантии безопасности" in found
    assert "гарантии безопасности" in found  # nested term


def test_adjective_noun_acronym_dependent() -> None:
    found = terms("Заседание Постоянного совета ОБСЕ прошло в Вене.")
    assert "Постоянный совет ОБСЕ" in found


def test_genitive_dependent_is_its_own_term() -> None:
    found = terms("Обсуждались вопросы нераспространения ядерного оружия.")
    assert "нераспространение ядерного оружия" in found
    assert "ядерное оружие" in found


def test_modifiers_that_do_not_agree_are_trimmed() -> None:
    # "новых" (genitive plural) does not agree with "договор" (nominative singular).
    found = terms("Договор новых стран подписан.")
    assert "новые страны" in found
    assert "договор новых стран" in found
    assert not any(t.startswith("новый договор") for t in found)


def test_title_kind_and_hyphenated_noun() -> None:
    candidates = extract("На пресс-конференции выступил министр иностранных дел.", Lang.RU)
    by_term = {c.term: c for c in candidates}
    assert "пресс-конференция" in by_term
    assert by_term["министр иностранных дел"].kind is Kind.TITLE


def test_person_names() -> None:
    candidates = extract("Сергей Лавров встретился с журналистами.", Lang.RU)
    person = next(c for c in candidates if c.term == "Сергей Лавров")
    assert person.kind is Kind.PERSON


def test_sentence_initial_capital_is_lowered() -> None:
    found = terms(
        "Территориальная целостность страны важна. Говорили о территориальной целостности."
    )
    assert "территориальная целостность" in found


def test_plural_usage_decides_number() -> None:
    candidates = extract(
        "Стороны обсудили гарантии безопасности и гарантиям безопасности.", Lang.RU
    )
    assert "гарантии безопасности" in [c.term for c in candidates]


def test_every_candidate_is_nominative() -> None:
    from glossary.text.ru import analyse_phrase

    text = (
        "Министры обсудили расширение военной инфраструктуры вблизи границ, "
        "меры доверия и сотрудничество с Организацией по безопасности и сотрудничеству в Европе."
    )
    for candidate in extract(text, Lang.RU):
        analysis = analyse_phrase(candidate.term.split())
        assert analysis.head < 0 or "nomn" in analysis.cases, candidate.term


def test_empty_input() -> None:
    assert extract("", Lang.RU) == []


def test_nationality_adjective_does_not_start_a_term() -> None:
    found = terms("Российский министр выступил. Американский министр ответил.")
    assert "министр" in found
    assert not any(t.startswith(("российский", "Российский", "американский")) for t in found)


def test_nationality_adjective_inside_a_genitive_chain_stays() -> None:
    found = terms("Обсуждалась архитектура евразийской безопасности.")
    assert "архитектура евразийской безопасности" in found


def test_rare_verb_is_a_candidate_in_the_infinitive() -> None:
    found = terms("Стороны готовы деэскалировать ситуацию. Москва деэскалирует конфликт.")
    assert "деэскалировать" in found


def test_adjective_noun_homograph_modifies_the_next_noun() -> None:
    found = terms("Военный блок расширяется на восток.")
    assert "военный блок" in found


def test_coordinated_nouns_of_different_gender() -> None:
    found = terms("Разногласия нужно разрешать через дипломатию и диалог.")
    assert "дипломатия и диалог" in found


def test_prepositional_complement() -> None:
    found = terms("Стороны обсудили контроль над вооружениями.")
    assert "контроль над вооружениями" in found


def test_place_and_acronym_qualifiers_are_not_glued_to_terms() -> None:
    found = terms("Министр иностранных дел России прибыл. Военный блок НАТО растёт.")
    assert "министр иностранных дел" in found
    assert "министр иностранных дел России" not in found
    assert "военный блок" in found
    assert "военный блок НАТО" not in found


def test_samples_are_read_in_their_own_document() -> None:
    """Regression: a lone noun first seen in a short document and again far into a
    longer one was looked up in the first document's units (IndexError)."""
    from glossary.extract import Extractor
    from glossary.model import Lang

    extractor = Extractor(Lang.RU)
    extractor.add("Стороны обсудили суверенитет.\n", "short.txt")
    filler = " ".join(f"Делегация номер {n} прибыла в столицу." for n in range(400))
    extractor.add(filler + " Затем Суверенитет снова обсуждали.\n", "long.txt")
    found = {c.term: c for c in extractor.candidates()}
    assert "суверенитет" in {t.lower() for t in found}
    entry = next(c for t, c in found.items() if t.lower() == "суверенитет")
    assert {r.split(":")[0] for r in entry.references} == {"short.txt", "long.txt"}


def test_initials_are_no_candidates_and_surnames_are_nominative() -> None:
    """Regression: «В.В.» became an acronym candidate; a surname stayed inflected."""
    text = (
        "Посол Кравцов В.В. встретился с С.И. Ремизовой. Беседа С.И. Ремизовой "
        "и В.В. Кравцова прошла в столице. Переговоры с Ремизовой продолжатся.\n"
    )
    found = {c.term: c for c in extract(text, "ru")}
    assert not any("." in term for term in found)
    assert found["Ремизова"].kind.value == "person"
    assert "Ремизовой" in found["Ремизова"].forms  # the inflected form is kept as seen
    assert "Кравцов" in found


def test_a_capitalised_dependent_inside_a_name_is_no_candidate() -> None:
    """Regression: «Безопасность ООН» came out of «Совет Безопасности ООН»."""
    text = (
        "Вчера Совет Безопасности ООН собрался снова. Решение Совета Безопасности ООН "
        "поддержали многие.\n"
    )
    terms = [c.term for c in extract(text, "ru")]
    assert "Совет Безопасности ООН" in terms
    assert not any(t.startswith("Безопасность") for t in terms)


def test_qualitative_modifiers_rank_below_relational_ones() -> None:
    """Regression: an evaluative adjective («значительный», pymorphy3 tag Qual) made a
    phrase rank like a term; a relational one («военный») makes terms."""
    from glossary.extract import Extractor
    from glossary.extract.ranking import Modifier
    from glossary.model import Lang

    extractor = Extractor(Lang.RU)
    extractor.add("Значительный потенциал и военный потенциал обсуждали долго.\n")
    stats = extractor._stats
    modifiers = {
        " ".join(key): extractor._modifier(entry) for key, entry in stats.items() if len(key) == 2
    }
    assert modifiers["значительный потенциал"] is Modifier.QUALITATIVE
    assert modifiers["военный потенциал"] is Modifier.RELATIONAL


def test_names_keep_their_number_suffix() -> None:
    """Regression: «СНВ-3» came out as «СНВ», «Северный поток — 2» as «Северный поток»."""
    text = (
        "Договор ОСВ-4 истекает. Канал «Озёрный путь — 2» закрыт. Судьба «Озёрного пути — 2» "
        "неясна. Продление ОСВ-4 обсуждали.\n"
    )
    terms = [c.term for c in extract(text, "ru")]
    assert "ОСВ-4" in terms and "ОСВ" not in terms
    assert "Озёрный путь — 2" in terms
    assert "Озёрный путь" not in terms


def test_only_rare_verbs_coined_from_borrowed_roots_are_candidates() -> None:
    """Regression: colloquial rare verbs («поруководить», «недоработать») and rare
    reflexives («культивироваться») were candidates like «деэскалировать»."""
    found = terms(
        "Он хотел поруководить отделом, но решил недоработать смену. Идеи стали "
        "культивироваться. Стороны готовы деэскалировать ситуацию.\n"
    )
    assert "деэскалировать" in found
    assert not {"поруководить", "недоработать", "культивироваться"} & set(found)


def test_an_adjective_from_an_obscure_place_name_is_no_demonym() -> None:
    """Regression: «банковский» was read as a demonym (a village «Банкова» exists), so
    «банковская система» never started a phrase."""
    found = terms("Министры обсудили банковскую систему с российскими банкирами.\n")
    assert "банковская система" in found
    assert "российские банкиры" not in found  # a real demonym still qualifies a person


def test_coordinations_sharing_a_modifier_a_dependent_or_a_head() -> None:
    """Regression: a coordination with a shared adjective, genitive or head noun was
    never a candidate («новые риски и угрозы», «равная и неделимая безопасность»)."""
    found = terms(
        "Министры обсудили новые риски и угрозы. Нужна равная и неделимая безопасность. "
        "Стороны соблюдают нормы и принципы морского права.\n"
    )
    assert "новые риски и угрозы" in found
    assert "равная и неделимая безопасность" in found
    assert "нормы и принципы морского права" in found


def test_gradable_adjectives_describe_and_relational_ones_make_terms() -> None:
    """Regression: pymorphy3's Qual tag marked «ядерный» like «недавний»; gradability (a
    comparative in use: «недавнее», never «ядернее») tells them apart."""
    from glossary.extract import Extractor
    from glossary.extract.ranking import Modifier
    from glossary.model import Lang

    extractor = Extractor(Lang.RU)
    extractor.add("Недавний конфликт и ядерный конфликт обсуждали долго.\n")
    modifiers = {
        " ".join(key): extractor._modifier(entry)
        for key, entry in extractor._stats.items()
        if len(key) == 2
    }
    assert modifiers["недавний конфликт"] is Modifier.QUALITATIVE
    assert modifiers["ядерный конфликт"] is Modifier.RELATIONAL


def test_adjectives_of_a_number_and_a_unit_of_time_start_no_term() -> None:
    """Regression: «двухчасовая встреча», «трёхдневный визит» were candidates; the
    duration describes the event."""
    found = terms("Прошла двухчасовая встреча министров. Трёхдневный визит делегации завершён.\n")
    assert not any(t.lower().startswith(("двухчасов", "трёхднев")) for t in found)
    assert "встреча министров" in found


def test_a_name_never_seen_without_its_complement_ranks_above_its_fragment() -> None:
    """Regression: «Совет Безопасности» (a dependent, so free) outranked «Совет
    Безопасности ООН», which every one of its occurrences went on into."""
    found = terms(
        "Постоянные члены Совета Безопасности ООН встретились. Роль Совета Безопасности "
        "ООН растёт.\n"
    )
    assert "Совет Безопасности ООН" in found
    if "Совет Безопасности" in found:
        assert found.index("Совет Безопасности ООН") < found.index("Совет Безопасности")


def test_a_genitive_after_a_substantivised_participle_is_a_phrase_of_its_own() -> None:
    """Regression: in «в качестве главных составляющих морской мощи» the participle
    («составляющих», plural) does not agree with «мощи», and the whole dependent chain
    was dropped, «морская мощь» with it."""
    found = terms("Флот служит в качестве главных составляющих морской мощи страны.\n")
    assert "морская мощь" in found


def test_a_coordination_followed_by_a_new_phrase_is_a_candidate() -> None:
    """Regression: «новые риски и угрозы» was dropped when an adjective of the next
    phrase followed it («... угрозы морским границам»)."""
    found = terms("Возникают новые риски и угрозы морским границам.\n")
    assert "новые риски и угрозы" in found


def test_a_capitalised_name_keeps_its_place_and_an_acronym_does_not() -> None:
    """Regression: «Конституция Франции», «Президент Франции» lost the place (a place
    only qualifies common nouns). «МИД Франции» names one ministry, as «министр
    иностранных дел Франции» names one office (issue 14: gold lists on agency copy
    list both), and «МИД» stays a candidate of its own."""
    found = terms(
        "Это нарушает Конституцию Франции, сказал он. Вчера Президент Франции выступил. "
        "Представитель МИД Франции промолчал.\n"
    )
    assert "Конституция Франции" in found
    assert "Президент Франции" in found
    assert "МИД Франции" in found
    assert "МИД" in found


def test_ordinal_adjectives_make_terms() -> None:
    """Regression: ordinals were never modifiers, so «второй раунд» and «Третье главное
    управление» (a name) were lost."""
    found = terms(
        "Назначили второй раунд консультаций. Документ готовило Третье главное управление.\n"
    )
    assert "второй раунд" in found
    assert "Третье главное управление" in found


def test_a_place_takes_no_genitive_and_places_joined_are_places() -> None:
    """Regression: «Франция иностранных наёмников» (a place, then the object of the next
    words) was one candidate; «Швеция и Норвегия» and «Северная Африка» were terms."""
    found = {
        c.term: c
        for c in extract(
            "Мы не ждём во Франции иностранных наёмников. Швеция и Норвегия спорят. "
            "Северная Африка растёт.\n",
            "ru",
        )
    }
    assert not any(t.startswith("Франция ") for t in found)
    assert "иностранные наёмники" in found
    assert "Швеция и Норвегия" not in found  # two names joined are two candidates
    assert found["Швеция"].kind is Kind.PLACE
    assert found["Северная Африка"].kind is Kind.PLACE


def test_roman_numerals_are_no_acronyms_and_a_subject_is_no_genitive() -> None:
    """Regression: «XIX века» was an acronym phrase; in «… морской безопасности ставка
    делается …» the subject of the verb was read as one more genitive."""
    found = terms(
        "Порядок XIX века рухнул. В области морской безопасности ставка делается на флот.\n"
    )
    assert not any("XIX" in t for t in found)
    assert not any("ставка" in t and "безопасн" in t for t in found)
    assert "морская безопасность" in found


def test_a_capitalised_name_keeps_a_prepositional_place() -> None:
    """Regression: «Договор об Антарктике» was cut (a place after a preposition only
    qualifies common nouns: «переговоры | в Вене»)."""
    found = terms("Стороны соблюдают Договор об Арктике. Вчера прошли переговоры в Вене.\n")
    assert "Договор об Арктике" in found
    assert not any(t.endswith("в Вене") for t in found)


def test_a_capitalised_name_in_guillemets_is_a_candidate() -> None:
    """Regression: «Группы семи» (a name whose second word is a numeral) never formed a
    phrase; a quoted sentence is still no name."""
    found = terms("Доля стран «Тройки пяти» растёт. Он сказал: «Мы ждём ответа от партнёров».\n")
    assert "Тройка пяти" in found
    assert not any(t.startswith("Мы ") for t in found)


def test_a_bare_noun_keeps_the_acronym_after_it_and_the_acronym_stands_alone() -> None:
    """Regression: «саммит НАТО», «санкции ООН» were cut to «саммит», and an acronym
    seen only inside such a phrase lost half its count."""
    candidates = extract("Весной пройдёт саммит ОДКБ. Министры обсудили новый блок ОДКБ.", Lang.RU)
    found = [c.term for c in candidates]
    assert "саммит ОДКБ" in found
    assert "новый блок" in found
    assert "новый блок ОДКБ" not in found  # a modified noun is a term without it
    assert found.index("ОДКБ") < found.index("саммит ОДКБ")


def test_names_joined_are_two_candidates_and_a_bare_noun_keeps_its_place() -> None:
    """Regression: «ЕС и НАТО» was a term of its own; «премьер-министр Японии» lost
    its place, and an unknown first name before a surname glued to the genitive before
    it («президент Австрии Хайнца»)."""
    found = terms(
        "Страна хочет вступить в ОДКБ и ШОС. Вчера прибыл премьер-министр Перу. "
        "Он принял министра Норвегии Ульвара Фишера.\n"
    )
    assert not any(" и " in t for t in found)
    assert "ОДКБ" in found
    assert "премьер-министр Перу" in found
    assert "премьер-министр" in found
    assert not any(t.startswith("министр Норвегии У") for t in found)
    assert "министр Норвегии" in found


def test_a_genitive_that_cannot_be_the_verbs_subject_stays_a_dependent() -> None:
    """Regression: «глава государства прибыл» lost «государства» as the subject of the
    verb, though a plural cannot be the subject of «прибыл»."""
    found = terms("Вчера глава государства прибыл. Сегодня прибыл глава правительства.\n")
    assert "глава государства" in found
    assert "глава правительства" in found


def test_the_noun_of_a_compound_preposition_heads_no_phrase() -> None:
    """Regression: «меры в отношении», «связь с кризисом», «результат переговоров» came
    from «в отношении», «в связи с», «в результате»."""
    found = terms(
        "Меры в отношении Перу приняты в связи с кризисом. В результате переговоров всё решено.\n"
    )
    assert not any(w in t for t in found for w in ("отношени", "связ", "результат"))
    assert "меры" in found
    assert "переговоры" in found


def test_two_capitalised_words_the_dictionary_lacks_are_a_persons_name() -> None:
    """Regression: «Саеб Эрекат» came out as two terms, «Саеб» and «Эрекат»."""
    candidates = extract("Вчера переговорщик Ульвар Кьетиль призвал стороны к миру.\n", Lang.RU)
    by_term = {c.term: c for c in candidates}
    assert by_term["Ульвар Кьетиль"].kind is Kind.PERSON
    assert "Кьетиль" not in by_term


def test_a_place_after_против_is_the_target_and_stays_in_the_term() -> None:
    """Regression: «санкции против России» lost its place like «переговоры в Вене»."""
    found = terms("Страны ввели санкции против Норвегии. Вчера прошли переговоры в Вене.\n")
    assert "санкции против Норвегии" in found
    assert not any(t.endswith("в Вене") for t in found)


def test_nationality_names_a_thing_but_only_qualifies_a_person() -> None:
    # Regression (issue 14): "украинский кризис"-style phrases were never candidates.
    found = terms(
        "Эксперты обсудили румынский кризис с болгарской делегацией, а румынский министр промолчал."
    )
    assert "румынский кризис" in found
    assert "болгарская делегация" in found
    assert "румынский министр" not in found


def test_title_keeps_the_place_its_chain_ends_in() -> None:
    # Regression (issue 14): "министр иностранных дел Японии" was cut before the place.
    found = terms(
        "Вчера министр иностранных дел Исландии прибыл в Осло, где его встретил "
        "министр иностранных дел."
    )
    assert "министр иностранных дел Исландии" in found
    assert "министр иностранных дел" in found
    assert "дела Исландии" not in found  # a fragment, not the chain's first group whole


def test_acronym_after_a_bare_dependent() -> None:
    found = terms(
        "Совет обсудил ужесточение санкций ЕС против режима. Помощник главы МИД РФ выступил."
    )
    assert "санкции ЕС" in found
    assert "глава МИД РФ" in found


def test_name_after_an_acronym_is_a_name_of_its_own() -> None:
    # Regression (issue 14): a capitalised genitive after an acronym was taken for the
    # inner fragment of a name ("ЦК | Трудовой партии Кореи").
    found = terms("Пленум ЦК Народной партии Лаоса завершился в столице.")
    assert "Народная партия Лаоса" in found
    assert "ЦК Народной партии Лаоса" in found


def test_capitalised_time_measure_adjective_starts_a_name() -> None:
    found = terms("Историки изучают Семидневную войну и её итоги.")
    assert "Семидневная война" in found


def test_a_surname_after_a_first_name_joins_it_and_its_later_forms_merge() -> None:
    # Regression (issue 14): a surname the dictionary reads as a common noun or guesses
    # in another case stayed apart («Коллинза» ranked as a term of its own), and the
    # full name kept an oblique case.
    candidates = extract(
        "На встрече с Джеймсом Коллинзом обсуждали торговлю. По словам Коллинза, "
        "переговоры продолжатся.",
        Lang.RU,
    )
    by_term = {c.term: c for c in candidates}
    assert by_term["Джеймс Коллинз"].kind is Kind.PERSON
    assert by_term["Джеймс Коллинз"].frequency == 2  # «Коллинза» folded in
    assert "Коллинза" not in by_term


def test_a_declined_acronym_is_the_acronym() -> None:
    # Regression (issue 14): «МИДа», «МИДом» were lower-cased common nouns («Мид»).
    candidates = extract(
        "Позицию ФСКа изложил его глава. Решение принято в ФСКе. Речь главы саудовского "
        "ФСКа транслировали, и ФСК согласился.",
        Lang.RU,
    )
    by_term = {c.term: c for c in candidates}
    assert by_term["ФСК"].kind is Kind.ACRONYM
    assert by_term["ФСК"].frequency >= 3
    assert not any(t.lower() == "фск" and t != "ФСК" for t in by_term)
    assert any(t.startswith("глава саудовского ФСК") for t in by_term)  # it agrees


def test_an_unlikely_adjective_reading_does_not_make_a_noun_a_modifier() -> None:
    # Regression (issue 14): «главой» (a noun; as an adjective of «главый» a 2% guess)
    # was read as a modifier of the next noun, so «глава делегации» was lost.
    found = terms("Совет решил назначить главой делегации опытного дипломата.")
    assert "глава делегации" in found


def test_a_title_alone_ranks_below_titles_with_their_complement() -> None:
    # Regression (issue 14): a bare «премьер-министр», repeated, outranked «премьер-министр
    # Норвегии» and the terms of the text.
    found = terms(
        "Премьер-министр Норвегии прибыл на переговоры. Премьер-министр заявил, что "
        "премьер-министр готов обсудить морскую границу. Премьер-министр уехал."
    )
    lowered = [t.lower() for t in found]
    assert lowered.index("премьер-министр норвегии") < lowered.index("премьер-министр")


def test_a_pronominal_adverb_does_not_join_a_term() -> None:
    # Regression (issue 14): «тогда официальные языки», «сегодня постоянный представитель».
    found = terms("Тогда официальными языками провинции были два. Сегодня постоянный совет молчит.")
    assert "официальные языки" in found
    assert not any(t.lower().startswith(("тогда", "сегодня")) for t in found)


def test_a_nationality_after_a_qualitative_adjective_still_starts_a_term() -> None:
    # Regression (issue 14): «тесных греко-американских связей» gave only the phrase with
    # «тесные», never «греко-американские связи».
    found = terms("Стороны выступили за продолжение тесных греко-турецких связей.")
    assert "греко-турецкие связи" in found


def test_a_place_in_another_case_ends_a_chain_and_what_follows_is_a_phrase() -> None:
    # Regression (issue 14): «введения Черногорией ограничительных мер» lost «ограничительные
    # меры»: the place (instrumental) ended the genitive chain and the rest was dropped.
    found = terms("Обсуждали вопрос введения Исландией ограничительных мер в отношении соседей.")
    assert "ограничительные меры" in found


def test_a_five_word_name_is_taken_whole() -> None:
    found = terms("Франция как постоянный член Совета Безопасности ООН выступила против.")
    assert "постоянный член Совета Безопасности ООН" in found
