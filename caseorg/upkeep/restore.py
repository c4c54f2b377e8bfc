"""Restore: a backup archive checked whole, in a staging folder, before the target is touched.

Every way an archive can be broken is refused in one line with nothing changed: a
manifest of the wrong shape, entries it does not list or that would escape the library,
an entry larger than the manifest says (read no further than that: a small archive
must not fill the disk), a database that is not SQLite or fails its integrity check.
Stored files are evidence: each one is restored only when it hashes right. Files the
backup already named as damaged (it found them so in the library) are listed, not
restored; files missing or damaged in the archive itself make restore refuse unless
``partial`` asks for the intact ones.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

from caseorg.errors import CaseorgError
from caseorg.library import DB_NAME
from caseorg.progress import Progress, ProgressCallback
from caseorg.upkeep.backup import MANIFEST
from caseorg.upkeep.leftovers import RESTORE_STAGING, scratch_prefix, sweep_scratch

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_MAX_MANIFEST = 64 << 20
_CHUNK = 1 << 20
_INFLATE_CHECKED = 16 << 20  # entries larger than this that inflate 50x are hashed first


def _safe_member(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts or "\\" in name:
        raise CaseorgError(f"refusing archive entry {name!r}: it would escape the library")
    if path.parts[0] not in (DB_NAME, "files", MANIFEST):
        raise CaseorgError(f"refusing unexpected archive entry {name!r}")
    return path


def _is_empty_library(path: Path) -> bool:
    return not path.exists() or not any(path.iterdir())


def read_manifest(archive: zipfile.ZipFile, label: str) -> dict[str, Any]:
    """The archive's manifest, its shape checked (a one-line error, never a TypeError)."""
    bad = CaseorgError(f"{label} has no valid manifest: it is not a caseorg backup")
    try:
        info = archive.getinfo(MANIFEST)
        if info.file_size > _MAX_MANIFEST:
            raise bad
        manifest = json.loads(archive.read(MANIFEST))
    except (KeyError, ValueError, zipfile.BadZipFile, OSError):
        raise bad from None
    if not isinstance(manifest, dict):
        raise bad
    entries, sizes = manifest.get("entries"), manifest.get("sizes", {})
    damaged = manifest.get("damaged", {})
    if (
        not isinstance(entries, dict)
        or not all(isinstance(k, str) and isinstance(v, str) for k, v in entries.items())
        or not isinstance(sizes, dict)
        or not all(type(v) is int and v >= 0 for v in sizes.values())
        or not isinstance(damaged, dict)
        or not isinstance(manifest.get("created_at", ""), str)
        or DB_NAME not in entries
    ):
        raise bad
    for name, digest in entries.items():
        _safe_member(name)
        if not _SHA256.match(digest):
            raise CaseorgError(f"{label}: the manifest's hash for {name!r} is not a SHA-256")
    return manifest


def restore_library(
    archive_path: Path,
    target: Path,
    *,
    force: bool = False,
    partial: bool = False,
    progress: ProgressCallback | None = None,
) -> dict[str, Any]:
    """Unpack a backup into ``target`` once all of it has been checked in a staging folder.

    A non-empty ``target`` is only replaced with ``force``, and even then the old folder
    is kept beside it (renamed; ``replaced`` in the result), never deleted. The result
    counts the stored files ``restored`` and lists each one ``not_restored``, with why.
    """
    archive_path = Path(archive_path).expanduser()
    target = Path(target).expanduser()
    label = archive_path.name
    if not archive_path.is_file():
        raise CaseorgError(f"no backup file at {archive_path}")
    if not _is_empty_library(target) and not force:
        raise CaseorgError(f"{target} is not empty; restore into an empty folder or add --force")
    try:
        archive = zipfile.ZipFile(archive_path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise CaseorgError(f"{label} is not a caseorg backup ({exc})") from None
    with archive:
        infos = {i.filename: i for i in archive.infolist() if i.filename != MANIFEST}
        for name in infos:
            _safe_member(name)
        manifest = read_manifest(archive, label)
        entries: dict[str, str] = manifest["entries"]
        if set(infos) - set(entries):
            raise CaseorgError(f"{label} holds files its manifest does not list")
        if DB_NAME not in infos:
            raise CaseorgError(f"{label} holds no database")
        bounds = {n: _bound(manifest, infos[n], label) for n in infos}
        _check_room(target.parent, sum(bounds.values()), label)
        target.parent.mkdir(parents=True, exist_ok=True)
        sweep_scratch(target.parent, RESTORE_STAGING)
        staging = Path(tempfile.mkdtemp(prefix=scratch_prefix(RESTORE_STAGING), dir=target.parent))
        try:
            os.chmod(staging, 0o700)
            if not _extract(archive, infos[DB_NAME], staging, entries[DB_NAME], bounds[DB_NAME]):
                raise CaseorgError(f"{label}: the backup's database is damaged (hash mismatch)")
            referenced = _check_database(staging / DB_NAME, label)
            declared = {str(k): str(v) for k, v in manifest.get("damaged", {}).items()}
            not_restored = _extract_files(
                archive, infos, entries, bounds, staging, referenced - _hashes(declared), progress
            )
            surprises = [line for line in not_restored if line.split(":")[0] not in declared]
            if surprises and not partial:
                raise CaseorgError(
                    f"{len(surprises)} stored file(s) in {label} are missing or damaged "
                    f"({surprises[0]}); nothing was changed — add --partial to restore "
                    "the intact ones and list the rest"
                )
            not_restored += [f"{n}: {why} when the backup was made" for n, why in declared.items()]
            restored = sum(1 for p in (staging / "files").rglob("*") if p.is_file())
            replaced = _move_into_place(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return {
        **manifest,
        "replaced": str(replaced) if replaced else None,
        "restored": restored,
        "not_restored": sorted(not_restored),
    }


def _bound(manifest: dict[str, Any], info: zipfile.ZipInfo, label: str) -> int:
    """How many bytes ``info`` may unpack to: what the manifest says (format 2), else what
    the archive says; never more than the manifest."""
    declared = manifest.get("sizes", {}).get(info.filename)
    if declared is not None and info.file_size != declared:
        raise CaseorgError(
            f"{label}: {info.filename} is {info.file_size} bytes, its manifest says {declared}"
        )
    return int(info.file_size)


def _check_room(folder: Path, needed: int, label: str) -> None:
    probe = folder if folder.exists() else next(p for p in folder.parents if p.exists())
    free = shutil.disk_usage(probe).free
    if needed > free:
        raise CaseorgError(
            f"{label} unpacks to {needed >> 20} MB and the disk has {free >> 20} MB free; "
            "nothing was changed"
        )


def _extract(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, staging: Path, digest: str, bound: int
) -> bool:
    """Unpack one entry (at most ``bound`` bytes); False when it does not hash right. An
    entry that inflates far beyond its packed size (an old archive has no sizes in its
    manifest to bound it) is hashed before a byte of it is written."""
    if info.file_size > _INFLATE_CHECKED and info.file_size > 50 * max(info.compress_size, 1):
        try:
            with archive.open(info) as src:
                sha = hashlib.sha256()
                while chunk := src.read(_CHUNK):
                    sha.update(chunk)
        except (zipfile.BadZipFile, OSError, EOFError):
            return False
        if sha.hexdigest() != digest:
            return False
    out = staging / PurePosixPath(info.filename)
    out.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    sha = hashlib.sha256()
    written = 0
    try:
        with archive.open(info) as src, open(out, "xb") as dst:
            while chunk := src.read(min(_CHUNK, bound - written + 1)):
                written += len(chunk)
                if written > bound:
                    break
                sha.update(chunk)
                dst.write(chunk)
    except (zipfile.BadZipFile, OSError, EOFError):
        out.unlink(missing_ok=True)
        return False
    if written > bound or sha.hexdigest() != digest:
        out.unlink(missing_ok=True)
        return False
    os.chmod(out, 0o600 if info.filename == DB_NAME else 0o400)
    return True


def _check_database(path: Path, label: str) -> set[str]:
    """The staged database opens, passes SQLite's integrity check and is a caseorg
    library's; returns the hashes of the stored files its documents name."""
    try:
        conn = sqlite3.connect(path)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchall()
            if result != [("ok",)]:
                raise CaseorgError(
                    f"{label}: the backup's database fails SQLite's integrity check "
                    f"({result[0][0]}); nothing was changed"
                )
            return {row[0] for row in conn.execute("SELECT DISTINCT sha256 FROM documents")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise CaseorgError(
            f"{label}: the backup's database is not a caseorg database ({exc}); nothing was changed"
        ) from None


def _extract_files(
    archive: zipfile.ZipFile,
    infos: dict[str, zipfile.ZipInfo],
    entries: dict[str, str],
    bounds: dict[str, int],
    staging: Path,
    referenced: set[str],
    progress: ProgressCallback | None,
) -> list[str]:
    """Unpack every stored file that hashes right; say why each other one is left out."""
    left_out = []
    names = sorted(n for n in entries if n != DB_NAME)
    for done, name in enumerate(names, start=1):
        if name not in infos:
            left_out.append(f"{name}: not in the archive")
        elif not _extract(archive, infos[name], staging, entries[name], bounds[name]):
            left_out.append(f"{name}: damaged in the archive")
        if progress:
            progress(Progress(f"{done} of {len(names)} files", done, len(names)))
    for digest in sorted(referenced - _hashes(entries)):
        left_out.append(f"files/{digest[:2]}/{digest[2:4]}/{digest}.pdf: not in the archive")
    return left_out


def _hashes(names: dict[str, str]) -> set[str]:
    """The hashes stored files are named by (``files/ab/cd/<sha256>.pdf``)."""
    return {PurePosixPath(n).name.split(".")[0] for n in names}


def _move_into_place(staging: Path, target: Path) -> Path | None:
    """Swap the staged library in; an existing one is renamed aside, never deleted."""
    replaced = None
    if target.exists():
        if any(target.iterdir()):
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            replaced = target.with_name(f"{target.name}.replaced-{stamp}")
            target.rename(replaced)
        else:
            target.rmdir()
    staging.rename(target)
    return replaced
