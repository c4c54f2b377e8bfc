"""The File menu's library commands: back up, check (and repair), rebuild the search
index, and open another library — a new one, a chosen one, or the demo court.

Mixed into :class:`caseorg_ui.window.main_window.MainWindow`; each command runs as an
operation on the window's worker. Opening a library opens a new window on it and
closes this one. The check, backup and demo modules load with their first use.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caseorg.errors import CaseorgError, LibraryLocked
from caseorg.library import DB_NAME, Library, is_court_url
from caseorg.progress import Progress
from caseorg.search import index_of
from caseorg.words import counted
from caseorg_ui import preferences as settings
from caseorg_ui.operations import Change, LibraryOp, Session, show_message
from caseorg_ui.operations.runner import library_where, open_libraries
from caseorg_ui.qt import QFileDialog, QInputDialog, QMessageBox, Qt

if TYPE_CHECKING:
    from caseorg.upkeep import CheckReport
    from caseorg_ui.qt import QWidget


def run_check(lib: Library, **options: Any) -> CheckReport:
    """:func:`caseorg.upkeep.check.check_library` (a court library's:
    :func:`caseorg.upkeep.court_check.check_court_library`), loaded on first use (on
    the worker)."""
    if lib.backend == "postgresql":
        from caseorg.upkeep.court_check import check_court_library

        return check_court_library(lib, **options)
    from caseorg.upkeep import check_library

    return check_library(lib, **options)


def demo_library_path() -> Path:
    """Where 'Open the demo library' builds the sample court (never the user's library)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("caseorg", appauthor=False)) / "demo-library"


def open_session_or_ask(
    parent: QWidget | None, path: Path | str, create: bool = True
) -> Session | None:
    """Open ``path`` (a folder, or a court library's URL); when another window holds a
    folder, offer read-only (the message names the pid). None when the user declines or
    the library cannot be opened (said in one line: a server that does not answer too)."""
    try:
        return Session(path, create=create)
    except LibraryLocked as exc:
        answer = QMessageBox.question(
            parent,
            "caseorg",
            f"{str(exc)[:1].upper()}{str(exc)[1:]}.\n\nOpen it read-only?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            return Session(path, read_only=True)
        except CaseorgError as inner:
            QMessageBox.warning(parent, "caseorg", str(inner))
            return None
    except CaseorgError as exc:
        QMessageBox.warning(parent, "caseorg", str(exc))
        return None


COURT_SEARCH = "search: on the server"  # a court library's index state


def court_check(lib: Library, **options: Any) -> CheckReport | None:
    """The check of a court library, or None where the server cannot run it."""
    from caseorg.library import NotOnServer
    from caseorg.library.pg_sql import UnsupportedSql

    try:
        return run_check(lib, **options)
    except (NotOnServer, UnsupportedSql):  # (no shared file store named yet)
        return None


COURT_CHECK_NOT_YET = (
    "Check Library needs the court library's shared file store: its owner names it with "
    "'caseorg court-files FOLDER'."
)


def build_demo(target: Path, op: LibraryOp[Path]) -> Path:
    """The sample court in ``target`` (built unless it already holds cases)."""
    from caseorg.demo import create_demo
    from caseorg.library import open_library
    from caseorg.records import library_totals

    with open_library(target) as demo:
        if not library_totals(demo).cases:
            create_demo(demo, progress=op.progress)
    return target


class LibraryActions:
    """The library commands of the main window (a mixin: see the module docstring)."""

    last_report: CheckReport | None = None

    # -- backup ----------------------------------------------------------------------------
    def backup(self) -> None:
        default = Path.home() / f"caseorg-backup-{dt.date.today():%Y-%m-%d}.zip"
        name, _filter = QFileDialog.getSaveFileName(
            self, "Back up the library", str(default), "Zip archives (*.zip)"
        )
        if name:
            self.start_backup(Path(name))

    def start_backup(self, dest: Path) -> LibraryOp[dict[str, Any]]:
        """Back up to ``dest`` on the worker: a folder library's database and files, or
        one snapshot of a court library's (the same archive format). Cancel leaves no
        partial archive and no scratch copy behind."""

        def work(lib: Library) -> dict[str, Any]:
            if lib.backend == "postgresql":
                from caseorg.upkeep.court_backup import backup_court

                return backup_court(lib, dest, task.progress, lambda: task.cancelled)
            from caseorg.upkeep import backup_library

            return backup_library(lib, dest, task.progress, lambda: task.cancelled)

        def done(manifest: dict[str, Any]) -> None:
            self.refresh_status()  # its tooltip names the last backup
            damaged = sorted(manifest.get("damaged", {}).items())
            if damaged:  # left out of the archive: the user must know which, and why
                names = "; ".join(f"{name} ({why})" for name, why in damaged[:5])
                more = f" and {len(damaged) - 5} more" if len(damaged) > 5 else ""
                text = (
                    f"Backed up to {dest}, except {counted(len(damaged), 'damaged stored file')}"
                    f" NOT backed up: {names}{more}. Run Check Library to see what to do."
                )
                self.say(text, 20000)
                show_message(self, text)
                return
            self.say(f"Backed up to {dest}", 10000)
            show_message(
                self, f"The library was backed up to {dest}.", QMessageBox.Icon.Information
            )

        task = LibraryOp(self, work)
        task.with_progress("Backing up the library…", cancellable=True).success(done)
        return task.run_in_background(self.runner)

    # -- check and repair --------------------------------------------------------------------
    def check_after_open(self) -> None:
        """The cheap check (no hashing) on the worker after opening; offers repair."""
        self._index_state = "index: checking…"
        self.refresh_status()

        def work(lib: Library) -> CheckReport | None:
            if lib.backend == "postgresql":  # its server keeps the search up to date;
                return None  # its check (a round trip per grant) is File ▸ Check Library
            if not lib.read_only:
                task.progress(Progress("Bringing the search index up to date…"))
                index_of(lib).reconcile(progress=task.progress)
            task.progress(Progress("Checking the library…"))
            return run_check(lib, hash_files=False)

        task = LibraryOp(self, work, Change.INDEX)  # (the index may have been brought up to date)
        task.with_progress("Opening the library…").success(self._checked)
        task.run_in_background(self.runner)

    def _checked(self, report: CheckReport | None, *, offer_repair: bool = True) -> None:
        if report is None:  # a court library whose check is not on the server yet
            self._index_state = COURT_SEARCH
            self.refresh_status()
            self.checked.emit(None)
            return
        self.last_report = report
        index_problems = [p for p in report.remaining if p.kind == "index"]
        self._index_state = "index: needs rebuilding" if index_problems else "index: up to date"
        if self.session.court:
            self._index_state = COURT_SEARCH
        self.refresh_status()
        self.checked.emit(report)
        if report.remaining and offer_repair and not self.read_only:
            self.offer_repair(report)

    def offer_repair(self, report: CheckReport) -> QMessageBox:
        lines = "\n".join(f"• {p.detail}" for p in report.remaining[:12])
        more = len(report.remaining) - 12
        if more > 0:
            lines += f"\n• … and {more} more"
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "caseorg",
            f"The library check found {len(report.remaining)} problem(s):\n\n{lines}\n\n"
            + (
                "Repair (by the database's owner) puts triggers, grants and search indexes "
                "back as the schema makes them"
                if self.session.court
                else "Repair rebuilds the search index"
            )
            + " and moves unknown files to quarantine/; it never deletes your data. Problems "
            "it cannot fix (a missing or damaged file) need a backup.",
            QMessageBox.StandardButton.NoButton,
            self,
        )
        repair = box.addButton("Repair", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Not Now", QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self.repair() if button is repair else None)
        self.repair_box = box
        box.open()
        return box

    def repair(self, hash_files: bool = False) -> None:
        def work(lib: Library) -> CheckReport:
            return run_check(lib, repair=True, hash_files=hash_files, progress=task.progress)

        def done(report: CheckReport) -> None:
            self._checked(report, offer_repair=False)
            fixed = sum(1 for p in report.problems if p.repaired)
            left = len(report.remaining)
            text = f"Repaired {fixed} problem(s)."
            if left:
                text += f" {left} remain: " + "; ".join(p.detail for p in report.remaining[:3])
            show_message(self, text, QMessageBox.Icon.Information)

        # the index is rebuilt, unknown files leave the store
        task = LibraryOp(self, work, Change.DOCUMENTS | Change.INDEX)
        task.with_progress("Repairing the library…").success(done)
        task.run_in_background(self.runner)

    def check_full(self) -> None:
        def work(lib: Library) -> CheckReport | None:
            if lib.backend == "postgresql":
                return court_check(lib, hash_files=True, progress=task.progress)
            return run_check(lib, hash_files=True, progress=task.progress)

        def done(report: CheckReport | None) -> None:
            self._checked(report)
            if report is None:
                show_message(self, COURT_CHECK_NOT_YET, QMessageBox.Icon.Information)
            elif report.ok:
                show_message(
                    self,
                    f"The library is sound: {report.checked_files} stored files match "
                    "their hashes, the database and the search index agree.",
                    QMessageBox.Icon.Information,
                )

        task = LibraryOp(self, work)
        task.with_progress("Checking the library…").success(done)
        task.run_in_background(self.runner)

    def reindex(self) -> LibraryOp[int]:
        """Rebuild the search index on the worker: a folder's from its pages; a court
        library's word list and indexes on its server (its owner only: a clerk is told
        why in one line)."""

        def work(lib: Library) -> int:
            return index_of(lib).rebuild(progress=task.progress, cancelled=lambda: task.cancelled)

        def done(pages: int) -> None:
            self._index_state = COURT_SEARCH if self.session.court else "index: up to date"
            self.refresh_status()
            self.say(f"Search index rebuilt: {pages:,} pages", 10000)

        task = LibraryOp(self, work, Change.INDEX)
        task.with_progress("Rebuilding the search index…", cancellable=True).success(done)
        return task.run_in_background(self.runner)

    # -- switching libraries -----------------------------------------------------------------
    def new_library(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "Choose an empty folder for the new library", str(Path.home())
        )
        if not folder:
            return
        path = Path(folder)
        if any(path.iterdir()) and not (path / DB_NAME).exists():
            path = path / "caseorg-library"
        self.switch_library(path, create=True)

    def choose_library(self) -> None:
        start = Path.home() if self.session.path is None else self.session.path.parent
        folder = QFileDialog.getExistingDirectory(self, "Open a caseorg library folder", str(start))
        if folder:
            self.switch_library(Path(folder), create=False)

    def choose_court_library(self) -> None:
        """Ask for a court library's URL, then open it (connecting on the worker)."""
        url, ok = QInputDialog.getText(
            self,
            "Open a court library",
            "The court library's address (a password is better kept in ~/.pgpass):",
            text="postgresql://USER@HOST/DATABASE",
        )
        url = url.strip()
        if not ok or not url:
            return
        if not is_court_url(url):
            show_message(self, f"{url} is not a court library's address: postgresql://…")
            return
        self.switch_library(url)

    def switch_library(self, path: Path | str, create: bool = False) -> Any:
        """Open ``path`` (a folder, or a court library's URL) in a new window (returned)
        and close this one. A court library is connected to on the worker (the window
        never waits on the network): None is returned, the window follows."""
        if is_court_url(path):
            return self._switch_to_court(str(path))
        path = Path(path)
        if self.session.path is not None and path.resolve() == self.session.path.resolve():
            return self
        if not create and not (path / DB_NAME).exists():
            show_message(self, f"There is no caseorg library in {path}")
            return None
        settings.save_window(self, {"main": self.splitter})
        session = open_session_or_ask(self, path, create=create)
        if session is None:
            return None
        return self._show_session(session)

    def _show_session(self, session: Session) -> Any:
        window = type(self)(session)
        window.show()
        window.check_after_open()
        self.close()
        return window

    def _switch_to_court(self, url: str) -> None:
        if url == self.session.location:
            return
        settings.save_window(self, {"main": self.splitter})
        task = LibraryOp(self, lambda _lib: open_libraries(url))
        task.with_progress(f"Connecting to the {library_where(url)}…")
        task.success(lambda libraries: self._show_session(Session(url, libraries=libraries)))
        task.run_in_background(self.runner)

    def open_demo(self, path: Path | None = None) -> None:
        """Build the sample court in its own folder (on the worker), then open it."""
        target = Path(path) if path is not None else demo_library_path()
        task = LibraryOp(self, lambda _lib: build_demo(target, task))
        task.with_progress("Building the demo library…").success(self.switch_library)
        task.run_in_background(self.runner)
