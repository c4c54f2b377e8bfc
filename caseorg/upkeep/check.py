"""``caseorg check``: is the library whole? And ``--repair``: fix what can be fixed safely.

Checks SQLite's own integrity and foreign keys, every stored file against its
hash, files with no record and records with no file, leftovers of interrupted
writes, and the search index against ``pages``. Repair rebuilds the index and
moves unknown files to ``quarantine/``; it never deletes user data.

The full check also lists unusual records (:func:`caseorg.records.unusual_records`):
a hearing dated before its case was opened, a notice served after its hearing... They
are the court's facts to look at, not damage: they do not make the library fail.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from caseorg.errors import is_disk_full
from caseorg.library import INDEX_LEFTOVERS, Library, index_in_step, sha256_of
from caseorg.progress import Progress, ProgressCallback
from caseorg.records import unusual_records
from caseorg.search import opened_index
from caseorg.upkeep.store_changes import problem_folder, stamp_scope, store_scope


@dataclass
class Problem:
    kind: str
    detail: str
    repaired: bool = False


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    checked_files: int = 0
    checked_documents: int = 0
    unusual: list[str] = field(default_factory=list)  # records to look at; not problems
    plan: list[str] = field(default_factory=list)  # what --repair will do (or did), in words

    @property
    def remaining(self) -> list[Problem]:
        return [p for p in self.problems if not p.repaired]

    @property
    def ok(self) -> bool:
        return not self.remaining

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "checked_files": self.checked_files,
            "checked_documents": self.checked_documents,
            "problems": [asdict(p) for p in self.problems],
            "unusual": list(self.unusual),
            "plan": list(self.plan),
        }


def _quarantine(lib: Library, path: Path) -> Path:
    """Move a file out of the store into quarantine/, keeping its relative path."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = lib.path / "quarantine" / stamp / path.relative_to(lib.path)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    shutil.move(str(path), str(target))
    return target


# The open check reads the whole database file with PRAGMA quick_check (0.5 s at
# 100,000 pages, ~5 s at 1,000,000, on the worker the window's searches wait for) only
# when due: a week after the last one that passed, or when a writer died here (opening
# swept its leftovers). A crash cannot corrupt a WAL database (each commit is atomic),
# so a quick check at every open looked for faults of the disk or of outside tools,
# which a session does not make more likely; those are still found within a week, and
# 'caseorg check' (File > Check library) always runs the full integrity_check.
QUICK_CHECK_KEY = "quick_check_passed_at"
QUICK_CHECK_EVERY = dt.timedelta(days=7)


def quick_check_due(lib: Library) -> bool:
    """Must the open check run PRAGMA quick_check this time (see :data:`QUICK_CHECK_EVERY`)?"""
    if getattr(lib, "swept", None):
        return True
    row = lib.db.execute("SELECT value FROM meta WHERE key = ?", [QUICK_CHECK_KEY]).fetchone()
    try:
        last = dt.datetime.fromisoformat(row[0])
    except (TypeError, ValueError):
        return True  # never passed, or unreadable
    now = dt.datetime.now(dt.UTC)
    return not (now - QUICK_CHECK_EVERY < last <= now)  # a clock set back: due as well


def _stamp_quick_check(lib: Library) -> None:
    """Note the pass; a library that cannot take the note (a full disk, another writer)
    only runs quick_check again next time, so the check's own answer stands."""
    try:
        with lib.db.atomic():
            lib.db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [QUICK_CHECK_KEY, dt.datetime.now(dt.UTC).isoformat()],
            )
    except sqlite3.Error:
        pass


def check_library(
    lib: Library,
    *,
    repair: bool = False,
    hash_files: bool = True,
    progress: ProgressCallback | None = None,
) -> CheckReport:
    """Check the library; with ``repair``, fix index drift and quarantine unknown files.

    ``hash_files=False`` is the cheap check the app runs at open (no unusual records).
    """
    report = CheckReport()
    db = lib.db
    quick = "integrity_check" if hash_files else "quick_check"
    due = hash_files or quick_check_due(lib)
    if due:
        for (message,) in db.execute(f"PRAGMA {quick}").fetchall():
            if message != "ok":
                report.problems.append(Problem("database", f"SQLite {quick}: {message}"))
        if not report.problems and not lib.read_only:
            _stamp_quick_check(lib)
    if report.problems:
        report.plan.append(
            "the database is damaged and --repair cannot mend it: 'caseorg restore FILE "
            "--force' brings back a backup (this library is kept beside it)"
        )
    # every row too (0.25 s at 1,000,000 pages); caseorg writes with foreign_keys on, so
    # a dangling row comes from outside tools, like the faults quick_check looks for:
    # the same schedule
    for row in db.execute("PRAGMA foreign_key_check").fetchall() if due else []:
        report.problems.append(
            Problem("database", f"row {row[1]} of {row[0]} points to a missing {row[2]} row")
        )

    _check_append_only(lib, report, seals=hash_files)
    for name in lib.swept:
        report.problems.append(
            Problem("leftover", f"{name} of an interrupted reindex (removed)", repaired=True)
        )
    for name in INDEX_LEFTOVERS:
        if (lib.path / name).exists():
            report.problems.append(
                Problem("leftover", f"{name} of an interrupted reindex; --repair removes it")
            )

    # -- stored files against records -------------------------------------------------------
    check_store(
        lib,
        report,
        repair=repair,
        hash_files=hash_files,
        progress=progress,
        incremental=not hash_files,
    )

    for loose in permissions_problems(lib):
        problem = Problem("permissions", f"{loose} is readable by other users")
        if repair and not lib.read_only:
            os.chmod(loose, 0o700 if Path(loose).is_dir() else 0o600)
            problem.repaired = True
        report.problems.append(problem)

    # -- index against pages --------------------------------------------------------------
    _check_index(lib, report, repair, walk=hash_files)
    if hash_files:  # the full check; the app's quick check at open skips reading records
        report.unusual = unusual_records(lib)
    return report


def check_store(
    lib: Library,
    report: CheckReport,
    *,
    repair: bool,
    hash_files: bool = True,
    progress: ProgressCallback | None = None,
    settling: float = 0.0,
    incremental: bool = False,
) -> None:
    """The stored files against the documents' records: each one there, hashing right,
    and no file without a record (moved to ``quarantine/`` by ``repair``). Both kinds of
    library: a court library's store is shared, and another clerk's import may be between
    publishing its file and committing its record: a file younger than ``settling``
    seconds is in flight, neither a problem nor moved.

    ``incremental`` (the quick check after opening a folder library) compares only what
    changed since the last quick check (:mod:`caseorg.upkeep.store_changes`), walking
    everything when that cannot be trusted; the full check never passes it."""
    scope = store_scope(lib, incremental=incremental)
    wanted = scope.wanted
    report.checked_documents = len(wanted)
    present: dict[str, Path] = {}
    kept_aside = lib.path / "quarantine"  # inside a court library's store: not stored files
    stored = [(h, p) for h, p in scope.stored if not p.is_relative_to(kept_aside)]
    marked: set[str] = set()  # folders with a problem: the next quick check looks again
    if scope.full and not wanted and stored:
        # a database that knows none of the stored files is not this library's: moving
        # them would hide the evidence of the records it lost
        report.problems.append(
            Problem(
                "database",
                f"{len(stored)} stored file(s) but the database knows none of them: nothing "
                "moved; restore the records with 'check --repair --from-backup FILE'",
            )
        )
        stored = []
    now = time.time()
    for name_hash, path in stored:
        known = path == lib.store.path_for(name_hash) and name_hash in wanted
        if not known and settling and _age(path, now) < settling:
            continue  # another writer's import in flight
        doubtful = not known or path.name.startswith(".") or path.name.endswith(".tmp")
        if doubtful and (folder := problem_folder(lib.store.root, path)):
            marked.add(folder)
        if path.name.startswith(".") or path.name.endswith(".tmp"):
            problem = Problem("leftover", f"unfinished write left behind: {path.name}")
            if repair:
                where = _quarantine(lib, path)
                problem.repaired = True
                problem.detail += f" (moved to {where.relative_to(lib.path)})"
            report.problems.append(problem)
            continue
        if not known:
            problem = Problem("unknown_file", f"file with no record: {path.relative_to(lib.path)}")
            if repair and not lib.read_only:
                where = _quarantine(lib, path)
                problem.repaired = True
                problem.detail += f" (moved to {where.relative_to(lib.path)})"
            report.problems.append(problem)
            continue
        present[name_hash] = path
    total = len(present)
    for done, (digest, path) in enumerate(sorted(present.items()), start=1):
        if hash_files:
            try:
                actual = sha256_of(path)
            except OSError as exc:
                actual = f"unreadable ({exc.strerror})"
            if actual != digest:
                report.problems.append(
                    Problem(
                        "damaged_file",
                        f"stored copy of '{wanted[digest]}' does not match its hash; "
                        "restore it from a backup",
                    )
                )
        report.checked_files = done
        if progress and (done % 50 == 0 or done == total):
            progress(Progress(f"Checked {done} of {total} stored files", done, total))
    for digest, title in wanted.items():
        if digest not in present:
            marked.add(f"{digest[:2]}/{digest[2:4]}")
            report.problems.append(
                Problem("missing_file", f"stored copy of '{title}' is missing; restore it")
            )
    if incremental:
        stamp_scope(lib, scope, marked)


def _age(path: Path, now: float) -> float:
    try:
        return now - path.stat().st_mtime
    except OSError:
        return 0.0  # gone meanwhile: it was in flight


def _check_append_only(lib: Library, report: CheckReport, *, seals: bool) -> None:
    """The append-only tables' triggers are there and (the full check: it reads every
    row) each row matches its seal."""
    from caseorg.library.seals import broken_seals, missing_triggers

    for name in lib.restored_triggers:
        report.problems.append(
            Problem(
                "tampering",
                f"append-only trigger {name} was missing (dropped outside caseorg)",
                repaired=True,
            )
        )
    for name in missing_triggers(lib.conn):
        report.problems.append(
            Problem(
                "tampering",
                f"append-only trigger {name} is missing (dropped outside caseorg); "
                "--repair puts it back",
            )
        )
    for line in broken_seals(lib.conn) if seals else []:
        report.problems.append(Problem("tampering", line))


def _check_index(lib: Library, report: CheckReport, repair: bool, *, walk: bool) -> None:
    """The index against ``pages``. The quick check trusts the change log's marks when
    they say the index caught up (issue 15: a clean open reads no page); the full check
    (``walk``) and marks that disagree compare every document."""
    from caseorg.search import SearchIndex

    if not walk and index_in_step(lib, lib.index_dir):
        return
    index = opened_index(lib) or SearchIndex(lib)
    try:
        expected_pages = lib.db.execute("SELECT count(*) FROM pages WHERE text != ''").fetchone()[0]
        in_db = {
            r["document_id"]
            for r in lib.db.query("SELECT DISTINCT document_id FROM pages WHERE text != ''")
        }
        in_index = index.indexed_document_ids()
        if not lib.read_only and in_db - in_index:
            # a crash between a document's commit and its indexing: the index is a
            # cache, so catching up is what opening the library does anyway
            healed = len(in_db - in_index)
            try:
                index.reconcile()
                report.problems.append(
                    Problem(
                        "index",
                        f"{healed} document(s) were missing from the search index (indexed now)",
                        repaired=True,
                    )
                )
            except OSError as exc:
                if not is_disk_full(exc):
                    raise
                report.problems.append(
                    Problem("disk_full", "the disk is full: the search index cannot catch up")
                )
            in_index = index.indexed_document_ids()
        indexed_pages = index.page_count()
        drift = []
        if in_db - in_index:
            drift.append(f"{len(in_db - in_index)} document(s) missing from the search index")
        if in_index - in_db:
            drift.append(f"{len(in_index - in_db)} stale document(s) in the search index")
        if not drift and indexed_pages != expected_pages:
            drift.append(f"index has {indexed_pages} pages, the database {expected_pages}")
        for detail in drift:
            report.problems.append(Problem("index", detail, repaired=False))
        if drift and repair and not lib.read_only:
            try:
                index.rebuild()
            except OSError as exc:
                if not is_disk_full(exc):
                    raise
                report.problems.append(
                    Problem("disk_full", "the disk is full: the search index cannot be rebuilt")
                )
                return
            for problem in report.problems:
                if problem.kind == "index":
                    problem.repaired = True
                    problem.detail += " (index rebuilt)"
    finally:
        if index is not opened_index(lib):
            index.close()


def permissions_problems(lib: Library) -> list[str]:
    """Library paths readable by other users (they hold asylum and removal records)."""
    if os.name != "posix":
        return []
    loose = []
    for path in [lib.path, lib.db_path]:
        if path.exists() and path.stat().st_mode & 0o077:
            loose.append(str(path))
    return loose
