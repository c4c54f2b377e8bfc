"""The court features' panels and dialogs: Check Notices, court settings, and the
selected case's notes and tags. Built by :mod:`caseorg_ui.window.court_features` on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from caseorg.court import NoticeFlag, check_notices
from caseorg.errors import CaseorgError
from caseorg.library import COMPLETION_GOAL, NOTICE_MIN_DAYS, Library, get_setting, set_setting
from caseorg.records import order_reasons, set_order_reasons
from caseorg.search import chosen_engine, installed_engines
from caseorg.words import choice_text, counted, us_date
from caseorg_ui.dialogs import goal_spin_box, lay_out_settings
from caseorg_ui.docks import NotesPanel, TagsEditor, judge_label
from caseorg_ui.operations import Runner
from caseorg_ui.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPlainTextEdit,
    QSpinBox,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from caseorg_ui.views import RowsModel, sortable

# -- Check Notices ------------------------------------------------------------------------

NOTICE_COLUMNS = ("Hearing", "Kind", "A-number", "Respondent", "Judge", "Problem")


class NoticeFlagsModel(RowsModel[NoticeFlag]):
    """In absentia orders without sound proof of notice, one per row."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(NOTICE_COLUMNS, parent)

    @property
    def flags_(self) -> list[NoticeFlag]:
        return self.rows

    def set_flags(self, flags: list[NoticeFlag]) -> None:
        self.set_rows(flags)

    def flag_at(self, row: int) -> NoticeFlag | None:
        return self.row_at(row)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        flag = self.flag_at(index.row()) if index.isValid() else None
        if flag is None or not 0 <= index.column() < len(NOTICE_COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            reason = flag.reason[:1].upper() + flag.reason[1:]
            return (
                us_date(flag.starts_at),
                choice_text(flag.kind),
                flag.a_number_display,
                flag.respondent,
                judge_label(flag.judge_name, flag.judge_code)
                if (flag.judge_name or flag.judge_code)
                else "\N{EM DASH}",
                reason,
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{flag.reason}\nDouble-click to open the case"
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 5:
            return QBrush(QColor("#a0241b"))
        if role == Qt.ItemDataRole.UserRole:
            return flag.case_id
        return None


class NoticeChecksDialog(QDialog):
    """Every in absentia order in the library without sound proof of notice."""

    caseActivated = Signal(int)  # noqa: N815

    def __init__(self, read_lib: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self.read_lib = read_lib
        self.setWindowTitle("Check notices")
        self.resize(980, 420)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = NoticeFlagsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        sortable(self.table)
        self.table.activated.connect(self._activate)  # double-click or Enter
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        try:
            flags = check_notices(self.read_lib)
        except CaseorgError as exc:
            self.summary.setText(str(exc))
            return
        self.model.set_flags(flags)
        days = get_setting(self.read_lib, NOTICE_MIN_DAYS)
        rule = f"a notice must be served at least {days} days before the hearing and not returned"
        if flags:
            count = len(flags)
            self.summary.setText(
                f"{counted(count, 'in absentia order')} without sound proof of "
                f"notice ({rule}). Double-click one to open its case."
            )
        else:
            self.summary.setText(f"Every in absentia order has sound proof of notice ({rule}).")
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(header.count() - 1):
            header.resizeSection(column, min(header.sectionSize(column), 220))
        self.table.resizeRowsToContents()

    def _activate(self, index: QModelIndex) -> None:
        flag = self.model.flag_at(index.row())
        if flag is not None:
            self.caseActivated.emit(flag.case_id)


# -- Settings -----------------------------------------------------------------------------


class CourtSettingsDialog(QDialog):
    """The court settings kept in the library: notice minimum days, annual goal, and the
    reasons a reassignment order may give (one a line; 'other' is always kept)."""

    def __init__(self, read_lib: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Court settings")
        self.setMinimumWidth(460)
        self.notice_days = QSpinBox()
        self.notice_days.setRange(NOTICE_MIN_DAYS.minimum, NOTICE_MIN_DAYS.maximum)
        self.notice_days.setValue(get_setting(read_lib, NOTICE_MIN_DAYS))
        self.notice_days.setSuffix(" days before the hearing")
        self.notice_days.setToolTip(NOTICE_MIN_DAYS.description)
        self.goal = goal_spin_box(get_setting(read_lib, COMPLETION_GOAL), " per judge a year")
        self.goal.setToolTip(COMPLETION_GOAL.description)
        self.reasons = QPlainTextEdit("\n".join(order_reasons(read_lib)))
        self.reasons.setToolTip("Reasons a reassignment order may give, one a line")
        self.reasons.setMaximumHeight(130)
        self._engine_before = chosen_engine(read_lib)
        self.engine = search_engine_box(self._engine_before)
        form = QFormLayout()
        form.addRow("Notice served at least", self.notice_days)
        form.addRow("Completion goal", self.goal)
        form.addRow("Reassignment reasons", self.reasons)
        form.addRow("Search engine", self.engine)
        lay_out_settings(
            self,
            form,
            "Kept in the library, so every window and the command line use the same values. "
            "An in absentia order on a notice served fewer days before the hearing is flagged.",
        )

    def engine_choice(self) -> str | None:
        """The search engine chosen, if it is not the library's (a switch rebuilds)."""
        chosen = str(self.engine.currentData())
        return chosen if chosen != self._engine_before else None

    def values(self) -> dict[str, int]:
        return {"notice_min_days": self.notice_days.value(), "completion_goal": self.goal.value()}

    def reason_list(self) -> list[str]:
        return [line for line in self.reasons.toPlainText().splitlines() if line.strip()]

    def save_operation(self) -> Callable[[Library], None]:
        values, reasons = self.values(), self.reason_list()

        def save(lib: Library) -> None:
            set_setting(lib, NOTICE_MIN_DAYS, values["notice_min_days"])
            set_setting(lib, COMPLETION_GOAL, values["completion_goal"])
            if reasons != order_reasons(lib):
                set_order_reasons(lib, reasons)

        return save


ENGINE_NAMES = {"whoosh": "Standard (Whoosh)", "tantivy": "Fast (tantivy)"}


def search_engine_box(current: str) -> QComboBox:
    """The engines installed here (and the library's own, even if it is not)."""
    box = QComboBox()
    names = installed_engines()
    for name in names if current in names else [current, *names]:
        box.addItem(ENGINE_NAMES.get(name, name), name)
    box.setCurrentIndex(box.findData(current))
    box.setToolTip(
        "How the library's pages are searched; both find the same pages. "
        "Changing it rebuilds the search index in the background."
    )
    return box


# -- Notes and tags of the selected case ---------------------------------------------------


class CaseNotesTags(QWidget):
    """The selected case's tags and notes, and the tags of its selected document."""

    def __init__(self, read_lib: Library, runner: Runner | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = QLabel("Select a case to see its tags and notes.")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.case_tags = TagsEditor(read_lib, runner, "case")
        self.document_label = QLabel()
        self.document_label.setWordWrap(True)
        self.document_label.setTextFormat(Qt.TextFormat.PlainText)
        self.document_tags = TagsEditor(read_lib, runner, "document")
        self.notes = NotesPanel(read_lib, runner, "case")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(QLabel("Tags"))
        layout.addWidget(self.case_tags)
        layout.addWidget(self.document_label)
        layout.addWidget(self.document_tags)
        layout.addWidget(QLabel("Notes"))
        layout.addWidget(self.notes, 1)
        self.set_case(None, None)

    def set_case(self, case_id: int | None, title: str | None) -> None:
        self.heading.setText(title or "Select a case to see its tags and notes.")
        self.case_tags.set_entity("case", case_id)
        self.notes.set_entity("case", case_id)
        self.case_tags.setEnabled(case_id is not None)
        self.notes.setEnabled(case_id is not None)

    def set_document(self, document_id: int | None, title: str | None) -> None:
        shown = document_id is not None
        self.document_label.setVisible(shown)
        self.document_tags.setVisible(shown)
        self.document_label.setText(f"Tags on the document “{title}”" if shown else "")
        self.document_tags.set_entity("document", document_id)

    def refresh(self) -> None:
        self.case_tags.refresh()
        self.document_tags.refresh()
        self.notes.refresh()
