"""The ``locales/`` tree: paired catalogs built from terms.csv and synced back.

Build never overwrites a reviewer's unsynced edit, sync never writes when the two
catalogs contradict each other, and the files are written as one transaction.

Every built entry carries its *base* (``#. base: …``), a short hash of the msgstr,
fuzzy flag and note it was built with. Reading an entry back, three states meet:

* the entry now — what the editor saved;
* its base — what the last build wrote;
* the concept in terms.csv now.

Entry equal to its base: nobody edited it; a rebuild may replace it. Entry differs
from its base: a reviewer's edit. Sync applies it when the concept still matches the
base (terms.csv was not changed there since), and refuses it with its ``file:line``
when both sides changed the same concept (``--force``: the catalog wins). Build
refuses to overwrite an edit that is not in terms.csv yet. Formatting is not an
edit: entries are compared by concept (order does not matter), notes with their
whitespace collapsed, and header fields other than the checksum are ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from glossary import transaction
from glossary.errors import ConflictError, GlossaryError, display_path
from glossary.formats import po as po_format
from glossary.formats import read_file
from glossary.model import Glossary, Lang, Status, Term, validate
from glossary.processes import can_fork, usable_cores

__all__ = [
    "DOMAIN",
    "TARGETS",
    "Base",
    "Change",
    "Snapshot",
    "SyncResult",
    "build",
    "catalog_files",
    "catalog_path",
    "check",
    "plan",
    "remember",
    "snapshot",
    "sync",
    "up_to_date",
]

DOMAIN = "glossary"
#: Catalogs by the language they translate into.
TARGETS = (Lang.RU, Lang.EN)
#: Problems ``check`` lists per catalog before it stops counting.
_MAX_LISTED = 20
#: The header lines a rebuild keeps, read without parsing the whole catalog.
_HEADER_BYTES = 4096
_HEADER_FIELD = re.compile(rb'^"(PO-Revision-Date|Last-Translator): (.*)\\n"$', re.MULTILINE)


def catalog_path(locales: Path, target: Lang, suffix: str = ".po") -> Path:
    return locales / target.value / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def catalog_files(locales: Path) -> list[Path]:
    """The four files of a catalog tree, in the order a transaction renames them."""
    return [catalog_path(locales, t, s) for t in TARGETS for s in (".po", ".mo")]


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
    #: The builds of the glossary as it was that the edited catalogs were compared with
    #: (for :class:`Base`: the rebuild after the sync copies their unchanged entries).
    rendered: dict[Lang, po_format.Catalog] = field(default_factory=dict)
    #: :func:`validate` found no problem at all in :attr:`glossary` (the write need
    #: not run it again).
    valid: bool = False


@dataclass(frozen=True, slots=True)
class Base:
    """The glossary a write starts from, and catalogs already rendered from it.

    A rebuild of a glossary derived from it (a sync, an import) copies the bytes of
    every entry whose concept did not change, from ``rendered`` or from a catalog on
    disk that is an untouched build of ``checksum``, instead of rendering it again.
    """

    glossary: Glossary
    checksum: str
    #: Taken out as used (a catalog's bytes are tens of MB at 100k concepts).
    rendered: dict[Lang, po_format.Catalog] = field(default_factory=dict)

    def previous(self, target: Lang, existing: _Existing | None) -> po_format.Catalog | None:
        found = self.rendered.pop(target, None)
        if found is None and existing is not None and existing.current(self.checksum):
            found = po_format.catalog_of(existing.raw, self.glossary, target)
        return found

    def has_previous(self, target: Lang, existing: _Existing | None) -> bool:
        """Whether :meth:`previous` would find a build (without making it)."""
        return target in self.rendered or (existing is not None and existing.current(self.checksum))


@dataclass(frozen=True, slots=True)
class _Existing:
    """A catalog on disk: its bytes, parsed only when they differ from a fresh build."""

    path: Path
    raw: bytes
    seal: po_format.Seal

    def current(self, wanted: str) -> bool:
        """Untouched since a build of the glossary whose checksum is ``wanted``."""
        return self.seal.intact and self.seal.built_from == wanted

    @property
    def name(self) -> str:
        return display_path(self.path)

    def parse(self) -> po_format.POFile:
        return po_format.parse_catalog(self.raw, self.name)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The catalogs that may hold reviewers' edits, as read once in a locked command.

    A sync asks whether a catalog was edited, reads the edits and rebuilds: each step
    read and hashed the 40 MB catalogs again. Catalogs byte for byte as built are not
    kept (a rebuild reads one again only if it needs its entries).
    """

    locales: Path
    #: The catalogs whose entries are not as built, by language. The write takes them
    #: out as used (each is tens of MB at 100k concepts).
    edits: dict[Lang, _Existing]

    def take(self, locales: Path, target: Lang) -> _Existing | None:
        """The catalog into ``target`` (read now unless held), let go of by the snapshot."""
        if locales == self.locales and target in self.edits:
            return self.edits.pop(target)
        return _read(catalog_path(locales, target))


def snapshot(locales: Path) -> Snapshot:
    """Both catalogs read once; those whose entries are not as built are kept."""
    read = {t: _read(catalog_path(locales, t)) for t in TARGETS}
    return Snapshot(locales, {t: e for t, e in read.items() if e is not None and not e.seal.intact})


def build(
    glossary: Glossary, locales: Path, *, force: bool = False, journal: Path | None = None
) -> list[Path]:
    """Write both catalogs and their MO files as one transaction; return what changed.

    Library use without the CLI's lock: the caller makes sure nobody else writes.
    """
    files = plan(glossary, locales, force=force)
    transaction.commit(files, journal or locales.parent / ".terms.csv.journal")
    remember(files)
    return [path for path, _ in files]


def plan(
    glossary: Glossary,
    locales: Path,
    *,
    force: bool = False,
    glossary_checksum: str | None = None,
    base: Base | None = None,
    taken: Snapshot | None = None,
) -> list[tuple[Path, bytes]]:
    """The new bytes of every catalog file that a build changes.

    Raises :class:`ConflictError` listing every unsynced edit the build would
    destroy, unless ``force``. ``base``: see :class:`Base`; ``taken``: the catalogs
    as read earlier under the same lock (:class:`Snapshot`).
    """
    wanted = glossary_checksum or po_format.checksum(glossary)
    jobs: list[_Job] = []
    for target in TARGETS:
        path = catalog_path(locales, target)
        existing = taken.take(locales, target) if taken is not None else _read(path)
        mo_path = catalog_path(locales, target, ".mo")
        if existing is not None and existing.current(wanted) and _mo_matches(mo_path, existing):
            continue  # the checksums prove both files are this build: nothing to render
        jobs.append(_Job(target, existing, base, not force))
    outputs: list[tuple[Path, bytes]] = []
    refused: list[str] = []
    for rendered in _render_jobs(glossary, jobs, wanted):
        refused += rendered.unsynced
        path = catalog_path(locales, rendered.target)
        mo_path = catalog_path(locales, rendered.target, ".mo")
        if not rendered.same:
            outputs.append((path, rendered.po))
        if not mo_path.is_file() or read_file(mo_path) != rendered.mo:
            outputs.append((mo_path, rendered.mo))
    if refused:
        raise ConflictError(
            [
                *refused,
                f"{len(refused)} reviewer edit(s) not yet in terms.csv; run 'glossary "
                "catalogs sync' first (or 'build --force' to discard them); nothing was written",
            ]
        )
    return outputs


def up_to_date(terms_bytes: bytes, locales: Path) -> bool:
    """Whether ``locales/`` is a build of these terms.csv bytes, proved by checksums alone.

    No parsing and no rendering: each catalog's header records the checksum of the
    terms.csv it was built from and a digest of its own entries, and each ``.mo``
    carries the same header. ``False`` only means "look closer" (see :func:`check`).
    """
    wanted = po_format.checksum_of_bytes(terms_bytes)
    for target in TARGETS:
        existing = _read(catalog_path(locales, target))
        if existing is None or not existing.current(wanted):
            return False
        if not _mo_matches(catalog_path(locales, target, ".mo"), existing):
            return False
    return True


def check(glossary: Glossary, locales: Path, *, glossary_checksum: str | None = None) -> list[str]:
    """What in ``locales/`` differs from a build of ``glossary``; empty when up to date.

    A catalog re-saved by an editor without an edit is up to date: only the checksum
    header and what a reviewer can change are compared. A ``.mo`` is checked by its
    header (checksum and entry count), never by compiling one to compare.
    """
    wanted = glossary_checksum or po_format.checksum(glossary)
    problems: list[str] = []
    for target in TARGETS:
        path = catalog_path(locales, target)
        mo_path = catalog_path(locales, target, ".mo")
        existing = _read(path)
        if existing is not None and existing.current(wanted) and _mo_matches(mo_path, existing):
            continue
        if existing is None:
            problems.append(f"{display_path(path)}: missing")
            catalog = po_format.build_catalog(
                glossary, target, revision_date="", glossary_checksum=wanted
            )
        else:
            catalog, _, same = _render(glossary, target, existing, wanted)
            if not same:
                problems += _semantic_differences(existing, catalog, glossary, target, wanted)
        problems += _check_mo(mo_path, catalog, wanted)
    return problems


def sync(
    glossary: Glossary,
    locales: Path,
    *,
    force: bool = False,
    glossary_checksum: str | None = None,
    taken: Snapshot | None = None,
    glossary_valid: bool = False,
) -> SyncResult:
    """Apply reviewers' catalog edits to the glossary; raise on contradictions.

    Rendering changed or fuzzy cleared ⇒ the concept's rendering is updated and it
    becomes ``reviewed`` when the entry is translated and not fuzzy, ``draft`` when
    it stays fuzzy. An edited translator comment becomes the note. See the module
    docstring for how an edit is told from a change made in terms.csv. ``taken``:
    the catalogs as read earlier under the same lock (:class:`Snapshot`);
    ``glossary_valid``: ``glossary`` was validated and found clean (as a
    :class:`~glossary.session.Session` reads it), so only the edited concepts need
    checking in the result.
    """
    proposals: dict[str, dict[str, tuple[str, str]]] = {}
    conflicts: list[str] = []
    result = SyncResult(glossary)
    if taken is None or taken.locales != locales:
        taken = snapshot(locales)
    # Catalogs byte for byte as built are not in it: nothing was edited there.
    for target, existing in taken.edits.items():
        # Entries as built need no reading; only the entries of this build are used.
        expected = _built(existing.path, glossary, target, glossary_checksum)
        result.rendered[target] = expected
        read = po_format.catalog_states(existing.raw, glossary, existing.name, expected=expected)
        states, po = read.states, read.po
        built_from = po.metadata.get(po_format.CHECKSUM_HEADER, "")
        for state in states:
            term = glossary[state.term_id]
            now = po_format.state_of(term, target)
            if state.key == now.key:
                continue
            where = f"{existing.name}:{state.line}"
            if state.base:
                if po_format.base_of(state) == state.base:
                    continue  # not edited; terms.csv changed since the build
                if po_format.base_of(now) != state.base and not force:
                    conflicts.append(
                        f"{where}: {term.id}: edited in the catalog and in terms.csv since "
                        "the build; edit one side (or 'sync --force' to let the catalog win)"
                    )
                    continue
            elif not force and built_from != (
                glossary_checksum or (glossary_checksum := po_format.checksum(glossary))
            ):
                raise GlossaryError(
                    f"{where}: entry for {term.id!r} has no '#. base:' line and the catalog was "
                    f"built from another version of terms.csv (checksum {built_from or 'none'}, "
                    f"terms.csv is {glossary_checksum}); edits on both sides cannot be told apart. "
                    "Use 'sync --force' to let the catalogs win, or rebuild"
                )
            for key, value in _edits(term, target, state).items():
                fields = proposals.setdefault(term.id, {})
                earlier = fields.get(key)
                if earlier is not None and earlier[0] != value:
                    conflicts.append(
                        f"{where}: {term.id}: {key} {value!r} contradicts "
                        f"{earlier[1]}: {key} {earlier[0]!r}"
                    )
                fields[key] = (value, where)
    if conflicts:
        raise ConflictError([*conflicts, f"{len(conflicts)} conflict(s); nothing was written"])
    _apply(result, proposals)
    _check_result(result, glossary.terms if glossary_valid else None)
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
    if state.key[2] != built.key[2]:
        edits["note"] = po_format.stored_note(state.note, term.note)
    return edits


def _apply(result: SyncResult, proposals: dict[str, dict[str, tuple[str, str]]]) -> None:
    glossary = result.glossary
    updated = []
    for term_id, fields in proposals.items():
        term = glossary[term_id]
        values: dict[str, object] = {}
        for key, (value, where) in fields.items():
            old = str(getattr(term, key))
            if value != old:
                result.changes.append(Change(term_id, key, old, value, where))
                values[key] = Status(value) if key == "status" else value
        if values:
            updated.append(replace(term, **values))  # type: ignore[arg-type]
    result.glossary = glossary.with_terms(updated)


def _check_result(result: SyncResult, valid_before: tuple[Term, ...] | None) -> None:
    """An edit must not make terms.csv invalid (say, two concepts with one rendering)."""
    where = {c.term_id: c.where for c in result.changes}
    terms = result.glossary.terms
    problems = []
    found = validate(terms, valid_before=valid_before)
    result.valid = not found
    for problem in found:
        # The row at fault may be the untouched concept the edit now collides with.
        involved = [terms[problem.index].id] + [i for i in where if f"'{i}'" in problem.message]
        place = next((where[i] for i in involved if i in where), None)
        if place is not None:
            problems.append(f"{place}: {problem.message}")
    if problems:
        raise ConflictError(
            [*problems, "the edit would make terms.csv invalid; nothing was written"]
        )


def _read(path: Path) -> _Existing | None:
    if not path.exists():
        return None
    raw = read_file(path)
    return _Existing(path, raw, po_format.seal_of(raw))


def _unsynced(existing: _Existing, catalog: po_format.Catalog, wanted: str) -> list[str]:
    """Reviewer edits a build would destroy: entries changed since their base.

    ``catalog`` is the build (entries as they are built need no reading). An entry
    without a base (a catalog of an older version) counts as edited when it differs
    from terms.csv and the catalog was built from this very terms.csv.
    """
    glossary, target = catalog.glossary, catalog.target
    read = po_format.catalog_states(
        existing.raw, glossary, existing.name, strict=False, expected=catalog
    )
    states, po = read.states, read.po
    same_build = po.metadata.get(po_format.CHECKSUM_HEADER) == wanted
    found = []
    for state in states:
        now = po_format.state_of(glossary[state.term_id], target)
        if state.key == now.key:
            continue
        edited = po_format.base_of(state) != state.base if state.base else same_build
        if edited:
            found.append(f"{existing.name}:{state.line}: unsynced edit of {state.term_id!r}")
    return found


def _semantic_differences(
    existing: _Existing, catalog: po_format.Catalog, glossary: Glossary, target: Lang, wanted: str
) -> list[str]:
    """Differences that matter between a catalog on disk and a build of ``glossary``.

    With the checksum header present, it says whether terms.csv changed; a writer that
    drops unknown headers (Babel) leaves none, and then every entry is compared whole.
    """
    read = po_format.catalog_states(
        existing.raw, glossary, existing.name, strict=False, expected=catalog
    )
    states, po = read.states, read.po
    problems = []
    built_from = po.metadata.get(po_format.CHECKSUM_HEADER)
    if built_from is not None and built_from != wanted:
        problems.append(f"{existing.name}: out of date with terms.csv")
    differing = [
        f"{existing.name}:{s.line}: entry for {s.term_id!r} differs from terms.csv"
        for s in states
        if s.key != po_format.state_of(glossary[s.term_id], target).key
    ]
    if built_from is None and not differing:
        built = {e.term_id: e for e in catalog.entries}
        ids = {s.line: s.term_id for s in states}
        differing = [
            f"{existing.name}:{entry.linenum}: entry for {ids[entry.linenum]!r} is out of date"
            for entry in existing.parse()
            if entry.linenum in ids and not po_format.same_layout(entry, built[ids[entry.linenum]])
        ]
    present = {s.term_id for s in states} | read.unedited
    missing = [
        f"{existing.name}: no entry for {term_id!r}"
        for term_id in catalog.ids
        if term_id not in present
    ]
    return problems + (differing + missing)[:_MAX_LISTED]


def _mo_matches(path: Path, existing: _Existing) -> bool:
    """The ``.mo`` carries the header of the catalog beside it (so it was compiled from it)."""
    if not path.is_file():
        return False
    header = po_format.mo_header(read_file(path))
    if header is None:
        return False
    header.pop("#entries", None)
    return header == existing.seal.metadata


def _check_mo(path: Path, catalog: po_format.Catalog, wanted: str) -> list[str]:
    name = display_path(path)
    if not path.is_file():
        return [f"{name}: missing"]
    header = po_format.mo_header(read_file(path))
    if header is None:
        return [f"{name}: not a readable .mo file"]
    expected = 1 + po_format.translated_count(catalog)
    if header.get(po_format.CHECKSUM_HEADER) != wanted or header["#entries"] != str(expected):
        return [f"{name}: out of date with terms.csv"]
    return []


def _render(
    glossary: Glossary,
    target: Lang,
    existing: _Existing | None,
    wanted: str,
    previous: po_format.Catalog | None = None,
) -> tuple[po_format.Catalog, bytes, bool]:
    """The catalog, its PO bytes and whether they are those on disk; an unchanged
    catalog keeps its revision date and translator."""
    kept = _kept_header(existing.raw) if existing is not None else {}
    catalog = po_format.build_catalog(
        glossary,
        target,
        revision_date=kept.get("PO-Revision-Date", _now()),
        last_translator=kept.get("Last-Translator", "glossary"),
        glossary_checksum=wanted,
        previous=previous,
    )
    same = existing is not None and po_format.renders_as(catalog, existing.raw)
    if existing is not None and not same and "PO-Revision-Date" in kept:
        metadata = tuple((k, _now() if k == "PO-Revision-Date" else v) for k, v in catalog.metadata)
        catalog = replace(catalog, metadata=metadata)
    return catalog, po_format.render_po(catalog), same


@dataclass(frozen=True)
class _Job:
    """One catalog a build renders: into ``target``, over ``existing``, copying what it
    can from ``base``; ``guard``: list the reviewer edits it would destroy."""

    target: Lang
    existing: _Existing | None
    base: Base | None
    guard: bool

    @property
    def whole(self) -> bool:
        """Rendered entry by entry: there is no earlier build to copy bytes from."""
        return self.base is None or not self.base.has_previous(self.target, self.existing)


@dataclass(frozen=True)
class _Rendered:
    """What a :class:`_Job` made: PO and MO bytes, whether the PO bytes are those on
    disk, and the unsynced edits found (``file:line`` messages)."""

    target: Lang
    po: bytes
    mo: bytes
    same: bool
    unsynced: tuple[str, ...]


#: Concepts from which the two catalogs are rendered side by side, one in a forked
#: process: below it a fork costs more than it saves (at 100k concepts a catalog
#: takes some 1.5 s to render and compile, the bytes 0.1 s to come back).
PARALLEL_FROM = 20_000
#: The processes a parallel build renders in (this one and a forked child), and so
#: the jobs and the usable cores it needs.
_SIDE_BY_SIDE = 2


def _render_jobs(glossary: Glossary, jobs: list[_Job], wanted: str) -> Iterator[_Rendered]:
    """Every job's result, in order; ``jobs`` is emptied, each job dropped once done (a
    catalog's bytes are tens of MB at 100k concepts).

    The first job runs in a forked child while this process renders the others when
    all are rendered whole from a big glossary, two cores are there and fork is; else
    (or when the child dies) all run here. The child inherits the glossary and the
    catalogs read by the fork and sends back only bytes. A job that copies most of its
    bytes from an earlier build is quick: there a fork would cost more memory than it
    saves time (measured in a one-edit sync at 100k concepts: 410 -> 500 MB, no faster).
    """
    if (
        len(jobs) < _SIDE_BY_SIDE
        or not all(job.whole for job in jobs)
        or len(glossary.terms) < PARALLEL_FROM
        or usable_cores() < _SIDE_BY_SIDE
        or not can_fork()
    ):
        while jobs:
            yield _render_job(glossary, jobs.pop(0), wanted)
        return
    import concurrent.futures
    import multiprocessing

    global _FORKED
    _FORKED = (glossary, jobs.pop(0), wanted)
    try:
        with concurrent.futures.ProcessPoolExecutor(
            1, mp_context=multiprocessing.get_context("fork")
        ) as pool:
            first = pool.submit(_render_forked)
            rest = [_render_job(glossary, job, wanted) for job in jobs]
            jobs.clear()
            try:
                yield first.result()
            except concurrent.futures.process.BrokenProcessPool:
                yield _render_job(*_FORKED)
        yield from rest
    finally:
        _FORKED = None


#: The job a forked child renders (:func:`_render_jobs`): set before the fork.
_FORKED: tuple[Glossary, _Job, str] | None = None


def _render_forked() -> _Rendered:
    assert _FORKED is not None, "set before the fork"
    return _render_job(*_FORKED)


def _render_job(glossary: Glossary, job: _Job, wanted: str) -> _Rendered:
    target, existing = job.target, job.existing
    previous = job.base.previous(target, existing) if job.base is not None else None
    catalog, po_bytes, same = _render(glossary, target, existing, wanted, previous)
    del previous  # its bytes are copied by now
    unsynced: list[str] = []
    if job.guard and existing is not None and not existing.seal.intact:
        unsynced = _unsynced(existing, catalog, wanted)
    return _Rendered(target, po_bytes, po_format.compile_mo(catalog), same, tuple(unsynced))


def _kept_header(raw: bytes) -> dict[str, str]:
    head = raw[:_HEADER_BYTES]
    return {
        m.group(1).decode(): m.group(2).decode("utf-8", "replace")
        for m in _HEADER_FIELD.finditer(head)
    }


def _now() -> str:
    return time.strftime("%Y-%m-%d %H:%M+0000", time.gmtime())


# --- the catalogs as last written --------------------------------------------------


def remember(files: Iterable[tuple[Path, bytes]]) -> None:
    """Keep a copy of each catalog just written in the private cache.

    A sync compares an edited catalog with the build it came from; rendering that
    build again was a fifth of a one-edit sync at 100k concepts. A copy is proved
    by its seal and checksum before it stands for a build (:func:`_remembered`), so
    a stale, damaged or missing one costs only the render. Failing to keep one is
    not an error.
    """
    for path, data in files:
        if path.suffix != ".po":
            continue
        copy = _remembered_path(path)
        if copy is None:
            continue
        tmp = copy.with_name(f".{copy.name}.{os.getpid()}.tmp")
        try:
            tmp.write_bytes(data)  # no fsync: a torn copy fails its seal
            os.replace(tmp, copy)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()


def _built(path: Path, glossary: Glossary, target: Lang, wanted: str | None) -> po_format.Catalog:
    """The build of ``glossary`` that the catalog at ``path`` is compared with:
    remembered when it can be, else rendered (no header: only entries are compared)."""
    remembered = _remembered(path, glossary, target, wanted)
    if remembered is not None:
        return remembered
    return po_format.build_catalog(glossary, target, revision_date="", glossary_checksum="")


def _remembered(
    path: Path, glossary: Glossary, target: Lang, wanted: str | None
) -> po_format.Catalog | None:
    """The build of ``glossary`` into ``target`` as :func:`remember` kept it for the
    catalog at ``path``; ``None`` unless it is intact and built from terms.csv with
    checksum ``wanted`` (that of ``glossary`` when not given)."""
    copy = _remembered_path(path)
    if copy is None:
        return None
    try:
        raw = copy.read_bytes()
    except OSError:
        return None
    seal = po_format.seal_of(raw)
    if not (seal.intact and seal.built_from == (wanted or po_format.checksum(glossary))):
        return None
    return po_format.catalog_of(raw, glossary, target)


def _remembered_path(path: Path) -> Path | None:
    """Where the copy of the catalog at ``path`` is kept (named by a hash of its real
    path), or ``None`` when the cache is not this user's private directory."""
    from glossary.index.store import cache_dir, private_directory  # the sync and build only

    directory = private_directory(cache_dir() / "catalogs")
    if directory is None:
        return None
    name = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:20]
    return directory / f"{name}.po"
