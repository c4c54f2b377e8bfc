"""``caseorg check`` on a library that cannot be opened: say what is damaged, in words, and
what ``--repair`` will do; then do only that.

A library whose database is missing, empty, truncated, garbled or a folder still holds
its evidence: the stored PDFs. Repair never moves them, never makes a new database over
them; it lists them (``orphan-files.txt``) and restores the records from a backup only
when the user names one (``--from-backup FILE``), keeping the damaged folder beside the
restored one. The search index is disposable: a file where its folder belongs is moved to
``quarantine/`` and the index rebuilt.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from caseorg.library import (
    LAST_BACKUP_FILE,
    database_damage,
    index_damage,
    open_library,
    sha256_of,
    write_locked,
)
from caseorg.private_files import write_private
from caseorg.upkeep.check import CheckReport, Problem

ORPHAN_LIST = "orphan-files.txt"


def newest_backup(folder: Path) -> str | None:
    """The backup this library last wrote, as 'FILE (of DATE)', if it is still there."""
    try:
        data = json.loads((folder / LAST_BACKUP_FILE).read_text())
        if Path(data["file"]).is_file():
            return f"{data['file']} (of {data['at']})"
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def damaged_parts(folder: Path) -> list[Problem]:
    """The damage that stops the library opening (database, index place); [] when none."""
    problems = []
    if damage := database_damage(folder):
        problems.append(Problem("database", damage))
    if damage := index_damage(folder):
        problems.append(Problem("index", damage))
    return problems


def check_damaged(
    folder: Path, problems: list[Problem], *, repair: bool, from_backup: Path | None
) -> CheckReport:
    """Report ``problems`` (from :func:`damaged_parts` or a refused open) with what repair
    will do; with ``repair``, do it holding the write lock."""
    report = CheckReport(problems=problems)
    db_damaged = any(p.kind == "database" for p in problems)
    if db_damaged and from_backup is None:
        known = newest_backup(folder)
        report.plan.append(
            f"--repair moves nothing: it lists the stored files in {ORPHAN_LIST}; "
            f"to restore the records from a backup run 'caseorg --library {folder} check "
            f"--repair --from-backup FILE'" + (f" (newest backup: {known})" if known else "")
        )
    elif db_damaged:
        report.plan.append(
            f"--repair restores the records from {from_backup}, keeps the damaged library "
            "beside it, and rebuilds the search index"
        )
    if any(p.kind == "index" for p in problems):
        report.plan.append("--repair moves the index file to quarantine/ and rebuilds the index")
    if not repair:
        return report
    with write_locked(folder):
        for problem in problems:
            if problem.kind == "index":
                _move_index_aside(folder)
                problem.repaired = True
                problem.detail += " (moved to quarantine/; the index is rebuilt)"
        if db_damaged and from_backup is None:
            _list_orphans(folder)
            report.plan.append(f"listed the stored files in {folder / ORPHAN_LIST}")
        elif db_damaged and from_backup is not None:
            report.plan.append(_restore_records(folder, from_backup))
            for problem in problems:
                problem.repaired = True
    if not db_damaged or from_backup is not None:
        from caseorg.search import index_of

        with open_library(folder, create=False) as lib:
            index_of(lib)  # a new index is built from SQLite as it opens
    return report


def _move_index_aside(folder: Path) -> None:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / "quarantine" / stamp / "index"
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    shutil.move(str(folder / "index"), str(target))


def _list_orphans(folder: Path) -> None:
    """Every stored file, its size and whether its content still matches its name."""
    lines = ["# stored files of a library whose database cannot be read (sha256 size state)"]
    root = folder / "files"
    for path in sorted(root.rglob("*")) if root.is_dir() else []:
        if not path.is_file():
            continue
        try:
            state = "intact" if sha256_of(path) == path.name.split(".")[0] else "damaged"
        except OSError as exc:
            state = f"unreadable ({exc.strerror})"
        lines.append(f"{path.relative_to(folder)} {path.stat().st_size} {state}")
    write_private(folder / ORPHAN_LIST, "\n".join(lines) + "\n")


def _restore_records(folder: Path, archive: Path) -> str:
    """Restore ``archive`` over the damaged library; say where it went and what the backup
    lacks (stored files newer than it stay in the damaged folder, listed there)."""
    from caseorg.upkeep.restore import restore_library

    manifest = restore_library(archive, folder, force=True)
    aside = Path(manifest["replaced"])
    restored = {Path(name).name for name in manifest["entries"]}
    newer = [p for p in (aside / "files").rglob("*.pdf") if p.name not in restored]
    said = f"restored the records of {manifest['created_at']}; the damaged library is at {aside}"
    if newer:
        _list_orphans(aside)
        said += (
            f"; {len(newer)} stored file(s) newer than the backup stay there "
            f"(listed in {aside / ORPHAN_LIST})"
        )
    return said
