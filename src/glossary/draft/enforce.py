"""Glossary enforcement on machine drafts: the approved rendering of every source term.

For each reviewed concept found in the source segment (matched lemma-aware with the
shared :class:`~glossary.matching.TermMatcher`), the draft must contain an approved
rendering in the target language (the preferred term or an admitted variant, which
the terminologist approved too: «госсекретарь» stays), in any inflected form. When it
does not, the words the machine used instead are looked for: a forbidden rendering,
or another known translation of the term (the caller passes, for instance, what the
machine gives for the term on its own). Those words are replaced by the approved
term put in their case and number (:mod:`glossary.text.ru`; for English,
their number). When no such words are found, or the replacement is not certain, the draft
is left as it is and a note asks the reviewer to look. A forbidden rendering left in
the draft is always noted, never silent.

The notes become ``#.`` comments of the PO entry.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from glossary.matching import Designation, Role, Span, TermMatcher
from glossary.model import Glossary, Lang, Status, Term

__all__ = ["Enforced", "Enforcer", "Replacement"]

_PREVIOUS_WORD = re.compile(r"([^\W\d_]+(?:-[^\W\d_]+)?)\W*\Z")
_FIRST_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class Replacement:
    """Words of the draft replaced by the approved rendering of a concept."""

    term_id: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Enforced:
    """A draft after enforcement, what was replaced, and what the reviewer must check."""

    text: str
    replacements: tuple[Replacement, ...] = ()
    flags: tuple[str, ...] = ()
    #: Concepts of the source whose approved rendering is still missing.
    missing: tuple[str, ...] = ()

    @property
    def notes(self) -> list[str]:
        """``#.`` comment lines, replacements first."""
        lines = [f"enforced: «{r.old}» → «{r.new}» ({r.term_id})" for r in self.replacements]
        lines.extend(f"review: {flag}" for flag in self.flags)
        return lines


class Enforcer:
    """Checks and corrects drafts from ``source`` into ``target`` against a glossary."""

    def __init__(
        self,
        glossary: Glossary,
        source: Lang,
        target: Lang,
        matcher: TermMatcher | None = None,
    ) -> None:
        self.glossary = glossary
        self.source = source
        self.target = target
        #: Preferred, variant and forbidden designations of both languages.
        self.matcher = matcher or TermMatcher(glossary, forbidden=True)

    def source_terms(self, segment: str) -> list[tuple[Span, Term]]:
        """Concepts designated in a source segment, in text order, each once."""
        found: list[tuple[Span, Term]] = []
        seen: set[str] = set()
        for span in self.matcher.find(segment):
            for designation in span.designations:
                if designation.lang is not self.source or designation.term_id in seen:
                    continue
                term = self.glossary.get(designation.term_id)
                if term is not None:
                    seen.add(term.id)
                    found.append((span, term))
        return found

    def enforced_terms(self, segment: str) -> list[tuple[Span, Term]]:
        """Source concepts whose approved rendering a draft must contain."""
        return [
            (span, term)
            for span, term in self.source_terms(segment)
            if term.status is Status.REVIEWED and term.preferred(self.target)
        ]

    def missing(self, segment: str, draft: str) -> list[tuple[Span, Term]]:
        """Enforced concepts with no approved rendering (preferred or variant) in ``draft``."""
        present = self._present(self.matcher.find(draft))
        return [(s, t) for s, t in self.enforced_terms(segment) if t.id not in present]

    def enforce(
        self,
        segment: str,
        draft: str,
        known: Mapping[str, Sequence[str]] | None = None,
        *,
        correct: bool = True,
    ) -> Enforced:
        """Put every approved rendering into ``draft`` where that is safe; note the rest.

        ``known`` maps a concept id to other translations of it that may stand in the
        draft (e.g. the machine's translation of the term alone). With ``correct``
        false nothing is replaced and every problem is noted (for human translations).
        """
        known = known or {}
        target_spans = self.matcher.find(draft)
        present = self._present(target_spans)
        edits: list[tuple[int, int, str, Replacement]] = []
        flags: list[str] = []
        missing: list[str] = []
        taken: list[tuple[int, int]] = []
        for source_span, term in self.enforced_terms(segment):
            if term.id in present:
                continue
            approved = term.preferred(self.target)
            candidates = [
                s
                for s in target_spans
                if any(_stands_for(d, term.id, self.target) for d in s.designations)
            ]
            if not candidates and known.get(term.id):
                candidates = self._known_spans(term, known[term.id], draft)
            candidates = [s for s in candidates if not _overlaps(s, taken)]
            if not candidates:
                flags.append(
                    f"«{approved}» ({term.id}) missing for «{source_span.text}»; "
                    "the draft has no rendering of it that could be replaced"
                )
                missing.append(term.id)
                continue
            planned: list[tuple[Span, str]] = []
            for span in candidates if correct else ():
                new = self._replacement(approved, span, draft)
                if new is None:
                    planned = []
                    break
                planned.append((span, new))
            if not planned:
                words = " | ".join(f"«{s.text}»" for s in candidates)
                flags.append(
                    f"«{approved}» ({term.id}) missing for «{source_span.text}»; "
                    f"{words} should be replaced by it in the right form"
                )
                missing.append(term.id)
                continue
            for span, new in planned:
                start, prefix = _preposition_before(draft, span.start, new, self.target)
                edits.append((start, span.end, prefix + new, Replacement(term.id, span.text, new)))
                taken.append((span.start, span.end))
        text = draft
        for start, end, new, _ in sorted(edits, key=lambda e: e[0], reverse=True):
            text = text[:start] + new + text[end:]
        flags.extend(self._forbidden_left(text))
        return Enforced(
            text,
            tuple(e[3] for e in sorted(edits, key=lambda e: e[0])),
            tuple(flags),
            tuple(missing),
        )

    def _present(self, spans: Sequence[Span]) -> set[str]:
        return {
            d.term_id
            for s in spans
            for d in s.designations
            if d.lang is self.target and d.role is not Role.FORBIDDEN
        }

    def _known_spans(self, term: Term, renderings: Sequence[str], draft: str) -> list[Span]:
        """Where the draft holds one of ``renderings`` of ``term`` (lemma-aware)."""
        pseudo = [
            Term(f"{term.id}.{i}").with_preferred(self.target, r)
            for i, r in enumerate(dict.fromkeys(renderings))
            if r.strip()
        ]
        if not pseudo:
            return []
        spans = TermMatcher(pseudo, self.matcher.normalizer).find(draft)
        glossary_hits = self.matcher.find(draft)
        # Words that render another concept of the glossary are not this one's.
        return [
            s for s in spans if not any(_overlaps(s, [(g.start, g.end)]) for g in glossary_hits)
        ]

    def _replacement(self, approved: str, span: Span, draft: str) -> str | None:
        if self.target is Lang.RU:
            from glossary.text.ru import inflect_like

            previous = _PREVIOUS_WORD.search(draft[: span.start])
            new = inflect_like(approved, span.text, previous.group(1) if previous else "")
        else:
            new = _english_like(approved, span.text, self.matcher)
        if new is None:
            return None
        first = _FIRST_LETTER.search(draft)
        if first is not None and first.start() == span.start and new[:1].islower():
            new = new[:1].upper() + new[1:]
        return new

    def _forbidden_left(self, text: str) -> list[str]:
        flags = []
        for span in self.matcher.find(text):
            allowed = {
                d.term_id
                for d in span.designations
                if d.lang is self.target and d.role is not Role.FORBIDDEN
            }
            for d in span.designations:
                if d.lang is self.target and d.role is Role.FORBIDDEN and d.term_id not in allowed:
                    term = self.glossary.get(d.term_id)
                    use = term.preferred(self.target) if term else ""
                    advice = f" (use «{use}»)" if use else ""
                    flags.append(f"forbidden rendering «{span.text}» of {d.term_id}{advice}")
                    break
        return flags


_O_BEFORE = re.compile(r"(?<![^\W\d_])([Оо]б?)(\s+)\Z")


def _preposition_before(draft: str, start: int, new: str, lang: Lang) -> tuple[int, str]:
    """Russian «о» becomes «об» before a vowel and back: («о Хартии» → «об Уставе»)."""
    if lang is not Lang.RU:
        return start, ""
    match = _O_BEFORE.search(draft[:start])
    if match is None:
        return start, ""
    word, space = match.group(1), match.group(2)
    vowel = new[:1].lower() in "аиоуэ"
    wanted = word[0] + ("б" if vowel else "")
    if wanted == word:
        return start, ""
    return match.start(), wanted + space


def _stands_for(designation: Designation, term_id: str, lang: Lang) -> bool:
    return (
        designation.term_id == term_id
        and designation.lang is lang
        and designation.role is Role.FORBIDDEN
    )


def _overlaps(span: Span, taken: Sequence[tuple[int, int]]) -> bool:
    return any(span.start < end and start < span.end for start, end in taken)


def _english_like(approved: str, replaced: str, matcher: TermMatcher) -> str | None:
    """``approved`` in the number of ``replaced``: its last word pluralised when needed."""
    replaced_words = replaced.split()
    words = approved.split()
    if not replaced_words or not words:
        return None
    key = matcher.normalizer.word_key
    last_replaced = replaced_words[-1]
    replaced_plural = key(last_replaced) != last_replaced.casefold()
    approved_plural = key(words[-1]) != words[-1].casefold()
    if not replaced_plural or approved_plural:
        return approved
    from glossary.text.morph_en import lemminflect

    plural = lemminflect().getInflection(words[-1], tag="NNS")
    if not plural:
        return None
    words[-1] = plural[0]
    return " ".join(words)
