"""The extraction pipeline: documents in, ranked :class:`Candidate` values out.

Pure: text comes in as strings with a document name for references; nothing
here opens files. Counting happens per occurrence on the hot path (a tuple of
lemma keys and a dict update); everything that costs more (canonical forms,
contexts, suggestions) happens once per *returned* candidate.

The stages it calls: the candidate rules (:mod:`candidates_en`, :mod:`candidates_ru`)
while counting; the name evidence (:mod:`names`: people, name fragments, independent
phrases) and scoring (:mod:`scoring`, :mod:`ranking`) when ranking; the canonical forms
(:mod:`canonical`) for the candidates returned.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from glossary.extract import acronyms, candidates_en, candidates_ru, names
from glossary.extract.candidate import Candidate
from glossary.extract.candidates import CandidateRules, Refiner, Span
from glossary.extract.canonical import NAME_RULES, CanonicalForms, Sample, english_head
from glossary.extract.documents import Document
from glossary.extract.ranking import (
    DEFAULT_WEIGHTS,
    Evidence,
    Modifier,
    Shape,
    Weights,
    coarse_score,
)
from glossary.extract.ranking import score as final_score
from glossary.extract.rules import COUNTED_ALONE, MIN_PHRASE_WORDS, NESTING, WHOLE_NAME, Rule
from glossary.extract.scoring import c_values, specificity, termhood
from glossary.extract.units import build_units, word_set
from glossary.model import Glossary, Kind, Lang
from glossary.text.normalize import Normalizer, default_normalizer

__all__ = ["Extractor"]

#: Occurrences kept per candidate for forms, references and context.
SAMPLES = 40
#: On huge inputs, how many keys (at least) get the full ranking after the first pass.
FINE_RANKED = 5000
_TITLE_HEADS = word_set(
    "minister secretary president premier chancellor ambassador envoy spokesman spokeswoman "
    "spokesperson chairman chair director commissioner representative undersecretary deputy "
    "speaker chief advisor adviser "
    "министр секретарь госсекретарь президент премьер канцлер посол посланник спикер "
    "председатель директор комиссар представитель заместитель глава"
)
_ORG_HEADS = word_set(
    "organization organisation council union alliance ministry department "
    "committee commission agency office assembly parliament court bank fund bloc forum "
    "организация совет союз альянс министерство ведомство комитет комиссия "
    "агентство ассамблея парламент суд банк фонд блок форум"
)
#: Heads of the names of agreements between states.
_TREATY_HEADS = word_set(
    "treaty pact agreement convention accord charter protocol memorandum "
    "договор пакт соглашение конвенция хартия протокол меморандум устав"
)
_NAMED_HEADS = _TITLE_HEADS | _ORG_HEADS | _TREATY_HEADS
_SPACE = re.compile(r"\s+")
#: English classes a modifier stands before in a noun phrase.
_NOUNS_EN = frozenset("NJT")


@dataclass(slots=True)
class _Stats:
    count: int = 0
    rule: Rule = Rule.PHRASE
    head: int = 0
    #: Seen as a dependent of a longer phrase: it stands on its own (not a fragment).
    free: bool = False
    samples: list[Sample] = field(default_factory=list)
    #: In how many documents it was seen (a document fed in chunks counts once).
    documents: int = 0
    last_document: str = ""


@dataclass(slots=True)
class Counts:
    """What an extractor counted: mergeable by :meth:`Extractor.absorb` (map per
    document, reduce by sum), picklable so it can come back from a worker process."""

    lang: Lang
    stats: dict[tuple[str, ...], _Stats]
    documents: list[Document]
    links: dict[tuple[str, ...], tuple[str, ...]]
    short_forms: dict[tuple[str, ...], tuple[str, ...]]
    names: set[tuple[int, int, int]]
    inside_names: set[tuple[int, int]]
    words: int


class Extractor:
    """Accumulates documents of one language, then ranks the candidates of all of them."""

    def __init__(
        self,
        lang: Lang,
        normalizer: Normalizer | None = None,
        morph: Any = None,
        weights: Weights = DEFAULT_WEIGHTS,
        refiner: Refiner | None = None,
    ) -> None:
        self.lang = lang
        self.weights = weights
        #: A tagger's corrections to the rules' classes, and its spans (none by default).
        self.refiner = refiner
        self.normalizer = normalizer or default_normalizer()
        self._stats: dict[tuple[str, ...], _Stats] = {}
        self._documents: list[Document] = []
        self._links: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._short_forms: dict[tuple[str, ...], tuple[str, ...]] = {}
        #: Spelled-out names (doc, first unit, last unit) and the units they cover:
        #: their fragments are no terms.
        self._names: set[tuple[int, int, int]] = set()
        self._inside_names: set[tuple[int, int]] = set()
        self.words = 0
        self.rules: CandidateRules
        if lang is Lang.EN:
            self._en = candidates_en.EnglishTagger()
            self.rules = candidates_en.EnglishRules(self._en)
        else:
            from glossary.text.morph_ru import RussianMorphology

            self._morph = morph or RussianMorphology.shared()
            self._ru_tagger = candidates_ru.RussianTagger(self._morph)
            self.rules = candidates_ru.RussianRules(self._ru_tagger)

    # -- counting -----------------------------------------------------------------------

    def add(self, text: str, document: str = "<text>", line_offset: int = 0) -> None:  # noqa: C901, PLR0915 - one pass over a document's spans and acronym definitions, sharing its unit keys
        """Count the candidates of one document (or of a piece of one starting after
        ``line_offset`` lines, so references keep the file's line numbers)."""
        tokens = self.normalizer.tokens(text)
        self.words += len(tokens)
        units = build_units(text, tokens)
        ukeys = [
            tuple(t.key for t in tokens[f : e + 1]) if f >= 0 else ()
            for f, e in zip(units.first, units.last, strict=True)
        ]
        doc_index = len(self._documents)
        stats = self._stats
        singles: set[int] = set()  # units counted on their own by a phrase rule
        rules = self.rules
        tags = rules.tag(units)
        extra: list[Span] = []
        if self.refiner is not None:
            tags, extra = self.refiner.refine(text, tokens, units, tags)
        if self.lang is Lang.RU:
            for index, word in enumerate(units.words):
                if tags[index] == "X" and not word.isupper():
                    # "МИДа" counts as "МИД": a declined acronym is the acronym.
                    ukeys[index] = (candidates_ru.acronym_of(word),)
        spans = [*rules.spans(tags, units), *extra]
        singles.update(span[0] for span in spans if span[0] == span[1])
        self._count_acronyms(tags, ukeys, singles, doc_index, document)
        for a, b, skip, head, rule in spans:
            if rule == WHOLE_NAME:
                # A whole title or name: the phrases inside it are no terms of their own.
                self._names.add((doc_index, a, b))
                self._inside_names.update((doc_index, u) for u in range(a, b + 1))
                rule = Rule.PHRASE
            if a == b:
                key = ukeys[a]
            elif skip < 0:
                key = sum((ukeys[u] for u in range(a, b + 1)), ())
            else:
                key = sum((ukeys[u] for u in range(a, b + 1) if u != skip), ())
            if rule == Rule.DEPENDENT and names.inside_capitalised(units, a):
                continue  # "Совет | Безопасности ООН": a fragment of a name
            entry = stats.get(key)
            if entry is None:
                entry = stats[key] = _Stats(rule=Rule(rule), head=head - a if head >= 0 else -1)
            entry.count += 1
            if entry.last_document != document:
                entry.documents += 1
                entry.last_document = document
            if rule == Rule.DEPENDENT and not (
                a > 0 and ukeys[a - 1][-1:] and ukeys[a - 1][-1] in _NAMED_HEADS
            ):
                # A dependent stands on its own ("вопросы | нераспространения ..."),
                # except inside a title or a name ("министр | иностранных дел").
                entry.free = True
            if len(entry.samples) < SAMPLES:
                entry.samples.append((doc_index, a, b, skip))
        for definition in acronyms.definitions(text, tokens, units, tags):
            key = sum((ukeys[u] for u in range(definition.start, definition.end + 1)), ())
            entry = stats.get(key)
            if entry is None:
                entry = stats[key] = _Stats()
                entry.count = 1
                entry.samples.append((doc_index, definition.start, definition.end, -1))
            entry.rule = Rule.EXPANSION
            self._names.add((doc_index, definition.start, definition.end))
            self._inside_names.update(
                (doc_index, u) for u in range(definition.start, definition.end + 1)
            )
            short = sum((ukeys[u] for u in range(definition.acronym, definition.short_end + 1)), ())
            if definition.short_end != definition.acronym:
                # A short form with words ("INF Treaty", "New START") is an acronym entry too.
                entry = stats.get(short)
                if entry is None:
                    entry = stats[short] = _Stats()
                    entry.count = 1
                    entry.samples.append((doc_index, definition.acronym, definition.short_end, -1))
                entry.rule = Rule.ACRONYM
                # The bare acronym inside it ("START" in "New START") is the same name.
                self._short_forms[ukeys[definition.acronym]] = short
            self._links.setdefault(short, key)
        self._documents.append(Document.of(document, text, tokens, units, tags, line_offset))

    def _count_acronyms(
        self,
        tags: str,
        ukeys: list[tuple[str, ...]],
        singles: set[int],
        doc_index: int,
        document: str,
    ) -> None:
        """Acronyms count on their own even inside a phrase ("NATO rejects")."""
        stats = self._stats
        for tag_index, tag in enumerate(tags):
            if tag != "X":
                continue
            entry = stats.get(ukeys[tag_index])
            if entry is None:
                entry = stats[ukeys[tag_index]] = _Stats()
            if entry.last_document != document:
                entry.documents += 1
                entry.last_document = document
            if tag_index not in singles:
                entry.count += 1
                if len(entry.samples) < SAMPLES:
                    entry.samples.append((doc_index, tag_index, tag_index, -1))
            entry.rule = Rule.ACRONYM

    # -- map and reduce ------------------------------------------------------------------

    def take(self) -> Counts:
        """Hand over everything counted so far and start afresh (the taggers and their
        caches stay): one worker's result in corpus mode."""
        counts = Counts(
            self.lang, self._stats, self._documents, self._links, self._short_forms,
            self._names, self._inside_names, self.words,
        )  # fmt: skip
        self._stats, self._documents, self._links, self._short_forms = {}, [], {}, {}
        self._names, self._inside_names, self.words = set(), set(), 0
        return counts

    def absorb(self, counts: Counts) -> None:
        """Add counts made elsewhere (another process, a Dask worker): sums and unions,
        so the order documents are absorbed in changes no count."""
        offset = len(self._documents)
        self._documents.extend(counts.documents)
        self.words += counts.words
        stats = self._stats
        for key, theirs in counts.stats.items():
            samples = [(d + offset, a, b, skip) for d, a, b, skip in theirs.samples]
            ours = stats.get(key)
            if ours is None:
                theirs.samples = samples
                stats[key] = theirs
                continue
            ours.count += theirs.count
            ours.documents += theirs.documents
            ours.free = ours.free or theirs.free
            if theirs.rule in NAME_RULES and ours.rule not in NAME_RULES:
                ours.rule = theirs.rule
            ours.samples.extend(samples[: max(0, SAMPLES - len(ours.samples))])
        for short, expansion in counts.links.items():
            self._links.setdefault(short, expansion)
        self._short_forms.update(counts.short_forms)
        self._names.update((d + offset, a, b) for d, a, b in counts.names)
        self._inside_names.update((d + offset, u) for d, u in counts.inside_names)

    @property
    def document_count(self) -> int:
        return len({document.name for document in self._documents})

    # -- ranking ------------------------------------------------------------------------

    def candidates(
        self,
        top: int | None = None,
        glossary: Glossary | None = None,
        translator: Any = None,
        kinds: frozenset[Kind] | None = None,
        memory: Any = None,
    ) -> list[Candidate]:
        """The best ``top`` candidates (of ``kinds`` only, when given), ranked;
        suggestions from the glossary, then aligned memory, then MT."""
        stats = self._merge_aliases()
        frequencies = {k: v.count for k, v in stats.items()}
        # Coordinations, prepositional phrases and expansions hold whole terms
        # ("транспарентность и предсказуемость", "контакты по | дипломатическим каналам"),
        # so they do not discount the phrases inside them.
        nesting = {k for k, v in stats.items() if v.rule in NESTING}
        independent = names.independent(
            stats, self._documents, self.lang, self.rules.free_modifiers
        )
        cvalues = c_values(frequencies, independent, nesting, self._boundaries(stats))
        lang = self.lang.value
        expansions = set(self._links.values())
        # Corpus statistics and termhood first; the finer factors below (capitals,
        # modifiers, heads) only for the best of those when the input is huge, since
        # they cost far more per key and cannot lift a key from deep down the list.
        weights = self.weights
        # Over a corpus, a candidate found in many documents is more likely a term of
        # the domain than one phrase repeated in one article.
        spread = self.document_count > 1
        first_pass = []
        for key, entry in stats.items():
            specific = termhood(key, lang)
            if entry.rule is Rule.ACRONYM and self.lang is Lang.RU:
                specific = max(specific, weights.acronym_min_termhood)
            coarse = coarse_score(cvalues[key], specific, entry.rule, key in expansions, weights)
            if spread:
                coarse *= (1 + math.log2(max(entry.documents, 1))) ** weights.document_frequency
            first_pass.append((coarse, specific, key))
        if top is not None and len(first_pass) > max(FINE_RANKED, 20 * top):
            first_pass.sort(key=lambda item: -item[0])
            del first_pass[max(FINE_RANKED, 20 * top) :]
        name_fragment = (
            names.name_fragments(stats, self._documents) if self.lang is Lang.EN else None
        )
        scored = []
        for coarse, specific, key in first_pass:
            evidence = self._evidence(key, stats[key], name_fragment)
            score = final_score(coarse, specific, evidence, weights)
            if score > 0:
                scored.append((score, key))
        scored.sort(key=lambda item: (-item[0], item[1]))
        result: list[Candidate] = []
        forms_seen: set[str] = set()
        for score, key in scored:
            if top is not None and len(result) >= top:
                break
            if kinds is not None and self._kind(key, stats[key]) not in kinds:
                continue
            candidate = self._candidate(key, stats[key], score)
            if candidate is None or candidate.term.casefold() in forms_seen:
                continue
            forms_seen.add(candidate.term.casefold())
            result.append(candidate)
        terms = {c.key: c.term for c in result}
        linked = []
        for candidate in result:
            expansion = self._links.get(candidate.key)
            acronym = next((a for a, e in self._links.items() if e == candidate.key), None)
            linked.append(
                replace(
                    candidate,
                    expansion=terms.get(expansion) or self._render(expansion)
                    if expansion
                    else None,
                    acronym=(terms.get(acronym) or self._render(acronym)) if acronym else None,
                )
            )
        from glossary.extract.suggest import suggest

        return suggest(linked, glossary, translator, memory)

    def _evidence(
        self,
        key: tuple[str, ...],
        entry: _Stats,
        name_fragment: Callable[[_Stats], bool] | None = None,
    ) -> Evidence:
        """What the words' shape says about one candidate (see :mod:`ranking`)."""
        lone_common = len(key) == 1 and entry.rule in COUNTED_ALONE and not self._proper(entry)
        kind = self._kind(key, entry)
        _doc, a, b, _skip = entry.samples[0]
        # A title of one word ("премьер-министр"), which no compound or head makes a term.
        bare_title = self.lang is Lang.RU and kind is Kind.TITLE and a == b
        compound = not lone_common and not bare_title and self._compound_noun(entry)
        capitalised = (
            not lone_common
            and not compound
            and self.lang is Lang.RU
            and len(key) > 1
            and self._capitalised_name(entry)
        )
        head_specificity = None
        if self.lang is Lang.RU and entry.rule in COUNTED_ALONE and 0 <= entry.head < len(key) - 1:
            # A genitive chain headed by an everyday noun ("условия снижения ...",
            # "работа механизмов ...") is rarely a term; its dependent may be.
            head_specificity = specificity(key[entry.head], self.lang.value)
        named_head = (
            len(key) > 1
            and not bare_title
            and entry.rule in COUNTED_ALONE
            and self._head_word(key, entry) in _NAMED_HEADS
            and not self._fragment(entry)
        )
        shape = self._shape(entry)
        return Evidence(
            bare_title=bare_title,
            shape=shape,
            name_fragment=shape is Shape.CAPITALISED_CHAIN
            and name_fragment is not None
            and name_fragment(entry),
            modifier=self._modifier(entry),
            lone_common=lone_common,
            compound=compound,
            capitalised_name=capitalised,
            head_specificity=head_specificity,
            named_head=named_head,
            kind=kind,
            words=len(key),
        )

    def _merge_aliases(self) -> dict[tuple[str, ...], _Stats]:
        """Fold repeated mentions into one candidate: surnames into full names,
        a capitalised dateline ("GENEVA") into the place."""
        stats = dict(self._stats)
        people = names.People.of(stats, self._documents, self.lang)
        for key in list(stats):
            entry = stats[key]
            target: tuple[str, ...] | None = None
            if len(key) == 1:
                target = people.full_name(key, entry)
                if target is None and entry.rule is Rule.ACRONYM and key not in self._links:
                    lowered = (key[0].lower(),)
                    if lowered in stats and lowered != key:
                        target = lowered
                    short = self._short_forms.get(key)
                    if short in stats and entry.count <= stats[short].count:
                        target = short
            if target is not None and target in stats:
                into = stats[target]
                if into is self._stats.get(target):
                    # Folded into a copy: the counts stay as counted, so ranking again
                    # (another top, other kinds) folds them again from the same numbers.
                    into = stats[target] = replace(into, samples=list(into.samples))
                into.count += entry.count
                room = SAMPLES - len(into.samples)
                if room > 0:
                    into.samples.extend(entry.samples[:room])
                del stats[key]
        if self._inside_names:
            for key in names.inside_names(stats, self._names, self._inside_names):
                del stats[key]
        return stats

    def _shape(self, entry: _Stats) -> Shape:
        """Capitalised chains mid-sentence are titles and names (×2); a name glued to
        common nouns ("Blinken-Lavrov meeting") is rarely a term (×0.5)."""
        if self.lang is not Lang.EN or entry.rule in (Rule.ACRONYM, Rule.EXPANSION):
            return Shape.PLAIN
        doc_index, a, b, skip = entry.samples[0]
        tags = "".join(
            t for i, t in enumerate(self._documents[doc_index].tags[a : b + 1], a) if i != skip
        )
        units = self._documents[doc_index].units
        words = [units.words[i] for i in range(a, b + 1) if i != skip]
        capitalised = [w[:1].isupper() for w in words]
        pairs = list(zip(capitalised, tags, strict=True))
        if len(tags) >= MIN_PHRASE_WORDS and "T" in tags and all(c or t == "O" for c, t in pairs):
            return Shape.CAPITALISED_CHAIN
        mixed = any(capitalised) and not all(capitalised) and "O" not in tags
        if mixed and (
            any(t in "PX" for t in tags)
            or any(c and "-" in w for c, w in zip(capitalised, words, strict=True))
        ):
            return Shape.GLUED_NAME
        if (
            len(tags) == 1
            and tags in "NJ"
            and words[0].islower()
            and words[0].lower() in self._en.unknown
        ):
            return Shape.UNKNOWN_LOWER
        if tags in ("T", "J") or (len(tags) == 1 and self._prenominal(entry)):
            # A lone capitalised common word is a fragment of a name ("Cooperation");
            # a lone adjective-or-noun is mostly the adjective ("substantive"); a
            # compound only ever before a noun is a modifier ("in-depth | talks").
            return Shape.LONE_FRAGMENT
        return Shape.PLAIN

    def _prenominal(self, entry: _Stats) -> bool:
        """A single compound seen only right before a noun."""
        documents = self._documents
        return all(
            documents[d].units.compound[x] and documents[d].tags[x + 1 : x + 2] in _NOUNS_EN
            for d, x, _b, _s in entry.samples
        )

    def _head_word(self, key: tuple[str, ...], entry: _Stats) -> str:
        if self.lang is Lang.EN:
            return key[english_head(key)]
        return key[entry.head] if 0 <= entry.head < len(key) else ""

    def _boundaries(
        self, stats: dict[tuple[str, ...], _Stats]
    ) -> dict[tuple[str, ...], frozenset[int]]:
        """Where the words of each multiword key start, for keys with a compound in them."""
        result = {}
        for key, entry in stats.items():
            doc_index, a, b, skip = entry.samples[0]
            units = self._documents[doc_index].units
            if not any(units.compound[u] for u in range(a, b + 1)):
                continue
            cuts = [0]
            for u in range(a, b + 1):
                if u != skip:
                    cuts.append(cuts[-1] + units.last[u] - units.first[u] + 1)
            if cuts[-1] == len(key):
                result[key] = frozenset(cuts)
        return result

    def _capitalised_name(self, entry: _Stats) -> bool:
        """A Russian phrase starting with a capital away from a sentence start."""
        for doc_index, a, _b, _skip in entry.samples:
            units = self._documents[doc_index].units
            if units.words[a][:1].isupper() and not units.initial[a]:
                return True
        return False

    def _fragment(self, entry: _Stats) -> bool:
        """Seen only with an adjective cut off before it ("генеральный | секретарь НАТО")."""
        for doc_index, a, _b, _skip in entry.samples:
            tags = self._documents[doc_index].tags
            if a == 0 or tags[a - 1] not in "ABJ":
                return False
        return True

    def _compound_noun(self, entry: _Stats) -> bool:
        doc_index, a, b, _skip = entry.samples[0]
        document = self._documents[doc_index]
        if not (a == b and document.units.compound[a] and document.tags[a] in "NGJ"):
            return False
        # Only ever before a noun, a compound is a modifier ("in-depth | talks",
        # "anti-armor | systems"), no coined term of its own.
        return self.lang is not Lang.EN or not self._prenominal(entry)

    def _proper(self, entry: _Stats) -> bool:
        doc_index, a, _b, _skip = entry.samples[0]
        document = self._documents[doc_index]
        if self.lang is Lang.EN:
            return document.tags[a] in self.rules.proper
        # Each sample is looked up in its own document (or chunk of one).
        documents = self._documents
        return document.tags[a] in self.rules.proper or any(
            documents[d].units.words[x][:1].isupper() and not documents[d].units.initial[x]
            for d, x, _b, _s in entry.samples
        )

    def _modifier(self, entry: _Stats) -> Modifier:
        """Relational adjectives ("diplomatic", "military", "военный") make terms;
        qualitative ones ("clear", "major", "основной") mostly describe."""
        doc_index, a, b, _skip = entry.samples[0]
        if a == b:
            return Modifier.NONE
        document = self._documents[doc_index]
        tag = document.tags[a]
        word = document.units.words[a].lower()
        if self.lang is Lang.EN:
            if tag not in "AJG":
                return Modifier.NONE
            # A relational suffix ("-al", "-ary") on a gradable adjective is no sign:
            # "essential role", "necessary resources" describe.
            if self._en.evaluative(word):
                return Modifier.EVALUATIVE
            if word.endswith(_RELATIONAL_EN):
                return Modifier.RELATIONAL
            return Modifier.QUALITATIVE
        if tag not in "AB":
            return Modifier.NONE
        # Gradable adjectives (крупный, значительный: a comparative in use) describe;
        # the rest are relational (военный, международный, стратегический).
        gradable = self._ru_tagger.gradable(word)
        return Modifier.QUALITATIVE if gradable else Modifier.RELATIONAL

    def _render(self, key: tuple[str, ...]) -> str:
        entry = self._stats.get(key)
        if entry is None:
            return " ".join(key)
        candidate = self._candidate(key, entry, 0.0)
        return candidate.term if candidate else " ".join(key)

    def _forms(self) -> CanonicalForms:
        morph = self._morph if self.lang is Lang.RU else None
        return CanonicalForms(self.lang, self._documents, self.normalizer, morph)

    def _candidate(self, key: tuple[str, ...], entry: _Stats, score: float) -> Candidate | None:
        canonical = self._forms()
        forms = Counter(canonical.surface(s) for s in entry.samples)
        if not forms:
            return None
        term = canonical.of(key, entry.rule, entry.samples, forms)
        if not term:
            return None
        references = []
        for doc_index, a, _b, _skip in sorted(entry.samples):
            reference = self._documents[doc_index].reference(a)
            if reference not in references:
                references.append(reference)
        return Candidate(
            term=term,
            lang=self.lang,
            key=key,
            kind=self._kind(key, entry),
            score=score,
            frequency=entry.count,
            forms=tuple(f for f, _ in forms.most_common()),
            references=tuple(references),
            context=self._context(min(entry.samples)),
        )

    def _context(self, sample: Sample) -> str:
        doc_index, a, b, _ = sample
        return self._documents[doc_index].context(a, b)

    def _kind(self, key: tuple[str, ...], entry: _Stats) -> Kind:
        """What a candidate names, from its rule, its head word and its capitals."""
        if entry.rule is Rule.ACRONYM:
            return Kind.ACRONYM
        if entry.rule is Rule.PERSON:
            return Kind.PERSON
        head_word = self._head_word(key, entry).lower() if len(key) > 1 else key[0].lower()
        if head_word in _TITLE_HEADS:
            return Kind.TITLE
        capitalised = entry.rule is Rule.EXPANSION or self._capitalised(entry)
        if head_word in _TREATY_HEADS and capitalised:
            return Kind.TREATY
        if entry.rule is Rule.EXPANSION or (head_word in _ORG_HEADS and capitalised):
            return Kind.ORGANIZATION
        doc_index, a, b, skip = entry.samples[0]
        tags = "".join(
            t for i, t in enumerate(self._documents[doc_index].tags[a : b + 1], a) if i != skip
        )
        if self.lang is Lang.EN and capitalised and tags and all(t == "P" for t in tags):
            return Kind.PERSON if len(tags) > 1 else Kind.PLACE
        if self.lang is Lang.RU and tags == "P":
            return Kind.PERSON
        if self.lang is Lang.RU and tags[-1:] == "L" and all(t in "ABEFLC" for t in tags):
            return Kind.PLACE  # "Северная Африка", "Швеция и Финляндия"
        return Kind.TERM

    def _capitalised(self, entry: _Stats) -> bool:
        """Written with a capital where a capital says something: mid-sentence, or a name."""
        proper = self.rules.proper
        for doc_index, a, _b, _skip in entry.samples:
            document = self._documents[doc_index]
            if document.units.words[a][:1].isupper() and (
                not document.units.initial[a] or document.tags[a] in proper
            ):
                return True
        return False


_RELATIONAL_EN = ("al", "ic", "ary", "ar", "ical", "ory")
#: Russian relational adjectives by suffix (военный, ядерный, региональный, евразийский).
_RELATIONAL_RU = ("ческий", "альный", "онный", "арный", "ерный", "енный", "ённый")


#: A function that finds a translator for a language pair, or None.
TranslatorFinder = Callable[[str, str], Any]
