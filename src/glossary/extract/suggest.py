"""Suggested renderings for candidates: the glossary first, machine translation second.

A candidate whose match key equals a designation of a glossary concept gets
that concept's preferred term in the other language (source ``glossary``); an
acronym the text does not spell out gets its expansion from the glossary's
``full_form`` link. Otherwise aligned translation memory (``--memory``), when a
rendering co-occurs with the term there (source ``memory``, see
:mod:`glossary.extract.memory`). Otherwise, when a translator for the pair is given (or
found through :mod:`glossary.draft.machine`), its output is the suggestion
(source ``mt``). Nothing found: ``None``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from glossary.extract.candidate import Candidate
from glossary.extract.memory import MemorySuggester
from glossary.model import Glossary, Kind

if TYPE_CHECKING:
    from glossary.draft.machine import Translator

__all__ = ["find_translator", "suggest"]


def find_translator(from_lang: str, to_lang: str) -> Translator | None:
    """The installed MT translator for the pair, or ``None`` (Argos is an optional extra)."""
    try:
        from glossary.draft.machine import find_translator as find
    except ImportError:
        return None
    return find(from_lang, to_lang)


def suggest(
    candidates: list[Candidate],
    glossary: Glossary | None,
    translator: Translator | None = None,
    memory: MemorySuggester | None = None,
) -> list[Candidate]:
    """Suggestions in order of trust: the glossary, aligned memory, machine translation."""
    result = list(candidates)
    if glossary is not None and len(glossary):
        result = _from_glossary(result, glossary)
    if memory is not None and len(memory):
        result = _from_memory(result, memory)
    if translator is not None:
        result = _from_translator(result, translator)
    return result


def _from_glossary(candidates: list[Candidate], glossary: Glossary) -> list[Candidate]:
    """The other language's preferred term, and an acronym's expansion, from the glossary."""
    from glossary.matching import TermMatcher

    matcher = TermMatcher(glossary)
    result = list(candidates)
    for index, candidate in enumerate(result):
        found = matcher.exact(candidate.term)
        term = glossary.get(found[0].term_id) if found else None
        if term is None:
            continue
        other = term.preferred(candidate.lang.other)
        changes: dict[str, Any] = {}
        if other:
            changes["suggestion"] = other
            changes["suggestion_source"] = "glossary"
        if term.kind is Kind.ACRONYM and not candidate.expansion and term.full_form:
            full = glossary.get(term.full_form)
            if full is not None and full.preferred(candidate.lang):
                changes["expansion"] = full.preferred(candidate.lang)
        if changes:
            result[index] = replace(candidate, **changes)
    return result


def _from_memory(candidates: list[Candidate], memory: MemorySuggester) -> list[Candidate]:
    """Renderings aligned translation memory pairs with the term, where none is known yet."""
    result = list(candidates)
    for index, candidate in enumerate(result):
        if candidate.suggestion is None:
            rendering = memory.suggest(candidate.term, candidate.lang)
            if rendering:
                result[index] = candidate.with_suggestion(rendering, "memory")
    return result


def _from_translator(candidates: list[Candidate], translator: Translator) -> list[Candidate]:
    """Machine translations of the candidates still without a suggestion, in one batch."""
    result = list(candidates)
    missing = [i for i, c in enumerate(result) if c.suggestion is None]
    if missing:
        outputs = translator.translate([result[i].term for i in missing])
        for index, output in zip(missing, outputs, strict=False):
            if output and output.strip():
                result[index] = result[index].with_suggestion(output.strip(), "mt")
    return result
