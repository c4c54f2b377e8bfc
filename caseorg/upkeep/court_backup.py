"""``caseorg backup`` / ``restore`` on a court library (PostgreSQL, issue 16), without
DBA tools, in the folder library's own backup format.

A backup reads every table and the stored files in one REPEATABLE READ, read-only
transaction (one consistent snapshot while clerks keep writing), moves them into a
scratch folder library with :func:`caseorg.library.transfer.move_library` (each table
verified by count and hash, each file by its hash), and archives that folder as
:func:`caseorg.upkeep.backup.backup_library` does: so a court backup restores into a
folder, and a folder's backup restores into a court library. Restore checks the archive
whole (:func:`caseorg.upkeep.restore.restore_library`, into a scratch folder) and moves
it into the court library, which must be empty. The DBA's own backups (pg_dump,
point-in-time recovery) stay the court's primary backup.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from caseorg.errors import Cancelled
from caseorg.library import move_library, open_library
from caseorg.progress import Progress, ProgressCallback
from caseorg.upkeep.backup import BACKUP_CANCELLED, backup_library
from caseorg.upkeep.leftovers import BACKUP_SCRATCH, scratch_prefix
from caseorg.upkeep.restore import restore_library


def backup_court(
    lib: Any,
    dest: Path,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, Any]:
    """Write ``dest`` from one snapshot of the court library ``lib``; its manifest.
    ``cancelled()`` true at a progress step (a table's batch, a file) stops it
    (:class:`Cancelled`): the snapshot's transaction ends, the scratch folder and the
    partial archive are removed, and ``dest`` is not written."""

    def step(report: Progress) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled(BACKUP_CANCELLED)
        if progress is not None:
            progress(report)

    store = lib.path  # one line when the court library names no file store
    step(Progress(f"Reading the {lib.where}…"))
    # named as a folder backup's scratch (with this pid): a killed backup's is swept
    with tempfile.TemporaryDirectory(prefix=scratch_prefix(BACKUP_SCRATCH)) as scratch:
        folder = Path(scratch) / "library"
        with open_library(folder) as copy:
            with lib.db.raw.transaction():
                lib.db.raw.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                move_library(lib, copy, progress=step)
            manifest = backup_library(copy, dest, step, cancelled)
    manifest["library"] = f"{lib.where} (files in {store})"
    return manifest


def restore_court(
    archive: Path,
    lib: Any,
    files: Path | None = None,
    progress: ProgressCallback | None = None,
) -> dict[str, Any]:
    """Restore ``archive`` (a folder's or a court's backup) into the empty court library
    ``lib``; its files go into the shared store ``files`` (naming it, as
    ``migrate-library --files`` does: an empty court library names none). The result:
    the archive's manifest with ``restored`` and ``not_restored`` as a folder's gives."""
    from caseorg.errors import CaseorgError
    from caseorg.library import NotOnServer

    lib.require_writable()
    for table in ("cases", "judges", "documents"):
        if lib.conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
            raise CaseorgError(
                f"the court library {lib.where} already holds records ({table}): restore "
                "only into an empty one; nothing was changed"
            )
    if files is None:
        try:
            files = lib.path
        except NotOnServer:
            raise CaseorgError(
                "name the court library's shared file store: restore ... --files FOLDER"
            ) from None
    store = files.expanduser().resolve()
    store.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="caseorg-court-restore-") as scratch:
        folder = Path(scratch) / "library"
        manifest = restore_library(archive, folder, progress=progress)
        with open_library(folder, create=False, read_only=True) as copy:
            move_library(copy, lib, files=store, progress=progress)
    return manifest
