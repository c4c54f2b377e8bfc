"""The docket: a day's or a week's hearings, by judge, then courtroom and time.

The hearings come from :func:`caseorg.records.hearings.list_hearings` on the read-only
library (a short query on the UI thread). Each hearing whose in absentia order
lacks proof of notice carries the core's warning (``Hearing.notice_warning``):
the row is tinted, its outcome shows a warning icon with the reason, and a line
above the table counts them. An unusual record (``Hearing.record_warning``) shows
a warning icon by its time, the reason in the tooltip. Double-click (or Enter) on a
hearing opens its case through :attr:`DocketView.caseActivated`; Print… and Export
PDF… print the same docket the command line writes, through
:mod:`caseorg_ui.printing.actions`.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from typing import Any

from caseorg.library import Library
from caseorg.records import Hearing, Judge, list_hearings, list_judges
from caseorg.values import case_label, stored_moment
from caseorg.words import (
    QT_WEEKDAY_DATE_FORMAT,
    choice_words,
    clock,
    counted,
    date_span,
    hearing_choice,
    judge_name,
    sentence,
    weekday_date,
    weekday_us_date,
)
from caseorg_ui.operations import Reader, inline_reader
from caseorg_ui.printing import actions as print_actions
from caseorg_ui.qt import (
    QAbstractItemView,
    QApplication,
    QBrush,
    QButtonGroup,
    QColor,
    QComboBox,
    QDate,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QIcon,
    QLabel,
    QMenu,
    QModelIndex,
    QObject,
    QPalette,
    QPersistentModelIndex,
    QPoint,
    QPushButton,
    QSize,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from caseorg_ui.views import GroupedTreeModel, blend, bold_font, monospace_font

COLUMNS = (
    "Time",
    "Courtroom",
    "Judge",
    "A-number",
    "Respondent",
    "Kind",
    "Medium",
    "Interpreter",
    "Outcome",
)
TIME, COURTROOM, JUDGE, A_NUMBER, RESPONDENT, KIND, MEDIUM, INTERPRETER, OUTCOME = range(9)
WARNING_BACKGROUND = QColor("#fdecc8")
WARNING_TEXT = QColor("#8a4b00")

HearingIdRole = Qt.ItemDataRole.UserRole + 1
CaseIdRole = Qt.ItemDataRole.UserRole + 2


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of ``day``'s week."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def period_title(first: dt.date, last: dt.date) -> str:
    """'Monday, March 3, 2025' or 'Week of March 3 – 9, 2025'."""
    if first == last:
        return weekday_date(first)
    return f"Week of {date_span(first, last)}"


def judge_label(name: str | None, code: str | None) -> str:
    """'Julia R. Marsh (JRM)': the word 'Judge' is dropped, the group says it."""
    return judge_name(name, code, missing="No judge assigned")


def _natural(text: str) -> list[Any]:
    """'Courtroom 2' before 'Courtroom 10'."""
    return [
        (0, int(part), "") if part.isdigit() else (1, 0, part.lower())
        for part in re.split(r"(\d+)", text)
        if part
    ]


# -- the model -------------------------------------------------------------------------


@dataclass
class JudgeGroup:
    """One judge's hearings in the period, in courtroom and time order."""

    label: str
    code: str | None
    hearings: list[Hearing] = field(default_factory=list)

    @property
    def warnings(self) -> int:
        return sum(1 for h in self.hearings if h.notice_warning)


def group_hearings(hearings: list[Hearing]) -> list[JudgeGroup]:
    """Hearings grouped by judge (by name; no judge last), each group sorted by day,
    courtroom (naturally: 2 before 10) and time."""
    groups: dict[tuple[str, str], JudgeGroup] = {}
    for hearing in hearings:
        key = (hearing.judge_name or "", hearing.judge_code or "")
        if key not in groups:
            groups[key] = JudgeGroup(
                judge_label(hearing.judge_name, hearing.judge_code), hearing.judge_code
            )
        groups[key].hearings.append(hearing)
    ordered = sorted(groups.items(), key=lambda item: (not item[0][0], item[0][0].lower()))
    for _key, group in ordered:
        group.hearings.sort(
            key=lambda h: (
                h.starts_at[:10],
                not (h.courtroom or "").strip(),
                _natural((h.courtroom or "").strip()),
                h.starts_at,
                h.id,
            )
        )
    return [group for _key, group in ordered]


class DocketModel(GroupedTreeModel):
    """Judges (top level, one row spanning the table) with their hearings as children."""

    columns = COLUMNS

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.groups: list[JudgeGroup] = []
        self.multi_day = False
        self._warning_icon = QIcon()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self._warning_icon = app.style().standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxWarning
            )

    def children_of(self, group: JudgeGroup) -> list[Hearing]:
        return group.hearings

    def set_hearings(self, hearings: list[Hearing], multi_day: bool) -> None:
        with self.resetting():
            self.groups = group_hearings(hearings)
            self.multi_day = multi_day

    def hearing_count(self) -> int:
        return sum(len(group.hearings) for group in self.groups)

    def warning_hearings(self) -> list[Hearing]:
        return [h for h in self.all_children() if h.notice_warning]

    def hearing_at(self, index: QModelIndex | QPersistentModelIndex) -> Hearing | None:
        return self.child_at(index)

    # -- data ------------------------------------------------------------------------
    def _group_brush(self) -> QBrush:
        """A light tint of the highlight colour: group rows stand out in any theme."""
        palette = QApplication.palette()
        base = palette.color(QPalette.ColorRole.Base)
        return QBrush(blend(base, palette.color(QPalette.ColorRole.Highlight), 0.14))

    def group_data(self, group: JudgeGroup, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            count = len(group.hearings)
            text = f"{group.label} \N{EM DASH} {counted(count, 'hearing')}"
            if group.warnings:
                text += f" \N{MIDDLE DOT} {counted(group.warnings, 'notice warning')}"
            return text
        if role == Qt.ItemDataRole.FontRole:
            return bold_font()
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and group.warnings:
            return self._warning_icon
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._group_brush()
        return None

    def _cell(self, hearing: Hearing, column: int) -> str:
        moment = stored_moment(hearing.starts_at)
        if column == TIME:
            if moment is None:
                return hearing.starts_at
            if self.multi_day:
                return f"{weekday_us_date(moment.date())} {clock(moment)}"
            return clock(moment)
        if column == COURTROOM:
            return (hearing.courtroom or "").strip() or "\N{EM DASH}"
        if column == JUDGE:
            return judge_label(hearing.judge_name, hearing.judge_code)
        if column == A_NUMBER:
            return case_label(hearing.a_number, hearing.eoir_case_id)
        if column == RESPONDENT:
            return hearing.respondent or ""
        if column == KIND:
            return hearing_choice("kind_short", hearing)
        if column == MEDIUM:
            return hearing_choice("medium_short", hearing)
        if column == INTERPRETER:
            return (hearing.interpreter_language or "").strip() or "\N{EM DASH}"
        if column == OUTCOME:
            return choice_words("outcome", hearing.outcome)
        return ""

    def child_data(self, group: JudgeGroup, hearing: Hearing, column: int, role: int) -> Any:
        warned = bool(hearing.notice_warning)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(hearing, column)
        if role == HearingIdRole:
            return hearing.id
        if role == CaseIdRole:
            return hearing.case_id
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"Notice problem: {sentence(hearing.notice_warning or '')}"] if warned else []
            if hearing.record_warning:  # unusual, not a notice problem: flagged, not tinted
                lines.append(f"Unusual: {sentence(hearing.record_warning)}")
            return "\n".join(lines) or "Double-click to open the case"
        if role == Qt.ItemDataRole.DecorationRole and column == OUTCOME and warned:
            return self._warning_icon
        if role == Qt.ItemDataRole.DecorationRole and column == TIME and hearing.record_warning:
            return self._warning_icon
        if role == Qt.ItemDataRole.BackgroundRole and warned:
            return QBrush(WARNING_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and warned:
            return QBrush(WARNING_TEXT)
        if role == Qt.ItemDataRole.FontRole and column == A_NUMBER:
            return monospace_font()
        return None


class _RoomyDelegate(QStyledItemDelegate):
    """Rows a few pixels taller than Qt's tight default: easier to read across."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 6, size.height() + 8)


# -- the view ----------------------------------------------------------------------------


class DocketView(QWidget):
    """Date, Day/Week, judge filter, the grouped hearings, and Print/Export."""

    caseActivated = Signal(int)  # case id
    exported = Signal(str)  # the PDF file a docket was saved to

    def __init__(
        self, read_lib: Library, parent: QWidget | None = None, *, reader: Reader | None = None
    ):
        super().__init__(parent)
        self.read_lib = read_lib
        self.reader = reader or inline_reader(read_lib)
        self.day = dt.date.today()

        style = self.style()
        self.previous_button = QToolButton()
        self.previous_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowLeft))
        self.previous_button.setToolTip("Previous day")
        self.previous_button.setAutoRaise(True)
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button = QToolButton()
        self.next_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowRight))
        self.next_button.setToolTip("Next day")
        self.next_button.setAutoRaise(True)
        self.next_button.clicked.connect(lambda: self._step(1))
        self.date_edit = QDateEdit(QDate(self.day.year, self.day.month, self.day.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(QT_WEEKDAY_DATE_FORMAT)
        self.date_edit.setAccessibleName("Docket date")
        self.date_edit.dateChanged.connect(self._date_edited)
        self.today_button = QToolButton()
        self.today_button.setText("Today")
        self.today_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.today_button.setToolTip("Go to today's docket")
        self.today_button.clicked.connect(lambda: self.set_day(dt.date.today()))

        self.day_button = QToolButton()
        self.week_button = QToolButton()
        for button, text in ((self.day_button, "Day"), (self.week_button, "Week")):
            button.setText(text)
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMinimumWidth(52)
        self.mode_group = QButtonGroup(self)
        self.mode_group.setExclusive(True)
        self.mode_group.addButton(self.day_button)
        self.mode_group.addButton(self.week_button)
        self.day_button.setChecked(True)
        self.mode_group.buttonToggled.connect(self._mode_toggled)

        self.judge_filter = QComboBox()
        self.judge_filter.setToolTip("Only this judge's hearings")
        self.judge_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.judge_filter.setMinimumContentsLength(10)
        self.judge_filter.setMaximumWidth(320)
        self.judge_filter.currentIndexChanged.connect(lambda _i: self.refresh())

        self.print_button = QPushButton("Print…")
        self.print_button.setToolTip("Print this docket (with a preview)")
        self.print_button.clicked.connect(self.print_docket)
        self.export_button = QPushButton("Export PDF…")
        self.export_button.setToolTip("Save this docket as a PDF file")
        self.export_button.clicked.connect(self.export_pdf)

        # two short rows rather than one long one: the docket fits a narrow dock
        controls = QHBoxLayout()
        controls.setSpacing(6)
        controls.addWidget(self.previous_button)
        controls.addWidget(self.date_edit)
        controls.addWidget(self.next_button)
        controls.addWidget(self.today_button)
        controls.addStretch(1)
        controls.addWidget(self.day_button)
        controls.addWidget(self.week_button)
        judge_label = QLabel("&Judge:")
        judge_label.setBuddy(self.judge_filter)
        filters = QHBoxLayout()
        filters.setSpacing(6)
        filters.addWidget(judge_label)
        filters.addWidget(self.judge_filter, 1)
        filters.addSpacing(8)
        filters.addWidget(self.print_button)
        filters.addWidget(self.export_button)

        self.title_label = QLabel()
        title_font = self.title_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.summary_label = QLabel()
        self.summary_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        heading = QHBoxLayout()
        heading.addWidget(self.title_label)
        heading.addSpacing(12)
        heading.addWidget(self.summary_label, 1)

        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setTextFormat(Qt.TextFormat.RichText)
        self.warning_label.setStyleSheet(
            f"QLabel {{ background: {WARNING_BACKGROUND.name()}; color: {WARNING_TEXT.name()};"
            " border: 1px solid #e8c77a; border-radius: 3px; padding: 5px 8px; }"
        )
        self.warning_label.hide()

        self.model = DocketModel(self)
        self.table = QTreeView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(_RoomyDelegate(self.table))
        self.table.setRootIsDecorated(False)
        self.table.setItemsExpandable(False)
        self.table.setExpandsOnDoubleClick(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setIndentation(0)
        self.table.setAllColumnsShowFocus(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.activated.connect(self._activate)
        self.table.setAccessibleName("Hearings")
        header = self.table.header()
        header.setSectionsMovable(False)
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        # each group's heading names its judge: the column would repeat it on every row
        # and push the respondent out of a narrow dock (the printed docket keeps it)
        self.table.setColumnHidden(JUDGE, True)
        # who comes first, then where: in a narrow dock the name stays in view
        header.moveSection(header.visualIndex(A_NUMBER), 1)
        header.moveSection(header.visualIndex(RESPONDENT), 2)

        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_label.setAutoFillBackground(True)
        self.empty_label.setBackgroundRole(QPalette.ColorRole.Base)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(controls)
        layout.addLayout(filters)
        layout.addLayout(heading)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.stack, 1)

        self._load_judges()
        self.refresh()

    # -- public API --------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the period's hearings again (after an edit, or a new day)."""
        first, last = self.period()
        judge = self.judge_code()
        self.reader.read(
            "docket",
            lambda lib: list_hearings(lib, on=first, until=last, judge_code=judge),
            lambda hearings: self._fill(first, last, hearings),
            lambda line: self._fill(first, last, [], line),
        )

    def _fill(
        self, first: dt.date, last: dt.date, hearings: list[Hearing], error: str = ""
    ) -> None:
        """Show the period's hearings (read by the reader: the old ones stay until then;
        a read that failed shows none, and says why in one line)."""
        self.model.set_hearings(hearings, multi_day=first != last)
        self.table.expandAll()
        for row in range(self.model.rowCount()):
            self.table.setFirstColumnSpanned(row, QModelIndex(), True)
        self._show_summary(first, last)
        if error:
            self.summary_label.setText(error)

    def period(self) -> tuple[dt.date, dt.date]:
        """First and last day shown."""
        if self.week_button.isChecked():
            return week_of(self.day)
        return self.day, self.day

    def judge_code(self) -> str | None:
        value = self.judge_filter.currentData()
        return str(value) if value else None

    def set_day(self, day: dt.date) -> None:
        self.date_edit.setDate(QDate(day.year, day.month, day.day))  # refreshes

    def set_week_mode(self, week: bool) -> None:
        (self.week_button if week else self.day_button).setChecked(True)

    def set_judge(self, code: str | None) -> None:
        self.judge_filter.setCurrentIndex(max(0, self.judge_filter.findData(code)))

    def current_hearing_id(self) -> int | None:
        hearing = self.model.hearing_at(self.table.currentIndex())
        return hearing.id if hearing else None

    def print_docket(self) -> bool:
        first, last = self.period()
        return print_actions.print_docket(
            self, self.read_lib, first, self.judge_code(), until=last if last != first else None
        )

    def export_pdf(self) -> object:
        first, last = self.period()
        written = print_actions.export_docket_pdf(
            self, self.read_lib, first, self.judge_code(), until=last if last != first else None
        )
        if written is not None:
            self.exported.emit(str(written))
        return written

    # -- controls --------------------------------------------------------------------
    def _load_judges(self) -> None:
        """Read the judges for the filter (through the reader: off the UI thread on a
        court library; the filter keeps its entries until they arrive)."""
        self.reader.read("docket-judges", list_judges, self._fill_judges)

    def _fill_judges(self, judges: list[Judge]) -> None:
        current = self.judge_filter.currentData()
        self.judge_filter.blockSignals(True)
        try:
            self.judge_filter.clear()
            self.judge_filter.addItem("All judges", None)
            for judge in judges:
                self.judge_filter.addItem(judge_label(judge.name, judge.code), judge.code)
            self.judge_filter.setCurrentIndex(max(0, self.judge_filter.findData(current)))
        finally:
            self.judge_filter.blockSignals(False)

    def _date_edited(self, value: QDate) -> None:
        self.day = dt.date(value.year(), value.month(), value.day())
        self.refresh()

    def _mode_toggled(self, button: QToolButton, checked: bool) -> None:
        if not checked:
            return
        week = button is self.week_button
        self.previous_button.setToolTip("Previous week" if week else "Previous day")
        self.next_button.setToolTip("Next week" if week else "Next day")
        self.refresh()

    def _step(self, direction: int) -> None:
        days = 7 if self.week_button.isChecked() else 1
        self.set_day(self.day + dt.timedelta(days=direction * days))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._load_judges()  # a judge added elsewhere shows up

    # -- display -----------------------------------------------------------------------
    def _show_summary(self, first: dt.date, last: dt.date) -> None:
        self.title_label.setText(period_title(first, last))
        count = self.model.hearing_count()
        judges = len(self.model.groups)
        if count:
            self.summary_label.setText(
                f"{counted(count, 'hearing')} \N{MIDDLE DOT} {counted(judges, 'judge')}"
            )
            self.stack.setCurrentWidget(self.table)
        else:
            self.summary_label.setText("")
            who = ""
            if self.judge_code():
                who = f" for {self.judge_filter.currentText()}"
            when = "this week" if first != last else "on this day"
            self.empty_label.setText(f"No hearings scheduled {when}{who}.")
            self.stack.setCurrentWidget(self.empty_label)
        warned = self.model.warning_hearings()
        if warned:
            lines = []
            for hearing in warned[:3]:
                reason = str(hearing.notice_warning)
                lines.append(
                    f"<b>{case_label(hearing.a_number, hearing.eoir_case_id)}</b> "
                    f"{html.escape(hearing.respondent or '')}: {html.escape(reason)}"
                )
            if len(warned) > 3:
                lines.append(f"and {len(warned) - 3} more")
            title = f"{counted(len(warned), 'in absentia order')} without proof of notice"
            self.warning_label.setText(f"\N{WARNING SIGN} <b>{title}</b><br>" + "<br>".join(lines))
            self.warning_label.show()
        else:
            self.warning_label.hide()
        for button in (self.print_button, self.export_button):
            button.setEnabled(True)  # an empty docket prints "No hearings scheduled"

    # -- activation ----------------------------------------------------------------------
    def _activate(self, index: QModelIndex | QPersistentModelIndex) -> None:
        hearing = self.model.hearing_at(index)
        if hearing is not None:
            self.caseActivated.emit(hearing.case_id)

    def _context_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        hearing = self.model.hearing_at(index)
        if hearing is None:
            return
        menu = QMenu(self)
        menu.addAction("Open case", lambda: self.caseActivated.emit(hearing.case_id))
        menu.addSeparator()
        menu.addAction(
            "Print hearing summary…",
            lambda: print_actions.print_hearing_summary(self, self.read_lib, hearing.id),
        )
        menu.addAction(
            "Export hearing summary PDF…",
            lambda: print_actions.export_hearing_summary_pdf(self, self.read_lib, hearing.id),
        )
        menu.exec(self.table.viewport().mapToGlobal(point))
