"""Backup and restore: one archive holding a consistent copy of a library.

The database is copied with SQLite's online backup (safe while the app is
writing); the stored files are immutable and named by hash, so the archive
takes exactly the files the copied database refers to. A manifest lists every
entry with its SHA-256, and restore checks each one before anything is moved
into place.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

from caseorg import __version__
from caseorg.errors import CaseorgError, InvalidValue
from caseorg.library import DB_NAME, LAST_BACKUP_FILE, Library, sha256_of
from caseorg.private_files import PRIVATE_MODE, private_file, write_private
from caseorg.progress import Progress, ProgressCallback

MANIFEST = "manifest.json"
FORMAT = 1


def backup_library(
    lib: Library, dest: Path, progress: ProgressCallback | None = None
) -> dict[str, Any]:
    """Write ``dest`` (a .zip archive) and return its manifest."""
    dest = Path(dest).expanduser()
    if dest.exists() and dest.is_dir():
        raise InvalidValue(f"{dest} is a folder; give a file name like backup.zip")
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="caseorg-backup-") as scratch:
        snapshot = Path(scratch) / DB_NAME
        os.close(os.open(snapshot, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE))
        target = sqlite3.connect(snapshot)  # an empty file is a new database: it keeps 0600
        try:
            lib.conn.backup(target)  # consistent even while another process writes
            hashes = [r[0] for r in target.execute("SELECT DISTINCT sha256 FROM documents")]
        finally:
            target.close()
        entries: dict[str, str] = {DB_NAME: sha256_of(snapshot)}
        with private_file(dest) as partial, zipfile.ZipFile(partial, "w") as archive:
            archive.write(snapshot, DB_NAME, compress_type=zipfile.ZIP_DEFLATED)
            for done, digest in enumerate(sorted(hashes), start=1):
                path = lib.store.path_for(digest)
                if not path.is_file():
                    raise CaseorgError(
                        f"stored file {digest[:12]}… is missing; run 'caseorg check' first"
                    )
                name = path.relative_to(lib.path).as_posix()
                archive.write(path, name, compress_type=zipfile.ZIP_STORED)
                entries[name] = digest
                if progress:
                    progress(Progress(f"{done} of {len(hashes)} files", done, len(hashes)))
            manifest = {
                "format": FORMAT,
                "caseorg": __version__,
                "created_at": dt.datetime.now().replace(microsecond=0).isoformat(),
                "library": str(lib.path),
                "entries": entries,
            }
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
    write_private(
        lib.path / LAST_BACKUP_FILE, json.dumps({"at": manifest["created_at"], "file": str(dest)})
    )
    return manifest


def _safe_member(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts or "\\" in name:
        raise CaseorgError(f"refusing archive entry {name!r}: it would escape the library")
    if path.parts[0] not in (DB_NAME, "files", MANIFEST):
        raise CaseorgError(f"refusing unexpected archive entry {name!r}")
    return path


def _is_empty_library(path: Path) -> bool:
    return not path.exists() or not any(path.iterdir())


def restore_library(
    archive_path: Path,
    target: Path,
    *,
    force: bool = False,
    progress: ProgressCallback | None = None,
) -> dict[str, Any]:
    """Unpack a backup into ``target`` after checking every entry against the manifest.

    A non-empty ``target`` is only replaced with ``force``, and even then the
    old folder is kept beside it (renamed), never deleted.
    """
    archive_path = Path(archive_path).expanduser()
    target = Path(target).expanduser()
    if not archive_path.is_file():
        raise CaseorgError(f"no backup file at {archive_path}")
    if not _is_empty_library(target) and not force:
        raise CaseorgError(f"{target} is not empty; restore into an empty folder or add --force")
    try:
        archive = zipfile.ZipFile(archive_path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise CaseorgError(f"{archive_path.name} is not a caseorg backup ({exc})") from None
    with archive:
        try:
            manifest = json.loads(archive.read(MANIFEST))
            entries: dict[str, str] = manifest["entries"]
        except (KeyError, ValueError):
            raise CaseorgError(f"{archive_path.name} has no valid manifest") from None
        names = set(archive.namelist()) - {MANIFEST}
        for name in names | set(entries):
            _safe_member(name)
        if names != set(entries):
            raise CaseorgError("the backup's files do not match its manifest")
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".caseorg-restore-", dir=target.parent))
        try:
            os.chmod(staging, 0o700)
            for done, (name, digest) in enumerate(sorted(entries.items()), start=1):
                out = staging / PurePosixPath(name)
                out.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                sha = hashlib.sha256()
                with archive.open(name) as src, open(out, "wb") as dst:
                    while chunk := src.read(1 << 20):
                        sha.update(chunk)
                        dst.write(chunk)
                if sha.hexdigest() != digest:
                    raise CaseorgError(f"backup entry {name} is damaged (hash mismatch)")
                os.chmod(out, 0o600 if name == DB_NAME else 0o400)
                if progress:
                    progress(Progress(f"{done} of {len(entries)} files", done, len(entries)))
            replaced = None
            if target.exists():
                if any(target.iterdir()):
                    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
                    replaced = target.with_name(f"{target.name}.replaced-{stamp}")
                    target.rename(replaced)
                else:
                    target.rmdir()
            staging.rename(target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return {**manifest, "replaced": str(replaced) if replaced else None}
