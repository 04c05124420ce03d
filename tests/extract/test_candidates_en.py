"""English candidate rules, one test per rule."""

from __future__ import annotations

from glossary.extract import extract
from glossary.model import Kind, Lang


def terms(text: str) -> list[str]:
    return [c.term for c in extract(text, Lang.EN)]


def test_adjective_noun_chain_with_adverb() -> None:
    found = terms("Moscow demands legally binding security guarantees from the alliance.")
    assert "legally binding security guarantees" in found


def test_nested_term_stays() -> None:
    found = terms("Moscow demands legally binding security guarantees from the alliance.")
    assert "security guarantees" in found
    assert "binding security guarantees" not in found  # never split an adverb from its word


def test_inner_of_phrase() -> None:
    found = terms("The region is part of its sphere of influence, officials said.")
    assert "sphere of influence" in found


def test_titles_split_from_names() -> None:
    candidates = extract("Russian Foreign Minister Sergey Lavrov met reporters.", Lang.EN)
    by_term = {c.term: c for c in candidates}
    assert "Foreign Minister" in by_term
    assert by_term["Foreign Minister"].kind is Kind.TITLE
    assert "Sergey Lavrov" in by_term
    assert by_term["Sergey Lavrov"].kind is Kind.PERSON
    assert "Russian Foreign Minister Sergey Lavrov" not in by_term


def test_title_with_of_and_organisation_before_common_noun() -> None:
    found = terms("The U.S. Secretary of State spoke about former Warsaw Pact states.")
    assert "Secretary of State" in found
    assert "Warsaw Pact" in found


def test_hyphenated_compounds() -> None:
    found = terms("An effort to de-escalate tensions with ex-Soviet republics began.")
    assert "de-escalate" in found
    assert "ex-Soviet republics" in found


def test_coordinated_nouns_with_repeated_preposition() -> None:
    found = terms("They resolve differences through diplomacy and through dialogue.")
    assert "diplomacy and dialogue" in found


def test_plural_kept_only_when_usage_is_plural() -> None:
    found = terms("Written responses came. The written responses were short.")
    assert "written responses" in found
    found = terms("A security guarantee was offered. Security guarantees matter.")
    assert "security guarantee" in found


def test_surname_folds_into_full_name() -> None:
    candidates = extract("Sergey Lavrov arrived. Later Lavrov said no.", Lang.EN)
    person = next(c for c in candidates if c.term == "Sergey Lavrov")
    assert person.frequency == 2
    assert "Lavrov" not in [c.term for c in candidates]


def test_candidate_carries_references_forms_and_context() -> None:
    text = "First line.\nThe press conference ended.\n\nA second press conference began."
    candidate = next(
        c for c in extract(text, Lang.EN, document="a.txt") if c.term == "press conference"
    )
    assert candidate.frequency == 2
    assert candidate.references == ("a.txt:2", "a.txt:4")
    assert "The press conference ended." in candidate.context
    assert candidate.forms == ("press conference",)


def test_ranked_best_first_and_top_limits() -> None:
    text = "The sovereignty of Ukraine. Territorial integrity and sovereignty matter. " * 3
    candidates = extract(text, Lang.EN, top=3)
    assert len(candidates) == 3
    assert [c.score for c in candidates] == sorted((c.score for c in candidates), reverse=True)


def test_empty_and_wordless_inputs_give_nothing() -> None:
    assert extract("", Lang.EN) == []
    assert extract("  \n\n 123 -- !!! ", Lang.EN) == []


def test_capitalised_chain_gives_no_fragments() -> None:
    found = terms("Members of the North Atlantic Treaty Organization met.")
    assert "North Atlantic Treaty Organization" in found
    assert "Treaty Organization" not in found
    assert "Atlantic Treaty Organization" not in found


def test_two_names_joined_by_a_hyphen_are_not_a_term() -> None:
    found = terms("The Blinken-Lavrov meeting ended early.")
    assert "Blinken-Lavrov" not in found
    assert "Blinken-Lavrov meeting" not in found


def test_noun_verb_homograph_before_an_article_is_a_verb() -> None:
    found = terms("Two permanent members cast their veto. The arms race worries the region.")
    assert "permanent members" in found
    assert "arms race" in found
    assert not any("cast" in t or "worries" in t for t in found)


def test_verb_after_to_is_not_a_noun() -> None:
    found = terms("China refused to join trilateral arms control negotiations.")
    assert "arms control" in found
    assert not any(t.startswith("join") for t in found)


def test_noun_compound_inside_modifiers() -> None:
    found = terms("The arms control talks resumed. A bilateral arms control agreement.")
    assert "arms control" in found


def test_adjective_hyphen_compound_alone_is_not_a_term() -> None:
    found = terms("The non-permanent members voted.")
    assert "non-permanent members" in found
    assert "non-permanent" not in found


def test_acronym_short_form_with_a_word() -> None:
    text = "The Intermediate-Range Nuclear Forces Treaty (INF Treaty) collapsed."
    by_term = {c.term: c for c in extract(text, Lang.EN)}
    assert by_term["INF Treaty"].kind is Kind.ACRONYM
    assert by_term["INF Treaty"].expansion == "Intermediate-Range Nuclear Forces Treaty"


def test_pathological_hyphen_chain_is_cut_into_short_units() -> None:
    text = "-".join(["word"] * 50_000)
    candidates = extract(text, Lang.EN, top=5)
    assert all(len(c.term) < 40 for c in candidates)


def test_pathological_initials_chain_is_cut() -> None:
    text = ".".join(["A"] * 50_000)
    assert all(len(c.term) < 20 for c in extract(text, Lang.EN, top=5))


def _terms(text: str) -> list[str]:
    return [c.term for c in extract(text, "en")]


def test_names_with_inner_of_the_are_whole() -> None:
    """Regression: a capitalised name was cut at its inner "of the"."""
    text = (
        "Yesterday the Deputy Chairman of the Harbour Safety Board Ivan Petrov arrived. "
        "The Deputy Chairman of the Harbour Safety Board spoke to reporters.\n"
    )
    terms = _terms(text)
    assert "Deputy Chairman of the Harbour Safety Board" in terms
    assert not any("Petrov" in t and "Board" in t for t in terms)


def test_a_title_before_a_name_is_split_but_not_a_name_inside_a_title() -> None:
    """Regression: "Lake Assembly Speaker" lost "Lake" because "Velmor" (a name)
    inside the chain was taken as the start of a person's name."""
    text = "Present were Velmor Assembly Speaker Ilya Brandt and others.\n"
    terms = _terms(text)
    assert "Velmor Assembly Speaker" in terms
    assert "Velmor Assembly" in terms  # the organisation before the title word
    assert "Ilya Brandt" in terms


def test_a_leading_acronym_stays_with_the_name() -> None:
    """Regression: "UN Security Council" came out only as "Security Council"."""
    text = (
        "The UN Maritime Council met. Later the UN Maritime Council adopted a text, "
        "and the Maritime Council will meet again.\n"
    )
    assert "UN Maritime Council" in _terms(text)


def test_title_case_at_sentence_start_keeps_its_capitals() -> None:
    """Regression: "secretary of State" when the title opened a sentence."""
    text = "Secretary of State Ann Holm flew home. Secretary of State Holm met envoys.\n"
    terms = _terms(text)
    assert "Secretary of State" in terms
    assert "secretary of State" not in terms


def test_a_place_complement_is_split_off_an_organisation_kept() -> None:
    """Regression: "annexation of <place>" hid the term; "members of the <organisation>"
    must stay whole."""
    text = (
        "They condemned the annexation of Velmoria. The annexation of Velmoria was illegal. "
        "The permanent members of the Harbour Council met the permanent members of the "
        "Harbour Council again.\n"
    )
    terms = _terms(text)
    assert "annexation" in terms
    assert not any(t.startswith("annexation of") for t in terms)
    assert "permanent members of the Harbour Council" in terms


def test_names_keep_their_number_suffix() -> None:
    """Regression: "Nord Stream 2" came out as "Nord Stream"; "G7" was no candidate."""
    text = (
        "The Velmor Link 2 pipeline stopped. Leaders of the Q7 met, and the Q7 agreed "
        "that Velmor Link 2 stays idle.\n"
    )
    terms = _terms(text)
    assert "Velmor Link 2" in terms
    assert "Velmor Link" not in terms
    assert "Q7" in terms


def test_title_case_headlines_give_no_capitalised_names() -> None:
    """Regression: a title-case headline's words were taken for names ("Extends Mandate
    of Expert Panel ..."); its capitals are style, so its words count as sentence-initial."""
    from glossary.extract.units import is_headline

    headline = "Harbour Board Extends Mandate of Expert Panel Reviewing Tariffs"
    assert is_headline(headline)
    assert not is_headline("The Harbour Board extended the mandate.")
    assert not is_headline("OSCE PC")  # too short, and capitals there are an acronym's
    text = f"{headline}\n\nThe board extended the mandate of the expert panel on Tuesday.\n"
    terms = _terms(text)
    assert "expert panel" in terms
    assert not any(t[:1].isupper() and "Mandate" in t for t in terms)
    assert all(t == t.lower() for t in terms if "panel" in t.lower())


def test_plural_nouns_listed_only_as_verbs_stay_nouns() -> None:
    """Regression: lemminflect lists "acts" under the verb only, so "acts of sabotage"
    and "hostile acts" never became candidates."""
    found = terms(
        "The council condemned acts of sabotage. Such hostile acts recur. "
        "They condemned sabotage acts in the port.\n"
    )
    assert "sabotage acts" in found or "sabotage act" in found
    assert "condemned sabotage acts" not in found  # the verb after "They"
    assert "acts of sabotage" in found or "act of sabotage" in found
    assert "hostile acts" in found or "hostile act" in found


def test_after_to_only_a_base_form_is_an_infinitive() -> None:
    """Regression: "replies to questions" read "questions" as an infinitive."""
    found = terms("The envoy gave replies to questions from reporters. We want to question it.\n")
    assert any(t.startswith("repl") and "question" in t for t in found) or "questions" in found


def test_coordinations_sharing_a_modifier_or_a_head() -> None:
    """Regression: "regional and global stability" and "international peace and
    security" (one adjective or one head shared by two conjuncts) were no candidates."""
    found = terms(
        "They want to strengthen regional and global stability. Threats to international "
        "peace and security grow. We discussed political and economic reforms.\n"
    )
    assert "regional and global stability" in found
    assert "international peace and security" in found
    assert "political and economic reforms" in found


def test_a_title_of_a_place_is_split_from_the_person_after_it() -> None:
    """Regression: "President of Russia Vladimir Putin" was one candidate, and a name
    with two inner "of"s was cut at the second."""
    found = terms(
        "The talks were opened by Governor of Arcadia Maris Vendelko. Later the Chief of "
        "Staff of the Arcadian Executive Office spoke. Chancellor of the Federal "
        "Republic of Arcadia Arvo Kettunen agreed.\n"
    )
    assert "Governor of Arcadia" in found
    assert "Maris Vendelko" in found
    assert not any("Vendel" in t and "Governor" in t for t in found)
    assert "Chief of Staff of the Arcadian Executive Office" in found
    assert "Federal Republic of Arcadia" in found
    assert "Staff of the Arcadian Executive Office" not in found


def test_a_gerund_after_a_preposition_and_a_verb_before_an_adjective_make_no_terms() -> None:
    """Regression: "maintaining predictability" (a gerund and its object) and "the
    truce remains" (a verb read as a plural noun) were candidates."""
    found = terms(
        "They stressed the role of maintaining predictability. The truce remains fragile.\n"
    )
    assert not any(t.startswith("maintaining") for t in found)
    assert not any("remains" in t for t in found)
    assert "predictability" in found


def test_a_noun_with_a_prepositional_complement_of_common_words() -> None:
    """Regression: "obligations under maritime law" and "threats to regional peace and
    stability" were never candidates; a named complement stays a qualifier."""
    found = terms(
        "States must meet their obligations under maritime law. These are threats to "
        "regional peace and stability. They held talks in Geneva on behalf of allies.\n"
    )
    assert "obligations under maritime law" in found
    assert "threats to regional peace and stability" in found
    assert not any("Geneva" in t and "talks" in t for t in found)
    assert not any("behalf" in t and " on " in t for t in found)


def test_gradable_adjectives_with_a_relational_suffix_describe() -> None:
    """Regression: the suffix alone made "essential", "necessary" relational like
    "regional", "military"; a gradable adjective's -ly adverb is in common use
    ("essentially", "necessarily"), a relational one's is not."""
    from glossary.extract import Extractor
    from glossary.extract.ranking import Modifier

    extractor = Extractor(Lang.EN)
    extractor.add(
        "They saw an essential canal. They saw a regional canal. They saw a necessary canal. "
        "They saw a military canal.\n"
    )
    modifiers = {
        " ".join(key): extractor._modifier(entry)
        for key, entry in extractor._stats.items()
        if len(key) == 2
    }
    assert modifiers["essential canal"] is Modifier.EVALUATIVE
    assert modifiers["necessary canal"] is Modifier.EVALUATIVE
    assert modifiers["regional canal"] is Modifier.RELATIONAL
    assert modifiers["military canal"] is Modifier.RELATIONAL


def test_dotted_initials_qualify_like_a_demonym() -> None:
    """Regression: "U.S." was read as an acronym and ranked as a term of its own near
    the top; dotted initials abbreviate a country, which qualifies a phrase."""
    found = terms(
        "The U.K. and its partners discussed U.K. flood relief. The U.K. will fund flood "
        "relief. The U.K. Secretary of State spoke.\n"
    )
    assert "U.K." not in found
    assert "flood relief" in found
    assert "Secretary of State" in found


def test_an_acronym_joined_to_a_name_is_part_of_an_organisation_name() -> None:
    """Regression: "OSCE-Kenya Forum" lost its first word, read as two persons' names
    joined like "Blinken-Lavrov"; an acronym among the parts names an organisation."""
    found = terms(
        "Ministers met at the OSCE-Kenya Forum in May. They praised the OSCE-Kenya Forum. "
        "The Zorbin-Vaskov meeting ended. Aides planned the Zorbin-Vaskov meeting.\n"
    )
    assert "OSCE-Kenya Forum" in found
    assert not any("Zorbin" in t for t in found)


def test_a_shared_hyphen_keeps_both_halves_in_one_term() -> None:
    """Regression: "short- and long-haul flights" broke at the dangling hyphen, so
    "short" became a candidate of its own and the coordination was lost."""
    found = terms(
        "Airlines cut short- and long-haul flights. Short- and long-haul flights resumed.\n"
    )
    assert "short- and long-haul flights" in found
    assert "short" not in found


def test_a_title_with_its_remit_after_for_is_one_name() -> None:
    """Regression: "Under Secretary for Arctic Fisheries" came out as its fragment
    "Arctic Fisheries" (ranked first) and "Secretary"; the title is one name."""
    found = terms(
        "They met the Under Secretary for Arctic Fisheries in May. The Under Secretary "
        "for Arctic Fisheries spoke. The Under Secretary for Arctic Fisheries left.\n"
    )
    assert "Under Secretary for Arctic Fisheries" in found
    assert "Arctic Fisheries" not in found
    assert "Secretary" not in found


def test_a_place_ending_like_a_demonym_is_a_place() -> None:
    """Regression: "Japan", "Oman", "Kyrgyzstan" end like "Russian" and were read as
    demonyms, so "Cabinet of Japan" lost its last word; a place has a demonym of its own
    ("Japanese", "Omani") or the "-stan" ending."""
    from glossary.extract.candidates_en import EnglishTagger

    tagger = EnglishTagger()
    assert tagger.word("Japan", False, False) == "P"
    assert tagger.word("Kyrgyzstan", False, False) == "P"
    assert tagger.word("Kenyan", False, False) == "M"
    found = terms("They wrote to the Cabinet of Japan in May. The Cabinet of Japan replied.\n")
    assert "Cabinet of Japan" in found


def test_an_auxiliary_after_an_adjective_is_its_noun() -> None:
    """Regression: "will" was always the modal, so "political will" was never a
    candidate; no modal follows a prenominal adjective."""
    found = terms("Donors lack political will to act. Without political will the fund will fail.\n")
    assert "political will" in found


def test_a_noun_verb_homograph_after_an_article_is_the_noun() -> None:
    """Regression: "ground" (also the past of "grind") and "format" before "this" were
    read as verbs after "a staging" and "the trilateral"; no finite verb follows an
    article and its modifiers."""
    found = terms(
        "The island became a staging ground for raids. They revived the trilateral format "
        "this spring. The troops left the staging ground.\n"
    )
    assert "staging ground" in found
    assert "trilateral format" in found


def test_a_plural_noun_listed_as_a_verb_ends_a_text() -> None:
    """Regression: a verb-only -s form ending the text stayed a verb, so "border acts"
    came out nowhere when they were the text's last words."""
    found = terms("The envoy condemned the raids by armed groups and the border acts")
    assert "border acts" in found


def test_a_participle_compound_modifies() -> None:
    """Regression: "Dutch-speaking" after "of" was read as a gerund and "NATO-backed"
    lost its capitals at a sentence start ("nATO-backed"); a hyphenated participle is
    a modifier, and a capital past a word's first letter is its own."""
    found = terms(
        "Aid reached the homes of Dutch-speaking villagers. NATO-Backed talks resumed. "
        "The envoy praised the talks.\n"
    )
    assert "Dutch-speaking villagers" in found
    assert "NATO-Backed talks" in found


def test_a_plural_possessive_inside_a_name_stays_in_it() -> None:
    """Regression: the possessive broke every name at its apostrophe, so "Farmers'
    Assembly of Ruritania" and "Citizens' Union" came out as fragments; a plural common
    noun's possessive classifies inside a name, a singular's or a name's determines."""
    found = terms(
        "Delegates met at the Farmers\u2019 Assembly of Ruritania in May. The Farmers\u2019 "
        "Assembly of Ruritania voted. Ruritania\u2019s Trade Office objected. The Board\u2019s "
        "Audit Panel met.\n"
    )
    assert "Farmers\u2019 Assembly of Ruritania" in found
    assert "Trade Office" in found
    assert "Audit Panel" in found
    assert not any(t.startswith(("Ruritania\u2019", "Board")) for t in found)


def test_a_title_in_the_possessive_is_a_title_too() -> None:
    """Regression: "Trade Ministers' Communique" swallowed the title it begins with."""
    found = terms(
        "The Nordic Trade Ministers\u2019 Communique was read. The Nordic Trade "
        "Ministers\u2019 Communique ended the talks.\n"
    )
    assert any(t.lower() == "nordic trade ministers" for t in found)


def test_a_capitalised_ordinal_mid_sentence_is_part_of_a_name() -> None:
    """Regression: "Second Fisheries Package" lost its ordinal (a closed-class word)."""
    found = terms(
        "Ministers adopted the Second Fisheries Package in May. The Second Fisheries "
        "Package takes effect in June.\n"
    )
    assert "Second Fisheries Package" in found


def test_a_demonym_before_a_name_is_part_of_it_not_before_a_title() -> None:
    """Regression: "Nordic Fisheries Council" was cut to "Fisheries Council" like
    "Nordic | Foreign Minister", where the demonym is the holder's nationality."""
    found = terms(
        "They joined the Estonian Fisheries Council in May. The Estonian Fisheries Council "
        "met the Estonian Foreign Minister.\n"
    )
    assert "Estonian Fisheries Council" in found
    assert "Foreign Minister" in found
    assert "Estonian Foreign Minister" not in found


def test_evaluative_adjectives_are_told_by_their_morphology() -> None:
    """Regression: "brutal" and "vital" (relational-looking "-al") ranked like "regional",
    and "tireless", "unwavering", "cowardly" like any adjective; their quality noun
    ("brutality"), the -less and -ly endings and a negating prefix on a participle mark
    them as judging, so the phrase ranks below relational ones."""
    from glossary.extract import Extractor
    from glossary.extract.ranking import Modifier

    extractor = Extractor(Lang.EN)
    adjectives = "brutal vital tireless unwavering cowardly naval regional peaceful"
    extractor.add(" ".join(f"They saw a {a} barge." for a in adjectives.split()) + "\n")
    modifiers = {
        key[0]: extractor._modifier(entry)
        for key, entry in extractor._stats.items()
        if len(key) == 2 and key[1] == "barge"
    }
    for word in ("brutal", "vital", "tireless", "unwavering", "cowardly"):
        assert modifiers[word] is Modifier.EVALUATIVE, word
    assert modifiers["naval"] is Modifier.RELATIONAL
    assert modifiers["regional"] is Modifier.RELATIONAL
    assert modifiers["peaceful"] is Modifier.QUALITATIVE


def test_an_ing_form_after_a_break_or_a_conjunction_takes_an_object() -> None:
    """Regression: ", including fishing quotas" and "and widening river channels" gave
    "including fishing quotas" and "widening river channels" as terms; after a clause
    break or a conjunction the -ing form is a verb taking the phrase as its object,
    while a hyphenated participle ("grain-exporting") still modifies."""
    found = terms(
        "The deal covers trade, including fishing quotas. It means dredging ports and "
        "widening river channels. Both grain-exporting countries agreed.\n"
    )
    assert "fishing quotas" in found
    assert "river channels" in found
    assert not any(t.startswith(("including", "widening")) for t in found)
    assert "grain-exporting countries" in found


def test_names_joined_by_for_on_and_and_are_whole() -> None:
    """Regression: "Office for Fisheries and Coastal Waters" and "Lisbon Conference on
    Fisheries" came out cut at their "for", "on" and "and"; capitalised common words on
    both sides of an "and" are one name, two place names are two."""
    found = terms(
        "Staff of the Office for Fisheries and Coastal Waters met at the Lisbon Conference "
        "on Fisheries in May. The Office for Fisheries and Coastal Waters thanked Spain "
        "and Portugal.\n"
    )
    assert "Office for Fisheries and Coastal Waters" in found
    assert "Lisbon Conference on Fisheries" in found
    assert not any("Spain and" in t for t in found)


def test_a_part_of_a_name_never_written_alone_ranks_below_the_name() -> None:
    """Regression: "Vice Chairman" (always "Vice Chairman of the Fisheries Board") and
    "Harbour Authority" (always "OECS Harbour Authority") ranked near the names they
    are cut from; a name after "of the" in a longer one is still a name of its own."""
    text = (
        "The Vice Chairman of the Fisheries Board spoke. The Vice Chairman of the Fisheries "
        "Board left. The OECS Harbour Authority met. The OECS Harbour Authority agreed.\n"
    )
    from glossary.extract import Extractor
    from glossary.extract.ranking import Weights

    def scores(weights: Weights) -> dict[str, float]:
        extractor = Extractor(Lang.EN, weights=weights)
        extractor.add(text)
        return {c.term: c.score for c in extractor.candidates()}

    penalised, plain = scores(Weights()), scores(Weights(name_fragment=1.0))
    for fragment in ("Vice Chairman", "Harbour Authority"):
        assert penalised[fragment] < plain[fragment], fragment
    assert penalised["Fisheries Board"] == plain["Fisheries Board"]
    assert penalised["Vice Chairman of the Fisheries Board"] > penalised["Vice Chairman"]


def test_a_document_number_after_a_name_is_part_of_it() -> None:
    """Regression: only one- or two-digit suffixes stayed with a name, so "Directive 4471"
    came out as "Directive" and the number was lost; a year does not join ("May 2031" is
    no name, nor "Treaty 1995")."""
    found = terms(
        "Members recalled Fisheries Directive 4471 in May. Fisheries Directive 4471 bans "
        "trawling. The Lisbon Treaty 1995 was cited.\n"
    )
    assert "Fisheries Directive 4471" in found
    assert not any("1995" in t for t in found)


def test_a_persons_name_after_a_titles_remit_is_not_part_of_it() -> None:
    """Regression: "Special Envoy for Ruritania Ivo Marek" was one title."""
    found = terms(
        "We thank the Special Envoy for Ruritania Ivo Marek for his work. The Special Envoy "
        "for Ruritania travelled.\n"
    )
    assert "Special Envoy for Ruritania" in found
    assert not any("Marek" in t and "Envoy" in t for t in found)


def test_a_noun_coordinated_with_a_modified_noun_is_one_term() -> None:
    """Regression: "autonomy and cultural heritage" and "border rights and coastal
    freedoms" were never candidates (only a bare noun after "and" was coordinated), and
    coordinated adjectives after a noun ("deal fiscal and monetary reforms") lost theirs."""
    found = terms(
        "They defend autonomy and cultural heritage. The treaty protects border rights and "
        "coastal freedoms. A deal fiscal and monetary reforms sealed was signed. Their "
        "entry into service came in May.\n"
    )
    assert "autonomy and cultural heritage" in found
    assert "border rights and coastal freedoms" in found
    assert "fiscal and monetary reforms" in found
    assert "entry into service" in found


def test_a_title_starting_with_a_capitalised_preposition_takes_its_remit() -> None:
    """Regression: "Under Secretary of State for Fisheries Affairs" had no candidate of
    its own (its chain started at a capitalised "Under")."""
    found = terms(
        "The Under Secretary of State for Fisheries Affairs Ivo Marek spoke. The Under "
        "Secretary of State for Fisheries Affairs left.\n"
    )
    assert "Under Secretary of State for Fisheries Affairs" in found


def test_a_compound_only_ever_before_a_noun_is_a_modifier() -> None:
    """Regression: "long-range" (only in "long-range radars") ranked as a coined term,
    above the phrases it modifies; "de-mining", used on its own, still is one."""
    from glossary.extract import Extractor
    from glossary.extract.ranking import Shape

    extractor = Extractor(Lang.EN)
    extractor.add(
        "They sold long-range radars. The long-range radars failed. Funds for de-mining "
        "grew, and de-mining resumed.\n"
    )
    shapes = {" ".join(k): extractor._shape(e) for k, e in extractor._stats.items()}
    compound = {" ".join(k): extractor._compound_noun(e) for k, e in extractor._stats.items()}
    assert shapes["long range"] is Shape.LONE_FRAGMENT
    assert not compound["long range"]
    assert compound["de mine"]


def test_one_capitalised_word_after_a_named_of_is_the_names_own() -> None:
    """Regression: "Republic of North Ruritania" was cut to "Republic of North", its last
    word read as a person's name after a title; a person takes a first name and a
    surname (or an initial: "Secretary of State | Ivo K. Marek")."""
    found = terms(
        "Envoys praised the Republic of North Ruritania in May. The Republic of North "
        "Ruritania voted. The Secretary of State Ivo K. Marek spoke.\n"
    )
    assert "Republic of North Ruritania" in found
    assert "Republic of North" not in found
    assert "Secretary of State" in found


def test_a_first_name_that_is_a_common_noun_is_part_of_the_persons_name() -> None:
    """Regression: "Fisheries Commissioner Grant Vossel" gave the title "Fisheries
    Commissioner Grant"; between a title and a surname ending the chain, a common noun
    is a first name, while an adjective stays in the title ("Secretary General Vossel")."""
    found = terms(
        "Fisheries Commissioner Grant Vossel spoke. Fisheries Commissioner Grant Vossel "
        "left. The Secretary General Vossel replied.\n"
    )
    assert "Fisheries Commissioner" in found
    assert not any(t.endswith("Grant") for t in found)
    assert "Secretary General" in found


def test_a_name_in_a_title_case_headline_keeps_its_capitals() -> None:
    """Regression: a headline's words all count as sentence-initial, so "Fisheries Board"
    seen only in "Fisheries Board Extends Quota Talks" came out as "fisheries board",
    though the text capitalises both words mid-sentence ("the Regional Fisheries Board")."""
    found = terms(
        "Fisheries Board Extends Quota Talks\n\nThe Regional Fisheries Board met on Monday. "
        "Delegates praised the Board and its quota talks.\n"
    )
    assert "Fisheries Board" in found
    assert "fisheries board" not in found


def test_a_shared_modifier_coordination_discounts_its_first_noun_phrase() -> None:
    """Regression: "regional trade and investment" left "regional trade" ranked as a
    term of its own, though the adjective modifies both nouns there; seen only inside
    the coordination, it ranks below it."""
    found = terms(
        "Ministers promote regional trade and investment. Envoys said regional trade and "
        "investment grew.\n"
    )
    assert "regional trade and investment" in found
    assert found.index("regional trade and investment") < found.index("regional trade")


def test_an_ed_form_after_a_noun_is_no_modifier_of_the_next() -> None:
    """Regression: "ministers discussed emerging threats" and "aid reached poor" were
    candidates, the finite verb read as a participle modifying what follows; a
    participle modifies from before its noun, and a hyphenated word before it keeps it
    a modifier ("cross-border organised crime")."""
    found = terms(
        "Ministers discussed emerging threats. Aid reached poor villages. Police fight "
        "cross-border organised crime.\n"
    )
    assert "emerging threats" in found
    assert not any(t.startswith(("ministers discussed", "aid reached", "discussed")) for t in found)
    assert "cross-border organised crime" in found


def test_a_capitalised_compound_and_a_place_after_in_stay_in_a_long_name() -> None:
    """Regression: "Council for Trade and Co-operation in Ruritania" broke at the
    capitalised compound (read as a common noun) and lost "in Ruritania"; within a
    remit, "in" and a place's name go on, but not "in" and a month ("in May")."""
    found = terms(
        "Envoys of the Council for Trade and Co-operation in Ruritania met in May. The "
        "Council for Trade and Co-operation in Ruritania agreed.\n"
    )
    assert "Council for Trade and Co-operation in Ruritania" in found
    assert not any(t.endswith("in May") for t in found)
