"""Content-addressed file store: ``files/ab/cd/<sha256>.pdf``, written atomically.

A stored file is never changed: its name is its hash, so one copy serves every
case that holds the same document, and a torn write can never masquerade as a
good file (tmp -> fsync -> rename).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    """Stream the file through SHA-256 (PDFs can be hundreds of MB)."""
    import hashlib  # here, not at the top: opening a library never hashes

    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def this_host() -> str:
    """This computer's name as a file name may hold it (a court library's store is one
    folder shared by every clerk's computer)."""
    import re
    import socket

    return re.sub(r"[^A-Za-z0-9-]+", "-", socket.gethostname())[:63] or "host"


class FileStore:
    """The ``files/`` folder of a library (a court library's shared store folder)."""

    def __init__(self, root: Path, host: str | None = None):
        self.root = root
        self.host = host or this_host()  # in staged names: pids repeat across computers
        # staged copies wait here, on the same file system as their final place (so a
        # hard link publishes them); one folder, so the sweep at every open reads it
        # alone instead of walking the whole store (tens of thousands of files)
        self.staging = root / ".staging"

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / f"{sha256}.pdf"

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def stage(self, source: Path, sha256: str) -> Path | None:
        """Copy ``source`` to a temporary file in the staging folder, fsynced.

        Returns None when the store already holds this hash. The copy is
        verified against ``sha256``, so a file that changed while being
        imported is refused rather than stored wrong.

        The staged file is the import's intent record: :meth:`publish` links
        it to its content address inside the document's transaction and
        :meth:`discard` removes it after the commit. A crash at any point
        leaves the staged file behind, and :meth:`sweep_leftovers` at the
        next open tells from the database whether the published copy has a
        record (keep it) or not (the commit never happened: remove it).
        """
        target = self.path_for(sha256)
        if target.is_file():
            return None
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.staging.mkdir(exist_ok=True, mode=0o700)
        tmp = self.staging_path(sha256, os.getpid())
        import hashlib

        digest = hashlib.sha256()
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if digest.hexdigest() != sha256:
                raise OSError(f"{source.name} changed while it was being imported")
            os.chmod(tmp, 0o400)
        except BaseException:
            self.discard(tmp)
            raise
        return tmp

    def staging_path(self, sha256: str, pid: int | None = None) -> Path:
        """A new name for process ``pid``'s staged copy of ``sha256``: unique per call
        (the hash, this computer's name, the pid and a random part), so two computers
        whose importers have the same pid, staging the same file in a court library's
        shared store at once, never write or remove each other's copy."""
        import secrets

        pid = os.getpid() if pid is None else pid
        return self.staging / f"{sha256}.{self.host}.{pid}.{secrets.token_hex(4)}.tmp"

    def publish(self, staged: Path, sha256: str) -> Path:
        """Make a staged copy visible at its content address, keeping the staged name.

        A hard link where the file system has them (the staged name then still
        marks the copy as not yet committed); a copy otherwise.
        """
        target = self.path_for(sha256)
        try:
            os.link(staged, target)
        except FileExistsError:
            pass
        except OSError:  # no hard links here (FAT, some network shares)
            import shutil  # (here: shutil loads bz2 and lzma, ~2 ms of every start)

            shutil.copyfile(staged, target)
            os.chmod(target, 0o400)
        _fsync_dir(target.parent)
        return target

    @staticmethod
    def discard(staged: Path | None) -> None:
        """Remove a staged copy (no error if already gone)."""
        if staged is not None and staged.exists():
            os.chmod(staged, 0o600)  # Windows refuses to delete a read-only file
            staged.unlink()

    def release(self, staged: Path | None, sha256: str) -> None:
        """Drop the staged name of a committed copy; the stored copy stays read-only
        (a hard link shares its mode with the staged name)."""
        self.discard(staged)
        target = self.path_for(sha256)
        if staged is not None and target.exists():
            os.chmod(target, 0o400)

    def add(self, source: Path, sha256: str) -> Path:
        """Copy ``source`` in under its hash unless it is already there; return its path."""
        staged = self.stage(source, sha256)
        if staged is None:
            return self.path_for(sha256)
        self.publish(staged, sha256)
        self.release(staged, sha256)
        return self.path_for(sha256)

    def sweep_leftovers(self, is_recorded: Callable[[str], bool]) -> list[Path]:
        """Finish what a process that died mid-import left: staged copies, and published
        copies whose record never committed (``is_recorded(sha256)`` is False).

        Only safe while holding the library's write lock (no live writer can
        own them); the originals are still wherever they were imported from.
        """
        swept: list[Path] = []
        if not self.staging.is_dir():
            return swept
        for staged in self.staging.glob("*.tmp"):
            digest = staged.name.split(".")[0]
            published = self.path_for(digest)
            if published.is_file() and not is_recorded(digest):
                os.chmod(published, 0o600)
                published.unlink()
                swept.append(published)
            self.release(staged, digest)
            swept.append(staged)
        return swept

    def remove(self, sha256: str) -> None:
        path = self.path_for(sha256)
        if path.exists():
            os.chmod(path, 0o600)
            path.unlink()

    def all_hashes(self) -> Iterator[tuple[str, Path]]:
        """Every stored file as (hash from its name, path); stray files included."""
        if not self.root.is_dir():
            return
        for path in sorted(self.root.rglob("*")):
            if path.is_file():
                yield path.name.split(".")[0], path
