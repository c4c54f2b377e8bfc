"""Court ▸ Import EOIR Case Data…: choose a folder, import it on the worker, report.

The import is :func:`caseorg.eoir.import_eoir`, run as one
:class:`~caseorg_ui.operations.library_op.LibraryOp` on the main window's worker: the
progress dialog (after ~500 ms) shows cases done of total; Cancel stops between cases and
keeps every case already written (each case is one transaction). At the end a
report dialog lists the counts, the files read, and every skipped row with its
file and line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caseorg import eoir
from caseorg.eoir import EoirReport, eoir_progress
from caseorg.library import Library
from caseorg_ui.operations.changes import Change
from caseorg_ui.operations.library_op import LibraryOp, Runner
from caseorg_ui.operations.messages import show_error
from caseorg_ui.qt import (
    QBrush,
    QColor,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

# what an EOIR import writes
EOIR_CHANGES = (
    Change.CASES | Change.HEARINGS | Change.NOTICES | Change.JUDGES | Change.REASSIGNMENTS
)

COUNTS = (
    ("cases_created", "Cases created"),
    ("cases_updated", "Cases updated"),
    ("cases_unchanged", "Cases unchanged"),
    ("hearings_created", "Hearings added"),
    ("hearings_updated", "Hearings updated"),
    ("transfers_recorded", "Transfers between courts"),
    ("judges_created", "Judges added"),
    ("judges_updated", "Judges updated"),
    ("reassignments_inferred", "Reassignments inferred"),
    ("rows_skipped", "Rows skipped"),
)
KINDS = {
    "case": "cases",
    "proceeding": "proceedings",
    "schedule": "hearing schedule",
    "judge": "judges (lookup)",
    "court": "courts (lookup)",
    "adjournment": "adjournment reasons (lookup)",
    "representation": "representation (EOIR-28)",
    "hearing_location": "hearing locations (lookup)",
    "decision": "decisions (lookup)",
    "calendar_type": "calendar types (lookup)",
    "language": "languages (lookup)",
    "nationality": "nationalities (lookup)",
    "notice_code": "notice types (lookup)",
    "counts": "row counts of the release",
}


class EoirReportDialog(QDialog):
    """What an EOIR import did: counts, files read, rows skipped (file, line, why)."""

    def __init__(self, report: EoirReport, folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.report = report
        self.setWindowTitle("EOIR import report")
        self.resize(760, 520)
        summary = QLabel()
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        text = f"Imported from {folder}: {report.summary()}."
        if report.cancelled:
            text += "\nThe import was cancelled; the cases written before the cancel are kept."
        summary.setText(text)
        self.summary = summary

        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(2)
        self.count_labels: dict[str, QLabel] = {}
        for number, (key, caption) in enumerate(COUNTS):
            value = QLabel(f"{report.counts.get(key, 0):,}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            font = value.font()
            font.setBold(True)
            value.setFont(font)
            self.count_labels[key] = value
            row, column = number % 5, (number // 5) * 2
            grid.addWidget(value, row, column)
            grid.addWidget(QLabel(caption), row, column + 1)
        grid.setColumnStretch(4, 1)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Where", "What"])
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().resizeSection(0, 260)
        files = QTreeWidgetItem([f"Files read ({len(report.files)})", ""])
        for item in report.files:
            rows = int(item.get("rows", 0))
            kind = KINDS.get(str(item.get("kind")), str(item.get("kind")))
            files.addChild(QTreeWidgetItem([str(item["file"]), f"{kind}, {rows:,} rows"]))
        self.problems = QTreeWidgetItem([f"Rows not imported ({len(report.problems)})", ""])
        red = QBrush(QColor("#a0241b"))
        for problem in report.problems:
            where = f"{problem.file}:{problem.line}" if problem.line else problem.file
            child = QTreeWidgetItem([where, problem.message])
            child.setToolTip(1, problem.message)
            child.setForeground(1, red)
            self.problems.addChild(child)
        if report.problems:  # what needs attention first
            self.problems.setForeground(0, red)
            self.tree.addTopLevelItem(self.problems)
            self.tree.addTopLevelItem(files)
        else:
            self.tree.addTopLevelItem(files)
            self.tree.addTopLevelItem(self.problems)
        files.setExpanded(True)
        self.problems.setExpanded(True)
        for top in (files, self.problems):
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFirstColumnSpanned(True)
        if not report.problems:
            self.problems.setText(0, "Every row was read")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(grid)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def problem_lines(self) -> list[str]:
        """'file:line — message' for each problem listed."""
        out = []
        for number in range(self.problems.childCount()):
            child = self.problems.child(number)
            if child is not None:
                out.append(f"{child.text(0)} \N{EM DASH} {child.text(1)}")
        return out


@dataclass
class EoirImportRun:
    """One import started by :func:`run_eoir_import`: its operation, and at the end its
    report and report dialog (or the error that stopped it)."""

    folder: Path
    handle: LibraryOp[EoirReport] | None = None
    report: EoirReport | None = None
    dialog: EoirReportDialog | None = None
    error: BaseException | None = None

    @property
    def done(self) -> bool:
        return self.handle is not None and self.handle.done

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()


def run_eoir_import(
    parent: QWidget | None,
    ops_runner: Runner,
    folder: Path | str | None = None,
    on_done: Callable[[EoirReport], Any] | None = None,
) -> EoirImportRun | None:
    """Import a folder of EOIR case data on ``ops_runner``'s worker, then show the report.

    :param folder: the folder (default: ask for one; None is returned if the user cancels).
    :param on_done: called on the UI thread with the report (e.g. to refresh the views)
        before the report dialog opens.
    """
    if folder is None:
        chosen = QFileDialog.getExistingDirectory(
            parent, "Choose the folder of EOIR's case data release", str(Path.home())
        )
        if not chosen:
            return None
        folder = chosen
    run = EoirImportRun(Path(folder))
    source = run.folder

    def work(lib: Library) -> EoirReport:
        task.progress(eoir_progress(0, 0, ""))  # reading the files
        # looked up on the module at run time, so a test can gate it to see the dialog
        return eoir.import_eoir(lib, source, progress=task.progress, cancel=task.cancel_token)

    def done(report: EoirReport) -> None:
        run.report = report
        if on_done is not None:
            on_done(report)
        dialog = EoirReportDialog(report, source, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        run.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(run, "dialog", None))
        dialog.open()

    def failed(exc: BaseException) -> None:
        run.error = exc
        show_error(parent, exc)

    task = LibraryOp(parent, work, EOIR_CHANGES)
    run.handle = (
        task.with_progress("Importing EOIR case data…", cancellable=True)
        .success(done)
        .failure(failed)
        .run_in_background(ops_runner)
    )
    return run
