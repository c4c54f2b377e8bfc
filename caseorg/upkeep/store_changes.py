"""What the check after opening must look at in the store: what changed since its last
run (issue 15: at 1,000,000 pages, reading every document's hash and walking every
stored file took 8 s of every open with 224,000 stored files; 0.2 s now).

After each quick check the library keeps a mark (``meta.store_check_mark``): when that
check started, the documents' highest id and their count, when the store was last walked
whole, and the folders where it found a problem. The next quick check then looks at

* the documents added since (``id`` above the mark): is each one's file there?
* the second-level folders (``files/ab/cd/``) whose mtime or ctime is after the mark: a
  file added, removed or renamed changes its own folder's times, so those folders are
  listed and compared with the documents of their hash prefix (an indexed range read
  of ``documents.sha256``);
* every folder named in the mark's problems, again (a problem stays reported until it
  is mended);
* loose files in the store's first two levels (listed at every check: they are read to
  find the folders anyway), and prefixes whose folder is gone (one indexed probe each).

Anything doubtful walks everything, as the full check always does: no mark or one that
cannot be read, a mark from the future or a folder dated in the future (a clock set
back: times cannot be compared), a document count that does not add up (documents
removed: their files may have stayed behind), or a week since the last whole walk
(what the times cannot show, such as a file added two folders deep into an existing
folder, or a change made within a few seconds of a check on a network folder whose
server's clock runs behind this computer's, is found within the week; a server clock
ahead of this one dates folders in the future, which walks everything). A court
library's store is shared by computers whose clocks differ and its files are written
by other clerks' imports in flight, so its check (:mod:`caseorg.upkeep.court_check`)
keeps walking everything.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from caseorg.library import Library

MARK_KEY = "store_check_mark"
WALK_EVERY = dt.timedelta(days=7).total_seconds()
SLACK = 2.0  # seconds: file systems with coarse times (FAT keeps 2 s)
MAX_MARKED = 1024  # more folders with problems than this: walk everything next time
HEX = "0123456789abcdef"
PAIRS = [a + b for a in HEX for b in HEX]


@dataclass
class StoreScope:
    """The records and stored files one store check compares; ``full`` when it is every one."""

    wanted: dict[str, str]  # sha256 -> a title of a document with it
    stored: list[tuple[str, Path]]  # (hash from the name, path)
    full: bool
    started: float
    walked: float  # when the store was last walked whole (now, for a full walk)
    max_id: int
    count: int
    folders: int = 0  # second-level folders listed (the incremental check's work)
    problems: set[str] = field(default_factory=set)  # "ab/cd" folders to look at again


def store_scope(lib: Library, *, incremental: bool) -> StoreScope:
    """The records and files to compare: what changed since the mark when ``incremental``
    and the mark can be trusted, else everything (see the module doc)."""
    started = time.time()
    max_id = count = 0
    if incremental:  # a folder library's SQLite (a court library's check walks everything)
        max_id, count = lib.conn.execute(
            "SELECT coalesce(max(id), 0), count(*) FROM documents"
        ).fetchone()
        mark = _read_mark(lib)
        if mark and mark.at <= started + SLACK and started - mark.walked < WALK_EVERY:
            scope = _changed(lib, mark, started, max_id, count)
            if scope is not None:
                return scope
    wanted = {
        row["sha256"]: row["title"]
        for row in lib.db.query("SELECT sha256, min(title) AS title FROM documents GROUP BY sha256")
    }
    return StoreScope(wanted, list(lib.store.all_hashes()), True, started, started, max_id, count)


@dataclass
class Mark:
    """What the last quick check left (see the module doc)."""

    at: float
    walked: float
    max_id: int
    count: int
    problems: set[str]


def _read_mark(lib: Library) -> Mark | None:
    row = lib.conn.execute("SELECT value FROM meta WHERE key = ?", [MARK_KEY]).fetchone()
    try:
        mark = json.loads(row[0])
        return Mark(
            float(mark["at"]),
            float(mark["walked"]),
            int(mark["max_id"]),
            int(mark["count"]),
            {str(p) for p in mark["problems"]},
        )
    except (TypeError, ValueError, KeyError, AttributeError):
        return None  # no mark, or not one this caseorg wrote


def _changed(
    lib: Library, mark: Mark, started: float, max_id: int, count: int
) -> StoreScope | None:
    """The scope of an incremental check, or None when the store must be walked whole."""
    conn = lib.conn
    added = conn.execute(
        "SELECT sha256, title FROM documents WHERE id > ?", [mark.max_id]
    ).fetchall()
    if count != mark.count + len(added):
        return None  # documents removed since: their files may be left behind
    since = mark.at - SLACK
    future = started + SLACK
    root = lib.store.root
    scope = StoreScope({}, [], False, started, mark.walked, max_id, count)
    again = mark.problems
    prefixes: list[str] = []  # hash prefixes whose documents are compared with the files
    try:
        top = list(os.scandir(root)) if root.is_dir() else []
        firsts = {entry.name for entry in top if entry.is_dir(follow_symlinks=False)}
        if root.is_dir() and max(root.stat().st_mtime, root.stat().st_ctime) >= since:
            # a first-level folder may be gone (its removal changed the root's times)
            prefixes += [p for p in PAIRS if p not in firsts and _any_document(conn, p)]
        elif not root.is_dir() and count:
            return None
        for entry in top:
            if not entry.is_dir(follow_symlinks=False):
                scope.stored.append((entry.name.split(".")[0], Path(entry.path)))
                continue
            first_changed = _changed_at(entry) >= since
            if _changed_at(entry) > future:
                return None
            children = list(os.scandir(entry.path))
            seconds = set()
            for child in children:
                if not child.is_dir(follow_symlinks=False):
                    scope.stored.append((child.name.split(".")[0], Path(child.path)))
                    continue
                seconds.add(child.name)
                when = _changed_at(child)
                if when > future:
                    return None
                if when >= since or f"{entry.name}/{child.name}" in again:
                    scope.folders += 1
                    prefixes.append(entry.name + child.name)
                    scope.stored += [
                        (path.name.split(".")[0], path)
                        for path in Path(child.path).rglob("*")
                        if path.is_file()
                    ]
            if first_changed:  # a second-level folder may be gone
                prefixes += [
                    entry.name + p
                    for p in PAIRS
                    if p not in seconds and _any_document(conn, entry.name + p)
                ]
    except OSError:
        return None
    for prefix in prefixes:
        scope.wanted.update(
            conn.execute(
                "SELECT sha256, min(title) FROM documents WHERE sha256 >= ? AND sha256 < ? "
                "GROUP BY sha256",
                [prefix, _after(prefix)],
            ).fetchall()
        )
    listed = {path for _, path in scope.stored}
    for sha, title in added:
        scope.wanted.setdefault(sha, title)
        path = lib.store.path_for(sha)
        if path not in listed and path.is_file():
            scope.stored.append((sha, path))
            listed.add(path)
    return scope


def _changed_at(entry: os.DirEntry[str]) -> float:
    """When a folder last changed: its mtime, or its ctime (a rename; and a back-dated
    mtime cannot back-date the ctime)."""
    st = entry.stat(follow_symlinks=False)
    return max(st.st_mtime, st.st_ctime)


def _after(prefix: str) -> str:
    """The first string after every string starting with ``prefix``."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _any_document(conn: sqlite3.Connection, prefix: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM documents WHERE sha256 >= ? AND sha256 < ? LIMIT 1",
        [prefix, _after(prefix)],
    ).fetchone()
    return row is not None


def problem_folder(root: Path, path: Path) -> str | None:
    """The ``ab/cd`` folder a problem file is in (to look at again next time), if any."""
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return None
    return f"{parts[0]}/{parts[1]}" if len(parts) >= 3 else None


def stamp_scope(lib: Library, scope: StoreScope, problems: set[str]) -> None:
    """Keep the mark for the next quick check. Too many problem folders: no new mark (the
    old one, or none, keeps the next check as wide as this one). A library that cannot
    take the note only checks more next time."""
    if lib.read_only or len(problems) > MAX_MARKED:
        return
    mark = {
        "at": scope.started,
        "walked": scope.walked,
        "max_id": scope.max_id,
        "count": scope.count,
        "problems": sorted(problems),
    }
    try:
        with lib.db.atomic():
            lib.db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [MARK_KEY, json.dumps(mark)],
            )
    except sqlite3.Error:
        pass
