"""The translated document from a reviewed draft: ``glossary render DRAFT.po``.

The draft's skeleton (:mod:`glossary.draft.skeleton`) holds the source and where each
sentence sits in it; every slot is filled with its entry's translation and the rest
of the source (paragraphs, headings, line breaks, Markdown marks, HTML tags) is
copied as it is. A slot whose entry has no usable translation keeps the source
sentence and is reported with the entry's line. A translation identical to its
msgid keeps the source sentence exactly as written (its line breaks included), so
rendering a draft whose every msgstr is its msgid gives back the source byte for
byte. Translations put into HTML are escaped (``&``, ``<``, ``>``).

Pure core: the parsed PO (and, when the source file is at hand, its bytes) in, the
document's bytes and the list of problems out.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from glossary.draft.skeleton import (
    CHECKSUM_HEADER,
    SKELETON_HEADER,
    SOURCE_HEADER,
    Skeleton,
    checksum,
    entry_key,
)
from glossary.errors import FormatError, GlossaryError
from glossary.formats.po import POFile, PoUnit, header_line, live_entries

__all__ = ["Problem", "Rendered", "render_draft", "source_of"]

#: How much of a segment a problem report quotes.
_QUOTED_CHARS = 60

_BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class Problem:
    """An entry whose source sentence was kept: ``line`` of its msgid, what was wrong."""

    line: int
    message: str


@dataclass(frozen=True, slots=True)
class Rendered:
    """The document's bytes and every entry that kept its source sentence."""

    data: bytes
    problems: tuple[Problem, ...]
    sentences: int
    translated: int


def source_of(po: POFile) -> tuple[str, str]:
    """The source file the draft records (relative to the draft's folder) and its checksum."""
    return po.metadata.get(SOURCE_HEADER, ""), po.metadata.get(CHECKSUM_HEADER, "")


def render_draft(
    po: POFile,
    name: str,
    *,
    accept_fuzzy: bool = False,
    source_data: bytes | None = None,
) -> Rendered:
    """Fill the draft's skeleton with its translations.

    ``source_data``, the source file as it is now, is compared with the checksum the
    draft recorded: a source edited since the draft is an error (the sentences would
    not fit), never a silent mix.
    """
    value = po.metadata.get(SKELETON_HEADER, "")
    line = header_line(po, SKELETON_HEADER)
    if not value:
        raise FormatError(
            name,
            line,
            f"no {SKELETON_HEADER} header: this draft was not made by 'glossary draft' "
            "from a text, Markdown or HTML file (draft it again)",
        )
    skeleton = Skeleton.decode(value, name, line)
    source, recorded = source_of(po)
    if source_data is not None and recorded and checksum(source_data) != recorded:
        raise GlossaryError(
            f"{source}: the source changed since {name} was drafted (checksum differs); "
            "run 'glossary draft' again to update the draft, then render"
        )
    by_key = {entry_key(unit.msgid): unit for unit in live_entries(po)}
    parts: list[str] = []
    problems: dict[tuple[int, str], Problem] = {}
    position = translated = 0
    for slot in skeleton.slots:
        parts.append(skeleton.source[position : slot.start])
        original = skeleton.source[slot.start : slot.end]
        unit = by_key.get(slot.key)
        text, problem = _fill(unit, original, skeleton.form, accept_fuzzy)
        if problem is not None:
            problems.setdefault((problem.line, problem.message), problem)
        elif unit is not None and unit.msgstr != unit.msgid:
            translated += 1
        parts.append(text)
        position = slot.end
    parts.append(skeleton.source[position:])
    document = ("\ufeff" if skeleton.bom else "") + "".join(parts)
    return Rendered(
        _encode(document, skeleton.encoding),
        tuple(sorted(problems.values(), key=lambda p: p.line)),
        len(skeleton.slots),
        translated,
    )


def _fill(
    unit: PoUnit | None, original: str, form: str, accept_fuzzy: bool
) -> tuple[str, Problem | None]:
    """The text of one slot, and the problem when the source sentence stays."""
    if unit is None:
        return original, Problem(0, f"no entry for {_quoted(original)} (kept untranslated)")
    if not unit.msgstr:
        return original, Problem(unit.line, "untranslated")
    if unit.fuzzy and not accept_fuzzy:
        return original, Problem(unit.line, "untranslated (fuzzy: needs review; --fuzzy uses it)")
    if unit.msgstr == unit.msgid:
        return original, None
    return (html.escape(unit.msgstr, quote=False) if form == "html" else unit.msgstr), None


def _quoted(text: str) -> str:
    words = " ".join(text.split())
    return repr(words if len(words) <= _QUOTED_CHARS else words[: _QUOTED_CHARS - 3] + "...")


def _encode(document: str, encoding: str) -> bytes:
    """The document in its source's encoding; UTF-8 where that cannot hold a translation."""
    try:
        return document.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        text = document[1:] if document.startswith(_BOM) else document
        return text.encode("utf-8")
