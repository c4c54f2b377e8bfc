"""The search pane: full-text search over every document, results grouped by document.

Typing searches after a short pause. The query runs on a background thread
through a :class:`~caseorg.search.follower.IndexFollower` (its own read-only
library, SQLite connection and Whoosh searcher, following the writer's index),
so a slow query never freezes the window and never shares a connection with the
UI thread mid-query. Each query carries a serial number; only the answer to the
latest one is shown, older answers are dropped. Results are a two-level model
(documents, then their matching pages with highlighted snippets, see
:mod:`caseorg_ui.docks.search_results`); activating a page emits
:attr:`SearchPane.hitActivated` for the viewer.
"""

from __future__ import annotations

import html
import sqlite3
import weakref
from pathlib import Path
from typing import Any

from caseorg.errors import CaseorgError
from caseorg.library import CourtLibrary, Library
from caseorg.records import DOC_TYPES, case_choices, cases_stamp, find_case
from caseorg.search import DocumentHit, IndexFollower, IndexNotReady, SearchRequest
from caseorg.words import QT_DATE_FORMAT, choice_text, plural
from caseorg_ui.docks.case_filter import CaseFilterBox
from caseorg_ui.docks.search_results import (
    DocumentIdRole,
    PageRole,
    ResultsView,
    SearchResultsModel,
)
from caseorg_ui.qt import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPalette,
    QPersistentModelIndex,
    QRunnable,
    QSizePolicy,
    QStackedWidget,
    Qt,
    QThreadPool,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from caseorg_ui.views import secondary_color

DEBOUNCE_MS = 250  # pause after the last keystroke before searching
BUSY_AFTER_MS = 400  # "Searching…" shows only for a search slower than this
RETRY_MS = 2000  # while the index is being built, search again this often
PAGE_SIZE = 25  # documents per batch; "Show more" asks for the next batch
EXPAND_AT_ONCE = 4  # documents opened out per turn of the event loop (their pages laid out)
NO_CASE = 0  # the filter's id for a case not in the library: no case has it

PLACEHOLDER = 'Search documents \N{EM DASH} e.g. "extreme hardship" type:brief'
HELP_HTML = (
    "<p style='font-size:large'>Search the text of every document</p>"
    "<p>Words are matched in any form (<i>persecuted</i> finds <i>persecution</i>).</p>"
    "<table cellspacing='4'>"
    '<tr><td><code>"extreme hardship"</code></td><td>an exact phrase</td></tr>'
    "<tr><td><code>asylum AND NOT withholding</code></td><td>AND, OR, NOT, brackets</td></tr>"
    "<tr><td><code>type:brief</code></td><td>one document type</td></tr>"
    "<tr><td><code>a:A-123-456-789</code></td><td>one case</td></tr>"
    "<tr><td><code>filed:[2024-01-01 TO 2024-12-31]</code></td><td>filed in a range</td></tr>"
    "<tr><td><code>persec*</code> &nbsp; <code>hardship~</code></td>"
    "<td>prefix, spelling variants</td></tr>"
    "</table>"
)
HELP_HTML = HELP_HTML.replace("<table ", "<table align='center' ")


class BackgroundSearcher(IndexFollower):
    """The pane's :class:`~caseorg.search.follower.IndexFollower` on a thread of its own.

    One search at a time (one user of its connection); a queued search that has not
    started yet is dropped when a newer one comes.
    """

    def __init__(self, library_path: Path | str, index_dir: Path | None = None):
        super().__init__(library_path, index_dir)
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)  # one search at a time: one connection user

    def start(self, job: QRunnable) -> bool:
        """Queue ``job`` in place of any queued one; False once closed (nothing runs)."""
        if self.closed:
            return False
        self.pool.clear()  # a queued, not yet started search is stale already
        self.pool.start(job)
        return True

    def close(self) -> None:
        """Drop queued searches, wait for a running one, close the library.

        Called by the window as it closes (and when the app is about to quit), while
        Qt is whole; from then on :meth:`start` refuses work, so nothing touches the
        thread pool during Python's teardown, when Qt may have deleted it already.
        """
        if self.closed:
            return
        try:
            self.pool.clear()
            self.pool.waitForDone(10_000)
        except RuntimeError:  # the pane outlived the app: Qt deleted the pool first
            pass
        super().close()


def searcher_for(read_lib: Library) -> BackgroundSearcher:
    """The pane's searcher: one that follows a folder's index, or a court library's own
    server connection (its server searches; the pane's thread is its one user)."""
    if isinstance(read_lib, CourtLibrary):
        return BackgroundSearcher(read_lib.url)
    return BackgroundSearcher(read_lib.path, read_lib.index_dir)


class _JobSignals(QObject):
    finished = Signal(int, object)  # serial, list[DocumentHit]
    failed = Signal(int, str)  # serial, one-line message
    not_ready = Signal(int, str)  # serial, message: the index is being built


class _SearchJob(QRunnable):
    """One query on the searcher's thread; answers through queued signals."""

    def __init__(
        self, searcher: BackgroundSearcher, serial: int, request: SearchRequest, signals: Any
    ):
        super().__init__()
        self.searcher = searcher
        self.serial = serial
        self.request = request
        self.signals = signals

    def run(self) -> None:
        try:
            hits = self.searcher.search(self.request)
        except IndexNotReady as exc:
            self.signals.not_ready.emit(self.serial, str(exc))
        except CaseorgError as exc:
            self.signals.failed.emit(self.serial, str(exc))
        except Exception as exc:  # an index problem must not kill the thread
            self.signals.failed.emit(self.serial, f"the search failed: {exc}")
        else:
            self.signals.finished.emit(self.serial, hits)


class _SearchBox(QLineEdit):
    """The query field; Down moves into the results."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


# -- the pane ----------------------------------------------------------------------------


class SearchPane(QWidget):
    """Search box, filters, and grouped results; see the module docstring."""

    hitActivated = Signal(int, int, str)  # document id, page number (1-based), query

    def __init__(self, read_lib: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self.read_lib = read_lib
        self.searcher = searcher_for(read_lib)
        self._serial = 0
        self._cases_stamp: tuple[object, ...] | None = None  # what the case list shows
        self._shown_request: SearchRequest | None = None
        self._pending: SearchRequest | None = None
        self._limit = PAGE_SIZE
        self._signals = _JobSignals(self)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.not_ready.connect(self._on_not_ready)
        searcher = self.searcher
        self.destroyed.connect(lambda *_: searcher.close())
        app = QApplication.instance()
        if app is not None:  # a weak link: a closed pane's searcher is not kept alive
            ref = weakref.ref(searcher)

            def close_if_alive() -> None:
                alive = ref()
                if alive is not None:
                    alive.close()

            app.aboutToQuit.connect(close_if_alive)

        self.search_box = _SearchBox(placeholderText=PLACEHOLDER)
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName("Search documents")
        self.search_box.textChanged.connect(self._schedule)
        self.search_box.returnPressed.connect(self._search_now)
        self.search_box.down.connect(self._focus_results)

        self.case_filter = CaseFilterBox(self._load_cases)
        self.case_filter.set_cases([])
        self.case_filter.setToolTip("Only documents of this case")
        self.case_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.case_filter.setMinimumContentsLength(8)
        self.type_filter = QComboBox()
        self.type_filter.setToolTip("Only documents of this type")
        self.type_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.type_filter.setMinimumContentsLength(6)
        self.type_filter.addItem("All types", None)
        for value in DOC_TYPES:
            self.type_filter.addItem(choice_text(value), value)
        self.date_filter = QCheckBox("&Dates")
        self.date_filter.setToolTip("Only documents filed between two dates")
        today = QDate.currentDate()
        self.date_from = self._date_edit(today.addYears(-1))
        self.date_to = self._date_edit(today)
        self.clear_filters = QToolButton()
        self.clear_filters.setText("Clear")
        self.clear_filters.setToolTip("Search every case, type and date")
        self.clear_filters.setAutoRaise(True)
        self.clear_filters.clicked.connect(self.reset_filters)

        self.case_filter.currentIndexChanged.connect(self._filters_changed)
        self.type_filter.currentIndexChanged.connect(self._filters_changed)
        self.date_filter.toggled.connect(self._date_toggled)
        self.date_from.dateChanged.connect(self._filters_changed)
        self.date_to.dateChanged.connect(self._filters_changed)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.setSpacing(6)
        filters.addWidget(self.case_filter, 3)
        filters.addWidget(self.type_filter, 1)
        filters.addSpacing(4)
        filters.addWidget(self.date_filter)
        filters.addWidget(self.clear_filters)
        # the dates get a row of their own, shown only while the date filter is on
        self.date_row = QWidget()
        dates = QHBoxLayout(self.date_row)
        dates.setContentsMargins(0, 0, 0, 0)
        dates.setSpacing(6)
        dates.addWidget(QLabel("Filed from"))
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        self.date_row.hide()

        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.setWordWrap(True)
        self.status_label.linkActivated.connect(self._link)
        self.status_label.setAccessibleName("Search status")

        self.model = SearchResultsModel(self)
        self.model.secondary = secondary_color(self.palette())
        self.results = ResultsView(self.model)
        self.results.activated.connect(self._activate)

        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setMargin(24)
        self.message.setAutoFillBackground(True)
        self.message.setBackgroundRole(QPalette.ColorRole.Base)
        self.message.setFrameShape(QFrame.Shape.StyledPanel)
        self.message.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # the help's table must not set the pane's minimum size: in a narrow or short
        # dock it is clipped rather than pushing the window past the screen
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.message.setMinimumSize(200, 120)
        self.message.linkActivated.connect(self._link)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.results)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search_box)
        layout.addLayout(filters)
        layout.addWidget(self.date_row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.stack, 1)

        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search_now)
        self._busy = QTimer(self, singleShot=True, interval=BUSY_AFTER_MS)
        self._busy.timeout.connect(self._show_busy)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self._search_now)

        self.clear_filters.setEnabled(False)
        self._show_help()

    @staticmethod
    def _date_edit(day: QDate) -> QDateEdit:
        edit = QDateEdit(day)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(QT_DATE_FORMAT)
        return edit

    # -- public API ------------------------------------------------------------------
    def focus_search(self) -> None:
        """Put the cursor in the search box, its text selected (Ctrl+F)."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def set_case_filter(self, case: int | str | None) -> None:
        """Search only this case's documents: its id, or its A-number or EOIR case id
        (``EOIR 310000001``); None: every case."""
        case_id: int | None = case if isinstance(case, int) else None
        if isinstance(case, str) and case.strip():
            try:
                found = find_case(self.read_lib, case)
            except (CaseorgError, sqlite3.Error):
                found = None
            # a case not in the library (yet): nothing of it to find, but say which
            case_id = found.id if found else NO_CASE
        position = self.case_filter.row_of(case_id)
        if position < 0 and case_id is not None:
            self._load_cases()
            position = self.case_filter.row_of(case_id)
            if position < 0:
                self.case_filter.addItem(str(case), case_id)
                position = self.case_filter.count() - 1
        self.case_filter.setCurrentIndex(max(0, position))

    def refresh(self) -> None:
        """Run the current query again (after imports, edits). The case list is read
        again only when it is next opened, and only if the cases changed."""
        if self.searcher.closed:
            return
        self.searcher.reopen()
        if self.search_box.text().strip():
            self._search_now()

    def reset_filters(self) -> None:
        self.case_filter.setCurrentIndex(0)
        self.type_filter.setCurrentIndex(0)
        self.date_filter.setChecked(False)

    def request(self) -> SearchRequest:
        """The search the box and the filters describe now."""
        dated = self.date_filter.isChecked()
        return SearchRequest(
            text=self.search_box.text().strip(),
            case_id=self.case_filter.currentData(),
            doc_type=self.type_filter.currentData(),
            filed_from=self.date_from.date().toPython() if dated else None,  # type: ignore[arg-type]
            filed_to=self.date_to.date().toPython() if dated else None,  # type: ignore[arg-type]
            limit=self._limit,
        )

    def shutdown(self) -> None:
        """Stop background searching and close its library (the window is closing).
        Nothing searches afterwards: the timers stop and new searches are refused."""
        self._serial += 1
        for timer in (self._debounce, self._busy, self._retry):
            timer.stop()
        self.searcher.close()

    # -- filters ---------------------------------------------------------------------
    def _load_cases(self) -> bool:
        """Fill the case filter from the library if its cases changed since it was
        filled (a count and the latest change: one cheap query); True if it was."""
        try:
            stamp = cases_stamp(self.read_lib)
            if stamp == self._cases_stamp:
                return False
            rows = case_choices(self.read_lib)
        except (sqlite3.Error, CaseorgError):
            return False
        self._cases_stamp = stamp
        current = self.case_filter.currentData()
        self.case_filter.blockSignals(True)
        try:
            self.case_filter.set_cases(
                [(f"{label}  {respondent}", case_id) for case_id, label, respondent in rows]
            )
            position = self.case_filter.row_of(current)
            if position < 0 and current is not None:  # filtering on a case now gone
                self.case_filter.addItem(f"case #{current}", current)
                position = self.case_filter.count() - 1
            self.case_filter.setCurrentIndex(max(0, position))
        finally:
            self.case_filter.blockSignals(False)
        return True

    def _date_toggled(self, on: bool) -> None:
        self.date_row.setVisible(on)
        self._filters_changed()

    def _filters_changed(self, *_args: object) -> None:
        active = (
            self.case_filter.currentIndex() > 0
            or self.type_filter.currentIndex() > 0
            or self.date_filter.isChecked()
        )
        self.clear_filters.setEnabled(active)
        if self.search_box.text().strip():
            self._limit = PAGE_SIZE
            self._search_now()

    # -- searching -------------------------------------------------------------------
    def _schedule(self, text: str) -> None:
        self._limit = PAGE_SIZE
        if not text.strip():
            self._debounce.stop()
            self._retry.stop()
            self._serial += 1  # whatever is running is no longer wanted
            self._busy.stop()
            self._show_help()
            return
        self._debounce.start()

    def _search_now(self) -> None:
        self._debounce.stop()
        self._retry.stop()
        request = self.request()
        if not request.text:
            self._show_help()
            return
        if self.date_filter.isChecked() and self.date_from.date() > self.date_to.date():
            self._show_problem("the “filed from” date is after the “filed to” date")
            return
        self._serial += 1
        self._pending = request
        job = _SearchJob(self.searcher, self._serial, request, self._signals)
        if self.searcher.start(job):
            self._busy.start()

    def _show_busy(self) -> None:
        color = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self.status_label.setText(f"<span style='color:{color}'>Searching…</span>")

    def _on_finished(self, serial: int, hits: list[DocumentHit]) -> None:
        if serial != self._serial or self._pending is None:
            return  # an answer to an older query
        self._busy.stop()
        request = self._pending
        self._shown_request = request
        selected = self._selected_key()
        self.model.set_hits(hits, request.text)
        self._expand_from(serial, 0)
        if not hits:
            self._show_no_matches(request)
            return
        self.stack.setCurrentWidget(self.results)
        docs = len(hits)
        pages = self.model.page_count()
        text = (
            f"<b>{docs}</b> {plural(docs, 'document')} · "
            f"<b>{pages}</b> matching {plural(pages, 'page')}"
        )
        if docs >= request.limit:
            text += f" — the best {docs} shown · <a href='more'>Show more</a>"
        if request.filtered:
            text += " · filtered (<a href='clear'>search everything</a>)"
        self.status_label.setText(text)
        self._restore_selection(selected)

    def _expand_from(self, serial: int, start: int) -> None:
        """Open out the documents from ``start`` on, a few per turn of the event loop:
        laying out all 25 documents' pages at once stalled the window (issue 15); the
        first ones, on screen, open at once."""
        if serial != self._serial:
            return  # a newer search's results replaced these
        end = min(start + EXPAND_AT_ONCE, self.model.rowCount())
        for row in range(start, end):
            self.results.expand(self.model.index(row, 0))
        if end < self.model.rowCount():
            QTimer.singleShot(0, lambda: self._expand_from(serial, end))

    def _on_not_ready(self, serial: int, message: str) -> None:
        if serial != self._serial:
            return
        self._busy.stop()
        self.model.clear()
        self._shown_request = None
        color = secondary_color(self.palette()).name()
        self.status_label.setText(f"<span style='color:{color}'>Waiting for the index…</span>")
        self.message.setText(f"<p>{html.escape(message[:1].upper() + message[1:])}.</p>")
        self.stack.setCurrentWidget(self.message)
        self._retry.start()  # asked again until the writer has built it

    def _on_failed(self, serial: int, message: str) -> None:
        if serial != self._serial:
            return
        self._busy.stop()
        self._show_problem(message)

    # -- states ------------------------------------------------------------------------
    def _show_help(self) -> None:
        self.model.clear()
        self._shown_request = None
        self.status_label.setText("")
        self.message.setText(HELP_HTML)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.setCurrentWidget(self.message)

    def _show_problem(self, message: str) -> None:
        self.model.clear()
        self._shown_request = None
        self.status_label.setText(
            f"<span style='color:#b3261e'>\N{WARNING SIGN} {html.escape(message)}</span>"
        )
        self.message.setText(
            "Fix the query to see results. "
            "Quote a phrase, and write ranges as filed:[2024-01-01 TO 2024-12-31]."
        )
        self.stack.setCurrentWidget(self.message)

    def _show_no_matches(self, request: SearchRequest) -> None:
        self.status_label.setText("No matches")
        hint = ""
        if request.filtered:
            hint = (
                "<p>Only the chosen case, type or dates were searched. "
                "<a href='clear'>Search everything</a></p>"
            )
        self.message.setText(
            f"<p>No document matches <b>{html.escape(request.text)}</b>.</p>{hint}"
            "<p>Try fewer words, another form of a word, or a prefix like <code>persec*</code>.</p>"
        )
        self.stack.setCurrentWidget(self.message)

    def _link(self, href: str) -> None:
        if href == "more":
            self._limit += PAGE_SIZE
            self._search_now()
        elif href == "clear":
            self.reset_filters()

    # -- results ---------------------------------------------------------------------
    def _focus_results(self) -> None:
        if self.model.rowCount() == 0:
            return
        if not self.results.currentIndex().isValid():  # before focus picks the first row
            first = self.model.index(0, 0)
            child = self.model.index(0, 0, first)
            self.results.setCurrentIndex(child if child.isValid() else first)
        self.results.setFocus(Qt.FocusReason.TabFocusReason)

    def _activate(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if not index.isValid() or self._shown_request is None:
            return
        document_id = index.data(DocumentIdRole)
        page_no = index.data(PageRole)
        if document_id is None or page_no is None:
            return
        self.hitActivated.emit(int(document_id), int(page_no), self._shown_request.text)

    def _selected_key(self) -> tuple[int, int] | None:
        index = self.results.currentIndex()
        if not index.isValid():
            return None
        return int(index.data(DocumentIdRole)), int(index.data(PageRole))

    def _restore_selection(self, key: tuple[int, int] | None) -> None:
        index = self.model.find_page(*key) if key is not None else QModelIndex()
        if index.isValid():
            self.results.setCurrentIndex(index)
