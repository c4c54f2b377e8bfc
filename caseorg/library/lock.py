"""The library's write lock: one writer at a time, and a refused writer told who has it.

The lock is the operating system's lock on the file ``lock`` in the library (flock; a
byte-range lock on Windows), so two writers started at the same instant cannot both get
it, and the kernel lets it go when its holder dies: a crashed writer never leaves the
library locked. The file also names its holder's pid, written once the lock is held,
so a second writer can say which window has the library; a file that names a live
process that does not hold the OS lock (an older caseorg) is still respected.

Until issue 17 the file alone was the lock (create-if-absent, then write the pid): a
writer that read it in the instant between the two took the empty file for a dead
writer's and took it over, and two importers then made the index at once.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from caseorg.errors import LibraryLocked

LOCK_NAME = "lock"
# How long a refused writer waits for the holder to write its pid into a lock file it has
# just taken (between the two the file is empty), so the message can name it.
HOLDER_WAIT = 0.5
_WINDOWS_LOCK_AT = 1 << 30  # Windows locks bytes: one far past the pid, which others read


@dataclass
class _Held:
    fd: int
    count: int  # the Library objects of this process that hold it


_held: dict[Path, _Held] = {}
_held_guard = threading.Lock()


def host_name() -> str:
    """This machine's name, for the lock file (os.uname where there is one: no socket
    module to load at start-up)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket  # pragma: no cover - Windows

    return socket.gethostname()


def read_lock_holder(lock_path: Path) -> int | None:
    """The pid written in a lock file, or None if unreadable."""
    try:
        text = lock_path.read_text().split()
        return int(text[0]) if text else None
    except (OSError, ValueError):
        return None


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid runs on this machine."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - portable fallback, tested on Linux only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def writer_of(folder: Path) -> int | None:
    """The live process, not this one, that ``folder``'s lock file names: what a reader
    can tell of a writer without taking the lock (None: no writer, or a dead one)."""
    holder = read_lock_holder(Path(folder) / LOCK_NAME)
    if holder is None or holder == os.getpid() or not pid_alive(holder):
        return None
    return holder


def _os_lock(fd: int) -> bool:
    """Take the OS lock on ``fd`` without waiting; False when another process has it."""
    if sys.platform == "win32":  # pragma: no cover - tested on Linux only
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_AT, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _is_file_at(fd: int, path: Path) -> bool:
    """Whether ``fd`` is still the file at ``path`` (a holder removes it when it lets go)."""
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except FileNotFoundError:
        return False


def _refused(holder: int | None) -> LibraryLocked:
    who = f" (pid {holder})" if holder else ""
    return LibraryLocked(
        f"this library is open in another caseorg window{who}; "
        "close it or open the library read-only",
        holder,
    )


class WriteLock:
    """The lock file of one library; held per process (a second Library of this process
    shares the hold), released when the last of them closes."""

    def __init__(self, path: Path):
        self.path = path
        self._key = path.resolve()  # one hold however the folder is spelt

    def acquire(self) -> None:
        """Hold the lock, or raise LibraryLocked naming the holder."""
        with _held_guard:
            held = _held.get(self._key)
            if held is not None:
                held.count += 1
                return
            _held[self._key] = _Held(self._take(), 1)

    def _take(self) -> int:
        for _attempt in range(50):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            if not _os_lock(fd):
                os.close(fd)
                raise _refused(self._holder_named())
            if not _is_file_at(fd, self.path):
                os.close(fd)  # its holder let go and removed it: take the file there now
                continue
            try:
                holder = writer_of(self.path.parent)
                if holder is not None:  # written by a caseorg that locks by the file alone
                    raise _refused(holder)
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()} {host_name()}\n".encode())
            except BaseException:
                os.close(fd)
                raise
            return fd
        raise LibraryLocked(f"could not take the library lock {self.path}")

    def _holder_named(self) -> int | None:
        """The holder's pid, waiting briefly for a holder that has just taken the lock."""
        deadline = time.monotonic() + HOLDER_WAIT
        while (holder := read_lock_holder(self.path)) is None and time.monotonic() < deadline:
            time.sleep(0.01)
        return holder

    def release(self) -> None:
        with _held_guard:
            held = _held.get(self._key)
            if held is None:
                return
            if held.count > 1:
                held.count -= 1
                return
            del _held[self._key]
            if os.name != "nt" and _is_file_at(held.fd, self.path):
                # removed while still locked, so no writer can take a file that is going
                self.path.unlink()
            os.close(held.fd)
            if os.name == "nt":  # pragma: no cover - an open file cannot be removed there
                with contextlib.suppress(OSError):
                    self.path.unlink()


@contextlib.contextmanager
def write_locked(folder: Path) -> Iterator[None]:
    """Hold ``folder``'s write lock for a block that replaces the whole library (a
    restore), without opening it; LibraryLocked when another process writes to it."""
    lock = WriteLock(Path(folder) / LOCK_NAME)
    lock.acquire()
    try:
        yield
    finally:
        lock.release()
