"""What a killed backup or restore leaves behind, found and removed by the next one.

A backup writes its archive as a hidden partial file beside the target (renamed into
place when whole) and snapshots the database into a scratch folder; a restore unpacks
into a staging folder beside the library. Killed midway, each is left behind: private
(0600/0700), but a full copy of asylum records all the same. The scratch and staging
folders carry their writer's pid, so the next backup or restore removes those whose
writer is dead; a partial archive is held with an OS lock while it is written, so one
nobody holds is a dead backup's.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from caseorg.library import pid_alive

BACKUP_SCRATCH = "caseorg-backup-"
RESTORE_STAGING = ".caseorg-restore-"


def scratch_prefix(kind: str) -> str:
    """The name a scratch folder starts with: its kind and this process's pid."""
    return f"{kind}{os.getpid()}-"


def sweep_scratch(folder: Path, kind: str) -> list[Path]:
    """Remove the ``kind`` scratch folders in ``folder`` whose writer is dead."""
    removed = []
    for path in folder.glob(f"{kind}*-*"):
        pid = path.name[len(kind) :].split("-", 1)[0]
        if pid.isdigit() and not pid_alive(int(pid)) and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def sweep_backup_leftovers(dest: Path) -> list[Path]:
    """A dead backup's partial archives beside ``dest`` and its database snapshots."""
    removed = sweep_scratch(Path(tempfile.gettempdir()), BACKUP_SCRATCH)
    if os.name != "posix" or not dest.parent.is_dir():
        return removed
    import fcntl

    for path in dest.parent.glob(f".{dest.stem}.*.part{dest.suffix}"):
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue  # a backup that is running now
        finally:
            os.close(fd)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    return removed


@contextlib.contextmanager
def held_while_written(path: Path) -> Iterator[None]:
    """Hold an OS lock on a partial file while it is written: the next backup's sweep
    leaves it alone until its writer is done or dead."""
    if os.name != "posix":
        yield
        return
    import fcntl

    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
