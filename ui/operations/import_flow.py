"""File ▸ Import: choose files or a folder, import them into the selected case on the
worker, ask for a password for encrypted files, and say at the end what happened.

The import runs as one operation (progress: files done of total, pages, current
file; Cancel stops between files and keeps what finished). Encrypted files that
the empty password did not open are listed, a password is asked for, and those
files alone are imported again with it (up to three tries). The report dialog
then lists every file under imported, already in the case, encrypted, scanned
(no text) and rejected, with the reason; then scanned pages are read (OCR) in the
background when the library's ``ocr-after-import`` setting is on.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from caseorg.errors import CaseorgError
from caseorg.importing import FileOutcome, ImportReport, import_files
from caseorg.library import Library
from caseorg.records import get_case
from caseorg.words import counted
from caseorg_ui.operations.changes import Change
from caseorg_ui.operations.library_op import LibraryOp
from caseorg_ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from caseorg_ui.qt import QMainWindow

MAX_PASSWORD_TRIES = 3

GROUPS = (
    ("imported", "Imported", "text extracted and searchable"),
    ("no_text", "Scanned — no text", "stored and viewable, but no text to search"),
    ("encrypted", "Encrypted", "stored, but locked: import again with the password"),
    ("duplicate", "Already in this case", "not imported twice"),
    ("rejected", "Rejected", "not imported"),
)


def is_importable(path: Path) -> bool:
    """A dropped or chosen path worth handing to the importer (it says why a file is
    refused, so any existing file counts; folders are searched for PDFs)."""
    return path.exists()


def merge(first: ImportReport, retry: ImportReport) -> ImportReport:
    """The first report with the outcomes of a password retry put in place of the
    files it retried."""
    again = {o.path: o for o in retry.outcomes}
    outcomes = [again.pop(o.path, o) for o in first.outcomes]
    outcomes.extend(again.values())
    return ImportReport(outcomes, cancelled=first.cancelled or retry.cancelled)


class ImportReportDialog(QDialog):
    """What an import did, file by file, grouped by outcome."""

    def __init__(self, report: ImportReport, case_label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Import report")
        self.resize(720, 460)
        self.report = report
        summary = QLabel()
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.RichText)
        text = f"<b>Import into {case_label}:</b> {report.summary()}."
        if report.cancelled:
            text += "<br>The import was cancelled; the files imported before the cancel are kept."
        summary.setText(text)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["File", "Details"])
        self.tree.setRootIsDecorated(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px 2px; }")  # rows read apart
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().resizeSection(0, 300)
        self.groups: dict[str, QTreeWidgetItem] = {}
        for status, title, meaning in GROUPS:
            outcomes = [o for o in report.outcomes if o.status == status]
            if not outcomes:
                continue
            group = QTreeWidgetItem([f"{title} ({len(outcomes)})", meaning])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for outcome in outcomes:
                item = QTreeWidgetItem([Path(outcome.path).name, self._detail(outcome)])
                item.setToolTip(0, outcome.path)
                item.setToolTip(1, self._detail(outcome))
                group.addChild(item)
            self.tree.addTopLevelItem(group)
            group.setExpanded(status != "imported" or len(outcomes) <= 20)
            self.groups[status] = group
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()  # Enter closes it

    @staticmethod
    def _detail(outcome: FileOutcome) -> str:
        if outcome.status == "imported":
            return counted(outcome.pages, "page")
        if outcome.status == "no_text":
            return f"{counted(outcome.pages, 'page')}, no text layer (a scan)"
        if outcome.status == "encrypted":
            return outcome.message or "needs a password"
        return outcome.message or ""

    def files(self, status: str) -> list[str]:
        group = self.groups.get(status)
        if group is None:
            return []
        children = (group.child(i) for i in range(group.childCount()))
        return [child.text(0) for child in children if child is not None]


class ImportFlow:
    """Import into a case from the main window (menus, drag and drop).

    ``window`` is the main window: its ``read_lib``, ``runner``, ``current_case_id()``
    and status bar are used (named loosely, so this module does not import the window).
    """

    def __init__(self, window: QMainWindow):
        self.window: Any = window
        self.last_report: ImportReport | None = None
        self.report_dialog: ImportReportDialog | None = None
        self.password_dialog: QInputDialog | None = None
        self.handle: LibraryOp[ImportReport] | None = None

    # -- choosing --------------------------------------------------------------------------
    def _case_label(self, case_id: int) -> str:
        try:
            case = get_case(self.window.read_lib, case_id)
        except CaseorgError:
            return f"case {case_id}"
        return f"{case.a_number_display} {case.respondent}"

    def choose_files(self) -> None:
        case_id = self.window.current_case_id()
        if case_id is None:
            self.window.statusBar().showMessage("Select the case to import into first", 5000)
            return
        names, _filter = QFileDialog.getOpenFileNames(
            self.window,
            f"Import PDFs into {self._case_label(case_id)}",
            str(Path.home()),
            "PDF files (*.pdf *.PDF);;All files (*)",
        )
        if names:
            self.start(case_id, [Path(n) for n in names])

    def choose_folder(self) -> None:
        case_id = self.window.current_case_id()
        if case_id is None:
            self.window.statusBar().showMessage("Select the case to import into first", 5000)
            return
        folder = QFileDialog.getExistingDirectory(
            self.window,
            f"Import every PDF in a folder into {self._case_label(case_id)}",
            str(Path.home()),
        )
        if folder:
            self.start(case_id, [Path(folder)])

    # -- importing -------------------------------------------------------------------------
    def start(
        self,
        case_id: int,
        paths: list[Path],
        password: str | None = None,
        previous: ImportReport | None = None,
        tries: int = 0,
    ) -> LibraryOp[ImportReport]:
        """Import ``paths`` into ``case_id`` on the worker, with a progress dialog."""
        case_label = self._case_label(case_id)

        def work(lib: Library) -> ImportReport:
            return import_files(
                lib,
                case_id,
                paths,
                password=password,
                progress=task.progress,
                cancel=task.cancel_token,
            )

        def done(report: ImportReport) -> None:
            merged = merge(previous, report) if previous is not None else report
            self.last_report = merged
            encrypted = [Path(o.path) for o in report.outcomes if o.status == "encrypted"]
            if encrypted and not report.cancelled and tries < MAX_PASSWORD_TRIES:
                self.ask_password(case_id, encrypted, merged, tries + 1)
            else:
                self.show_report(merged, case_label)

        verb = "Opening encrypted files in" if password else "Importing into"
        task = LibraryOp(self.window, work, Change.DOCUMENTS | Change.INDEX)
        self.handle = (
            task.with_progress(f"{verb} {case_label}…", cancellable=True)
            .success(done)
            .run_in_background(self.window.runner)
        )
        return self.handle

    def ask_password(
        self, case_id: int, files: list[Path], report: ImportReport, tries: int
    ) -> QInputDialog:
        """Ask (without blocking) for the password of the encrypted ``files``."""
        names = ", ".join(p.name for p in files[:3]) + (" …" if len(files) > 3 else "")
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle("Encrypted PDF")
        again = " did not open with that password." if tries > 1 else " is encrypted."
        dialog.setLabelText(
            f"{len(files)} file(s){again}\n{names}\n\nPassword (leave the files locked with Skip):"
        )
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.setOkButtonText("Open")
        dialog.setCancelButtonText("Skip")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        case_label = self._case_label(case_id)

        def chosen(password: str) -> None:
            self.password_dialog = None
            if password:
                self.start(case_id, files, password, previous=report, tries=tries)
            else:
                self.show_report(report, case_label)

        def skipped() -> None:
            self.password_dialog = None
            self.show_report(report, case_label)

        dialog.textValueSelected.connect(chosen)
        dialog.rejected.connect(skipped)
        self.password_dialog = dialog
        dialog.open()
        return dialog

    def show_report(self, report: ImportReport, case_label: str) -> ImportReportDialog:
        self.last_report = report
        dialog = ImportReportDialog(report, case_label, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.report_dialog = dialog
        dialog.finished.connect(lambda _r: self._forget(dialog))
        dialog.open()
        self.window.statusBar().showMessage(f"Import: {report.summary()}", 10000)
        if not report.cancelled:  # scanned pages: read them now if the library says so
            self.window.ocr_flow.after_import()
        return dialog

    def _forget(self, dialog: Any) -> None:
        if self.report_dialog is dialog:
            self.report_dialog = None
