"""The annotation job: every glossary term in a text, with its JSON and terminal renderings.

:func:`annotate` takes a text and a glossary (a terms.csv path, a :class:`Glossary`,
or ``None`` for the workspace's) and returns the terms found; :func:`annotate_stream`
does the same over a text given in pieces (a file's lines), paragraph by paragraph,
so memory stays bounded however long the input. Offsets are into the text as given
(the concatenation of the pieces), so CRLF, ё, combining accents and typographic
quotes never shift them. Both cut the text at the same places (blank lines, or a
line end past :data:`PARAGRAPH_LIMIT` characters), so they find the same terms; a
term never spans a blank line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from glossary.matching import Designation, Role, Span, Summary
from glossary.model import Glossary, Lang, Status, Term, unfrozen_builder
from glossary.term_json import term_to_json

if TYPE_CHECKING:
    from glossary.index import Lookup, Progress
    from glossary.matching import TermMatcher

__all__ = [
    "PARAGRAPH_LIMIT",
    "Annotation",
    "Annotator",
    "Summary",
    "annotate",
    "annotate_stream",
    "from_spans",
    "paragraphs",
    "render_terminal",
    "to_json",
]

#: A paragraph longer than this (characters) is cut at a line end, or else at a space.
PARAGRAPH_LIMIT = 1 << 20


@dataclass(frozen=True, slots=True)
class Annotation:
    """A term in the text: ``text[start:end]`` designates ``term`` in ``lang``."""

    start: int
    end: int
    text: str
    term: Term
    lang: Lang
    role: Role
    #: What else these words hold: other concepts they designate (homonyms), then
    #: the terms nested in or overlapping them that lost to this one.
    also: tuple[Annotation, ...] = ()

    @property
    def rendering(self) -> str:
        """The approved term in the other language (what a translator writes)."""
        return self.term.preferred(self.lang.other)

    def to_json(self) -> dict[str, Any]:
        """The span, the term's JSON (:func:`glossary.term_json.term_to_json`) and ``also``."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "lang": self.lang.value,
            "role": self.role.value,
            "rendering": self.rendering,
            **term_to_json(self.term),
            "also": [a.to_json() for a in self.also],
        }


_new_annotation = unfrozen_builder(Annotation)


class Annotator:
    """A matcher and a way to find concepts by id: build once, annotate many texts."""

    def __init__(
        self,
        matcher: TermMatcher,
        term: Callable[[str], Term | None],
        terms: Callable[[Iterable[str]], Mapping[str, Term]] | None = None,
        summaries: Callable[[Iterable[str]], Mapping[str, Summary]] | None = None,
        *,
        labelled: bool = False,
    ) -> None:
        """``term`` finds one concept by id; ``terms``, if given, many at once (an
        index answers a text's thousands of concepts in one query, not one each);
        ``summaries``, if given, the :data:`Summary` of many at once, for
        :meth:`plain` (else taken from their terms). ``labelled``: the matcher was
        compiled from the same concepts ``term`` finds, so :meth:`plain` may show the
        labels compiled into it (:meth:`~glossary.matching.TermMatcher.labelled`)."""
        self.matcher = matcher
        self._labelled = labelled and matcher.labels
        self._term = term
        self._fetch = terms
        self._summaries = summaries
        self._terms: dict[str, Term | None] = {}
        self._summary: dict[str, Summary | None] = {}

    @classmethod
    def of(
        cls,
        glossary: Path | str | Glossary | Lookup | None = None,
        *,
        progress: Progress | None = None,
    ) -> Annotator:
        """An annotator over a terms.csv (through its persistent index and the matcher
        stored with it), a glossary in memory, an open :class:`~glossary.index.Lookup`,
        or the workspace's glossary; ``progress`` wraps the concepts if an index is built."""
        from glossary.index import Lookup, open_matcher

        if isinstance(glossary, Lookup):
            return cls(
                glossary.matcher(),
                glossary.term,
                glossary.terms,
                glossary.summaries,
                labelled=True,
            )
        if isinstance(glossary, Glossary):
            from glossary.matching import TermMatcher

            return cls(TermMatcher(glossary, inflections=True), glossary.get, labelled=True)
        if glossary is None:
            from glossary.workspace import resolve

            glossary = resolve(None).glossary_path
        index, matcher = open_matcher(Path(glossary), progress=progress)
        return cls(matcher, index.term, index.terms, index.summaries, labelled=True)

    def term(self, term_id: str) -> Term | None:
        if term_id not in self._terms:
            self._terms[term_id] = self._term(term_id)
        return self._terms[term_id]

    def annotate(self, text: str) -> list[Annotation]:
        """Every term in ``text``, in order (see the module docstring for the cuts)."""
        return list(self.stream([text]))

    def stream(self, pieces: Iterable[str]) -> Iterator[Annotation]:
        """Every term in the concatenation of ``pieces``, one paragraph in memory at a time."""
        for _, _, found in self.paragraphs(pieces):
            yield from found

    def paragraphs(self, pieces: Iterable[str]) -> Iterator[tuple[int, str, list[Annotation]]]:
        """``(offset, paragraph, annotations)`` for each paragraph of the concatenated
        ``pieces``; annotation offsets count from the start of the whole text."""
        offset = 0
        for paragraph in paragraphs(pieces):
            spans = self.matcher.find(paragraph)
            self._prefetch(spans)
            yield offset, paragraph, from_spans(spans, self.term, offset)
            offset += len(paragraph)

    def plain(self, pieces: Iterable[str]) -> Iterator[tuple[str, str]]:
        """``(paragraph, rendered)`` for each paragraph of the concatenated ``pieces``:
        the paragraph as :func:`render_terminal` shows its annotations without styles,
        made from the hits chosen (:meth:`~glossary.matching.TermMatcher.winners`) and
        a :data:`Summary` of their concepts, not from annotations and whole concepts
        (a third of a cold run at 100k concepts went to those); the same text."""
        if self._labelled:  # the labels compiled into the matcher: no concept fetched
            for paragraph in paragraphs(pieces):
                yield paragraph, _render_labelled(paragraph, self.matcher.labelled(paragraph))
            return
        for paragraph in paragraphs(pieces):
            hits = self.matcher.winners(paragraph)
            yield paragraph, _render_hits(paragraph, hits, self._summarised(hits))

    def _summarised(
        self, hits: list[tuple[int, int, tuple[Designation, ...]]]
    ) -> Mapping[str, Summary | None]:
        """The summaries of the concepts of ``hits`` (``None``: no such concept),
        those not yet known fetched in one batch."""
        known = self._summary
        wanted = {d.term_id for _, _, found in hits for d in found if d.term_id not in known}
        if wanted:
            if self._summaries is not None:
                found = self._summaries(wanted)
            else:
                terms = self._fetch(wanted) if self._fetch is not None else {}
                found = {
                    term.id: (term.en, term.ru, term.reviewed)
                    for term in (terms.get(i) or self.term(i) for i in wanted)
                    if term is not None
                }
            for term_id in wanted:
                known[term_id] = found.get(term_id)
        return known

    def _prefetch(self, spans: list[Span]) -> None:
        """Fetch the concepts of ``spans`` (and of the hits they beat) not yet known,
        in one batch, when the source can (see ``terms`` of :meth:`__init__`)."""
        if self._fetch is None or not spans:
            return
        known = self._terms
        wanted = {
            d.term_id
            for span in spans
            for part in (span, *span.also)
            for d in part.designations
            if d.term_id not in known
        }
        if wanted:
            found = self._fetch(wanted)
            for term_id in wanted:
                known[term_id] = found.get(term_id)


def _render_labelled(text: str, hits: list[tuple[int, int, str]]) -> str:
    """:func:`_render_hits` of hits labelled by the matcher: each followed by its label."""
    out: list[str] = []
    append = out.append
    position = 0
    for _, end, label in hits:
        append(text[position:end])
        append(label)
        position = end
    append(text[position:])
    return "".join(out)


def _render_hits(
    text: str,
    hits: list[tuple[int, int, tuple[Designation, ...]]],
    summary: Mapping[str, Summary | None],
) -> str:
    """:func:`render_terminal` without styles of the annotations :func:`from_spans`
    makes of ``hits``: each hit shows the concept :func:`_ranked` puts first
    (preferred before variant, reviewed before not, else the first), none if no
    concept of it exists."""
    out: list[str] = []
    append = out.append
    position = 0
    for start, end, found in hits:
        best: tuple[Designation, Summary] | None = None
        if len(found) == 1:  # most hits: one concept
            fields = summary.get(found[0].term_id)
            if fields is not None:
                best = found[0], fields
        else:
            rank = (2, 2)
            for designation in found:
                fields = summary.get(designation.term_id)
                if fields is None:
                    continue
                mine = (0 if designation.role is Role.PREFERRED else 1, 0 if fields[2] else 1)
                if mine < rank:
                    best, rank = (designation, fields), mine
        if best is None:
            continue
        designation, (en, ru, reviewed) = best
        rendering = (ru if designation.lang is Lang.EN else en) or "—"
        append(text[position:start])
        append(text[start:end])
        append(f" [{rendering}]" if reviewed else f" [?{rendering}]")
        position = end
    append(text[position:])
    return "".join(out)


def annotate(text: str, glossary: Path | str | Glossary | None = None) -> list[Annotation]:
    """Every term of ``glossary`` in ``text``; overlaps resolve to the terms covering
    the most words, the others listed in each annotation's ``also``."""
    return Annotator.of(glossary).annotate(text)


def annotate_stream(
    pieces: Iterable[str], glossary: Path | str | Glossary | None = None
) -> Iterator[Annotation]:
    """:func:`annotate` over a text given in pieces (e.g. an open file's lines)."""
    return Annotator.of(glossary).stream(pieces)


def paragraphs(pieces: Iterable[str], limit: int = PARAGRAPH_LIMIT) -> Iterator[str]:
    """The concatenated ``pieces`` cut after each blank line (and at a line end, or
    else a space, once a paragraph exceeds ``limit``); joined they give the text back."""
    pending: list[str] = []
    size = 0
    content = False
    for line in _lines(pieces, limit):
        pending.append(line)
        size += len(line)
        blank = not line.strip()
        if (blank and content) or size >= limit:
            yield "".join(pending)
            pending, size, content = [], 0, False
        else:
            content = content or not blank
    if pending:
        yield "".join(pending)


def _lines(pieces: Iterable[str], limit: int) -> Iterator[str]:
    """Lines (with their ends) of the concatenated pieces; a line longer than
    ``limit`` comes in parts cut after a space where there is one."""
    partial = ""
    for piece in pieces:
        text = partial + piece if partial else piece
        start = 0
        while (newline := text.find("\n", start)) >= 0:
            yield text[start : newline + 1]
            start = newline + 1
        partial = text[start:]
        while len(partial) > limit:
            space = max(partial.rfind(" ", 0, limit), partial.rfind("\t", 0, limit))
            cut = space + 1 if space > 0 else limit
            yield partial[:cut]
            partial = partial[cut:]
    if partial:
        yield partial


def from_spans(
    spans: Iterable[Span], term: Callable[[str], Term | None], offset: int = 0
) -> list[Annotation]:
    """One annotation per span (offsets moved by ``offset``); where words designate
    several concepts, reviewed preferred terms win and the others go to ``also``,
    followed by the spans this one beat."""
    result = []
    for span in spans:
        if len(span.designations) == 1 and not span.also:  # most spans: one concept
            designation = span.designations[0]
            found = term(designation.term_id)
            if found is not None:
                result.append(_annotation(span, found, designation, offset))
            continue
        ranked = _ranked(span, term, offset)
        if not ranked:
            continue
        best, *homonyms = ranked
        beaten = [a for other in span.also for a in _ranked(other, term, offset)]
        result.append(
            _new_annotation(
                best.start,
                best.end,
                best.text,
                best.term,
                best.lang,
                best.role,
                (*homonyms, *beaten),
            )
        )
    return result


def _ranked(span: Span, term: Callable[[str], Term | None], offset: int) -> list[Annotation]:
    """An annotation per concept of ``span``, best first: preferred before variant,
    reviewed before not."""
    ranked: list[tuple[tuple[int, int], Designation, Term]] = []
    for designation in span.designations:
        found = term(designation.term_id)
        if found is None:
            continue
        rank = (0 if designation.role is Role.PREFERRED else 1, 0 if found.reviewed else 1)
        ranked.append((rank, designation, found))
    ranked.sort(key=lambda item: item[0])
    seen: set[str] = set()
    result = []
    for _, designation, found in ranked:
        if found.id in seen:
            continue
        seen.add(found.id)
        result.append(_annotation(span, found, designation, offset))
    return result


def _annotation(span: Span, found: Term, designation: Designation, offset: int) -> Annotation:
    """``found`` annotated on ``span``, shifted by ``offset`` into the whole text."""
    return _new_annotation(
        span.start + offset,
        span.end + offset,
        span.text,
        found,
        designation.lang,
        designation.role,
        (),
    )


def to_json(items: Iterable[Annotation]) -> list[dict[str, Any]]:
    return [a.to_json() for a in items]


def render_terminal(
    text: str,
    items: Iterable[Annotation],
    style: Callable[[str, tuple[str, ...]], str] | None,
    offset: int = 0,
) -> str:
    """The text with each term highlighted and followed by its rendering in brackets;
    unreviewed terms are marked ``?``. ``style(text, styles)`` adds colour (``None``:
    plain text); ``text`` starts at ``offset`` of the annotated text (a paragraph of it)."""
    if style is None:
        return _render_plain(text, items, offset)
    out = []
    position = 0
    for a in items:
        out.append(text[position : a.start - offset])
        reviewed = a.term.reviewed
        marker = "" if reviewed else "?"
        out.append(style(a.text, ("bold", "cyan") if reviewed else ("bold", "yellow")))
        rendering = a.rendering or "—"
        out.append(style(f" [{marker}{rendering}]", ("dim",)))
        position = a.end - offset
    out.append(text[position:])
    return "".join(out)


def _render_plain(text: str, items: Iterable[Annotation], offset: int) -> str:
    """:func:`render_terminal` without styles, the properties read inline (an
    annotated text renders tens of thousands of terms)."""
    out: list[str] = []
    append = out.append
    position = 0
    for a in items:
        append(text[position : a.start - offset])
        append(a.text)
        term = a.term
        rendering = (term.ru if a.lang is Lang.EN else term.en) or "—"
        append(f" [{rendering}]" if term.status is Status.REVIEWED else f" [?{rendering}]")
        position = a.end - offset
    append(text[position:])
    return "".join(out)
