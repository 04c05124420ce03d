"""English candidate rules over part-of-speech classes from lemminflect's lexicon.

No tagger is available, so each word gets the class its lexicon entry allows
(noun, adjective, adjective-or-noun, participle, adverb...), capitals mid-sentence
mark names and titles, and a small closed list covers function words. The class
of every unit is one character; the rules are regular expressions over that
string, which keeps the hot path free of per-token Python logic:

* noun phrases: adjective/noun chains with an inner *of* phrase
  ("legally binding security guarantees", "sphere of influence");
* names, titles and organisations: capitalised chains ("Foreign Minister",
  "Warsaw Pact", "Secretary of State"), split where a title meets a name;
* hyphenated compounds ("de-escalate", "ex-Soviet republics");
* coordinated nouns ("allies and partners", "through diplomacy and through dialogue").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from glossary.extract.units import SUFFIXED, Units, word_set
from glossary.text.normalize import is_acronym

__all__ = ["EnglishTagger", "Span", "spans"]

#: An unknown word ending in -ly longer than this is read as an adverb (not "ally").
_MIN_LY_ADVERB = 4
#: Two unknown capitalised parts joined by a hyphen are two names, not a term.
_JOINED_NAMES = 2
#: An adjective whose manner adverb is in use nearly as often as itself (Zipf within
#: this much: about 2.8 times rarer at most) is gradable: "particular/particularly",
#: "essential/essentially". Relational adjectives rarely make one ("international"
#: 5.4 vs "internationally" 4.0; "nuclear" has none).
GRADABLE_ADVERB_GAP = 0.45
#: ... and one whose -ity or -ness noun is in use about as much (Zipf within this much:
#: "brutal" 4.1 / "brutality" 3.6; "national" 5.5 / "nationality" 3.7) names a quality.
QUALITY_NOUN_GAP = 1.2
#: Prefixes that negate a gradable adjective ("unwavering", "irresponsible").
_NEGATING_PREFIXES = ("un", "in", "im", "ir", "il", "dis")
#: Shortest remainder after a negating prefix ("unfair" → "fair"; "inter" is no "in"+"ter").
_MIN_NEGATED = 4
#: Shortest -less adjective ("unless", "bless" are none).
_MIN_LESS = 6

#: (first unit, last unit, unit to skip or -1, rule)
Span = tuple[int, int, int, str]

_FUNCTION: dict[str, str] = {}
for _w in word_set("of"):
    _FUNCTION[_w] = "O"
for _w in word_set("and or"):
    _FUNCTION[_w] = "C"
for _w in word_set(
    "about above across after against along amid among amongst around as at before behind "
    "below beneath beside besides between beyond by despite during except for from in inside "
    "into like near off on onto out outside over past per since than through throughout till "
    "to toward towards under unlike until up upon via with within without"
):
    _FUNCTION[_w] = "I"
for _w in word_set(
    "a an the this that these those my your his her its our their whose which who whom what i "
    "me we us you he him she it they them myself yourself himself herself itself ourselves "
    "themselves each every either neither any some no none all both half several many much "
    "more most less least few fewer other another such same own be am is are was were been "
    "being have has had having do does did done doing will would shall should can could may "
    "might must ought not nor but if then else when where while why how whether because "
    "although though so yet also just only even very too quite rather still already again "
    "ever never always often now here there today tomorrow yesterday however therefore thus "
    "hence said says say told tell tells according one two three four five six seven eight "
    "nine ten first second third last next mr mrs ms dr monday tuesday wednesday thursday "
    "friday saturday sunday january february march april may june july august september "
    "october november december jan feb mar apr jun jul aug sep sept oct nov dec week weeks "
    "month months year years day days time times today tonight morning evening source editor "
    "photo file reporting didn doesn don isn aren wasn weren won wouldn couldn shouldn hasn "
    "haven hadn ain let"
):
    _FUNCTION[_w] = "D"

# Words after which a noun/verb homograph is the verb: "to join", "had exchanged".
for _w in word_set(
    "be am is are was were been being have has had having do does did will would shall "
    "should can could may might must not cannot never still also now just already"
):
    _FUNCTION[_w] = "K"
_FUNCTION["to"] = "W"
#: The definite article: inside a name's "of the" ("Deputy Chairman of the Security Council").
_FUNCTION["the"] = "Z"

#: Title words: a capitalised chain ending in one holds an organisation before it.
TITLE_WORDS = word_set(
    "minister secretary president premier chancellor ambassador envoy spokesman spokeswoman "
    "spokesperson chairman chair director commissioner representative speaker chief advisor "
    "adviser secretary-general"
)
#: Head words of organisations' names.
ORGANIZATION_WORDS = word_set(
    "council assembly organization organisation union alliance committee commission agency "
    "office parliament court bank fund forum ministry department secretariat"
)
#: Ordinals the closed class above lists (later ones are in the lexicon).
_ORDINALS = word_set("first second third")
_POSSESSIVE = re.compile("^(.+?)['\u2019]s?$")
_DOTTED_INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$")
_LETTERS_DIGITS = re.compile(r"^[A-Z]{1,3}\d{1,2}$")
_DEMONYM_ENDINGS = ("ian", "an", "ese", "ish", "ic", "ean")
#: A place's own demonym suffixes ("Japan" → "Japanese", "Iran" → "Iranian", "Oman" →
#: "Omani"): an unknown capitalised word ending like a demonym names a place when one of
#: these derivations of it is in use (Zipf at least :data:`PLACE_DEMONYM_ZIPF`); the
#: "-stan" ending is a place's ("Kazakhstan").
_PLACE_DEMONYM_SUFFIXES = ("ese", "i", "ian")
PLACE_DEMONYM_ZIPF = 2.0
#: Prefixes whose hyphenated compounds take the class of the word they prefix.
_PREFIXES = word_set(
    "ex non anti pro pre post de re co counter self cross inter intra multi semi quasi neo "
    "pseudo sub super ultra vice mid trans over under out well all"
)

# Noun phrase: modifiers (an adverb only before an adjective/participle), a nominal head,
# optionally "of" and a second such phrase. Names (P, T, X) may take part.
_MOD = r"(?:R[AGJ]|[AGJNTPXM])"
_HEAD = r"[NJTPX]"
#: "of the" joins a complement only when a name follows ("members of the Security Council").
_NP = re.compile(rf"{_MOD}*{_HEAD}(?:O(?:Z(?=[TPXM]))?{_MOD}*{_HEAD})?")
#: A capitalised name or title with an inner "of (the)": "Director of the Federal
#: Security Service", "Charter of the United Nations" (names are capitalised chains).
_NAMED_OF = re.compile(r"[TX][TPX]*(?:OZ?[TPXM]*[TPX])+")
#: A place is one capitalised word; a longer run of them after "of" in a name is the
#: place and then a person's name ("President of Russia | Vladimir Putin").
_PLACE_AND_PERSON = 3
#: Words of a person's name written after a title (a first name and a surname).
_PERSON_WORDS = 2
#: A capitalised title word, "for" and a capitalised remit.
#: Demonyms before a capitalised chain of common words.
_DEMONYM_NAME = re.compile(r"(?<![TPXM])M+T[TX]*(?![TPXM])")
_TITLE_FOR = re.compile(r"[TPX](?=I[TPXM]*[TPX])I[TPXM]*[TPX]")
#: Articles proper: no finite verb follows one (see :func:`_nouns_after_articles`).
_INDEFINITE_OR_DEFINITE = word_set("the a an")
#: Modifiers between an article and its noun looked through by that rule.
_MODIFIERS_AFTER_ARTICLE = 3
_ARTICLES = word_set("the a an its their his her our my your this these those")
_BEFORE_ADVERB = re.compile(r"[NS](?=R)")
_AFTER_NAME = re.compile(r"(?<=[PXT])G")
_PAST_AFTER_NOUN = re.compile(r"(?<=[NS])G")
_AFTER_VERB_CUE = re.compile(r"(?<=[WK])[NJSGU]")
_VERB = re.compile("V")
_AFTER_NAME_D = re.compile("(?<=P)D")
_TITLE_NAME_SURNAME = re.compile("(?<=T)T(?=P(?![TPXM]))")
_MODAL_AFTER_ADJECTIVE = re.compile(r"(?<=A)K")
_GERUND_OR_VERB = re.compile(r"(?<=[IO|C])G|^G|S(?=A)")
#: Subject pronouns: the participle-looking word after one is its finite verb.
_SUBJECTS = word_set("i we you he she it they")
#: Prepositions whose complement can complete a term ("threats to ...", "obligations
#: under ...", "attacks against ...", "talks on ...", "cooperation between ...").
_TERM_PREPOSITIONS = word_set("to under against on for between into")
#: Words in a prepositional complement, the preposition included.
_MAX_COMPLEMENT = 5
_VERB_S_AS_NOUN = re.compile(r"(?<=[AM])V|V(?=O)|(?<=N)V(?=[|IWC]|$)")
_COORD = re.compile(r"(?<=N)C([IW]?)(?=N(?![NJ]))")
#: Coordinated adjectives sharing a head: "regional and global stability".
#: An adjective before a conjunction: a candidate for a shared hyphen ("intermediate- and").
_MODIFIER_AND = re.compile(r"A(?=C)")
#: A noun phrase, "and", an adjective and its noun ending the phrase.
_COORD_MODIFIED_RIGHT = re.compile(r"(?<=N)C(?=[AJ]N(?![NJ]))")
#: Words in the first conjunct of such a coordination.
_MAX_COORDINATED = 3
_COORD_MODIFIERS = re.compile(r"(?<![JRMX])[AJ]C[AJ][AJN]*(?<=N)(?![NJ])")


class EnglishTagger:
    """Word → class character, memoised per spelling."""

    def __init__(self) -> None:
        from glossary.text.morph_en import lemminflect

        module: Any = lemminflect()  # without the spaCy hook of its __init__

        self._lemmas: Callable[[str], dict[str, Any]] = module.getAllLemmas
        self._inflect: Callable[[str, str], tuple[str, ...]] = module.getInflection
        self._cache: dict[str, str] = {}
        self._gradable: dict[str, bool] = {}
        self._places: dict[str, bool] = {}
        self._evaluative: dict[str, bool] = {}
        self.unknown: set[str] = set()
        #: Words with a verb reading, for telling "to join" from "the join".
        self.verbal: set[str] = set()
        #: -s forms the lexicon lists under a verb only; "acts" is also a plural noun,
        #: which its neighbours show (see :data:`_VERB_S_AS_NOUN`).
        self.verb_s: set[str] = set()

    def lexical(self, lower: str) -> str:
        """The class of a lower-case word, ignoring capitals."""
        tag = self._cache.get(lower)
        if tag is not None:
            return tag
        tag = _FUNCTION.get(lower)
        if tag is None:
            tag = self._classify(lower)
        self._cache[lower] = tag
        return tag

    def _classify(self, lower: str) -> str:  # noqa: C901 - one case per word class, in the order the lexicon is consulted
        if not lower.isalpha():
            return "D"
        if len(lower) == 1:
            return "D"
        found = self._lemmas(lower)
        if "VERB" in found:
            self.verbal.add(lower)
        if not found:
            self.unknown.add(lower)
            if lower.endswith("ly") and len(lower) > _MIN_LY_ADVERB:
                return "R"
            return "U"
        pos = found.keys()
        if "NOUN" in pos or "PROPN" in pos:
            if "ADJ" in pos:
                return "J"
            verb = found.get("VERB", (lower,))[0]
            noun = found.get("NOUN", (lower,))[0]
            if verb != lower and noun == lower and not lower.endswith(("ing", "s")):
                return "V"  # "spoke", "left", "met": a past tense more often than a noun
            if "VERB" in pos and lower.endswith("s"):
                return "S"  # "worries", "guarantees": noun or verb, decided by the next word
            return "N"
        if set(pos) == {"VERB"} and lower.endswith("s"):
            self.verb_s.add(lower)
        if "ADJ" in pos:
            return "A"
        if "VERB" in pos or "AUX" in pos:
            if lower.endswith(("ed", "en", "wn", "ne", "ught", "t", "ing")):
                return "G"  # participles modify nouns: "written responses", "warring parties"
            return "V"
        if "ADV" in pos:
            return "R" if lower.endswith("ly") else "D"
        return "D"

    def gradable(self, lower: str) -> bool:
        """An evaluative adjective is gradable, and a gradable one modifies manner as an
        -ly adverb about as often as it modifies nouns (:data:`GRADABLE_ADVERB_GAP`);
        relational adjectives ("military", "regional") classify and have little use as
        adverbs. Memoised per spelling."""
        known = self._gradable.get(lower)
        if known is None:
            from wordfreq import zipf_frequency

            adverbs = [lower + "ly", lower + "ally"]
            if lower.endswith("y"):
                adverbs.append(lower[:-1] + "ily")
            if lower.endswith("le"):
                adverbs.append(lower[:-1] + "y")
            adverb = max(zipf_frequency(a, "en") for a in adverbs)
            known = adverb > 0 and zipf_frequency(lower, "en") - adverb <= GRADABLE_ADVERB_GAP
            self._gradable[lower] = known
        return known

    def evaluative(self, lower: str) -> bool:
        """An adjective that grades or judges ("brutal", "tireless", "unwavering",
        "cowardly"), by its morphology: an -ly adverb or an -ity/-ness noun in use nearly as
        much as itself, the -ly or -less ending, or a negating prefix on an adjective or
        participle. Relational adjectives ("military", "national") show none. Memoised."""
        known = self._evaluative.get(lower)
        if known is None:
            known = self._evaluative_signs(lower)
            self._evaluative[lower] = known
        return known

    def _evaluative_signs(self, lower: str) -> bool:
        if self.gradable(lower):
            return True
        if lower.endswith("ly") or (lower.endswith("less") and len(lower) > _MIN_LESS):
            return True  # "cowardly", "timely"; "tireless", "relentless"
        for prefix in _NEGATING_PREFIXES:
            rest = lower[len(prefix) :]
            if lower.startswith(prefix) and len(rest) >= _MIN_NEGATED and self._negatable(rest):
                return True  # "unwavering", "unprecedented", "irresponsible"
        return self._quality_noun(lower)

    def _negatable(self, rest: str) -> bool:
        found = self._lemmas(rest)
        return "ADJ" in found or ("VERB" in found and rest.endswith(("ing", "ed")))

    def _quality_noun(self, lower: str) -> bool:
        """The adjective names a quality in its -ity or -ness noun nearly as often as it
        modifies: "brutal"/"brutality", "vital"/"vitality"; "national"/"nationality" is
        far rarer than its adjective (:data:`QUALITY_NOUN_GAP`)."""
        from wordfreq import zipf_frequency

        stem = lower[:-1] if lower.endswith("e") else lower
        nouns = [lower + "ity", lower + "ness", stem + "ity"]
        if lower.endswith("le"):
            nouns.append(lower[:-2] + "ility")
        if lower.endswith("y"):
            nouns.append(lower[:-1] + "iness")
        noun = max(zipf_frequency(n, "en") for n in nouns)
        return noun > 0 and zipf_frequency(lower, "en") - noun <= QUALITY_NOUN_GAP

    def place(self, lower: str) -> bool:
        """A word ending like a demonym that is a place's name: it has a demonym of its
        own ("Japan"/"Japanese", "Jordan"/"Jordanian") or the "-stan" ending. Memoised."""
        known = self._places.get(lower)
        if known is None:
            from wordfreq import zipf_frequency

            known = lower.endswith("stan") or any(
                zipf_frequency(lower + suffix, "en") >= PLACE_DEMONYM_ZIPF
                for suffix in _PLACE_DEMONYM_SUFFIXES
            )
            self._places[lower] = known
        return known

    def plural(self, lower: str) -> bool:
        """A plural noun: its lemma differs ("leaders", "women") or it is its own plural
        ("people")."""
        lemma = self._lemmas(lower).get("NOUN", (lower,))[0]
        return lemma != lower or self._inflect(lower, "NNS")[:1] == (lower,)

    def noun(self, lower: str) -> bool:
        """The lexicon has a noun reading of the word ("will", "can")."""
        return "NOUN" in self._lemmas(lower)

    def base_verb(self, lower: str) -> bool:
        """The word is a verb's base form ("join"), the only form an infinitive takes."""
        return lower in self._lemmas(lower).get("VERB", ())

    def word(self, word: str, initial: bool, compound: bool) -> str:
        """The class of one unit, using its capitals and position in the sentence."""
        if "\u2019" in word or "'" in word:
            return self._possessive(word, initial, compound)
        if word[-1:].isdigit():
            if _LETTERS_DIGITS.match(word):
                return "X"  # "G7", "P5": a name of letters and a number
            suffixed = SUFFIXED.match(word)
            if suffixed:
                return self.word(suffixed.group(1), initial, compound)  # "Stream 2"
        if compound:
            return self._compound(word, initial)
        if word[0].isupper():
            return self._capitalised(word, initial)
        tag = self.lexical(word) if word.islower() else self.lexical(word.lower())
        return "N" if tag == "U" else tag

    def _capitalised(self, word: str, initial: bool) -> str:
        if _DOTTED_INITIALS.match(word):
            return "M"  # "U.S.": see :func:`EnglishTagger._compound`
        if len(word) > 1 and is_acronym(word):
            return "X"
        lower = word.lower()
        tag = self.lexical(lower)
        if tag == "D" and not initial and lower in _ORDINALS:
            return "T"  # a capitalised ordinal is in a name: "the Third Energy Package"
        if tag in "OCIDZ":
            return tag
        if initial and tag != "U":
            return tag
        if tag == "U":
            # Demonyms ("Russian", "Ukrainian", "Chinese") modify like adjectives.
            demonym = lower.endswith(_DEMONYM_ENDINGS) and not self.place(lower)
            return "M" if demonym else "P"
        return "T"

    def _possessive(self, word: str, initial: bool, compound: bool) -> str:
        """A capitalised possessive before a capitalised word: a plural common noun's
        classifies, inside a name ("People's Republic", "Leaders' Meeting"); a singular's
        or a name's is a determiner ("the Court's | Appeals Panel", "Russia's | Foreign
        Ministry")."""
        possessive = _POSSESSIVE.match(word)
        if not possessive:
            return "D"
        base = possessive.group(1)
        tag = self.word(base, initial, compound)
        return tag if tag in "TNJAS" and self.plural(base.lower()) else "D"

    def _compound(self, word: str, initial: bool) -> str:
        parts = [p for p in re.split(r"[-\u2010\u2011.]", word) if p]
        if not parts:
            return "D"
        if word[-1] in "-\u2010\u2011":
            return "A"  # "intermediate- | and shorter-range": a modifier, never a head
        if all(len(p) == 1 and p.isupper() for p in parts):
            # Dotted initials abbreviate a country ("U.S.", "U.K."; organisations are
            # written "NATO", "UN"), and a country's abbreviation qualifies like a
            # demonym: "U.S. | security assistance", no term of its own.
            return "M"
        if parts[0].isdigit():
            return "A"  # 90-minute
        if all(p[:1].isupper() for p in parts):
            unknown = sum(1 for p in parts if self.lexical(p.lower()) == "U")
            # Two names joined ("Blinken-Lavrov meeting") are no term; an acronym among
            # them mid-sentence names an organisation, and the compound a body of two
            # parties ("OSCE-Kenya Forum").
            acronym = any(len(p) > 1 and is_acronym(p) for p in parts)
            if unknown >= _JOINED_NAMES and (initial or not acronym):
                return "Q"
            if not initial:
                return "P" if unknown else "T"
        rest = parts[1:] if parts[0].lower() in _PREFIXES else parts
        if parts[0].lower() in _PREFIXES and rest[-1][:1].isupper():
            return "A"  # ex-Soviet, pro-Western
        last = self._compound_head(rest)
        if last in "NJ" and word[0].isupper() and not initial:
            return "T"  # capitalised mid-sentence, in a name: "Security and Co-operation"
        return last

    def _compound_head(self, rest: list[str]) -> str:
        """The class of a compound from its last part (after a prefix)."""
        last = self.lexical(rest[-1].lower())
        if last == "U":
            return "N"
        if last in "OCIDZ":
            return "A"
        if len(rest) > 1 and last in "GV" and self._participle_compound(rest):
            return "A"
        return last

    def _participle_compound(self, parts: list[str]) -> bool:
        """A participle compound modifies: "UN-brokered", "rules-based", "far-reaching",
        "Russian-speaking"; with a noun before an -ing form it is the action's noun
        ("peace-keeping", "intelligence-sharing")."""
        tail, head = parts[-1].lower(), parts[0]
        if tail.endswith("ed"):
            return True
        return tail.endswith("ing") and (head[:1].isupper() or self.lexical(head.lower()) in "AR")


def _verb_or_noun(tags: str, units: Units, tagger: EnglishTagger) -> str:
    """Lexicon gaps the neighbours settle: verb-only -s forms used as plural nouns, and
    participle-looking words used as finite verbs."""
    # An -s form the lexicon has only as a verb is a plural noun after an adjective or
    # before "of": "hostile acts", "acts of sabotage" (a finite verb takes neither), and
    # after a noun where no object follows ("terrorist acts | to justice").
    if tagger.verb_s:
        chars = list(tags)
        for match in _VERB_S_AS_NOUN.finditer(tags):
            index = match.start()
            if units.words[index].lower() in tagger.verb_s:
                chars[index] = "S"
        tags = "".join(chars)
    # A participle-looking word right after a subject pronoun is its verb: "they
    # condemned the attack".
    subjects = [i + 1 for i, w in enumerate(units.words[:-1]) if w.lower() in _SUBJECTS]
    if subjects:
        chars = list(tags)
        for index in subjects:
            if chars[index] == "G":
                chars[index] = "V"
        tags = "".join(chars)
    return tags


def _modal_nouns(tags: str, units: Units, tagger: EnglishTagger) -> str:
    """An auxiliary right after an adjective is the noun it is homographic with: a modal
    never follows a prenominal adjective ("the political will", "a legal must"), while
    "the Council will" keeps its verb."""
    found = [m.start() for m in _MODAL_AFTER_ADJECTIVE.finditer(tags)]
    if not found:
        return tags
    chars = list(tags)
    for index in found:
        if tagger.noun(units.words[index].lower()):
            chars[index] = "N"
    return "".join(chars)


def _person_names(tags: str, chars: list[str], words: list[str], tagger: EnglishTagger) -> None:
    """Parts of persons' names the lexicon reads as common words."""
    for match in _TITLE_NAME_SURNAME.finditer(tags):
        index = match.start()
        if words[index - 1].lower() in TITLE_WORDS and tagger.lexical(words[index].lower()) in "NV":
            # A first name that is also a common noun, between a title and a surname
            # ending the chain: "Secretary General | Mark Rutte" (an adjective stays in
            # the title: "Secretary General | Mora").
            chars[index] = "P"
    for match in _AFTER_NAME_D.finditer(tags):
        index = match.start()
        if len(words[index]) == 1 and words[index].isupper():
            chars[index] = "P"  # a middle initial: "Ivo K. Marek"


def _past_after_nouns(tags: str, units: Units) -> str:
    """An -ed form right after a noun is its verb or a reduced relative ("ministers
    discussed | threats", "the deal reached | in May"), never a modifier of the noun
    after it: a participle modifies from before its noun ("written responses")."""
    found = [m.start() for m in _PAST_AFTER_NOUN.finditer(tags)]
    if not found:
        return tags
    chars = list(tags)
    words, compound = units.words, units.compound
    for index in found:
        # A hyphenated word before it is a modifier too: "cross-border organised crime".
        if words[index].endswith("ed") and not compound[index] and not compound[index - 1]:
            chars[index] = "V"
    return "".join(chars)


def classes(units: Units, tagger: EnglishTagger) -> str:
    """One class character per unit; breaks are ``|``."""
    word = tagger.word
    tags = "".join(
        "|" if f < 0 else word(w, i, c)
        for w, f, i, c in zip(units.words, units.first, units.initial, units.compound, strict=True)
    )
    tags = _verb_or_noun(tags, units, tagger)
    tags = _modal_nouns(tags, units, tagger)
    # A past form right after a name is its verb: "Lavrov met reporters".
    tags = _AFTER_NAME.sub("V", tags)
    tags = _past_after_nouns(tags, units)
    cues = [m.start() for m in _AFTER_VERB_CUE.finditer(tags)]
    if cues:
        chars = list(tags)
        verbal = tagger.verbal
        for index in cues:
            lower = units.words[index].lower()
            if lower in verbal and (tags[index - 1] != "W" or tagger.base_verb(lower)):
                # After "to" only a base form is an infinitive: "answers to questions".
                chars[index] = "V"
        tags = "".join(chars)
    # A noun/verb homograph before an article is the verb: "the arms race worries the
    # OSCE", "members cast their veto", "Russia is seeking its ...".
    words = units.words
    before_article = [i - 1 for i, w in enumerate(words) if i and w.lower() in _ARTICLES]
    # ... and so is one before an -ly adverb: "partners stand firmly".
    before_article += [m.start() for m in _BEFORE_ADVERB.finditer(tags)]
    if before_article:
        chars = list(tags)
        verbal = tagger.verbal
        for index in before_article:
            if chars[index] in "NJSG" and words[index].lower() in verbal:
                chars[index] = "V"
        tags = "".join(chars)
    # An -ing form right after a preposition, a conjunction or a clause break is a
    # gerund or participle taking an object ("in maintaining predictability", "the task
    # of preparing proposals", ", including sanctions", "and strengthening ties"), not
    # a modifier, unless a hyphenated compound ("police-contributing"); and a noun/verb
    # -s form before an adjective is the verb ("the moratorium remains relevant").
    chars = list(tags)
    compound = units.compound
    for match in _GERUND_OR_VERB.finditer(tags):
        index = match.start()
        if tags[index] == "S" or (words[index].endswith("ing") and not compound[index]):
            chars[index] = "V"
    _nouns_after_articles(chars, words, tagger)
    _person_names(tags, chars, words, tagger)
    return "".join(chars).replace("S", "N")


def _nouns_after_articles(chars: list[str], words: list[str], tagger: EnglishTagger) -> None:
    """A noun/verb homograph after an article and its modifiers is the noun: no finite
    verb follows "the", "a" or "the" with adjectives and participles ("a staging
    ground", "the trilateral format this year"), though "the troops left" keeps it."""
    for match in _VERB.finditer("".join(chars), 1):
        index = match.start()
        before = index - 1
        while before > 0 and chars[before] in "AG" and index - before <= _MODIFIERS_AFTER_ARTICLE:
            before -= 1
        if words[before].lower() in _INDEFINITE_OR_DEFINITE and tagger.noun(words[index].lower()):
            chars[index] = "N"


def spans(tags: str, units: Units, lexical: Callable[[str], str] | None = None) -> Iterator[Span]:
    """Every candidate occurrence: maximal phrases and the sub-phrases nested in them."""
    words = units.words
    for match in _NP.finditer(tags):
        start, end = match.start(), match.end() - 1
        of = tags.find("O", start, end)
        if (
            of > start
            and tags[of + 1 : of + 2] in ("Z", "T", "P", "X")
            and (words[start][:1].islower() and words[end].lower() not in ORGANIZATION_WORDS)
        ):
            # A common noun with a named complement: the complement is split off unless
            # it names an organisation ("members of the Security Council"): a place or
            # a treaty is a qualifier ("annexation of | ...", "arsenals of | ...").
            yield from _phrase_spans(tags, start, of - 1)
            complement = of + 2 if tags[of + 1] == "Z" else of + 1
            if complement <= end:
                yield from _phrase_spans(tags, complement, end)
            continue
        yield from _phrase_spans(tags, start, end)
    for match in _NP.finditer(tags):
        start, end = match.start(), match.end() - 1
        while start < end and tags[start] == "M":
            start += 1
        for title in range(start + 2, end + 1):
            if tags[title] not in "TPX":
                break
            if words[title].lower() in TITLE_WORDS:
                # "Federation Council | Speaker": the organisation before a title word.
                yield (start, title - 1, -1, "n")
                break
    yield from _demonym_names(tags, words)
    yield from _possessor_titles(tags, words)
    yield from _named_of(tags)
    titles = list(_titles_for(tags, units))
    yield from titles
    seen = {(a, b) for a, b, _skip, _rule in titles}
    names = _long_names(tags, units, lexical or (lambda _word: "N"))
    yield from (span for span in names if span[:2] not in seen)
    yield from _coordinations(tags, units)
    yield from _prepositional(tags, units)
    compound = units.compound
    for index, tag in enumerate(tags):
        if compound[index] and tag in "NVGS":  # not adjectives: "non-permanent" alone
            yield (index, index, -1, "h")


def _demonym_names(tags: str, words: list[str]) -> Iterator[Span]:
    """A demonym before a name is part of it ("European Security Treaty"); before a title
    it is the holder's nationality ("Russian | Foreign Minister")."""
    for match in _DEMONYM_NAME.finditer(tags):
        if words[match.end() - 1].lower() not in TITLE_WORDS:
            yield (match.start(), match.end() - 1, -1, "n")


def _possessor_titles(tags: str, words: list[str]) -> Iterator[Span]:
    """A title in the possessive inside a name is a title of its own too: "G7 Foreign
    Ministers" in "G7 Foreign Ministers' Statement"."""
    joined = " ".join(words)
    if "\u2019" not in joined and "'" not in joined:
        return
    for index, word in enumerate(words):
        if tags[index] == "D" or not word[:1].isupper():
            continue
        possessive = _POSSESSIVE.match(word) if "\u2019" in word or "'" in word else None
        if not possessive:
            continue
        base = possessive.group(1).lower()
        if base not in TITLE_WORDS and base[:-1] not in TITLE_WORDS:
            continue
        start = index
        while start > 0 and tags[start - 1] in "TPXMAJN" and words[start - 1][:1].isupper():
            start -= 1
        if start < index:
            yield (start, index, -1, "n")


def _prepositional(tags: str, units: Units) -> Iterator[Span]:
    """A noun with one prepositional complement of common words ("threats to
    international peace and security", "obligations under international law"); a
    named complement is a qualifier ("talks in | Geneva")."""
    words = units.words
    phrases = {m.start(): m.end() - 1 for m in _NP.finditer(tags)}
    for end in phrases.values():
        prep = end + 1
        if tags[end] != "N" or tags[prep : prep + 1] not in ("I", "W"):
            continue
        if words[prep].lower() not in _TERM_PREPOSITIONS or prep + 1 not in phrases:
            continue
        last = phrases[prep + 1]
        if tags[last + 1 : last + 3] == "CN" and tags[last + 3 : last + 4] not in ("N", "J"):
            last += 2  # "... peace and security"
        complement = words[prep + 1 : last + 1]
        if "O" in tags[prep + 1 : last + 2] or not all(w.islower() for w in complement):
            continue  # "on behalf | of": a complex preposition, not a complement
        if last - end <= _MAX_COMPLEMENT:
            yield (end, last, -1, "r")


def _titles_for(tags: str, units: Units) -> Iterator[Span]:
    """A title with its remit after "for" is one name ("Under Secretary for Political
    Affairs", "Commissioner for Human Rights"): capitalised on both sides of the "for"."""
    words = units.words
    for match in _TITLE_FOR.finditer(tags):
        title = match.start()
        if words[title].lower() not in TITLE_WORDS or words[title + 1] != "for":
            continue
        start = title
        while start > 0 and tags[start - 1] in "TPX":
            start -= 1
        if start > 0 and tags[start - 1] == "I" and words[start - 1][:1].isupper():
            start -= 1  # "Under Secretary"
        if not units.initial[start] or start < title:
            # Without a person's name after the remit: "... for Yemen | Hans Grundberg".
            yield (start, _without_person(tags, title + 1, match.end() - 1), -1, "w")


def _long_names(tags: str, units: Units, lexical: Callable[[str], str]) -> Iterator[Span]:
    """Capitalised names joined by "for", "on" or "and" ("Agency for Medicinal Products
    and Medical Devices", "Paris Conference on Libya", "Bureau of East Asian and Pacific
    Affairs"): capitalised common words on both sides of an "and" are inside one name
    ("Russia and China" are two), and a name after "for"/"on" is its remit."""
    words = units.words
    n = len(tags)
    for match in _LONG_NAME.finditer(tags):
        start = match.start()
        if start and tags[start - 1] == "I":
            if not words[start - 1][:1].isupper():
                continue  # a remit after "for", not a name's start
            start -= 1  # "Under Secretary of State for ..."
        end, joined, remit = start, False, False
        while True:
            while end + 1 < n and tags[end + 1] in "TPXM":
                end += 1
            after = _name_continues(tags, words, end, remit)
            if after < 0:
                break
            if tags[end + 1] == "C" and not remit and lexical(words[end].lower()) not in "AM":
                # Before any "of"/"for"/"on", an "and" after a noun joins two names:
                # "Safeguards Agreement | and | Additional Protocol"; after a modifier
                # it shares the head ("Foreign and Security Policy Committee").
                break
            remit = remit or tags[end + 1] in "OI"
            joined = joined or tags[end + 1] != "O"
            end = after
        if joined and "T" in tags[start : end + 1]:
            yield (start, _without_person(tags, start, end), -1, NAME_RULE)


#: Where :func:`_long_names` may find one: a capitalised chain, a connector, capitals.
_LONG_NAME = re.compile(r"(?<![TPXM])[TPX][TPXM]*(?=(?:OZ?|IZ?|C)[TPXM])")
#: The rule code of :func:`_long_names` (a phrase; "w" would make its parts no terms).
NAME_RULE = "n"
#: Prepositions that join a name to its remit.
_NAME_PREPOSITIONS = word_set("for on")


def _name_continues(tags: str, words: list[str], end: int, remit: bool = False) -> int:
    """Where a capitalised name ending at ``end`` goes on after a connector, or -1; within
    a remit, "in" and a place go on too ("... for Security and Co-operation in Europe")."""
    k = end + 1
    if k + 1 >= len(tags):
        return -1
    connector = tags[k]
    if connector == "O" or (
        connector == "I" and (words[k] in _NAME_PREPOSITIONS or (remit and words[k] == "in"))
    ):
        m = k + 2 if tags[k + 1] == "Z" else k + 1
        name = "P" if words[k] == "in" else "TPXM"  # "in Europe", not "in May"
        return m if m < len(tags) and tags[m] in name else -1
    if connector == "C" and tags[end] in "TM" and tags[k + 1] in "TM":
        return k + 1
    return -1


def _without_person(tags: str, start: int, end: int) -> int:
    """The end of a name without a person's name after it ("... for Yemen | Hans
    Grundberg", "... Affairs | Jung Pak")."""
    name = end
    while name > start and tags[name] == "P":
        name -= 1
    if end - name >= _PLACE_AND_PERSON - 1 and tags[name] in "TX":
        return name  # a title, then a person
    if end - name >= _PLACE_AND_PERSON and tags[name] in "OIZ":
        return name + 1  # a place, then a person
    return end


def _named_of(tags: str) -> Iterator[Span]:
    """Capitalised names and titles with inner "of"s ("Director of the Federal Security
    Service"), without a person's name after them."""
    for match in _NAMED_OF.finditer(tags):
        start, end = match.start(), match.end() - 1
        # A person's name after the title is not part of it: "... Service | Alexander
        # Bortnikov"; one capitalised word after a common one is the name's own
        # ("Republic of South Sudan").
        name = end
        while name > start and tags[name] in "PM":
            name -= 1
        if end - name >= _PERSON_WORDS and tags[name] in "TX":
            end = name  # a middle initial counts: "State | Ivo K. Marek"
        elif name < end and tags[name] in "OZ" and end - name >= _PLACE_AND_PERSON:
            end = name + 1
        if "Z" in tags[start : end + 1] or tags[start] == "T":
            yield (start, end, -1, "n")
            # A name with its own "of" after an "of the" inside a longer one:
            # "Chancellor of the | Federal Republic of Germany".
            for inner in range(start + 2, end):
                if tags[inner - 1] == "Z" and tags[inner] == "T" and "O" in tags[inner:end]:
                    yield (inner, end, -1, "n")
                    break


def _coordinated_modified(tags: str) -> Iterator[Span]:
    """A noun phrase and a modified noun, each its own head: "sovereignty and
    territorial integrity", "human rights and fundamental freedoms"."""
    for match in _COORD_MODIFIED_RIGHT.finditer(tags):
        c = match.start()
        first = c - 1
        while first > 0 and tags[first - 1] in "NJ" and c - first < _MAX_COORDINATED:
            first -= 1
        if first == 0 or tags[first - 1] not in "AGRMX":
            yield (first, c + 2, -1, "c")


def _coordinations(tags: str, units: Units) -> Iterator[Span]:
    """Coordinated nouns ("allies and partners"), also with a shared adjective, and
    coordinated adjectives sharing a head."""
    for match in _COORD.finditer(tags):
        c = match.start()
        right = match.end()  # the second noun
        if match.group(1):
            # "through diplomacy and through dialogue": the same preposition twice.
            if (
                c - 2 >= 0
                and tags[c - 2] in "IW"
                and units.words[c - 2].lower() == units.words[c + 1].lower()
            ):
                yield (c - 1, right, c + 1, "c")
            continue
        if c - 2 >= 0 and tags[c - 2] in "NJ":
            # "security guarantees and ...": not two bare nouns; but one adjective may
            # be shared ("international peace and security").
            first = c - 2
            if tags[first] == "J" and (first == 0 or tags[first - 1] not in "AJNRGMX"):
                yield (first, right, -1, "s")
            continue
        yield (c - 1, right, -1, "c")
        first = c - 1
        while first > 0 and tags[first - 1] in "AJ":
            first -= 1
        if first < c - 1 and (first == 0 or tags[first - 1] not in "NRGMX"):
            yield (first, right, -1, "s")  # "new challenges and threats"
    for match in _COORD_MODIFIERS.finditer(tags):
        yield (match.start(), match.end() - 1, -1, "c")
    yield from _coordinated_modified(tags)
    words = units.words
    for match in _MODIFIER_AND.finditer(tags):
        index = match.start()
        if words[index][-1] in "-\u2010\u2011":
            # "intermediate- and shorter-range missiles": the halves share a head.
            phrase = _NP.match(tags, index + 2)
            if phrase:
                yield (index, phrase.end() - 1, -1, "c")


def _phrase_spans(tags: str, start: int, end: int) -> Iterator[Span]:  # noqa: C901 - the nested sub-phrases of one phrase, one case per shape
    if all(t == "P" for t in tags[start : end + 1]):
        if start > 0 and tags[start - 1] in "OZ" and end - start + 1 >= _PLACE_AND_PERSON:
            yield (start, start, -1, "n")  # "of Russia | Vladimir Putin"
            start += 1
        yield (start, end, -1, "n")  # a name: "Sergey Lavrov", not "Lavrov" inside it
        return
    # Split a capitalised chain where a title meets a name: "Foreign Minister | Sergey Lavrov".
    # So is an apposition: "its neighbor | Ukraine".
    for split in range(start + 1, end + 1):
        if (
            tags[split] in "PM"
            and tags[split - 1] in "TXMNJ"
            and tags[end] == "P"
            and all(t in "PM" for t in tags[split : end + 1])
            and (tags[split] == "P" or tags[split - 1] != "M")
            and not (split == end and split - 2 >= start and tags[split - 2] in "OZ")
        ):
            # ... but one name after "of" and one capitalised word is a place's name:
            # "Republic of South Sudan", not "Republic of South | Sudan".
            yield from _phrase_spans(tags, start, split - 1)
            yield from _phrase_spans(tags, split, end)
            return
    chain = tags[start : end + 1]
    last_of = chain.rfind("O")
    if (
        last_of > 0
        and end - (start + last_of) >= _PLACE_AND_PERSON
        and all(t == "P" for t in chain[last_of + 1 :])
    ):
        # "President of Russia | Vladimir Putin": a title of a place, then a person.
        yield from _phrase_spans(tags, start, start + last_of + 1)
        yield from _phrase_spans(tags, start + last_of + 2, end)
        return
    if "T" in chain and all(t in "TPXMO" for t in chain):
        # A capitalised chain is one name or title: no fragments ("Treaty Organization"),
        # but a leading nationality or country qualifier is not part of the title:
        # "Russian Foreign Minister" → "Foreign Minister", "U.S. Secretary of State".
        first = start
        while first < end and tags[first] in "MX":
            first += 1
        if tags[first] == "T" and (first == start or end - first >= 1):
            yield (first, end, -1, "n")
            # A leading acronym may be the name's own ("UN Security Council", "OSCE
            # Permanent Council"): the longer chain is counted too, ranking decides.
            if first > start and tags[first - 1] == "X":
                lead = first - 1
                while lead > start and tags[lead - 1] == "X":
                    lead -= 1
                yield (lead, end, -1, "n")
            return
        yield (start, end, -1, "n")
        return
    of = tags.find("O", start, end + 1)
    # A capitalised run before common nouns is a name of its own: "Warsaw Pact | states".
    for split in range(start + 1, end + 1):
        if tags[split] in "NJ" and tags[split - 1] in "PT" and (of < 0 or split < of):
            run = split - 1
            while run > start and tags[run - 1] in "PTXM":
                run -= 1
            if split - run >= 1 and (run == start or tags[run - 1] not in "PTXM"):
                yield from _suffixes(tags, run, split - 1, split - 1)
            break
    if of < 0:
        yield from _suffixes(tags, start, end, end)
        yield from _compound_modifiers(tags, start, end)
        return
    # "sphere of influence": the whole, the head phrase, the complement phrase.
    yield from _suffixes(tags, start, of - 1, end)
    yield from _suffixes(tags, start, of - 1, of - 1)
    complement = of + 2 if tags[of + 1 : of + 2] == "Z" else of + 1
    if complement <= end and all(t in "TPXM" for t in tags[complement : end + 1]):
        yield from _phrase_spans(tags, complement, end)  # a name: whole, no fragments
        return
    yield from _suffixes(tags, complement, end, end)


def _compound_modifiers(tags: str, start: int, head: int) -> Iterator[Span]:
    """Noun compounds inside the modifiers: "arms control" in "arms control talks"."""
    for e in range(start + 1, head):
        if tags[e] != "N" or tags[e - 1] not in "NJA":
            continue
        s = e - 1
        if s > start and tags[s - 1] == "R":
            continue
        yield (s, e, -1, "n")


def _suffixes(tags: str, start: int, head: int, end: int) -> Iterator[Span]:
    """Sub-phrases that keep the head: drop modifiers from the left, never an adverb's word."""
    lowest = max(start, head - 5)
    for s in range(lowest, head + 1):
        if s > start and tags[s - 1] == "R":
            continue
        if tags[s] == "R" and s == head:
            continue
        if tags[s] == "G" and s == start and s < head and tags[s + 1] not in "NJ":
            continue
        yield (s, end, -1, "n")


class EnglishRules:
    """English candidate rules behind :class:`glossary.extract.candidates.CandidateRules`."""

    #: Adjective, participle, adjective-or-noun, adverb, acronym, demonym, and "of"
    #: ("risk of | military incidents"): what follows one stands on its own.
    free_modifiers = "AGJRXMO"
    proper = "PTXM"

    def __init__(self, tagger: EnglishTagger) -> None:
        self.tagger = tagger

    def tag(self, units: Units) -> str:
        return classes(units, self.tagger)

    def spans(self, tags: str, units: Units) -> Iterator[tuple[int, int, int, int, str]]:
        for a, b, skip, rule in spans(tags, units, self.tagger.lexical):
            yield (a, b, skip, -1, rule)
