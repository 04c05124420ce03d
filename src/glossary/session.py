"""A locked read-modify-write of a glossary: terms.csv and its catalogs together.

Every writing command runs inside :func:`writing`: it takes the glossary lock,
finishes or rolls back an interrupted transaction, reads terms.csv *inside* the lock
and hands the command a :class:`Session`, whose :meth:`Session.commit` writes
terms.csv and the rebuilt catalogs as one transaction. Read-only commands call
:func:`recover_if_interrupted` only, which takes the lock just when a journal says
a writer was killed half-way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from glossary import transaction
from glossary.errors import GlossaryError, display_path
from glossary.formats import read_file, terms_csv
from glossary.lock import DEFAULT_WAIT, glossary_lock
from glossary.model import Glossary, Lang, validate
from glossary.workspace import DEFAULT_NAME, Workspace

if TYPE_CHECKING:
    from glossary.catalogs import Snapshot
    from glossary.formats.po import Catalog

__all__ = ["Session", "recover_if_interrupted", "writing"]


def _anchor(ws: Workspace) -> Path:
    """The file the lock and the journal sit beside (the embedded glossary is read-only,
    so for it they sit beside the catalog tree)."""
    return ws.locales.parent / DEFAULT_NAME if ws.embedded else ws.glossary_path


@dataclass(slots=True)
class Session:
    """The glossary as read under the lock, and the one way to write it back.

    terms.csv is read when the session opens but parsed only when :attr:`glossary`
    is first used: a build or sync that checksums prove to be a no-op never pays
    for validating a large file.
    """

    workspace: Workspace
    raw: bytes
    _parsed: tuple[Glossary, terms_csv.CsvLayout] | None = None

    @property
    def glossary(self) -> Glossary:
        return self._parse()[0]

    @property
    def layout(self) -> terms_csv.CsvLayout:
        return self._parse()[1]

    @property
    def checksum(self) -> str:
        """The checksum catalogs built from terms.csv as read carry."""
        from glossary.formats import po as po_format

        return po_format.checksum_of_bytes(self.raw)

    def _parse(self) -> tuple[Glossary, terms_csv.CsvLayout]:
        if self._parsed is None:
            from glossary.index import known_valid

            self._parsed = known_valid.read(self.raw, self.workspace.glossary_path)
        return self._parsed

    def commit(
        self,
        glossary: Glossary | None = None,
        *,
        rebuild_catalogs: bool = False,
        force_catalogs: bool = False,
        rendered: dict[Lang, Catalog] | None = None,
        validated: bool = False,
        taken: Snapshot | None = None,
    ) -> list[Path]:
        """Write ``glossary`` (when given) and, if asked, the catalogs built from it.

        Files whose bytes do not change are not written. Catalog edits that are not in
        terms.csv yet stop the whole commit (:class:`ConflictError`) unless
        ``force_catalogs``: nothing is written then, terms.csv included. The rebuild
        copies the entries of concepts that did not change from the catalogs of the
        glossary as read (on disk when they are its untouched build, or ``rendered``
        from it, say by a sync; taken out of the dict as used). ``validated``: the
        caller has run :func:`validate` on ``glossary`` and found nothing (a sync checks
        its result), so it is not run again. ``taken``: the catalogs as the caller
        read them in this session (not read again).
        """
        from glossary import catalogs
        from glossary.formats import po as po_format
        from glossary.index import known_valid

        ws = self.workspace
        files: list[tuple[Path, bytes]] = []
        data = self.raw
        if glossary is not None:
            ws.require_writable()
            data = self._serialise(glossary, validated)
            if data != self.raw:
                files.append((ws.glossary_path, data))
        if rebuild_catalogs and not (
            glossary is None and catalogs.up_to_date(self.raw, ws.locales) and not force_catalogs
        ):
            base = None
            if self._parsed is not None:
                base = catalogs.Base(self._parsed[0], self.checksum, rendered or {})
            files += catalogs.plan(
                self.glossary if glossary is None else glossary,
                ws.locales,
                force=force_catalogs,
                glossary_checksum=po_format.checksum_of_bytes(data),
                base=base,
                taken=taken,
            )
        transaction.commit(files, transaction.journal_path(_anchor(ws)))
        catalogs.remember(files)
        if data != self.raw:  # validated by _serialise
            known_valid.remember(ws.glossary_path, data)
        return [path for path, _ in files]

    def _serialise(self, glossary: Glossary, validated: bool = False) -> bytes:
        """terms.csv bytes of ``glossary``, validated as a load would validate them.

        A few concepts changed (a sync): only their rows are rewritten, each proved to
        read back as its concept, so validating ``glossary`` validates the file. Else
        the whole file is written and read again: never write what we cannot read.
        """
        if self._parsed is not None:
            spliced = terms_csv.splice(self.raw, self._parsed[0], glossary, self.layout)
            if spliced is not None and (validated or not validate(glossary.terms)):
                return spliced
        data = terms_csv.write(glossary, self.layout)
        if data != self.raw:
            terms_csv.read(data, display_path(self.workspace.glossary_path))
        return data


@contextmanager
def writing(ws: Workspace, wait: float = DEFAULT_WAIT) -> Iterator[Session]:
    """Lock, recover, read; the body decides and calls :meth:`Session.commit`."""
    from glossary import catalogs

    ws.require_writable()
    anchor = _anchor(ws)
    if not anchor.parent.is_dir():
        raise GlossaryError(f"{display_path(anchor.parent)}: no such directory")
    with glossary_lock(anchor, wait):
        transaction.recover(anchor, catalogs.catalog_files(ws.locales))
        yield Session(ws, read_file(ws.glossary_path))


def recover_if_interrupted(ws: Workspace, wait: float | None = None) -> None:
    """Complete a transaction a killed writer left (readers call this; it is cheap)."""
    anchor = _anchor(ws)
    if transaction.pending(anchor):
        from glossary import catalogs

        with glossary_lock(anchor, DEFAULT_WAIT if wait is None else wait):
            transaction.recover(anchor, catalogs.catalog_files(ws.locales))
