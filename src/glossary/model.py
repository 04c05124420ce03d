"""The term model: concepts, their designations in both languages, and the glossary.

Pure values, no I/O: format adapters in :mod:`glossary.formats` turn files into a
:class:`Glossary` and back. A :class:`Term` is one concept (one row of terms.csv).
"""

from __future__ import annotations

import difflib
import enum
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

__all__ = [
    "COLUMNS",
    "REQUIRED_COLUMNS",
    "Glossary",
    "Kind",
    "Lang",
    "Problem",
    "Status",
    "Term",
    "TranslationUnit",
    "extra_column_problem",
    "fold_term",
    "make_id",
    "validate",
]


class Lang(enum.StrEnum):
    EN = "en"
    RU = "ru"

    @property
    def other(self) -> Lang:
        return Lang.RU if self is Lang.EN else Lang.EN

    @classmethod
    def from_code(cls, code: str) -> Lang | None:
        """``en``, ``EN-us``, `` ru_RU `` → the language; any other language is not ours."""
        primary = code.strip().replace("_", "-").split("-")[0].lower()
        try:
            return cls(primary)
        except ValueError:
            return None


class Status(enum.StrEnum):
    """Review status; automation never changes a ``reviewed`` concept."""

    CANDIDATE = "candidate"
    DRAFT = "draft"
    REVIEWED = "reviewed"


class Kind(enum.StrEnum):
    TERM = "term"
    ACRONYM = "acronym"
    TITLE = "title"
    ORGANIZATION = "organization"
    PERSON = "person"
    PLACE = "place"
    TREATY = "treaty"


#: Column order of a new terms.csv; an existing file keeps its own order.
COLUMNS: tuple[str, ...] = (
    "id",
    "en",
    "ru",
    "en_variants",
    "ru_variants",
    "en_forbidden",
    "ru_forbidden",
    "kind",
    "full_form",
    "definition",
    "note",
    "status",
    "source",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("id", "en", "ru", "kind", "status")
LIST_SEPARATOR = "|"

_ID_RE = re.compile(r"[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?\Z")


@dataclass(frozen=True, slots=True)
class Term:
    """One concept with its designations in English and Russian."""

    id: str
    en: str = ""
    ru: str = ""
    en_variants: tuple[str, ...] = ()
    ru_variants: tuple[str, ...] = ()
    en_forbidden: tuple[str, ...] = ()
    ru_forbidden: tuple[str, ...] = ()
    kind: Kind = Kind.TERM
    #: For an acronym, the id of the concept that spells it out.
    full_form: str = ""
    definition: str = ""
    note: str = ""
    status: Status = Status.CANDIDATE
    #: ``document:line`` references.
    source: tuple[str, ...] = ()
    #: Values of columns this version does not know, kept so rewrites lose nothing.
    extra: tuple[tuple[str, str], ...] = ()

    def preferred(self, lang: Lang) -> str:
        return self.en if lang is Lang.EN else self.ru

    def variants(self, lang: Lang) -> tuple[str, ...]:
        return self.en_variants if lang is Lang.EN else self.ru_variants

    def forbidden(self, lang: Lang) -> tuple[str, ...]:
        return self.en_forbidden if lang is Lang.EN else self.ru_forbidden

    def designations(self, lang: Lang) -> tuple[str, ...]:
        """The preferred term first, then admitted variants; empty values left out."""
        return tuple(t for t in (self.preferred(lang), *self.variants(lang)) if t)

    @property
    def reviewed(self) -> bool:
        return self.status is Status.REVIEWED

    def with_preferred(self, lang: Lang, value: str) -> Term:
        return replace(self, en=value) if lang is Lang.EN else replace(self, ru=value)


@dataclass(frozen=True, slots=True)
class TranslationUnit:
    """A source segment and its translation, as translation memory holds them."""

    source_lang: Lang
    source: str
    target_lang: Lang
    target: str
    #: Where it came from (``file:line``, a TMX tuid...), shown as provenance.
    origin: str = ""


@dataclass(frozen=True, slots=True)
class Problem:
    """A validation problem of the term at ``index`` (0-based position in the glossary)."""

    index: int
    message: str


@dataclass(frozen=True, slots=True)
class Glossary:
    """An ordered collection of concepts; order is kept so that diffs stay small."""

    terms: tuple[Term, ...] = ()
    #: Column order as read (known and unknown columns); new files use :data:`COLUMNS`.
    columns: tuple[str, ...] = COLUMNS
    #: The 1-based line each concept starts on in the file it was read from, when known
    #: (parallel to ``terms``; empty for glossaries built in memory).
    lines: tuple[int, ...] = field(default=(), compare=False, repr=False)
    _by_id: dict[str, Term] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update((t.id, t) for t in self.terms)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def __contains__(self, term_id: object) -> bool:
        return term_id in self._by_id

    def get(self, term_id: str) -> Term | None:
        return self._by_id.get(term_id)

    def __getitem__(self, term_id: str) -> Term:
        return self._by_id[term_id]

    @property
    def extra_columns(self) -> tuple[str, ...]:
        return tuple(c for c in self.columns if c not in COLUMNS)

    def with_terms(self, terms: Iterable[Term]) -> Glossary:
        """Replace concepts by id and append new ones, keeping everyone's position."""
        updates = {t.id: t for t in terms}
        merged = [updates.pop(t.id, t) for t in self.terms]
        merged.extend(updates.values())
        extra = [c for t in merged for c, _ in t.extra if c not in self.columns]
        columns = self.columns + tuple(dict.fromkeys(extra))
        return Glossary(tuple(merged), columns)

    def ids(self) -> set[str]:
        return set(self._by_id)


#: How close (difflib ratio) an unknown column name may come to a known one.
CLOSE_COLUMN_RATIO = 0.75


def extra_column_problem(name: str, present: Iterable[str] = ()) -> str | None:
    """Why ``name`` cannot be an extra column of terms.csv, or ``None``.

    An extra column never stands in for a known one: a known name, a blank or padded
    name, or a misspelling of a known column (``defintion``) that ``present`` lacks is
    refused, so that no imported cell can override ``status`` or ``ru``.
    """
    if not name or name != name.strip() or _has_control(name):
        return f"column name {name!r} is empty, padded or holds a control character"
    if name in COLUMNS:
        return f"extra column {name!r} would override the known column of that name"
    close = difflib.get_close_matches(name.lower(), COLUMNS, n=1, cutoff=CLOSE_COLUMN_RATIO)
    if close and close[0] not in set(present):
        return f"unknown column {name!r} (did you mean {close[0]!r}?)"
    return None


def fold_term(text: str) -> str:
    """Comparison form of a whole term: NFC, case-folded, ё as е, spaces collapsed."""
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    return " ".join(text.split())


def validate(terms: Iterable[Term], other_ids: Iterable[str] = ()) -> list[Problem]:
    """Every problem of a list of concepts, so one run reports them all.

    ``other_ids`` are ids of rows that failed to parse: references to them are not
    reported again.
    """
    problems: list[Problem] = []
    first_id: dict[str, int] = {}
    first_term: dict[tuple[Lang, str], int] = {}
    items = list(terms)
    for index, term in enumerate(items):

        def report(message: str, index: int = index) -> None:
            problems.append(Problem(index, message))

        if not term.id:
            report("empty required field 'id'")
        elif not _ID_RE.match(term.id):
            report(
                f"invalid id {term.id!r} (expected a lowercase ASCII slug: a-z, 0-9, '.', '_', '-')"
            )
        elif term.id in first_id:
            report(f"duplicate id {term.id!r} (first used on row {first_id[term.id] + 1})")
        else:
            first_id[term.id] = index
        if not term.en and not term.ru:
            report("empty required field: a concept needs 'en' or 'ru'")
        for column, _ in term.extra:
            if column in COLUMNS:
                report(f"extra column {column!r} would override the known column of that name")
        for lang in Lang:
            for label, values in (
                (lang.value, (term.preferred(lang),)),
                (f"{lang.value}_variants", term.variants(lang)),
                (f"{lang.value}_forbidden", term.forbidden(lang)),
            ):
                for value in values:
                    if value and (value != value.strip() or _has_control(value)):
                        report(
                            f"{label} {value!r} has leading or trailing spaces, "
                            "a line break or a tab"
                        )
            preferred = term.preferred(lang)
            if preferred:
                key = (lang, fold_term(preferred))
                if key in first_term:
                    other = items[first_term[key]]
                    if not _homonyms(term, other):
                        report(
                            f"duplicate {lang.value} term {preferred!r} (also in concept "
                            f"{other.id!r}); homonyms need a distinct definition on both rows"
                        )
                else:
                    first_term[key] = index
    ids = set(first_id) | set(other_ids)
    for index, term in enumerate(items):
        if term.full_form and term.full_form not in ids:
            problems.append(Problem(index, f"full_form {term.full_form!r} names no concept"))
    problems.sort(key=lambda p: p.index)
    return problems


def _homonyms(a: Term, b: Term) -> bool:
    return bool(a.definition and b.definition and a.definition != b.definition)


def _has_control(value: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Zl", "Zp") for ch in value)


_TRANSLIT = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya",
    }
)  # fmt: skip


def make_id(text: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A new stable slug for ``text`` (Russian transliterated), unique among ``taken``."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_TRANSLIT))
    ascii_text = folded.encode("ascii", "ignore").decode()
    base = "-".join(re.findall(r"[a-z0-9]+", ascii_text))[:60].strip("-") or "term"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
