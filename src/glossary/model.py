"""The term model: concepts, their designations in both languages, and the glossary.

Pure values, no I/O: format adapters in :mod:`glossary.formats` turn files into a
:class:`Glossary` and back. A :class:`Term` is one concept (one row of terms.csv).
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields, make_dataclass, replace
from operator import attrgetter
from typing import TypeVar

T = TypeVar("T")

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
    "new_term",
    "unfrozen_builder",
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


def _mutable_twin(cls: type[object]) -> type:
    """A mutable slotted dataclass with ``cls``'s fields in the same order: an instance
    becomes a ``cls`` by a change of class, skipping the frozen ``__init__``."""
    slots = [(f.name, f.type) for f in fields(cls)]  # type: ignore[arg-type]
    return make_dataclass(f"_{cls.__name__}Fields", slots, slots=True)


def unfrozen_builder(cls: type[T]) -> Callable[..., T]:
    """A function making a ``cls`` (a frozen, slotted dataclass) from all its fields in
    order, without the frozen ``__init__``: for the hot paths that make a hit or an
    annotation per term found. It fills a mutable twin with the same slots in the same
    order and changes its class, so the result is an ordinary frozen ``cls``."""
    twin = _mutable_twin(cls)

    def build(*values: object) -> T:
        made = twin(*values)
        made.__class__ = cls
        return made  # type: ignore[no-any-return]

    return build


#: A mutable twin of :class:`Term`: the same slots in the same order, so that an
#: instance can become a Term by a change of class. A frozen dataclass sets each field
#: through ``object.__setattr__`` (about 1 µs per concept, a second per million rows).
_TermFields = _mutable_twin(Term)


def new_term(
    id: str,
    en: str,
    ru: str,
    en_variants: tuple[str, ...],
    ru_variants: tuple[str, ...],
    en_forbidden: tuple[str, ...],
    ru_forbidden: tuple[str, ...],
    kind: Kind,
    full_form: str,
    definition: str,
    note: str,
    status: Status,
    source: tuple[str, ...],
    extra: tuple[tuple[str, str], ...],
) -> Term:
    """``Term(...)`` with every field given, built without the frozen ``__init__``.

    For readers that make a million concepts; the result is an ordinary frozen Term.
    """
    term = _TermFields(id, en, ru, en_variants, ru_variants, en_forbidden, ru_forbidden,
                       kind, full_form, definition, note, status, source, extra)  # fmt: skip
    term.__class__ = Term
    return term  # type: ignore[no-any-return]


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
        self._by_id.update(zip([t.id for t in self.terms], self.terms, strict=True))

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
    import difflib

    close = difflib.get_close_matches(name.lower(), COLUMNS, n=1, cutoff=CLOSE_COLUMN_RATIO)
    if close and close[0] not in set(present):
        return f"unknown column {name!r} (did you mean {close[0]!r}?)"
    return None


def fold_term(text: str) -> str:
    """Comparison form of a whole term: NFC, case-folded, ё as е, spaces collapsed."""
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    return " ".join(text.split())


def validate(
    terms: Iterable[Term],
    other_ids: Iterable[str] = (),
    *,
    valid_before: Sequence[Term] | None = None,
) -> list[Problem]:
    """Every problem of a list of concepts, so one run reports them all.

    ``other_ids`` are ids of rows that failed to parse: references to them are not
    reported again. Linear, with whole-field string tests and compiled regexes (a
    per-character check cost seconds per 100k concepts); the problems of one concept
    come in a fixed order (id, terms per language, duplicates, full form).

    ``valid_before``: the same concepts, in the same order, before an edit, known to
    have no problem (a sync's glossary as read): then only the concepts that are not
    the very objects they were are checked for problems of their own, and the folded
    preferred terms for duplicates (a sync of one edit at 100k concepts spent half a
    second validating rows it had not touched).
    """
    items = terms if isinstance(terms, (list, tuple)) else list(terms)
    if valid_before is not None and _still_valid(items, valid_before):
        return []
    other_ids = tuple(other_ids)
    if _all_valid(items, other_ids):
        return []
    return _row_by_row(items, other_ids)


def _still_valid(items: Sequence[Term], before: Sequence[Term]) -> bool:
    """True when ``items``, edited from the problem-free ``before``, surely has no problem.

    The edited concepts keep their id, full form and extra columns (what other rows
    refer to or rely on), their own designations are clean, and no two preferred
    terms of a language fold alike (homonyms, allowed, are a doubt here), looked for
    only in a language whose preferred terms or homonyms an edit may have changed.
    Any doubt is answered ``False``: the full passes then judge.
    """
    if len(items) != len(before):
        return False
    edited = [(new, old) for new, old in zip(items, before, strict=True) if new is not old]
    for new, old in edited:
        if (new.id, new.full_form, new.extra) != (old.id, old.full_form, old.extra):
            return False
        if not (new.en or new.ru):
            return False
    part = [new for new, _ in edited]
    en, ru = [t.en for t in part if t.en], [t.ru for t in part if t.ru]
    if edited and _clean_designations(part, en, ru) is None:
        return False
    changed = {
        lang
        for new, old in edited
        for lang in ("en", "ru")
        if getattr(new, lang) != getattr(old, lang)
    }
    if any(new.definition != old.definition for new, old in edited):
        changed = {"en", "ru"}
    for lang in sorted(changed):
        values = [value for value in map(attrgetter(lang), items) if value]
        if len(set(_fold_all("\n".join(values)))) != len(values):
            return False
    return True


def _row_by_row(items: Sequence[Term], other_ids: tuple[str, ...]) -> list[Problem]:
    """The exact problems, concept by concept (the reference :func:`_all_valid` must agree with)."""
    problems: list[Problem] = []
    first_id: dict[str, int] = {}
    first_term: dict[tuple[str, str], int] = {}
    for index, term in enumerate(items):
        found = _id_problem(term.id, index, first_id)
        if found:
            problems.append(Problem(index, found))
        if not term.en and not term.ru:
            problems.append(Problem(index, "empty required field: a concept needs 'en' or 'ru'"))
        for column, _ in term.extra:
            if column in _KNOWN:
                problems.append(
                    Problem(
                        index,
                        f"extra column {column!r} would override the known column of that name",
                    )
                )
        for lang, preferred, variants, forbidden in (
            ("en", term.en, term.en_variants, term.en_forbidden),
            ("ru", term.ru, term.ru_variants, term.ru_forbidden),
        ):
            _designation_problems(problems, index, lang, preferred, variants, forbidden)
            if preferred:
                found = _duplicate_problem(items, index, lang, preferred, first_term)
                if found:
                    problems.append(Problem(index, found))
    ids = set(first_id)
    ids.update(other_ids)
    for index, term in enumerate(items):
        if term.full_form and term.full_form not in ids:
            problems.append(Problem(index, f"full_form {term.full_form!r} names no concept"))
    problems.sort(key=lambda p: p.index)
    return problems


_KNOWN = frozenset(COLUMNS)
#: The characters of an id (:data:`_ID_RE`), and the line feed that joins ids.
_ID_BYTES = b"abcdefghijklmnopqrstuvwxyz0123456789._-\n"
#: What breaks ids joined and surrounded by line feeds, besides other characters: an
#: empty id, or one starting or ending with '.', '_' or '-'.
_BAD_ID_EDGES = ("\n\n", "\n.", "\n_", "\n-", ".\n", "_\n", "-\n")
#: :data:`_BAD_CHARACTER` but for the line feed that joins values in the fast pass.
_BAD_BUT_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")
#: Whitespace other than the space that a clean value may hold (controls are refused).
_OTHER_SPACE = re.compile("[\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]")
#: Either of the two above, for one pass over clean designations. NFC and case folding
#: make no whitespace of other characters (U+2000 and U+2001 are in the class anyway).
_BAD_OR_SPACED = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)


def _all_valid(items: Sequence[Term], other_ids: tuple[str, ...]) -> bool:
    """True when no concept has a problem, found with a few C-speed passes.

    Whole-column tests (one regex over all ids, one over the designations and one
    fold of the preferred terms per slice of :data:`_SLICE` concepts, so the
    temporary strings stay small) instead of
    per-value Python work; duplicates are looked for among the hashes of the folded
    terms (a hash collision only sends the list to the exact pass). Any doubt is
    answered ``False`` and :func:`validate` then finds the exact problems row by row.
    """
    if not items:
        return True
    ids = [t.id for t in items]
    if not _clean_ids("\n" + "\n".join(ids) + "\n", len(ids)):
        return False
    known = set(ids)
    if len(known) != len(ids):
        return False
    del ids
    if any(not (t.en or t.ru) for t in items):
        return False
    if any(_KNOWN.intersection(c for c, _ in t.extra) for t in items if t.extra):
        return False
    if not _unique_preferred(items):
        return False
    full_forms = {t.full_form for t in items}
    full_forms.discard("")
    return full_forms <= known or full_forms <= known.union(other_ids)


def _clean_ids(joined: str, count: int) -> bool:
    """Whether ``count`` ids joined and surrounded by line feeds are all slugs.

    Byte deletion and substring tests, at C speed (a regex spent 30 ns per character);
    an id holding a line feed would pass for two good ones, so the feeds are counted.
    """
    if not count:
        return True
    if not joined.isascii() or joined.count("\n") != count + 1:
        return False
    if joined.encode("ascii").translate(None, _ID_BYTES):
        return False
    return not any(edge in joined for edge in _BAD_ID_EDGES)


def _unique_preferred(items: Sequence[Term]) -> bool:
    """Clean designations and no two preferred terms of a language folding alike.

    Only hashes of the folded terms are kept (a collision is a doubt, not a pass):
    a million folded strings would cost hundreds of megabytes. Each language is
    folded on its own: English terms are mostly ASCII, which folds at memory speed.
    """
    folded: tuple[set[int], set[int]] = (set(), set())
    counts = [0, 0]
    for first in range(0, len(items), _SLICE):
        part = items[first : first + _SLICE]
        en, ru = [t.en for t in part if t.en], [t.ru for t in part if t.ru]
        clean = _clean_designations(part, en, ru)
        if clean is None:
            return False
        joined, spaced = clean
        # The preferred terms lead the joined designations, English then Russian.
        en_end = sum(map(len, en)) + len(en)
        ru_end = en_end + sum(map(len, ru)) + len(ru)
        texts = (joined[: en_end - 1] if en else None, joined[en_end : ru_end - 1] if ru else None)
        for index, text in enumerate(texts):
            if text is None:
                continue
            values = _fold_all(text, spaced)
            folded[index].update(map(hash, values))
            counts[index] += len(values)
            if len(folded[index]) != counts[index]:
                return False  # a duplicate (or homonyms): let the row-by-row pass judge
    return True


#: Concepts checked per slice by :func:`_all_valid`.
_SLICE = 65_536


def _clean_designations(
    items: Sequence[Term], en: list[str], ru: list[str]
) -> tuple[str, bool] | None:
    """The designations joined by line feeds, preferred terms first (``en``, ``ru``),
    and whether they hold whitespace other than the space; or ``None`` when one has
    outer whitespace, a line break, a tab or another control.

    One regex pass looks for both (:data:`_BAD_OR_SPACED`); only a hit is looked at again.
    """
    values = en + ru
    for t in items:
        if t.en_variants:
            values.extend(t.en_variants)
        if t.ru_variants:
            values.extend(t.ru_variants)
        if t.en_forbidden:
            values.extend(t.en_forbidden)
        if t.ru_forbidden:
            values.extend(t.ru_forbidden)
    if list(map(str.strip, values)) != values:
        return None
    joined = "\n".join(values)
    if joined.count("\n") != len(values) - 1:
        return None
    if _BAD_OR_SPACED.search(joined) is None:
        return joined, False
    if _BAD_BUT_NEWLINE.search(joined):
        return None
    return joined, True


def _fold_all(text: str, spaced: bool = True) -> list[str]:
    """:func:`fold_term` of many clean values (no line breaks) joined by line feeds;
    ``spaced``: they may hold whitespace other than the space."""
    text = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    if spaced and _OTHER_SPACE.search(text):
        return [" ".join(v.split()) for v in text.split("\n")]
    while "  " in text:
        text = text.replace("  ", " ")
    return text.split("\n")


#: Characters a term may not hold: C0/C1 controls (tab, line breaks), line and
#: paragraph separators (Unicode categories Cc, Zl, Zp).
_BAD_CHARACTER = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _id_problem(term_id: str, index: int, first_id: dict[str, int]) -> str | None:
    if not term_id:
        return "empty required field 'id'"
    if not _ID_RE.match(term_id):
        return f"invalid id {term_id!r} (expected a lowercase ASCII slug: a-z, 0-9, '.', '_', '-')"
    if term_id in first_id:
        return f"duplicate id {term_id!r} (first used on row {first_id[term_id] + 1})"
    first_id[term_id] = index
    return None


def _badly_spaced(value: str) -> bool:
    return bool(value) and (
        value[0].isspace() or value[-1].isspace() or _BAD_CHARACTER.search(value) is not None
    )


def _designation_problems(
    problems: list[Problem],
    index: int,
    lang: str,
    preferred: str,
    variants: tuple[str, ...],
    forbidden: tuple[str, ...],
) -> None:
    for label, values in (
        (lang, (preferred,)),
        (f"{lang}_variants", variants),
        (f"{lang}_forbidden", forbidden),
    ):
        for value in values:
            if _badly_spaced(value):
                problems.append(
                    Problem(
                        index,
                        f"{label} {value!r} has leading or trailing spaces, a line break or a tab",
                    )
                )


def _duplicate_problem(
    items: Sequence[Term],
    index: int,
    lang: str,
    preferred: str,
    first_term: dict[tuple[str, str], int],
) -> str | None:
    key = (lang, fold_term(preferred))
    first = first_term.setdefault(key, index)
    if first == index:
        return None
    other, term = items[first], items[index]
    if _homonyms(term, other):
        return None
    return (
        f"duplicate {lang} term {preferred!r} (also in concept "
        f"{other.id!r}); homonyms need a distinct definition on both rows"
    )


def _homonyms(a: Term, b: Term) -> bool:
    return bool(a.definition and b.definition and a.definition != b.definition)


def _has_control(value: str) -> bool:
    return _BAD_CHARACTER.search(value) is not None


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
