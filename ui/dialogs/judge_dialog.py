"""Judges: add one (code, name, court), and the list of all judges with an Add button."""

from __future__ import annotations

from typing import Any

from caseorg.library import Library
from caseorg.records import add_judge, court_names, find_judge, list_judges
from caseorg_ui.dialogs.common import FormDialog, Operation, hint_label, write_with
from caseorg_ui.dialogs.fields import complete, line_edit, text_of
from caseorg_ui.operations import Change, LibraryOp, Runner
from caseorg_ui.qt import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class JudgeDialog(FormDialog):
    """Add a judge.

    Context keywords: none. The code is the short docket code (EOIR's IJ code),
    stored upper-case and unique in the library.
    """

    def __init__(self, read_lib: Library, parent: QWidget | None = None):
        super().__init__(read_lib, parent, "Add judge")
        self.setMinimumWidth(480)
        self.code = line_edit("", "e.g. JRM", max_length=12)
        self.add_field(
            "code",
            "Code",
            self.code,
            "The judge's short code as it appears on dockets (EOIR's IJ code), e.g. JRM.",
        )
        self.code.textEdited.connect(self._upper)
        self.name = line_edit("", "e.g. Judge Julia R. Marsh")
        self.add_field("name", "Name", self.name, "The judge's name as printed on notices.")
        self.court = line_edit("", "e.g. Harbor City Immigration Court")
        complete(self.court, court_names(read_lib))
        self.add_field("court", "Court", self.court, "The court where the judge sits (optional).")
        self.quiet = {"code", "name"}
        self.finish()

    def _upper(self, text: str) -> None:
        if text != text.upper():
            position = self.code.cursorPosition()
            self.code.setText(text.upper())
            self.code.setCursorPosition(position)

    def problems(self) -> dict[str, str]:
        out: dict[str, str] = {}
        code = text_of(self.code)
        if not code:
            out["code"] = "a judge code is required"
        elif any(ch.isspace() for ch in code):
            out["code"] = "a judge code has no spaces, like JRM"
        else:
            existing = find_judge(self.read_lib, code)
            if existing is not None:
                out["code"] = f"code {existing.code} is already used by {existing.name}"
        if not text_of(self.name):
            out["name"] = "the judge's name is required"
        return out

    def values(self) -> dict[str, Any]:
        return {
            "code": text_of(self.code).upper(),
            "name": text_of(self.name),
            "court": text_of(self.court) or None,
        }

    def make_operation(self, values: dict[str, Any]) -> Operation:
        return write_with(add_judge, values["code"], values["name"], values["court"])


class JudgeListDialog(QDialog):
    """Every judge in the library, with Add….

    Context keywords: ``runner`` — the Add dialog's write runs as an operation on it
    (the main window's worker); the list then refreshes. Without ``runner`` the list
    is read-only and Add is disabled.
    """

    COLUMNS = ("Code", "Name", "Court", "Active")

    def __init__(
        self, read_lib: Library, parent: QWidget | None = None, runner: Runner | None = None
    ):
        super().__init__(parent)
        self.read_lib = read_lib
        self.runner = runner
        self.setWindowTitle("Judges")
        self.setMinimumSize(560, 320)
        self.resize(680, 400)
        layout = QVBoxLayout(self)

        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        self.empty = QLabel("No judges yet: add the first with Add judge….")
        layout.addWidget(self.empty)
        layout.addWidget(
            hint_label("A judge is chosen by code on cases, hearings and reassignments.")
        )

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.add_button = QPushButton("Add judge…")
        self.add_button.setToolTip("Add a judge to this library.")
        self.buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(self.add)
        if runner is None:
            self.add_button.setEnabled(False)
            self.add_button.setToolTip("This window cannot write to the library.")
        layout.addWidget(self.buttons)
        self.refresh()

    def refresh(self) -> None:
        """Reload the table from the library (after an Add has been written)."""
        judges = list_judges(self.read_lib)
        self.table.setRowCount(len(judges))
        for row, judge in enumerate(judges):
            cells = (judge.code, judge.name, judge.court or "", "yes" if judge.active else "no")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, judge.id)
                self.table.setItem(row, column, item)
        self.empty.setVisible(not judges)

    def add_dialog(self) -> JudgeDialog:
        return JudgeDialog(self.read_lib, self)

    def add(self) -> None:
        if self.runner is None:
            return
        dialog = self.add_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            task = LibraryOp(self, dialog.save_operation(), Change.JUDGES)
            task.with_progress("Add judge").says("Judge added").success(lambda _j: self.refresh())
            task.run_in_background(self.runner)
