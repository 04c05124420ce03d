"""The terminology checks for translated catalogs, registered in one table.

Each check is a small function over every entry of every file checked (so that a check
can compare entries across files) and yields ``(entry, message)`` pairs; :data:`CHECKS`
gives it a name and a severity. The docstring of each check is its user
documentation (``glossary check --help`` lists them).

Term checks are lemma-aware on both sides: the source and the translation go through
the shared :class:`~glossary.matching.TermMatcher`, so an inflected rendering
(«гарантиям безопасности») counts as the approved one («гарантии безопасности»).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from glossary.check.findings import Finding, Severity
from glossary.errors import FormatError
from glossary.formats.po import POFile, header_line, live_entries
from glossary.matching import Role, Span, TermMatcher
from glossary.model import Glossary, Lang, Status, fold_term
from glossary.text.normalize import is_acronym, script

__all__ = [
    "CHECKS",
    "Check",
    "CheckContext",
    "CheckedEntry",
    "describe",
    "entries_from_po",
    "numbers_in",
    "run_checks",
]


@dataclass(frozen=True, slots=True)
class CheckedEntry:
    """One live entry of a translated catalog, as the checks see it."""

    file: str
    line: int
    source: str
    target: str
    fuzzy: bool
    source_lang: Lang
    target_lang: Lang
    context: str = ""

    @property
    def translated(self) -> bool:
        return bool(self.target.strip())


class CheckContext:
    """The glossary and a matcher shared by every check; matches are memoised."""

    def __init__(self, glossary: Glossary, matcher: TermMatcher | None = None) -> None:
        self.glossary = glossary
        self.matcher = matcher or TermMatcher(glossary, forbidden=True)
        self.spans: Callable[[str], tuple[Span, ...]] = lru_cache(maxsize=1 << 16)(self._spans)

    def _spans(self, text: str) -> tuple[Span, ...]:
        return tuple(self.matcher.find(text))

    def contains(self, text: str, designation: str) -> bool:
        """Whether ``designation`` occurs in ``text`` by lemma, even inside a longer term."""
        key = self.matcher.normalizer.key(designation)
        if not key:
            return False
        stream = self.keys(text)
        n = len(key)
        return any(stream[i : i + n] == key for i in range(len(stream) - n + 1))

    def keys(self, text: str) -> tuple[str, ...]:
        return self.matcher.normalizer.key(text)

    def rendered(self, term_id: str, text: str, lang: Lang) -> bool:
        """Whether a preferred or variant designation of the concept is in ``text``."""
        term = self.glossary.get(term_id)
        if term is None:
            return False
        if term_id in self.present(text, lang):
            return True
        return any(self.contains(text, d) for d in term.designations(lang))

    def present(self, text: str, lang: Lang) -> set[str]:
        """Concepts with a preferred or variant designation in ``text``."""
        return {
            d.term_id
            for span in self.spans(text)
            for d in span.designations
            if d.lang is lang and d.role is not Role.FORBIDDEN
        }


Finder = Callable[[Sequence[CheckedEntry], CheckContext], Iterator[tuple[CheckedEntry, str]]]


@dataclass(frozen=True, slots=True)
class Check:
    """A named check, its severity and the function that finds its problems."""

    name: str
    severity: Severity
    find: Finder

    @property
    def doc(self) -> str:
        return " ".join((self.find.__doc__ or "").split())


def missing_term(
    entries: Sequence[CheckedEntry], ctx: CheckContext
) -> Iterator[tuple[CheckedEntry, str]]:
    """Approved rendering missing: a reviewed glossary term of the source must appear in the
    translation as its preferred term or an admitted variant, in any inflected form."""
    for entry in entries:
        if not entry.translated:
            continue
        present = ctx.present(entry.target, entry.target_lang)
        for span in ctx.spans(entry.source):
            terms = [
                term
                for d in span.designations
                if d.lang is entry.source_lang
                and (term := ctx.glossary.get(d.term_id)) is not None
                and term.status is Status.REVIEWED
                and term.preferred(entry.target_lang)
            ]
            terms = list({t.id: t for t in terms}.values())
            if terms and not any(
                t.id in present or ctx.rendered(t.id, entry.target, entry.target_lang)
                for t in terms
            ):
                wanted = " or ".join(f"«{t.preferred(entry.target_lang)}»" for t in terms)
                yield entry, f"«{span.text}» should be translated as {wanted}"


def forbidden_term(
    entries: Sequence[CheckedEntry], ctx: CheckContext
) -> Iterator[tuple[CheckedEntry, str]]:
    """Forbidden rendering used: the translation contains a rendering the glossary lists
    as forbidden for a concept (in any inflected form)."""
    for entry in entries:
        if not entry.translated:
            continue
        for span in ctx.spans(entry.target):
            allowed = {
                d.term_id
                for d in span.designations
                if d.lang is entry.target_lang and d.role is not Role.FORBIDDEN
            }
            for d in span.designations:
                if d.lang is entry.target_lang and d.role is Role.FORBIDDEN:
                    if d.term_id in allowed:
                        continue
                    term = ctx.glossary.get(d.term_id)
                    use = term.preferred(entry.target_lang) if term else ""
                    advice = f"; use «{use}»" if use else ""
                    yield entry, f"«{span.text}» is a forbidden rendering of {d.term_id}{advice}"
                    break


def inconsistent(
    entries: Sequence[CheckedEntry], ctx: CheckContext
) -> Iterator[tuple[CheckedEntry, str]]:
    """Identical sources translated differently: the same source sentence (same context)
    has different reviewed translations, in one file or across the files checked."""
    first: dict[tuple[Lang, Lang, str, str], CheckedEntry] = {}
    for entry in entries:
        if not entry.translated or entry.fuzzy:
            continue
        key = (entry.source_lang, entry.target_lang, entry.context, fold_term(entry.source))
        seen = first.setdefault(key, entry)
        if seen is not entry and fold_term(seen.target) != fold_term(entry.target):
            yield (
                entry,
                (
                    f"«{_short(entry.source)}» is translated differently at "
                    f"{seen.file}:{seen.line}: «{_short(seen.target)}»"
                ),
            )


_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:(?:,|[ \u00a0\u202f])\d{3})+(?![\d]|[.,]\d)")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def numbers_in(text: str) -> Counter[str]:
    """The numbers of a text in one spelling: 2,500 = 2 500 = 2500; 2.5 = 2,5; 07 = 7."""
    found: Counter[str] = Counter()

    def thousands(match: re.Match[str]) -> str:
        found[str(int(re.sub(r"\D", "", match.group())))] += 1
        return " "

    rest = _THOUSANDS.sub(thousands, text)
    for match in _NUMBER.finditer(rest):
        whole, _, fraction = match.group().replace(",", ".").partition(".")
        value = str(int(whole))
        if fraction:
            value += "." + fraction
        found[value] += 1
    return found


def numbers(
    entries: Sequence[CheckedEntry], ctx: CheckContext
) -> Iterator[tuple[CheckedEntry, str]]:
    """Numbers differing: every number of the source must appear in the translation and no
    other (thousands separators and decimal commas may differ: 2,500 = 2 500; 2.5 = 2,5).
    Numbers inside glossary terms («СНВ-3» for «New START») are left out."""
    for entry in entries:
        if not entry.translated:
            continue
        source = numbers_in(_without_terms(entry.source, ctx))
        target = numbers_in(_without_terms(entry.target, ctx))
        if source != target:
            parts = []
            if lost := source - target:
                parts.append("missing " + ", ".join(sorted(lost.elements())))
            if extra := target - source:
                parts.append("added " + ", ".join(sorted(extra.elements())))
            yield entry, "numbers differ: " + "; ".join(parts)


def _without_terms(text: str, ctx: CheckContext) -> str:
    for span in reversed(ctx.spans(text)):
        text = text[: span.start] + " " + text[span.end :]
    return text


_WORD = re.compile(r"[^\W_]+")


def acronyms(
    entries: Sequence[CheckedEntry], ctx: CheckContext
) -> Iterator[tuple[CheckedEntry, str]]:
    """Acronyms lost: an acronym of the source (NATO, ОБСЕ) must appear in the translation,
    as itself or as a glossary rendering of it or of its full form. A capitalised
    dateline («GENEVA, Jan. 21») is not an acronym."""
    for entry in entries:
        if not entry.translated:
            continue
        target_words = set(_WORD.findall(entry.target))
        present = ctx.present(entry.target, entry.target_lang)
        words = list(_WORD.finditer(entry.source))
        for index, match in enumerate(words):
            word = match.group()
            if not is_acronym(word) or script(word) != entry.source_lang.value:
                continue
            if index == 0 and entry.source[match.end() : match.end() + 1] == ",":
                continue  # a dateline
            if word in target_words or _rendered(match, entry, ctx, present):
                continue
            yield entry, f"acronym «{word}» is not in the translation"


def _rendered(
    match: re.Match[str], entry: CheckedEntry, ctx: CheckContext, present: set[str]
) -> bool:
    """Whether a concept the acronym belongs to (itself, or a term containing it, or its
    full form) is rendered in the translation."""
    ids = {d.term_id for d in ctx.matcher.exact(match.group())}
    for span in ctx.spans(entry.source):
        if span.start <= match.start() and match.end() <= span.end:
            ids.update(span.term_ids)
    for term_id in list(ids):
        term = ctx.glossary.get(term_id)
        if term is not None and term.full_form:
            ids.add(term.full_form)
    return any(
        term_id in present or ctx.rendered(term_id, entry.target, entry.target_lang)
        for term_id in ids
    )


def untranslated(
    entries: Sequence[CheckedEntry], ctx: CheckContext
) -> Iterator[tuple[CheckedEntry, str]]:
    """Untranslated entries: how many entries of a file have an empty translation (reported
    once per file, at the first one)."""
    yield from _count(entries, lambda e: not e.translated, "untranslated")


def fuzzy(entries: Sequence[CheckedEntry], ctx: CheckContext) -> Iterator[tuple[CheckedEntry, str]]:
    """Fuzzy entries: how many translations of a file still need review (the gettext fuzzy
    flag, Poedit's "Needs work"; reported once per file, at the first one)."""
    yield from _count(entries, lambda e: e.translated and e.fuzzy, "fuzzy")


def _count(
    entries: Sequence[CheckedEntry], test: Callable[[CheckedEntry], bool], what: str
) -> Iterator[tuple[CheckedEntry, str]]:
    by_file: dict[str, list[CheckedEntry]] = {}
    for entry in entries:
        if test(entry):
            by_file.setdefault(entry.file, []).append(entry)
    for found in by_file.values():
        total = sum(1 for e in entries if e.file == found[0].file)
        yield found[0], f"{len(found)} of {total} entries {what} (first here)"


#: Every check, in the order findings of one entry are listed.
CHECKS: tuple[Check, ...] = (
    Check("missing-term", Severity.ERROR, missing_term),
    Check("forbidden-term", Severity.ERROR, forbidden_term),
    Check("numbers", Severity.WARNING, numbers),
    Check("acronyms", Severity.WARNING, acronyms),
    Check("inconsistent", Severity.WARNING, inconsistent),
    Check("untranslated", Severity.INFO, untranslated),
    Check("fuzzy", Severity.INFO, fuzzy),
)


def run_checks(
    entries: Sequence[CheckedEntry],
    glossary: Glossary,
    checks: Iterable[Check] = CHECKS,
    context: CheckContext | None = None,
) -> list[Finding]:
    """Every finding of every check, sorted by file, line and the table's order.

    The same problem found more than once in one entry is one finding with a count.
    """
    ctx = context or CheckContext(glossary)
    counts: Counter[tuple[int, str, int, Check, str]] = Counter()
    for order, check in enumerate(checks):
        for entry, message in check.find(entries, ctx):
            counts[(order, entry.file, entry.line, check, message)] += 1
    ordered = sorted(counts.items(), key=lambda item: (item[0][1], item[0][2], item[0][0]))
    return [
        Finding(file, line, check.severity, check.name, message, count)
        for (_, file, line, check, message), count in ordered
    ]


def entries_from_po(po: POFile, name: str) -> list[CheckedEntry]:
    """The live entries of a parsed catalog; languages from its headers, else its text."""
    target_lang, source_lang = _languages(po, name)
    return [
        CheckedEntry(
            name,
            unit.line,
            unit.msgid,
            unit.msgstr,
            unit.fuzzy,
            source_lang,
            target_lang,
            unit.msgctxt,
        )
        for unit in live_entries(po)
    ]


def _languages(po: POFile, name: str) -> tuple[Lang, Lang]:
    """(target, source) from ``Language`` / ``X-Source-Language``, else the msgids' script."""
    target = Lang.from_code(po.metadata.get("Language", ""))
    source = Lang.from_code(po.metadata.get("X-Source-Language", ""))
    if source is None:
        letters = Counter(script(w) for e in po if e.msgid for w in _WORD.findall(e.msgid))
        if letters["en"] or letters["ru"]:
            source = Lang.EN if letters["en"] >= letters["ru"] else Lang.RU
    if target is None and source is not None:
        target = source.other
    if source is None and target is not None:
        source = target.other
    if source is None or target is None or source is target:
        raise FormatError(
            name,
            header_line(po, "Language"),
            "cannot tell the languages: set the Language header to 'en' or 'ru'",
        )
    return target, source


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe() -> Iterator[str]:
    """``name (severity): documentation`` for every check, for ``--help``."""
    for check in CHECKS:
        yield f"{check.name} ({check.severity.value}): {check.doc}"
