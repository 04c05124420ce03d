"""The ``locales/`` tree: paired catalogs built from terms.csv and synced back.

Build never overwrites a reviewer's unsynced edit, sync never writes when the two
catalogs contradict each other, and every file is replaced atomically.

A catalog records the checksum of the glossary it was built from
(``X-Glossary-Checksum``). When it matches terms.csv, any difference between the
catalog and a fresh build is a reviewer's edit. When it does not, terms.csv was
edited after the build and the two sides cannot be told apart entry by entry; sync
then refuses unless ``force`` says the catalogs win, and build refuses where an
entry's fuzzy flag contradicts the status it was built with (a review not yet synced).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import polib

from glossary.atomic import atomic_write
from glossary.errors import ConflictError, GlossaryError, display_path
from glossary.formats import po as po_format
from glossary.formats import read_file
from glossary.model import Glossary, Lang, Status, Term, validate

__all__ = [
    "DOMAIN",
    "TARGETS",
    "Change",
    "SyncResult",
    "build",
    "catalog_path",
    "check",
    "sync",
]

DOMAIN = "glossary"
#: Catalogs by the language they translate into.
TARGETS = (Lang.RU, Lang.EN)


def catalog_path(locales: Path, target: Lang, suffix: str = ".po") -> Path:
    return locales / target.value / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@dataclass(frozen=True, slots=True)
class Change:
    """One field of one concept changed by a reviewer."""

    term_id: str
    field: str
    old: str
    new: str
    where: str

    def __str__(self) -> str:
        return f"{self.where}: {self.term_id}: {self.field} {self.old!r} → {self.new!r}"


@dataclass(slots=True)
class SyncResult:
    glossary: Glossary
    changes: list[Change] = field(default_factory=list)


def build(glossary: Glossary, locales: Path, *, force: bool = False) -> list[Path]:
    """Write both catalogs and their MO files; return the paths that changed."""
    outputs: list[tuple[Path, bytes]] = []
    for target in TARGETS:
        path = catalog_path(locales, target)
        existing = _read_existing(path)
        if existing is not None and not force:
            unsynced = _unsynced_edits(existing, glossary, path)
            if unsynced:
                raise ConflictError(
                    [
                        *unsynced,
                        f"{display_path(path)}: has reviewer edits not yet in terms.csv; "
                        "run 'glossary catalogs sync' first (or 'build --force' to discard them)",
                    ]
                )
        po_bytes, mo_bytes = _render(glossary, target, existing)
        outputs += [(path, po_bytes), (catalog_path(locales, target, ".mo"), mo_bytes)]
    written = []
    for path, data in outputs:
        if not path.exists() or path.read_bytes() != data:
            atomic_write(path, data)
            written.append(path)
    return written


def check(glossary: Glossary, locales: Path) -> list[str]:
    """What in ``locales/`` differs from a build of ``glossary``; empty when up to date."""
    problems = []
    for target in TARGETS:
        path = catalog_path(locales, target)
        existing = _read_existing(path)
        po_bytes, mo_bytes = _render(glossary, target, existing)
        for file, expected in ((path, po_bytes), (catalog_path(locales, target, ".mo"), mo_bytes)):
            if not file.exists():
                problems.append(f"{display_path(file)}: missing")
            elif file.read_bytes() != expected:
                problems.append(f"{display_path(file)}: out of date with terms.csv")
        if existing is not None:
            problems += [
                f"{display_path(path)}:{s.line}: entry for {s.term_id!r} differs from terms.csv"
                for s in _differing(existing, glossary, path)
            ][:20]
    return problems


def sync(glossary: Glossary, locales: Path, *, force: bool = False) -> SyncResult:
    """Apply reviewers' catalog edits to the glossary; raise on contradictions.

    Rendering changed or fuzzy cleared ⇒ the concept's rendering is updated and it
    becomes ``reviewed`` when the entry is translated and not fuzzy, ``draft`` when
    it stays fuzzy. An edited translator comment becomes the note.
    """
    wanted = po_format.checksum(glossary)
    proposals: dict[str, dict[str, tuple[str, str]]] = {}
    conflicts: list[str] = []
    for target in TARGETS:
        path = catalog_path(locales, target)
        existing = _read_existing(path)
        if existing is None:
            continue
        name = display_path(path)
        built_from = existing.metadata.get(po_format.CHECKSUM_HEADER, "")
        if built_from != wanted and not force:
            raise GlossaryError(
                f"{name}: built from another version of terms.csv (checksum "
                f"{built_from or 'none'}, terms.csv is {wanted}); edits on both sides cannot "
                "be told apart. "
                "Use 'sync --force' to let the catalogs win, or rebuild"
            )
        for state in po_format.entry_states(existing, glossary, name):
            term = glossary[state.term_id]
            for key, value in _edits(term, target, state).items():
                proposals.setdefault(term.id, {})
                where = f"{name}:{state.line}"
                earlier = proposals[term.id].get(key)
                if earlier is not None and earlier[0] != value:
                    conflicts.append(
                        f"{where}: {term.id}: {key} {value!r} contradicts "
                        f"{earlier[1]}: {key} {earlier[0]!r}"
                    )
                proposals[term.id][key] = (value, where)
    if conflicts:
        raise ConflictError([*conflicts, f"{len(conflicts)} conflict(s); nothing was written"])
    result = _apply(glossary, proposals)
    _check_result(result)
    return result


def _edits(term: Term, target: Lang, state: po_format.EntryState) -> dict[str, str]:
    built = po_format.state_of(term, target)
    edits: dict[str, str] = {}
    if state.rendering != built.rendering:
        edits[target.value] = state.rendering
    if state.rendering != built.rendering or state.fuzzy != built.fuzzy:
        if state.rendering and not state.fuzzy:
            edits["status"] = Status.REVIEWED.value
        elif state.fuzzy or term.reviewed:
            edits["status"] = Status.DRAFT.value
    if state.note != built.note:
        edits["note"] = state.note
    return edits


def _apply(glossary: Glossary, proposals: dict[str, dict[str, tuple[str, str]]]) -> SyncResult:
    result = SyncResult(glossary)
    updated = []
    for term_id, fields in proposals.items():
        term = glossary[term_id]
        values: dict[str, object] = {}
        for key, (value, where) in fields.items():
            old = str(getattr(term, key))
            if key == "note" and po_format.comparable_note(old) == value:
                continue
            if value != old:
                result.changes.append(Change(term_id, key, old, value, where))
                values[key] = Status(value) if key == "status" else value
        if values:
            updated.append(replace(term, **values))  # type: ignore[arg-type]
    result.glossary = glossary.with_terms(updated)
    return result


def _check_result(result: SyncResult) -> None:
    """An edit must not make terms.csv invalid (say, two concepts with one rendering)."""
    where = {c.term_id: c.where for c in result.changes}
    terms = result.glossary.terms
    problems = [
        f"{where.get(terms[p.index].id, terms[p.index].id)}: {p.message}"
        for p in validate(terms)
        if terms[p.index].id in where
    ]
    if problems:
        raise ConflictError(
            [*problems, "the edit would make terms.csv invalid; nothing was written"]
        )


def _read_existing(path: Path) -> polib.POFile | None:
    if not path.exists():
        return None
    data = read_file(path)
    po = po_format.parse_po(data, display_path(path))
    po.raw_bytes = data  # compared with a fresh rendering to keep the revision date
    return po


def _differing(
    existing: polib.POFile, glossary: Glossary, path: Path
) -> list[po_format.EntryState]:
    states = po_format.entry_states(existing, glossary, display_path(path), strict=False)
    target = Lang.from_code(existing.metadata.get("Language", "")) or Lang.RU
    return [
        s for s in states if replace(s, line=0) != po_format.state_of(glossary[s.term_id], target)
    ]


def _unsynced_edits(existing: polib.POFile, glossary: Glossary, path: Path) -> list[str]:
    """Reviewer edits the build would destroy (see the module docstring)."""
    name = display_path(path)
    same_base = existing.metadata.get(po_format.CHECKSUM_HEADER) == po_format.checksum(glossary)
    if same_base:
        return [
            f"{name}:{s.line}: unsynced edit of {s.term_id!r}"
            for s in _differing(existing, glossary, path)
        ]
    found = []
    for entry in existing:
        if entry.obsolete or not entry.msgstr:
            continue
        built_status = next(
            (
                ln[len("status: ") :]
                for ln in entry.comment.splitlines()
                if ln.startswith("status: ")
            ),
            None,
        )
        if built_status is None:
            continue
        built_fuzzy = built_status != Status.REVIEWED.value
        if ("fuzzy" in entry.flags) != built_fuzzy:
            found.append(f"{name}:{entry.linenum}: unsynced review of {entry.msgid!r}")
    return found


def _render(glossary: Glossary, target: Lang, existing: polib.POFile | None) -> tuple[bytes, bytes]:
    """PO and MO bytes; an unchanged catalog keeps its revision date and translator."""
    old = existing.metadata if existing is not None else {}
    translator = old.get("Last-Translator", "glossary")
    po = po_format.build_catalog(
        glossary,
        target,
        revision_date=old.get("PO-Revision-Date", _now()),
        last_translator=translator,
    )
    po_bytes = po_format.render_po(po)
    if existing is not None and po_bytes != existing.raw_bytes:
        po = po_format.build_catalog(
            glossary, target, revision_date=_now(), last_translator=translator
        )
        po_bytes = po_format.render_po(po)
    return po_bytes, po_format.compile_mo(po)


def _now() -> str:
    return time.strftime("%Y-%m-%d %H:%M+0000", time.gmtime())
