"""Content-addressed file store: ``files/ab/cd/<sha256>.pdf``, written atomically.

A stored file is never changed: its name is its hash, so one copy serves every
case that holds the same document, and a torn write can never masquerade as a
good file (tmp -> fsync -> rename).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    """Stream the file through SHA-256 (PDFs can be hundreds of MB)."""
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


class FileStore:
    """The ``files/`` folder of a library."""

    def __init__(self, root: Path):
        self.root = root

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / f"{sha256}.pdf"

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def stage(self, source: Path, sha256: str) -> Path | None:
        """Copy ``source`` to a hidden temporary file beside its final place, fsynced.

        Returns None when the store already holds this hash. The copy is
        verified against ``sha256``, so a file that changed while being
        imported is refused rather than stored wrong. :meth:`publish` makes
        the copy visible; the importer does that as the last step before its
        transaction commits, so a crash leaves at most a ``.tmp`` leftover
        (swept at the next open) and never a stored file without a record
        for longer than a rename.
        """
        target = self.path_for(sha256)
        if target.is_file():
            return None
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        digest = hashlib.sha256()
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
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

    def publish(self, staged: Path, sha256: str) -> Path:
        """Rename a staged copy to its content address (atomic) and sync the folder."""
        target = self.path_for(sha256)
        os.replace(staged, target)
        _fsync_dir(target.parent)
        return target

    @staticmethod
    def discard(staged: Path | None) -> None:
        """Remove a staged copy that will not be published (no error if already gone)."""
        if staged is not None and staged.exists():
            os.chmod(staged, 0o600)
            staged.unlink()

    def add(self, source: Path, sha256: str) -> Path:
        """Copy ``source`` in under its hash unless it is already there; return its path."""
        staged = self.stage(source, sha256)
        if staged is None:
            return self.path_for(sha256)
        return self.publish(staged, sha256)

    def sweep_leftovers(self) -> list[Path]:
        """Delete half-written ``.tmp`` copies left by a process that died mid-import.

        Only safe while holding the library's write lock (no live writer can
        own them); the originals are still wherever they were imported from.
        """
        swept: list[Path] = []
        if not self.root.is_dir():
            return swept
        for path in self.root.rglob(".*.tmp"):
            self.discard(path)
            swept.append(path)
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
