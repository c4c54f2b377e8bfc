"""The main window's status bar: the library folder (with its last backup), what it
holds, the pages awaiting OCR (when any), the search index's state, and "working…"
while an operation runs.

Mixed into :class:`caseorg_ui.window.main_window.MainWindow`; it reads the window's
``session``, ``reader``, ``runner`` and ``read_only``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from caseorg.importing import awaiting_ocr
from caseorg.library import Library, last_backup_at
from caseorg.progress import Progress
from caseorg.records import library_totals
from caseorg.records.totals import LibraryTotals
from caseorg.words import counted, home_short, us_datetime
from caseorg_ui.operations import LOADING
from caseorg_ui.qt import QFrame, QLabel, QToolButton


def status_separator() -> QFrame:
    """A thin upright line between two parts of the status bar."""
    line = QFrame()
    line.setFrameShape(QFrame.Shape.VLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    line.setFixedHeight(14)
    return line


class StatusCounts(NamedTuple):
    """What the status bar shows of the library, read together by the window's reader."""

    totals: LibraryTotals
    awaiting: int  # pages awaiting OCR
    backup: dt.datetime | None  # a folder's last backup


AWAITING_TIP = "Scanned pages not read yet: File ▸ Read Scanned Pages (OCR)"


class StatusBarPart:
    """The status bar's part of the main window (a mixin: see the module docstring)."""

    _index_state = "index: not checked yet"

    def _build_status_bar(self) -> None:
        session = self.session
        self.path_label = QLabel(
            session.where if session.path is None else home_short(session.path)
        )
        self.path_label.setToolTip("The court library" if session.court else "The library folder")
        if session.court:  # its server keeps the search up to date: nothing to check
            self._index_state = "search: on the server"
        self.counts_label = QLabel()
        self.index_label = QLabel()
        self.ocr_label = QLabel()  # pages awaiting OCR; hidden when none
        self.ocr_label.setStyleSheet("color: #8a5a00;")
        self.ocr_label.setToolTip(AWAITING_TIP)
        self.ocr_label.hide()
        self.ocr_cancel = QToolButton()  # shown while OCR runs in the background
        self.ocr_cancel.setText("Cancel")
        self.ocr_cancel.setAutoRaise(True)
        self.ocr_cancel.setToolTip("Stop reading scanned pages (the pages read are kept)")
        self.ocr_cancel.setAccessibleName("Cancel OCR")
        self.ocr_cancel.clicked.connect(lambda: self.ocr_flow.cancel())
        self.ocr_cancel.hide()
        self.busy_label = QLabel()
        self.busy_label.setStyleSheet("color: #8a5a00;")
        status = self.statusBar()
        status.addWidget(self.path_label, 1)
        status.addPermanentWidget(self.busy_label)
        status.addPermanentWidget(self.ocr_label)
        status.addPermanentWidget(self.ocr_cancel)
        status.addPermanentWidget(self.counts_label)
        status.addPermanentWidget(status_separator())  # the parts read apart
        status.addPermanentWidget(self.index_label)
        status.addPermanentWidget(status_separator())
        self.runner.busy_changed.connect(self._busy_changed)
        self.runner.message.connect(self.say)

    def refresh_status(self) -> None:
        """Count what the library holds again, and say the index's state (the counts are
        read by the window's reader; the old ones stay until the new arrive)."""
        if not self.counts_label.text():
            self.counts_label.setText(LOADING)
        state = "read-only · " if self.read_only else ""
        self.index_label.setText(state + self._index_state)  # (known here: no read)
        folder = self.session.path

        def read(lib: Library) -> StatusCounts:
            backup = last_backup_at(folder) if folder is not None else None
            return StatusCounts(library_totals(lib), awaiting_ocr(lib), backup)

        self.reader.read("counts", read, self._show_counts)

    def _show_counts(self, counts: StatusCounts) -> None:
        if self._closed:
            return
        totals = counts.totals
        self.counts_label.setText(
            f"{totals.cases:,} cases · {totals.documents:,} documents · {totals.pages:,} pages"
        )
        if not self.ocr_cancel.isVisible():  # (while OCR runs, its progress shows there)
            self.ocr_label.setText(f"{counted(counts.awaiting, 'page')} awaiting OCR")
            self.ocr_label.setVisible(counts.awaiting > 0)
        if self.session.path is None:  # a court library: its server keeps the backups
            self.path_label.setToolTip(
                f"The {self.session.where} on its PostgreSQL server, shared by the court's "
                "clerks and judges"
            )
            return
        backup = counts.backup
        self.path_label.setToolTip(
            f"Library folder {self.session.path}\n"
            + (f"Last backup {us_datetime(backup)}" if backup else "Never backed up")
        )

    def say(self, text: str, ms: int = 8000) -> None:
        """A passing line in the status bar (a finished write, a cancel)."""
        if not self._closed:
            self.statusBar().showMessage(text, ms)

    def say_saved(self, written: object, what: str) -> None:
        """An export's file, named in the status bar (a save dialog closing says nothing)."""
        if isinstance(written, Path):
            self.say(f"Saved the {what} to {written}", 10000)

    def show_ocr_progress(self, progress: Progress | None) -> None:
        """OCR running in the background: its progress and a Cancel; None: it ended."""
        if self._closed:
            return
        if progress is None:
            self.ocr_cancel.hide()
            self.ocr_label.setToolTip(AWAITING_TIP)
            self.refresh_status()
            return
        self.ocr_label.setText(progress.text)
        self.ocr_label.setToolTip(f"Reading scanned pages: {progress.text}")
        self.ocr_label.show()
        self.ocr_cancel.show()

    def _busy_changed(self, busy: bool) -> None:
        self.busy_label.setText("working…" if busy else "")
