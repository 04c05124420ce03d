"""Russian candidate rules over pymorphy3 analyses.

Each unit gets one class character (adjective or participle, noun, name,
acronym, adverb, preposition, conjunction, other), with a separate letter when
the word can be genitive; a regular expression finds phrase skeletons
(adjective/participle + noun + genitive dependents: "юридически обязывающие
гарантии безопасности", "Постоянный совет ОБСЕ"), and agreement in case, number
and gender is then checked on each skeleton, trimming modifiers that do not
agree. Every sub-phrase that keeps its head is a candidate too, so nested terms
("гарантии безопасности") are counted; their canonical form is made later by
:mod:`glossary.text.ru`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from glossary.extract.units import QUOTE_CLOSES, QUOTE_OPENS, SUFFIXED, Units, word_set
from glossary.text.morph_ru import RussianMorphology
from glossary.text.normalize import is_acronym
from glossary.text.ru.grammar import CASE_ALIASES, COMPOUND_PREPOSITIONS
from glossary.text.ru.phrase import likely_adjective

__all__ = ["RussianTagger", "Span", "acronym_of", "spans"]

#: (first unit, last unit, head unit, rule); the head is -1 for coordinations.
Span = tuple[int, int, int, str]
Features = frozenset[tuple[str, str, str | None]]

_STOP_NOUNS = word_set(
    "год неделя месяц день время раз час минута утро вечер ночь понедельник вторник среда "
    "четверг пятница суббота воскресенье январь февраль март апрель май июнь июль август "
    "сентябрь октябрь ноябрь декабрь источник редактор фото слово словам"
)
#: Adjectives that point rather than describe (like English "next", "last").
_DETERMINER_ADJECTIVES = word_set(
    "следующий очередной данный последний настоящий нынешний другой каждый весь прошлый "
    "будущий текущий предстоящий ближайший целый самый такой иной любой некоторый "
    "дальнейший"
)

# Premodifiers (an adverb only before an adjective/participle), a noun head,
# up to two genitive dependents (each optionally with its own adjectives).
_NP = re.compile(r"(?:R?[ABEF])*[NGXL](?:[BF]*[GXL]){0,4}|P+")
# A noun with one prepositional complement: "контроль над вооружениями",
# "невмешательство во внутренние дела", "инспекции на местах".
_PP = re.compile(r"(?<=[NG])I[ABEF]{0,2}[NGXL]")
#: Longest phrase counted (longer chains are rarely listed as they stand).
_MAX_WORDS = 5
#: Longest name in guillemets taken whole.
_MAX_QUOTED = 4
_TERM_PREPOSITIONS = word_set("над о об по в во на между против с со")
_COORD = re.compile(r"(?<=[NGXL])C(?=[NGXL])")
#: Coordinated adjectives sharing one head: "равная и неделимая безопасность".
_COORD_MODIFIERS = re.compile(r"(?<![ABEFR])[AB]C[AB]{1,2}[NG]")
#: A Roman numeral ("XXI век", "II съезд"): Latin capitals that spell a number.
_ROMAN = re.compile(r"^(?=.)X{0,3}(?:IX|IV|V?I{0,3})$")
#: Initials: capital letters each followed by a full stop ("В.В.", "С. И.").
_INITIALS = re.compile(r"^(?:[А-ЯЁ]\.){1,3}$|^(?:[А-ЯЁ]\.[А-ЯЁ])$")
#: Endings of adverbs made from adjectives (-о, -е, -ски, -ически).
_ADJECTIVAL_ADVERB = ("о", "е", "и")
#: Verbs rarer than this (Zipf scale) are candidates on their own.
RARE_VERB_ZIPF = 2.0
#: The suffix of verbs coined from borrowed roots (деэскалировать, денуклеаризировать,
#: ратифицировать): the only rare verbs that are terms. Other rare verbs are colloquial
#: prefixed formations (поруководить, недоработать) or reflexives (культивироваться).
LOAN_VERB_SUFFIX = "ировать"
#: A comparative used at least this often (Zipf) makes its adjective gradable, that is
#: evaluative (серьёзнее 2.7, крупнее 3.6; военнее, ядернее: never).
GRADABLE_ZIPF = 2.5
#: Adjectives of a number and a unit of time ("двухчасовая встреча", "трёхдневный визит").
_TIME_MEASURE = re.compile(
    r"^(?:одно|двух|трёх|трех|четырёх|четырех|пяти|шести|семи|восьми|девяти|десяти|"
    r"полу|полутора|много|несколько)-?(?:часов|минутн|дневн|суточн|недельн|месячн|"
    r"годичн|летн)"
)
#: A demonym is made from a place everybody knows: its Zipf frequency is at least this
#: (Россия 5.5, Катар 3.4); an obscure village whose name looks like an adjective's stem
#: («Банкова» for «банковский») makes no demonym.
MIN_PLACE_ZIPF = 2.5


#: An acronym with a case ending ("МИДа", "МИДом"), written in lower case after it.
_INFLECTED_ACRONYM = re.compile(r"^([А-ЯЁ]{2,})-?(?:а|у|ом|е|ы|ов|ам|ами|ах)$")


def acronym_of(word: str) -> str:
    """The acronym of a declined acronym ("МИДа" → "МИД"), or ``word`` itself."""
    match = _INFLECTED_ACRONYM.match(word)
    return match.group(1) if match and is_acronym(match.group(1)) else word


class RussianTagger:
    """Word → (class character, agreement features), memoised per spelling."""

    def __init__(self, morph: RussianMorphology | None = None) -> None:
        self.morph = morph or RussianMorphology.shared()
        self._cache: dict[str, tuple[str, Features]] = {}
        #: Words read as nouns that can also be adjectives, with that reading.
        self.adjective_reading: dict[str, tuple[str, Features]] = {}
        self._inanimate: dict[str, bool] = {}

    @staticmethod
    def rare_verb(lemma: str) -> bool:
        """A verb unusual in general language (Zipf below 2) coined from a borrowed root
        (-ировать, not reflexive): "деэскалировать"."""
        if not lemma.endswith(LOAN_VERB_SUFFIX):
            return False
        from wordfreq import zipf_frequency

        return zipf_frequency(lemma, "ru") < RARE_VERB_ZIPF

    def _demonym(self, lemma: str) -> bool:
        """An adjective made from a place name (российский ← Россия, киевский ← Киев)."""
        from wordfreq import zipf_frequency

        for place in _geo_stems(lemma):
            parses = self.morph.parses(place)
            if any("Geox" in p.tag and p.normal_form == place for p in parses) and (
                zipf_frequency(place, "ru") >= MIN_PLACE_ZIPF
            ):
                return True
        return False

    @staticmethod
    def _describes(lemma: str) -> bool:
        """A temporal adjective of a number and a unit of time ("двухчасовая | встреча",
        "трёхдневный | визит"): it describes the event, it is no part of its name, so no
        phrase starts with it (the phrase is kept as a form seen)."""
        return bool(_TIME_MEASURE.match(lemma))

    def gradable(self, word: str) -> bool:
        """An evaluative adjective is gradable: its synthetic comparative or a short form
        is in use (серьёзнее, крупнее, возможен: Zipf ≥ :data:`GRADABLE_ZIPF`);
        relational adjectives (военный, ядерный, стратегический) have none in use.
        Cached per lexeme for the process: a lexeme's forms share the answer."""
        parses = [p for p in self.morph.parses(word) if p.tag.POS in ("ADJF", "PRTF")]
        if not parses:
            return False
        parse = parses[0]
        lexeme = (str(parse.normal_form), str(parse.tag.POS))
        found = _GRADABLE.get(lexeme)
        if found is None:
            found = _gradable(parse)
            _GRADABLE[lexeme] = found
        return found

    def names_thing(self, modifier: str, head: str) -> bool:
        """Whether a nationality ``modifier`` names a thing or an event with ``head``
        ("украинский кризис", "российская делегация"): the head's best noun reading is
        inanimate, not a person ("российский | министр", "греческие | фермеры"), and the
        modifier is no duration ("трёхдневный | визит")."""
        found = self._inanimate.get(head)
        if found is None:
            nouns = [p for p in self.morph.parses(head) if p.tag.POS == "NOUN"]
            found = bool(nouns) and "inan" in nouns[0].tag
            self._inanimate[head] = found
        return found and not self._describes(self.morph.lemma(modifier.lower()))

    def first_name(self, word: str) -> bool:
        """Whether the likeliest reading of ``word`` is a first name (pymorphy3's Name)."""
        parses = self.morph.parses(word)
        return bool(parses) and "Name" in parses[0].tag

    def known(self, word: str) -> bool:
        """Whether the dictionary lists ``word`` (rather than guessing from its ending)."""
        parses = self.morph.parses(word)
        return bool(parses) and bool(parses[0].is_known)

    def word(self, word: str) -> tuple[str, Features]:
        found = self._cache.get(word)
        if found is None:
            found = self._classify(word)
            self._cache[word] = found
        return found

    def _classify(self, word: str) -> tuple[str, Features]:  # noqa: C901 - one case per word class, in the order pymorphy3's readings are tested
        if not word[:1].isalpha():
            return "D", frozenset()
        if _ROMAN.match(word):
            return "D", frozenset()  # "XXI века": a number, no acronym
        if is_acronym(word):
            return "X", frozenset()
        if acronym_of(word) != word:
            # A declined acronym agrees like a noun: "главы японского | МИДа".
            nouns = [p for p in self.morph.parses(word) if p.tag.POS == "NOUN"]
            return "X", _features(nouns)
        if word.isascii():
            return "D", frozenset()
        parses = self.morph.parses(word)
        if not parses:
            return "D", frozenset()
        top = parses[0]
        pos = top.tag.POS
        if pos == "PREP":
            return "I", frozenset()
        if pos == "CONJ" and word.lower() in ("и", "или"):
            return "C", frozenset()
        if pos == "ADVB":
            # Only an adverb made from an adjective (юридически, взаимно, крайне) can
            # modify an adjective inside a term; "тогда", "сегодня", "очень" cannot.
            return ("R" if word.lower().endswith(_ADJECTIVAL_ADVERB) else "D"), frozenset()
        # Consider the parses within reach of the best one, so rare readings do not glue
        # verbs into phrases (e.g. "дел" as a verb).
        cutoff = float(top.score) * 0.3
        nouns = [p for p in parses if p.tag.POS == "NOUN" and p.score >= cutoff]
        # Agreement features come from every adjective reading (gender is often split
        # between readings: постоянного is masculine or neuter). Ordinals are adjectives
        # too: "третий тур", "Первое главное управление".
        adjectives = [p for p in parses if p.tag.POS in ("ADJF", "PRTF") and "Apro" not in p.tag]
        if pos == "NOUN" or (nouns and pos not in ("ADJF", "PRTF")):
            if top.normal_form in _STOP_NOUNS:
                return "D", frozenset()
            if any(g in top.tag for g in ("Name", "Surn", "Patr")):
                return "P", frozenset()
            # Agreement may use any noun reading ("во внутренние дела": accusative plural).
            features = _features([p for p in parses if p.tag.POS == "NOUN"])
            if "Geox" in top.tag:
                return "L", features  # a place: a qualifier, not part of a term
            likely = adjectives if likely_adjective(parses) else []
            if likely:
                # "военный" is a noun (a serviceman) or an adjective: the next word decides
                # (a reading far less likely than the noun's is none: «главой»).
                adjective = _features(likely)
                self.adjective_reading[word] = (
                    ("B" if any(f[0] == "gent" for f in adjective) else "A"),
                    adjective,
                )
            return ("G" if any(f[0] == "gent" for f in features) else "N"), features
        if adjectives and pos in ("ADJF", "PRTF"):
            if top.normal_form in _DETERMINER_ADJECTIVES:
                return "D", frozenset()
            features = _features(adjectives)
            genitive = any(f[0] == "gent" for f in features)
            lemma = str(top.normal_form)
            if word[:1].islower() and (self._describes(lemma) or self._demonym(lemma)):
                # "российский министр" → "министр": a nationality qualifies, as in
                # "Russian Foreign Minister", so no phrase starts with it (E, F); inside
                # one it stays ("архитектура евразийской безопасности"). Capitalised
                # mid-sentence it is part of a name ("Шестидневная война").
                return ("F" if genitive else "E"), features
            return ("B" if genitive else "A"), features
        if pos in ("INFN", "VERB") and self.rare_verb(str(top.normal_form)):
            return "Y", frozenset()  # "деэскалировать": a rare verb is a term of its own
        if pos == "VERB":
            # A finite verb (see _dependent_groups), with the number and gender its
            # subject must have ("государства | прибыл" is no subject and its verb).
            return "V", frozenset(
                ("verb", str(p.tag.number or "sing"), str(p.tag.gender) if p.tag.gender else None)
                for p in parses
                if p.tag.POS == "VERB"
            )
        return "D", frozenset()


#: Gradability per lexeme (lemma, part of speech), for the whole process.
_GRADABLE: dict[tuple[str, str], bool] = {}


def _gradable(parse: Any) -> bool:
    from wordfreq import zipf_frequency

    short = "ADJS" if parse.tag.POS == "ADJF" else "PRTS"
    wanted = [{"COMP"}] if short == "ADJS" else []
    wanted += [{short, gender} for gender in ("masc", "femn", "plur")]
    for grammemes in wanted:  # the comparative first: one inflection often settles it
        form = parse.inflect(grammemes)
        if form is not None and zipf_frequency(form.word, "ru") >= GRADABLE_ZIPF:
            return True
    return False


def _geo_stems(lemma: str) -> Iterator[str]:
    for suffix in ("ийский", "ский", "цкий"):
        if lemma.endswith(suffix):
            stem = lemma[: -len(suffix)]
            yield from (stem + "ия", stem + "а", stem, stem + "ь", stem[:-1] + "а", stem + "я")
            if stem.endswith("ан"):
                yield stem[:-1]  # американский ← Америка, африканский ← Африка


def _features(parses: list[Any]) -> Features:
    result = set()
    for p in parses:
        number = str(p.tag.number or "sing")
        case = str(p.tag.case)
        case = CASE_ALIASES.get(case, case)
        gender = str(p.tag.gender) if number == "sing" and p.tag.gender else None
        result.add((case, number, gender))
        if "Fixd" in p.tag or "Pltm" in p.tag:
            # Indeclinables and pluralia tantum agree in whatever their parses allow.
            pass
    return frozenset(result)


def _agree(a: Features, b: Features) -> Features:
    """The readings of ``a`` that some reading of ``b`` shares."""
    return frozenset(
        x
        for x in a
        for y in b
        if x[0] == y[0] and x[1] == y[1] and (x[2] is None or y[2] is None or x[2] == y[2])
    )


def classes(units: Units, tagger: RussianTagger) -> tuple[str, list[Features]]:
    tags = []
    features: list[Features] = []
    word = tagger.word
    for w, f, initial in zip(units.words, units.first, units.initial, strict=True):
        if f < 0:
            tags.append("|")
            features.append(frozenset())
        elif _INITIALS.match(w):
            # "В.В." beside a surname: a person's initials, never a candidate nor glued
            # to a neighbouring phrase (they look like an acronym).
            tags.append("D")
            features.append(frozenset())
        else:
            suffixed = SUFFIXED.match(w) if w[-1:].isdigit() else None
            # "поток — 2", "СНВ-3": the name part decides the class.
            tag, feats = word(suffixed.group(1) if suffixed else w)
            if initial and tag in "AB" and tagger.word(w.lower())[0] in "EF":
                tag = "E" if tag == "A" else "F"  # "Российская сторона" at a sentence start
            tags.append(tag)
            features.append(feats)
    _first_names(tags, units, tagger)
    _compound_prepositions(tags, units)
    readings = tagger.adjective_reading
    if readings:
        words = units.words
        for index in [i for i, w in enumerate(words) if w in readings]:
            if index + 1 < len(tags) and tags[index + 1] in "NGXL":
                tag, adjective = readings[words[index]]
                if _agree(adjective, features[index + 1]):
                    tags[index] = tag
                    features[index] = adjective
    return "".join(tags), features


def _compound_prepositions(tags: list[str], units: Units) -> None:
    """The noun of a compound preposition («в связи с», «в отношении») is a preposition."""
    words = units.words
    for index in range(1, len(tags)):
        if (
            tags[index] in "NG"
            and tags[index - 1] == "I"
            and (words[index - 1].lower(), words[index].lower()) in COMPOUND_PREPOSITIONS
        ):
            tags[index] = "I"


def _first_names(tags: list[str], units: Units, tagger: RussianTagger) -> None:
    """A capitalised word the dictionary lacks, inside a sentence right before a person's
    name, or before another such word, is a first name ("президента Австрии Хайнца
    Фишера"), not a genitive; a known noun stays what it is ("Президент Буш")."""
    words, initial = units.words, units.initial

    def unknown(i: int) -> bool:
        return (
            tags[i] in "NG"
            and words[i][:1].isupper()
            and not initial[i]
            and not words[i].isupper()
            and not tagger.known(words[i])
        )

    for index in range(len(tags) - 2, -1, -1):
        if unknown(index) and (tags[index + 1] == "P" or unknown(index + 1)):
            # Two such words together are a first name and a surname ("Саеб Эрекат").
            tags[index] = tags[index + 1] = "P"
    for index in range(len(tags) - 1):
        after = index + 1
        if (
            tags[index] == "P"
            and tags[after] in "NG"
            and words[after][:1].isupper()
            and not words[after].isupper()
            and not initial[after]
            and tagger.first_name(words[index])
        ):
            # A capitalised noun right after a first name is its surname, whatever the
            # dictionary guesses for it ("Кристин Вормут", "Джефф Раттке").
            tags[after] = "P"


def spans(
    tags: str,
    features: list[Features],
    units: Units,
    names_thing: Callable[[str, str], bool] = lambda _modifier, _head: False,
) -> Iterator[Span]:
    """Candidate spans; ``names_thing`` tells whether a nationality starts a phrase
    with a head ("украинский кризис"; not "российский | министр")."""
    for match in _NP.finditer(tags):
        start, end = match.start(), match.end() - 1
        if tags[start] == "P":
            yield (start, end, end, "p")
            continue
        head = start
        while tags[head] not in "NGXL":
            head += 1
        if tags[head] == "L" and head < end:
            # A place takes no genitive of its own ("Украина | натовских контингентов"
            # is a place, then the object of the next words): what follows is a phrase.
            yield from _phrase(tags, features, start, head, head, units, names_thing)
            start = head + 1
            head = start
            while head < end and tags[head] not in "NGX":
                head += 1
            if tags[head] not in "NGX":
                continue
        yield from _phrase(tags, features, start, head, end, units, names_thing)
    yield from _prepositional(tags, features, units)
    if units.quotes:
        yield from _quoted_names(tags, units)
    yield from _coordinations(tags, features, units)
    for index, tag in enumerate(tags):
        if tag == "Y":
            yield (index, index, index, "v")


def _quoted_names(tags: str, units: Units) -> Iterator[Span]:
    """A name in guillemets: a capitalised noun and up to :data:`_MAX_QUOTED` words
    with no verb, all inside one pair («Группа семи», «Северный поток — 2»); a quoted
    sentence is no name."""
    quotes, words = units.quotes, units.words
    for start, mark in enumerate(quotes):
        if not mark & QUOTE_OPENS or tags[start] not in "NG" or not words[start][:1].isupper():
            continue
        for end in range(start, min(start + _MAX_QUOTED, len(tags))):
            if tags[end] in "|VY":
                break
            if quotes[end] & QUOTE_CLOSES:
                if end > start:
                    yield (start, end, start, "n")
                break


def _prepositional(tags: str, features: list[Features], units: Units) -> Iterator[Span]:
    """A noun with one prepositional complement ("контроль над вооружениями")."""
    words = units.words
    for match in _PP.finditer(tags):
        prep, noun = match.start(), match.end() - 1
        if words[prep].lower() not in _TERM_PREPOSITIONS:
            continue
        named = words[prep - 1][:1].isupper() and not units.initial[prep - 1]
        # A place after a preposition of location qualifies a common noun ("переговоры |
        # в Вене"); after «против» it is the action's target ("санкции против России").
        if tags[noun] == "L" and not named and words[prep].lower() != "против":
            continue  # a place qualifies a common noun; a name keeps it: "Договор об Антарктике"
        if any(not _agree(features[noun], features[m]) for m in range(prep + 1, noun)):
            continue
        yield (prep - 1, noun, prep - 1, "r")


def _coordinations(tags: str, features: list[Features], units: Units) -> Iterator[Span]:
    """Coordinated nouns ("дипломатия и диалог"), also sharing a modifier ("новые вызовы
    и угрозы") or a genitive dependent ("нормы и принципы международного права"), and
    coordinated adjectives sharing a head ("равная и неделимая безопасность"). Two
    names joined ("ЕС и НАТО", "Россия и Китай") are two candidates, not one."""
    words, initial = units.words, units.initial
    for match in _COORD.finditer(tags):
        c = match.start()
        left, right = c - 1, c + 1
        if all(
            tags[i] in "XLP" or (words[i][:1].isupper() and not initial[i]) for i in (left, right)
        ):
            continue
        cases_left = {f[0] for f in features[left]}
        cases_right = {f[0] for f in features[right]}
        if not (cases_left & cases_right or "X" in (tags[left], tags[right])):
            continue  # conjuncts share a case, not a gender: "дипломатию и диалог"
        after = tags[right + 1 : right + 2]
        if after in ("G", "X", "B"):
            # A genitive after the second noun depends on both when the two share their
            # readings ("нормы и принципы | международного права").
            end = _genitive_end(tags, features, right + 1)
            if end > right and _agree(features[left], features[right]):
                yield (left, end, -1, "c")
            continue
        if after in ("N", "E", "F"):
            continue  # the right conjunct goes on: not two bare nouns
        yield (left, right, -1, "c")
        first = left
        while first > 0 and tags[first - 1] in "AB" and _agree(features[first - 1], features[left]):
            first -= 1
        if first < left and all(_agree(features[m], features[right]) for m in range(first, left)):
            yield (first, right, -1, "c")  # the modifier is shared: "новые вызовы и угрозы"
    for match in _COORD_MODIFIERS.finditer(tags):
        start, head = match.start(), match.end() - 1
        if all(_agree(features[m], features[head]) for m in range(start, head) if tags[m] != "C"):
            yield (start, head, -1, "c")


def _genitive_end(tags: str, features: list[Features], position: int) -> int:
    """The last unit of one genitive dependent group starting at ``position`` (its
    adjectives, then its noun), or ``position - 1`` when there is none."""
    end = position
    while end < len(tags) and tags[end] in "BF":
        end += 1
    if end >= len(tags) or tags[end] not in "GX":
        return position - 1
    if tags[end] == "G" and any(
        not _agree(features[end], features[m]) for m in range(position, end)
    ):
        return position - 1
    return end


def _subject(noun: Features, verb: Features) -> bool:
    """Whether a nominative reading of ``noun`` agrees with the finite ``verb`` in number
    (and in gender, for a past tense)."""
    return any(
        x[0] == "nomn" and x[1] == v[1] and (x[2] is None or v[2] is None or x[2] == v[2])
        for x in noun
        for v in verb
    )


def _dependent_groups(
    tags: str, features: list[Features], head: int, end: int
) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
    """The genitive groups after ``head`` (first unit, noun), each agreeing inside, and
    where a phrase of its own restarts when a group's modifiers do not agree."""
    groups: list[tuple[int, int]] = []
    restart: tuple[int, int] | None = None
    position = head + 1
    while position <= end:
        group_start = position
        while position <= end and tags[position] in "BF":
            position += 1
        if position > end:
            break
        noun = features[position]
        # An acronym agrees with anything, unless declined ("японского МИДа").
        genitive = (
            frozenset(x for x in noun if x[0] == "gent") if tags[position] != "X" or noun else None
        )
        if genitive is not None and not genitive:
            # A place or a declined acronym in another case ends the chain; the words
            # after it are a phrase of their own ("введения Черногорией | ограничительных
            # мер").
            after = next((m for m in range(position + 1, end + 1) if tags[m] in "NGX"), -1)
            if after > 0:
                restart = (position + 1, after)
            break
        if (
            tags[position + 1 : position + 2] == "V"
            and genitive is not None
            and _subject(noun, features[position + 1])
        ):
            break  # a nominative right before a finite verb is its subject: "... | ставка делается"
        if any(
            genitive is None or not _agree(genitive, features[m])
            for m in range(group_start, position)
        ):
            if genitive is not None:
                # A participle or adjective that does not agree is a noun of its own
                # ("в качестве главных составляющих | национальной мощи"): what agrees
                # with the genitive is a phrase of its own.
                restart = (group_start, position)
            break
        groups.append((group_start, position))
        position += 1
    return groups, restart


def _phrase(  # noqa: C901 - agreement trimming of one phrase skeleton: every case edits the same span
    tags: str,
    features: list[Features],
    start: int,
    head: int,
    end: int,
    units: Units,
    names_thing: Callable[[str, str], bool],
) -> Iterator[Span]:
    # Trim premodifiers that do not agree with the head (reading from the head leftwards).
    agreed = features[head]
    first = head
    index = head - 1
    while index >= start:
        tag = tags[index]
        if tag == "R":
            if first == index + 1 and first < head:
                first = index
            index -= 1
            continue
        # An indeclinable head (ОБСЕ) agrees with anything.
        shared = features[index] if tags[head] == "X" else _agree(agreed, features[index])
        if not shared:
            break
        if tags[head] != "X":
            agreed = frozenset(x for x in agreed if any(_agree(frozenset([x]), shared)))
        first = index
        index -= 1
    groups, restart = _dependent_groups(tags, features, head, end)
    # A trailing place ("министр иностранных дел | России") qualifies, it is not the term.
    # So does an acronym after a common noun ("военный блок | НАТО"); after a name it
    # belongs to it ("Постоянный совет ОБСЕ").
    words, initial = units.words, units.initial

    def ends_from(s: int, rule: str, whole: bool) -> list[tuple[int, str]]:
        named = words[s][:1].isupper() and not initial[s]
        # A name takes both ("Постоянный совет ОБСЕ", "Конституция Украины"); an acronym
        # takes no place ("МИД | России").
        place = named and not words[s].isupper()
        # A phrase from a bare noun takes the acronym or place its chain ends in
        # ("саммит НАТО", "санкции ООН", "министр иностранных дел Японии", "глава МИД
        # РФ"): with no modifier of its own, that qualifier is what makes it a term.
        # (``whole``: the phrase holds all of its first group, so "иностранных дел
        # Исландии" gives no "дела Исландии").
        bare = whole and tags[s] in "NGX"
        result = [(head, rule)]
        for i, g in enumerate(groups):
            # After a name inside the chain, the acronym or place is part of that name
            # ("постоянный член | Совета Безопасности ООН").
            inner = i > 0 and _named(groups[i - 1][1])
            if tags[g[1]] not in "LX" or inner or (place if tags[g[1]] == "L" else named):
                result.append((g[1], rule))
            elif bare:
                result.append((g[1], "q"))
        return result

    def _named(u: int) -> bool:
        return words[u][:1].isupper() and not words[u].isupper() and not initial[u]

    # A dependent group is a phrase of its own, with the groups that depend on it
    # ("вопросы | нераспространения ядерного оружия"): rule "d".
    for group_start, group_noun in groups:
        if tags[group_noun] == "L":
            continue
        for s in range(group_start, group_noun + 1):
            if tags[s] == "F" and not names_thing(words[s], words[group_noun]):
                continue  # not from a nationality: "евразийского министра" → "министр"
            for e, rule in ends_from(s, "d", s == group_start):
                if group_noun <= e and e - s < _MAX_WORDS:
                    yield (s, e, group_noun, rule)
    for s in range(first, head + 1):
        if (s > first and tags[s - 1] == "R") or (
            # A nationality qualifies a person ("российский | министр") but names a
            # thing or an event with it ("украинский кризис", "российская делегация").
            tags[s] in "EF" and not names_thing(words[s], words[head])
        ):
            continue
        for e, rule in ends_from(s, "n", True):
            if e - s < _MAX_WORDS:
                yield (s, e, head, rule)
    if restart is not None:
        yield from _phrase(tags, features, restart[0], restart[1], end, units, names_thing)


class RussianRules:
    """Russian candidate rules behind :class:`glossary.extract.candidates.CandidateRules`."""

    #: Adjectives and participles (any case), adverbs, demonyms.
    free_modifiers = "ABREF"
    proper = "PXL"

    def __init__(self, tagger: RussianTagger) -> None:
        self.tagger = tagger
        self._features: list[Features] = []

    def tag(self, units: Units) -> str:
        tags, self._features = classes(units, self.tagger)
        return tags

    def spans(self, tags: str, units: Units) -> Iterator[tuple[int, int, int, int, str]]:
        """Spans of the units last given to :meth:`tag` (agreement needs their features)."""
        for a, b, head, rule in spans(tags, self._features, units, self.tagger.names_thing):
            yield (a, b, -1, head, rule)
