"""Files caseorg writes outside the library (backups, summaries, dockets, exports): private
and whole.

They hold asylum and removal records, so each is created readable by its owner only
(0600), whatever the umask, and appears under its name only once it is complete: it is
written to a temporary file in the same folder, opened with mode 0600 from the start
(never loosened, then tightened), then renamed over the target. A file already at the
target, whatever its mode, is replaced by the private one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from caseorg.errors import CaseorgError

PRIVATE_MODE = 0o600


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


@contextlib.contextmanager
def private_file(target: Path | str) -> Iterator[Path]:
    """A new, empty 0600 file beside ``target`` for a writer that wants a path (a zip
    archive, Qt's PDF printer); when the block ends without an error it is synced and
    renamed to ``target``, else removed.

    :raises CaseorgError: the folder is missing or not writable, or the rename failed.
    """
    target = Path(target).expanduser()
    folder = target.parent
    if not folder.is_dir():
        raise CaseorgError(f"cannot write {target}: the folder {folder} does not exist")
    if target.is_dir():
        raise CaseorgError(f"cannot write {target}: it is a folder")
    try:  # mkstemp opens with O_EXCL and mode 0600
        handle, name = tempfile.mkstemp(
            prefix=f".{target.stem}.", suffix=f".part{target.suffix}", dir=folder
        )
    except OSError as exc:
        raise CaseorgError(
            f"cannot write {target}: the folder {folder} is not writable ({_reason(exc)})"
        ) from None
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        with open(temp, "rb") as written:
            os.fsync(written.fileno())
        try:
            os.replace(temp, target)
        except OSError as exc:
            raise CaseorgError(
                f"cannot write {target}: {_reason(exc)} (is it open in another program?)"
            ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def write_private(
    target: Path | str,
    data: str | bytes,
    *,
    encoding: str = "utf-8",
    newline: str | None = None,
) -> Path:
    """Write ``data`` (text or bytes) to ``target`` as a private file; returns the path.

    ``newline`` is as for :func:`open` (``""`` writes a CSV's line ends unchanged).
    """
    path = Path(target).expanduser()
    with private_file(path) as temp:
        if isinstance(data, bytes):
            temp.write_bytes(data)
        else:
            with open(temp, "w", encoding=encoding, newline=newline) as out:
                out.write(data)
    return path
