"""One case on screen: its caption facts, then tabs for documents, hearings,
reassignments, deadlines, the history of every change, and the case's life
(proceedings, addresses, counsel, NTA, relief, motions, appeals, exhibits; the notice
proof of each in absentia order).

A case's records are read as one bundle
(:func:`~caseorg_ui.views.case_bundle.read_case`) by the window's reader — on a court
library off the UI thread — and shown when they arrive; the case on screen stays,
marked "Loading…", until then. Writes are the main window's actions, run on the
worker; it calls :meth:`CaseView.refresh` when they finish. Reassignments and history are
append-only, so their tabs offer no edit.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import Any

from caseorg.library import Library
from caseorg.records import (
    Case,
    Deadline,
    Document,
    Reassignment,
)
from caseorg.reports import HistoryWords
from caseorg.words import (
    choice_text,
    choice_words,
    hearing_choice,
    label,
    or_dash as _or_dash,
    type_text,
    us_date,
    us_datetime,
)
from caseorg_ui.operations import LOADING, Reader, inline_reader
from caseorg_ui.qt import (
    QAbstractItemView,
    QAction,
    QApplication,
    QColor,
    QHBoxLayout,
    QHeaderView,
    QIcon,
    QItemSelectionModel,
    QLabel,
    QMenu,
    QModelIndex,
    QPoint,
    QStackedWidget,
    QStyle,
    Qt,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from caseorg_ui.views.case_bundle import (
    CaseBundle,
    HearingRow,
    header_html,
    judge_label as _judge_label,
    read_case,
)
from caseorg_ui.views.case_life_tab import CaseLifeTab
from caseorg_ui.views.case_list_model import NO_CASE_HINT, judge_short, no_case_label
from caseorg_ui.views.ocr_status import DocumentText
from caseorg_ui.views.record_table import (
    COLUMN_WIDTHS,
    DEFAULT_SORT,
    DROP_FIRST,
    Col,
    RecordModel,
)
from caseorg_ui.views.table_models import FittedTable, sortable

DASH = "—"
WARNING_COLOR = QColor("#a15c00")
OVERDUE_COLOR = QColor("#b00020")
MUTED_COLOR = QColor("#6b6b6b")


def warning_icon() -> QIcon:
    style = QApplication.style()
    return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


# -- how each record type shows ------------------------------------------------------------


def _notice_text(row: HearingRow) -> str:
    if row.problem:
        return row.problem
    return f"{row.notices} served" if row.notices else "none recorded"


def _hearing_tooltip(row: HearingRow) -> str:
    h = row.hearing
    kind = h.kind_detail or f"{label(h.kind)} hearing"
    lines = [f"{us_datetime(h.starts_at)} · {kind} · {label(h.outcome)}"]
    if h.adjournment_reason:
        lines.append(f"Adjournment reason: {h.adjournment_reason}")
    if h.notes:
        lines.append(f"Notes: {h.notes}")
    lines += [f"⚠ {warning}" for warning in (row.problem, h.record_warning) if warning]
    return "\n".join(lines)


def _flag_icon(row: HearingRow) -> QIcon | None:
    """An unusual record (``Hearing.record_warning``): the When cell says so."""
    return warning_icon() if row.hearing.record_warning else None


def _deadline_state(item: Deadline) -> str:
    if item.done_on:
        return f"done {us_date(item.done_on)}"
    if item.due_on < dt.date.today().isoformat():
        return "overdue"
    return "open"


def _deadline_color(item: Deadline) -> QColor | None:
    state = _deadline_state(item)
    if state == "overdue":
        return OVERDUE_COLOR
    return MUTED_COLOR if item.done_on else None


GUESSED_TYPE_TIP = (
    "Read from the document's text at import: a guess until someone confirms it "
    "(Edit Document…, several at once when selected together)"
)


# -- the view ------------------------------------------------------------------------------

TABS = ("documents", "hearings", "reassignments", "deadlines", "history")
TAB_TITLES = {tab: tab.capitalize() for tab in TABS}


def tab_title(tab: str, count: int) -> str:
    """'Documents 4'; 'Reassignments' when there are none (short: six tabs share the
    width of a case view with a dock open beside it)."""
    return f"{TAB_TITLES[tab]} {count}" if count else TAB_TITLES[tab]


class CaseView(QWidget):
    """The selected case: header facts, a warning banner, and five tabs.

    ``context_actions[tab]`` lists the actions offered on a right-click in that tab
    (the main window fills it); ``documentActivated`` and ``hearingActivated`` fire
    on a double-click.
    """

    documentActivated = Signal(int)  # noqa: N815 - Qt signal naming
    hearingActivated = Signal(int)  # noqa: N815
    selectionChanged = Signal()  # noqa: N815

    loaded = Signal(int)  # a case's records are shown (its id)

    def __init__(
        self, lib: Library, parent: QWidget | None = None, *, reader: Reader | None = None
    ):
        super().__init__(parent)
        self.lib = lib  # (dialogs opened from the view read through it)
        self.reader = reader or inline_reader(lib)
        self._wanted: int | None = None  # the case asked for (shown, or on its way)
        self._loading = False
        self._select_after: tuple[str, int] | None = None
        self.text = DocumentText(WARNING_COLOR)  # the documents' Text column, with OCR
        self.case: Case | None = None
        self.context_actions: dict[str, list[QAction]] = {tab: [] for tab in TABS}

        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setWordWrap(True)  # a long name goes onto a second line, never clipped
        self.facts = QLabel()
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel { background: #fff4d6; color: #5c3b00; border: 1px solid #e0b44c;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.banner.hide()
        self.flags = QLabel()  # unusual records: not notice problems, worth a look
        self.flags.setWordWrap(True)
        self.flags.setStyleSheet("QLabel { color: #5c3b00; padding: 2px 6px; }")
        self.flags.hide()

        self.models: dict[str, RecordModel] = {
            "documents": RecordModel(self._document_columns(), self),
            "hearings": RecordModel(self._hearing_columns(), self),
            "reassignments": RecordModel(self._reassignment_columns(), self),
            "deadlines": RecordModel(self._deadline_columns(), self),
            "history": RecordModel(self._history_columns(), self),
        }
        self.tables: dict[str, QTableView] = {}
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # every tab stays in view on a narrow view (a long title shortened, never hidden
        # behind scroll arrows)
        self.tabs.setUsesScrollButtons(False)
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.setStyleSheet("QTabBar::tab { padding: 4px 9px; }")
        for key in TABS:
            table = self._make_table(key)
            self.tables[key] = table
            self.tabs.addTab(table, TAB_TITLES[key])
        self.tabs.setTabToolTip(
            TABS.index("reassignments"), "Append-only: a correction is a new entry"
        )
        self.tabs.setTabToolTip(TABS.index("history"), "Every change to this case, newest first")
        self.life = CaseLifeTab(lib)  # after TABS: proceedings ... exhibits, notice proofs
        self.tabs.addTab(self.life, "Case life")
        self.life.proofRequested.connect(self.show_notice_proof)
        self.banner.linkActivated.connect(lambda link: self.show_notice_proof(int(link)))
        self.tables["documents"].doubleClicked.connect(self._document_double_clicked)
        self.tables["hearings"].doubleClicked.connect(self._hearing_double_clicked)

        # a quiet line over the case shown while the next one's records are read
        self.loading = QLabel(LOADING)
        self.loading.setStyleSheet("color: #6b6b6b;")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        keep_room = self.loading.sizePolicy()
        keep_room.setRetainSizeWhenHidden(True)  # shown or hidden, nothing moves
        self.loading.setSizePolicy(keep_room)
        self.loading.hide()
        heading = QHBoxLayout()
        heading.setContentsMargins(0, 0, 0, 0)
        heading.addWidget(self.title, 1)
        heading.addWidget(self.loading)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.addLayout(heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.banner)
        layout.addWidget(self.flags)
        layout.addWidget(self.tabs, 1)

        self.placeholder = no_case_label()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    # -- columns ---------------------------------------------------------------------------
    def _document_columns(self) -> list[Col]:
        return [
            Col("Title", lambda d: d.title, lambda d: f"{d.title}\n{d.original_name or ''}"),
            Col(
                "Type",
                lambda d: type_text(d.doc_type, d.type_guessed),
                lambda d: GUESSED_TYPE_TIP if d.type_guessed else choice_text(d.doc_type),
                color=lambda d: MUTED_COLOR if d.type_guessed else None,
                italic=lambda d: bool(d.type_guessed),
            ),
            Col("Filed", lambda d: _or_dash(us_date(d.filed_on)), key=lambda d: d.filed_on),
            Col("Filed by", lambda d: _or_dash(choice_text(d.filed_by))),
            Col("Pages", lambda d: str(d.page_count), key=lambda d: d.page_count),
            Col("Text", self.text.text, self.text.tooltip, color=self.text.color),
            Col("File", lambda d: _or_dash(d.original_name)),
        ]

    def _hearing_columns(self) -> list[Col]:
        return [
            Col(
                "When",
                lambda r: us_datetime(r.hearing.starts_at),
                _hearing_tooltip,
                _flag_icon,
                key=lambda r: r.hearing.starts_at,
            ),
            Col("Kind", lambda r: hearing_choice("kind_short", r.hearing)),
            Col("Judge", lambda r: judge_short(r.hearing.judge_name or "") or DASH),
            Col("Room", lambda r: _or_dash(r.hearing.courtroom)),
            Col("Medium", lambda r: hearing_choice("medium_short", r.hearing)),
            Col("Interpreter", lambda r: _or_dash(r.hearing.interpreter_language)),
            Col(
                "Outcome",
                lambda r: choice_words("outcome", r.hearing.outcome),
                _hearing_tooltip,
                icon=lambda r: warning_icon() if r.problem else None,
                color=lambda r: WARNING_COLOR if r.problem else None,
            ),
            Col(
                "Notice",
                _notice_text,
                lambda r: f"⚠ {r.problem}" if r.problem else _notice_text(r),
                icon=lambda r: warning_icon() if r.problem else None,
                color=lambda r: WARNING_COLOR if r.problem else None,
            ),
        ]

    def _reassignment_columns(self) -> list[Col]:
        return [
            Col(
                "Effective", lambda r: us_date(r.effective_on), key=lambda r: (r.effective_on, r.id)
            ),
            Col("From", lambda r: _judge_label(r.from_judge_name, r.from_judge_code)),
            Col("To", lambda r: _judge_label(r.to_judge_name, r.to_judge_code)),
            Col("Reason", lambda r: r.reason),
            Col("Ordered by", lambda r: _or_dash(r.ordered_by)),
            Col("Midstream", lambda r: "yes" if r.midstream else "no"),
            Col(
                "Corrects",
                lambda r: f"#{r.corrects_id}" if r.corrects_id else DASH,
                lambda r: (
                    f"This entry corrects reassignment #{r.corrects_id}"
                    if r.corrects_id
                    else "An original entry"
                ),
            ),
            Col(
                "Recorded",
                lambda r: _or_dash(us_datetime(r.recorded_at)),
                key=lambda r: r.recorded_at,
            ),
        ]

    def _deadline_columns(self) -> list[Col]:
        return [
            Col("Due", lambda d: us_date(d.due_on), color=_deadline_color, key=lambda d: d.due_on),
            Col("Kind", lambda d: choice_words("deadline", d.kind), color=_deadline_color),
            Col("State", _deadline_state, color=_deadline_color),
            Col("Note", lambda d: _or_dash(d.note), color=_deadline_color),
        ]

    def _history_columns(self) -> list[Col]:
        return [
            Col("When", lambda e: us_datetime(e.at), key=lambda e: (e.at, e.id)),
            Col("Who", lambda e: e.actor),
            Col("Action", lambda e: self._formatter.action(e)),
            Col("Record", lambda e: self._formatter.record(e)),
            Col("Changes", lambda e: self._formatter.changes(e)),
        ]

    _formatter = HistoryWords({}, {})

    def _make_table(self, key: str) -> QTableView:
        titles = self.models[key].titles
        widths = [COLUMN_WIDTHS.get(title, 96) for title in titles]
        drops = [titles.index(title) for title in DROP_FIRST.get(key, ()) if title in titles]
        table = FittedTable(widths, drops)  # narrow: the least needed columns step aside
        table.setModel(self.models[key])
        for column, width in enumerate(widths):
            table.horizontalHeader().resizeSection(column, width)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(  # several documents can be edited at once
            QAbstractItemView.SelectionMode.ExtendedSelection
            if key == "documents"
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(24)
        header = table.horizontalHeader()
        sortable(table)
        if key in DEFAULT_SORT:
            title, order = DEFAULT_SORT[key]
            table.sortByColumn(self.models[key].titles.index(title), order)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(lambda pos, k=key: self._show_context_menu(k, pos))
        table.selectionModel().selectionChanged.connect(lambda *_: self.selectionChanged.emit())
        return table

    # -- loading ---------------------------------------------------------------------------
    def set_case(self, case_id: int | None) -> None:
        """Show ``case_id`` (None: the placeholder). Its records are read as one bundle
        by the reader; what is shown stays, marked "Loading…", until they arrive."""
        if case_id is None:
            self.reader.forget("case")  # an answer on its way is for a case gone from view
            self.case = None
            self._wanted = None
            for model in self.models.values():
                model.set_records([])
            self.loading.hide()
            self.placeholder.setText(NO_CASE_HINT)
            self.stack.setCurrentWidget(self.placeholder)
            self.life.show_html("")
            return
        self._wanted = case_id
        self.refresh()

    def refresh(self) -> None:
        """Re-read the shown case (after a write finished on the worker)."""
        if self._wanted is not None:
            self._read(self._wanted)

    @property
    def is_loading(self) -> bool:
        """A case's records are on their way."""
        return self._loading

    def _read(self, case_id: int) -> None:
        self._loading = True
        if self.case is None:  # nothing shown yet: the placeholder says it is coming
            self.placeholder.setText(LOADING)
            self.stack.setCurrentWidget(self.placeholder)
        writable = self.life.can_add
        self.reader.read("case", lambda lib: read_case(lib, case_id, writable), self._fill)
        if self._loading and self.case is not None:  # (a folder's read is already in)
            self.loading.show()

    def _fill(self, bundle: CaseBundle | None) -> None:
        """Fill the widgets with one case's records (on the UI thread, no reads)."""
        self._loading = False
        self.loading.hide()
        if bundle is None:  # the case is gone
            self.set_case(None)
            return
        case = self.case = bundle.case
        self.stack.setCurrentIndex(1)
        self._formatter = bundle.formatter
        self.text.counts = bundle.ocr
        self._show_header(case)
        hearings = bundle.hearings
        for key, rows in bundle.records.items():
            selected = self.selected_ids(key) or [self.selected_id(key)]
            self.models[key].set_records(rows)
            self._reselect(key, selected)
            self.tabs.setTabText(TABS.index(key), tab_title(key, len(rows)))
        self._fit_columns()
        self.life.show_html(bundle.life)
        problems = [row for row in hearings if row.problem]
        index = TABS.index("hearings")
        self.tabs.setTabIcon(index, warning_icon() if problems else QIcon())
        if problems:
            lines = "<br>".join(
                f"Hearing of {us_datetime(r.hearing.starts_at)}: {html.escape(r.problem or '')}"
                f" — <a href='{r.hearing.id}'>notice proof…</a>"
                for r in problems
            )
            self.banner.setText(f"⚠ <b>Notice problem</b><br>{lines}")
            self.banner.show()
        else:
            self.banner.hide()
        flagged = [r.hearing for r in hearings if r.hearing.record_warning]
        self.flags.setText(
            "<br>".join(
                f"⚠ Hearing of {us_datetime(h.starts_at)}: {html.escape(h.record_warning or '')}"
                for h in flagged
            )
        )
        self.flags.setVisible(bool(flagged))
        if self._select_after is not None:  # asked for while the records were on their way
            key, record_id = self._select_after
            self._select_after = None
            self.select_record(key, record_id)
        self.loaded.emit(case.id)

    def _show_header(self, case: Case) -> None:
        title, facts = header_html(case)
        self.title.setText(title)
        self.facts.setText(facts)

    def _fit_columns(self) -> None:
        for key, table in self.tables.items():
            if self.models[key].rowCount() <= 200:  # small tables only: this reads every row
                table.resizeColumnsToContents()
                header = table.horizontalHeader()
                for col in range(header.count() - 1):
                    header.resizeSection(col, min(header.sectionSize(col), 320))

    # -- selection -------------------------------------------------------------------------
    def selected(self, key: str) -> Any:
        """The record selected in tab ``key``, or None."""
        table = self.tables[key]
        rows = table.selectionModel().selectedRows()
        if not rows:
            current = table.currentIndex()
            if not current.isValid() or not table.selectionModel().isSelected(current):
                return None
            return self.models[key].record(current.row())
        return self.models[key].record(rows[0].row())

    def selected_ids(self, key: str) -> list[int]:
        """The ids of every record selected in tab ``key``, in the order shown."""
        rows = sorted(index.row() for index in self.tables[key].selectionModel().selectedRows())
        records = [self.models[key].record(row) for row in rows]
        return [r.hearing.id if isinstance(r, HearingRow) else int(r.id) for r in records if r]

    def selected_id(self, key: str) -> int | None:
        record = self.selected(key)
        if record is None:
            return None
        if isinstance(record, HearingRow):
            return record.hearing.id
        return int(record.id)

    def select_row(self, key: str, row: int) -> None:
        """Select just ``row`` (whatever keys are held: the documents table extends a
        selection on Shift)."""
        index = self.models[key].index(row, 0)
        flag = QItemSelectionModel.SelectionFlag
        self.tables[key].selectionModel().setCurrentIndex(index, flag.ClearAndSelect | flag.Rows)

    def select_record(self, key: str, record_id: int) -> bool:
        """Select the record with ``record_id`` in tab ``key``; False if it is not there.
        While the case is being read again it is selected once the records arrive."""
        if self._loading:
            self._select_after = (key, record_id)
            return True
        for row, record in enumerate(self.models[key].records):
            wanted = record.hearing.id if isinstance(record, HearingRow) else record.id
            if wanted == record_id:
                self.select_row(key, row)
                self.tables[key].scrollTo(self.models[key].index(row, 0))
                return True
        return False

    def _reselect(self, key: str, previous: Sequence[int | None]) -> None:
        """Select again the records that were selected (every one of several documents)."""
        wanted = set(previous) - {None}
        table = self.tables[key]
        for row, record in enumerate(self.models[key].records):
            record_id = record.hearing.id if isinstance(record, HearingRow) else record.id
            if record_id in wanted:
                if len(wanted) == 1:
                    self.select_row(key, row)
                    return
                table.selectionModel().select(
                    self.models[key].index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    def current_tab(self) -> str:
        index = self.tabs.currentIndex()
        return TABS[index] if index < len(TABS) else "life"

    def show_notice_proof(self, hearing_id: int) -> None:
        """The one-panel notice proof of ``hearing_id`` (before an in absentia order)."""
        from caseorg_ui.views.notice_proof_view import NoticeProofDialog

        self.proof_dialog = NoticeProofDialog(self.lib, hearing_id, self)
        self.proof_dialog.show()

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(key))

    # -- menus and activation --------------------------------------------------------------
    def menu_for(self, key: str) -> QMenu:
        """The context menu of tab ``key`` (actions the main window registered)."""
        menu = QMenu(self)
        for action in self.context_actions.get(key, []):
            if action is None or action.isSeparator():
                menu.addSeparator()
            else:
                menu.addAction(action)
        return menu

    def _show_context_menu(self, key: str, pos: QPoint) -> None:
        table = self.tables[key]
        index = table.indexAt(pos)
        # a right-click inside a selection of several documents keeps them all
        if index.isValid() and not table.selectionModel().isRowSelected(index.row()):
            self.select_row(key, index.row())
        menu = self.menu_for(key)
        if not menu.isEmpty():
            menu.exec(table.viewport().mapToGlobal(pos))

    def _document_double_clicked(self, index: QModelIndex) -> None:
        record = self.models["documents"].record(index.row())
        if isinstance(record, Document):
            self.documentActivated.emit(record.id)

    def _hearing_double_clicked(self, index: QModelIndex) -> None:
        record = self.models["hearings"].record(index.row())
        if isinstance(record, HearingRow):
            self.hearingActivated.emit(record.hearing.id)

    def reassignment(self, row: int) -> Reassignment | None:
        record = self.models["reassignments"].record(row)
        return record if isinstance(record, Reassignment) else None
