"""Backup: one archive holding a consistent copy of a library.

The database is copied with SQLite's online backup (safe while the app is
writing); the stored files are immutable and named by hash, so the archive
takes exactly the files the copied database refers to. Each file is hashed as it
is copied, so a stored file damaged on disk is named (``damaged`` in the manifest)
rather than written with the hash it should have had: restore then recovers every
intact file instead of refusing the whole archive. The manifest lists every entry
with its SHA-256 and size (:mod:`caseorg.upkeep.restore` checks both).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from caseorg import __version__
from caseorg.errors import Cancelled, InvalidValue
from caseorg.library import DB_NAME, LAST_BACKUP_FILE, Library
from caseorg.private_files import PRIVATE_MODE, private_file, write_private
from caseorg.progress import Progress, ProgressCallback
from caseorg.upkeep.leftovers import (
    BACKUP_SCRATCH,
    held_while_written,
    scratch_prefix,
    sweep_backup_leftovers,
)

MANIFEST = "manifest.json"
FORMAT = 2  # 2: sizes and damaged files in the manifest (1 had entries only)
_CHUNK = 1 << 20


BACKUP_CANCELLED = "the backup was cancelled: no backup was written"


def backup_library(
    lib: Library,
    dest: Path,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, Any]:
    """Write ``dest`` (a .zip archive) and return its manifest; its ``damaged`` maps each
    stored file that could not be backed up whole to why (the archive holds the rest).
    ``cancelled()`` true between files stops it (:class:`Cancelled`): the partial
    archive and the scratch snapshot are removed, ``dest`` is not written."""
    dest = Path(dest).expanduser()
    if dest.exists() and dest.is_dir():
        raise InvalidValue(f"{dest} is a folder; give a file name like backup.zip")
    dest.parent.mkdir(parents=True, exist_ok=True)
    sweep_backup_leftovers(dest)
    with tempfile.TemporaryDirectory(prefix=scratch_prefix(BACKUP_SCRATCH)) as scratch:
        snapshot = Path(scratch) / DB_NAME
        os.close(os.open(snapshot, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE))
        target = sqlite3.connect(snapshot)  # an empty file is a new database: it keeps 0600
        try:
            lib.conn.backup(target)  # consistent even while another process writes
            hashes = [r[0] for r in target.execute("SELECT DISTINCT sha256 FROM documents")]
        finally:
            target.close()
        entries: dict[str, str] = {}
        sizes: dict[str, int] = {}
        damaged: dict[str, str] = {}
        with (
            private_file(dest) as partial,
            held_while_written(partial),
            zipfile.ZipFile(partial, "w") as archive,
        ):
            entries[DB_NAME], sizes[DB_NAME] = _copy_in(
                archive, snapshot, DB_NAME, zipfile.ZIP_DEFLATED
            )
            for done, digest in enumerate(sorted(hashes), start=1):
                if cancelled is not None and cancelled():
                    raise Cancelled(BACKUP_CANCELLED)
                path = lib.store.path_for(digest)
                name = path.relative_to(lib.path).as_posix()
                try:
                    actual, size = _copy_in(archive, path, name, zipfile.ZIP_STORED)
                except OSError as exc:
                    damaged[name] = "missing" if not path.exists() else f"unreadable ({exc})"
                    continue
                if actual != digest:  # what was copied is not what was stored
                    damaged[name] = "does not match its hash"
                    _drop_last(archive)
                    continue
                entries[name], sizes[name] = digest, size
                if progress:
                    progress(Progress(f"{done} of {len(hashes)} files", done, len(hashes)))
            manifest = {
                "format": FORMAT,
                "caseorg": __version__,
                "created_at": dt.datetime.now().replace(microsecond=0).isoformat(),
                "library": str(lib.path),
                "entries": entries,
                "sizes": sizes,
                "damaged": damaged,
            }
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
    write_private(
        lib.path / LAST_BACKUP_FILE, json.dumps({"at": manifest["created_at"], "file": str(dest)})
    )
    return manifest


def _copy_in(archive: zipfile.ZipFile, path: Path, name: str, compress: int) -> tuple[str, int]:
    """Copy ``path`` into ``archive`` as ``name``, hashing the bytes actually copied."""
    sha = hashlib.sha256()
    size = 0
    info = zipfile.ZipInfo.from_file(path, name)
    info.compress_type = compress
    with open(path, "rb") as src, archive.open(info, "w", force_zip64=True) as dst:
        while chunk := src.read(_CHUNK):
            sha.update(chunk)
            size += len(chunk)
            dst.write(chunk)
    return sha.hexdigest(), size


def _drop_last(archive: zipfile.ZipFile) -> None:
    """Leave the entry just written out of the archive's directory: its bytes stay in the
    file unreferenced, so restore never sees a damaged copy under a hash it does not have."""
    dropped = archive.filelist.pop()
    archive.NameToInfo.pop(dropped.filename, None)
