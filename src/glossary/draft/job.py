"""The whole ``glossary draft`` job as one function: a source text becomes a PO draft.

The command line only gathers what this needs (the files, the memory read from them,
an installed translator, the stored matcher) and writes the result.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from glossary.draft.drafts import Draft, Drafter, build_po
from glossary.draft.machine import Translator
from glossary.draft.memory import DEFAULT_THRESHOLD, TranslationMemory
from glossary.draft.skeleton import segment_document
from glossary.errors import GlossaryError
from glossary.formats.document import detect_language, read_document
from glossary.formats.po import POFile
from glossary.matching import TermMatcher
from glossary.model import Glossary, Lang, TranslationUnit

__all__ = ["LANGUAGE_NAMES", "draft_document"]

LANGUAGE_NAMES = {Lang.EN: "English", Lang.RU: "Russian"}
#: ``progress(items, total)``: yields ``items``, perhaps drawing a bar.
Progress = Callable[[Iterable[Draft], int], Iterable[Draft]]


def draft_document(
    data: bytes,
    name: str,
    glossary: Glossary,
    target: Lang,
    *,
    memory: Iterable[TranslationUnit] = (),
    threshold: float = DEFAULT_THRESHOLD,
    existing: POFile | None = None,
    translator: Translator | None = None,
    translator_label: str = "",
    matcher: TermMatcher | None = None,
    document_name: str = "",
    source_name: str = "",
    revision_date: str = "",
    progress: Progress | None = None,
) -> POFile:
    """The draft of the source file ``data`` (named ``name``) into ``target``.

    One fuzzy-or-empty entry per sentence, drafted from ``memory`` (exact, then fuzzy
    above ``threshold``), then ``translator``, with the glossary's terms listed and
    enforced; merged msgmerge-style into ``existing``. A text already in ``target``
    is refused: translating it again is always a mistake of direction.
    """
    source = target.other
    document = read_document(data, name, lang=source)
    if detect_language(document.text) is target:
        raise GlossaryError(
            f"{name} is {LANGUAGE_NAMES[target]} already: nothing to translate into "
            f"{LANGUAGE_NAMES[target]}; did you mean --to {source.value}?"
        )
    segments, headers = segment_document(data, name, source, source_name=source_name)
    translation_memory = TranslationMemory((), source, target, threshold=threshold)
    for unit in memory:
        translation_memory.add(unit)
    drafter = Drafter(
        glossary,
        source,
        target,
        memory=translation_memory,
        translator=translator,
        translator_label=translator_label,
        matcher=matcher,
    )
    drafts: Iterable[Draft] = drafter.draft(segments)
    if progress is not None:
        drafts = progress(drafts, len(segments))
    return build_po(
        list(drafts),
        document_name or name,
        source,
        target,
        existing=existing,
        revision_date=revision_date,
        threshold=threshold,
        headers=headers,
    )
