"""The search pane: full-text search over every document, results grouped by document.

Typing searches after a short pause. The query runs on a background thread
with its own read-only :class:`~caseorg.library.folder.Library` (its own SQLite
connection and Whoosh searcher), so a slow query never freezes the window and
never shares a connection with the UI thread mid-query. Each query carries a
serial number; only the answer to the latest one is shown, older answers are
dropped. Results are a two-level model (documents, then their matching pages
with highlighted snippets) drawn as rich text; activating a page emits
:attr:`SearchPane.hitActivated` for the viewer.
"""

from __future__ import annotations

import datetime as dt
import html
import sqlite3
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caseorg.errors import CaseorgError
from caseorg.library.folder import Library, open_library
from caseorg.records.models import DOC_TYPES
from caseorg.search.handle import index_of
from caseorg.search.results import DocumentHit
from caseorg.values import format_a_number, parse_a_number
from caseorg.words import choice_text, plural, us_date
from caseorg_ui.qt import (
    QAbstractItemModel,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QColor,
    QComboBox,
    QDate,
    QDateEdit,
    QFocusEvent,
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPainter,
    QPalette,
    QPersistentModelIndex,
    QRect,
    QResizeEvent,
    QRunnable,
    QSize,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTextDocument,
    QThreadPool,
    QTimer,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWheelEvent,
    QWidget,
    Signal,
)

_ROOT = QModelIndex()  # the invisible root: the default parent of model calls

DEBOUNCE_MS = 250  # pause after the last keystroke before searching
BUSY_AFTER_MS = 400  # "Searching…" shows only for a search slower than this
RETRY_MS = 2000  # while the index is being built, search again this often
PAGE_SIZE = 25  # documents per batch; "Show more" asks for the next batch
MORE_PAGES_SHOWN = 30  # page numbers listed in the "also on pages" row

# the case filter's list, and what says it changed (a count and the latest edit)
CASES_SQL = "SELECT a_number, respondent FROM cases ORDER BY a_number"
CASES_STAMP_SQL = "SELECT count(*), max(id), max(updated_at) FROM cases"

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
HIGHLIGHT_STYLE = "background-color:#ffe27a; color:#000000;"

# roles the delegate and the pane read from the model
HtmlRole = Qt.ItemDataRole.UserRole + 1
DocumentIdRole = Qt.ItemDataRole.UserRole + 2
PageRole = Qt.ItemDataRole.UserRole + 3
KindRole = Qt.ItemDataRole.UserRole + 4  # "document" | "page" | "more"


def page_list(pages: list[int], limit: int = MORE_PAGES_SHOWN) -> str:
    """'1, 3, 7' — cut short with '…' past ``limit`` numbers."""
    shown = ", ".join(str(p) for p in pages[:limit])
    return shown + (", …" if len(pages) > limit else "")


def matching_pages_text(pages: list[int], page_count: int) -> str:
    """'page 2 of 3', 'pages 1, 4, 7 of 12', or '14 of 40 pages' when many match."""
    of = f" of {page_count}" if page_count else ""
    if len(pages) == 1:
        return f"page {pages[0]}{of}"
    if len(pages) <= 6:
        return f"pages {', '.join(str(p) for p in pages)}{of}"
    return f"{len(pages)}{of} pages"


def secondary_color(palette: QPalette) -> QColor:
    """Text colour for secondary facts: between text and background, readable in any theme."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    mix = 0.42
    return QColor(
        round(text.red() * (1 - mix) + base.red() * mix),
        round(text.green() * (1 - mix) + base.green() * mix),
        round(text.blue() * (1 - mix) + base.blue() * mix),
    )


# -- the query a search runs -----------------------------------------------------------


@dataclass(frozen=True)
class SearchRequest:
    """What the user asked for: the typed query plus the filters beside it."""

    text: str
    a_number: str | None = None
    doc_type: str | None = None
    filed_from: dt.date | None = None
    filed_to: dt.date | None = None
    limit: int = PAGE_SIZE

    def query(self) -> str:
        """The query sent to the index: the typed text, AND the filed-date range."""
        text = self.text.strip()
        if self.filed_from is None and self.filed_to is None:
            return text
        start = self.filed_from.isoformat() if self.filed_from else ""
        end = self.filed_to.isoformat() if self.filed_to else ""
        return f"({text}) filed:[{start} TO {end}]"

    @property
    def filtered(self) -> bool:
        return bool(self.a_number or self.doc_type or self.filed_from or self.filed_to)


class BackgroundSearcher:
    """A read-only library used only by one search thread at a time.

    Opened on first use in the worker thread; :meth:`reopen` makes the next
    search open it afresh (after a reindex, or when the index did not exist yet).
    """

    def __init__(self, library_path: Path, index_dir: Path | None = None):
        self.library_path = library_path
        self.index_dir = index_dir or library_path / "index"
        self._stamp: tuple[int, int] | None = None
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)  # one search at a time: one connection user
        self._lib: Library | None = None
        self._stale = False
        self._lock = threading.Lock()
        self._closed = False

    def search(self, request: SearchRequest) -> list[DocumentHit]:
        with self._lock:
            if self._closed:
                raise CaseorgError("the search was closed")
            stamp = self._index_stamp()
            if self._lib is not None and (self._stale or stamp != self._stamp):
                self._lib.close()  # reindexed, or created since: read the new one
                self._lib = None
            if self._lib is None:
                self._lib = open_library(self.library_path, create=False, read_only=True)
                self._stale = False
                self._stamp = stamp
            hits = index_of(self._lib).search(
                request.query(),
                case_a_number=request.a_number,
                doc_type=request.doc_type,
                limit=request.limit,
            )
            if not hits and not self._index_ready(self._lib):
                raise IndexNotReady(
                    "the search index is being built; results appear when it is ready"
                )
            return hits

    @staticmethod
    def _index_ready(lib: Library) -> bool:
        """False when the index is empty while the library has text to search: it is
        missing, out of date or still being built by the writer (a read-only library
        cannot build it)."""
        with index_of(lib).ix.reader() as reader:
            if reader.doc_count():
                return True
        row = lib.db.execute("SELECT EXISTS (SELECT 1 FROM pages WHERE text != '')").fetchone()
        return not row[0]

    def _index_stamp(self) -> tuple[int, int] | None:
        """Which index is on disk: its folder (a rebuild swaps in a new one) and its
        version file's time (written when an index is created); None when there is none.
        A read-only library cannot repair a missing or old index, so it is opened again
        once the writer has made a new one."""
        try:
            folder = self.index_dir.stat()
            version = (self.index_dir / "caseorg-index.json").stat()
        except OSError:
            return None
        return folder.st_ino, version.st_mtime_ns

    def reopen(self) -> None:
        self._stale = True

    @property
    def closed(self) -> bool:
        return self._closed

    def start(self, job: QRunnable) -> bool:
        """Queue ``job`` in place of any queued one; False once closed (nothing runs)."""
        if self._closed:
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
        if self._closed:
            return
        self._closed = True
        try:
            self.pool.clear()
            self.pool.waitForDone(10_000)
        except RuntimeError:  # the pane outlived the app: Qt deleted the pool first
            pass
        with self._lock:
            if self._lib is not None:
                self._lib.close()
                self._lib = None


class IndexNotReady(CaseorgError):
    """The index has nothing yet while the library has text: asked again shortly."""


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


# -- the results model -------------------------------------------------------------------


@dataclass
class _PageRow:
    kind: str  # "page" | "more"
    page_no: int
    html: str
    text: str


class SearchResultsModel(QAbstractItemModel):
    """Documents (top level), each with its matching pages (children), one column.

    A page row's internal id is its document's row + 1; a document row's is 0.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.hits: list[DocumentHit] = []
        self.query = ""
        self._pages: list[list[_PageRow]] = []
        self.secondary = QColor("#666666")

    # -- filling -----------------------------------------------------------------
    def set_hits(self, hits: list[DocumentHit], query: str) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.query = query
        self._pages = [self._page_rows(hit) for hit in self.hits]
        self.endResetModel()

    def clear(self) -> None:
        self.set_hits([], "")

    def _page_rows(self, hit: DocumentHit) -> list[_PageRow]:
        rows = []
        shown = {page.page_no for page in hit.pages}
        for page in hit.pages:
            snippet = page.snippet_html.replace("<b>", f"<span style='{HIGHLIGHT_STYLE}'>")
            snippet = snippet.replace("</b>", "</span>")
            rows.append(
                _PageRow(
                    "page",
                    page.page_no,
                    f"<table cellspacing='0' cellpadding='0'><tr>"
                    f"<td width='56' style='color:{{secondary}}'>Page {page.page_no}</td>"
                    f"<td>{snippet or '&nbsp;'}</td></tr></table>",
                    f"Page {page.page_no}: {page.snippet.replace('**', '')}",
                )
            )
        more = [p for p in hit.matching_pages if p not in shown]
        if more:
            label = f"Also on {plural(len(more), 'page')} {page_list(more)}"
            rows.append(
                _PageRow(
                    "more",
                    more[0],
                    f"<i style='color:{{secondary}}'>{html.escape(label)}</i>",
                    label,
                )
            )
        return rows

    # -- structure ---------------------------------------------------------------
    def index(self, row: int, column: int, parent: Any = _ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self.hits):
                return QModelIndex()
            return self.createIndex(row, column, 0)
        if parent.internalId() != 0 or parent.row() >= len(self._pages):
            return QModelIndex()
        if row >= len(self._pages[parent.row()]):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Any = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Any = _ROOT) -> int:
        if not parent.isValid():
            return len(self.hits)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return len(self._pages[parent.row()]) if parent.row() < len(self._pages) else 0

    def columnCount(self, parent: Any = _ROOT) -> int:
        return 1

    def hasChildren(self, parent: Any = _ROOT) -> bool:
        return self.rowCount(parent) > 0

    def flags(self, index: Any) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- data --------------------------------------------------------------------
    def _document_html(self, hit: DocumentHit) -> str:
        facts = [
            choice_text(hit.doc_type or "other"),
            f"{format_a_number(hit.a_number)} {html.escape(hit.respondent)}",
        ]
        if hit.filed_on:
            facts.append(f"filed {us_date(hit.filed_on)}")
        facts.append(matching_pages_text(hit.matching_pages, hit.page_count))
        return (
            f"<b>{html.escape(hit.title or '(untitled)')}</b><br>"
            f"<span style='color:{self.secondary.name()}'>{' · '.join(facts)}</span>"
        )

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            if index.row() >= len(self.hits):
                return None
            hit = self.hits[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return hit.title
            if role == HtmlRole:
                return self._document_html(hit)
            if role == Qt.ItemDataRole.ToolTipRole:
                return (
                    f"{hit.title}\n{choice_text(hit.doc_type or 'other')} · "
                    f"{format_a_number(hit.a_number)} {hit.respondent}\n"
                    f"Matching pages: {page_list(hit.matching_pages, 60)}"
                )
            if role == DocumentIdRole:
                return hit.document_id
            if role == PageRole:
                return hit.matching_pages[0] if hit.matching_pages else 1
            if role == KindRole:
                return "document"
            return None
        doc_row = index.internalId() - 1
        if doc_row >= len(self._pages) or index.row() >= len(self._pages[doc_row]):
            return None
        page = self._pages[doc_row][index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return page.text
        if role == HtmlRole:
            return page.html.replace("{secondary}", self.secondary.name())
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Open page {page.page_no} (Enter or double-click)"
        if role == DocumentIdRole:
            return self.hits[doc_row].document_id
        if role == PageRole:
            return page.page_no
        if role == KindRole:
            return page.kind
        return None

    def page_count(self) -> int:
        return sum(len(hit.matching_pages) for hit in self.hits)


class RichTextDelegate(QStyledItemDelegate):
    """Draws a row's HtmlRole as rich text, wrapped to the width of the view."""

    PADDING = 4

    def __init__(self, view: QTreeView):
        super().__init__(view)
        self.view = view

    def _document(self, option: QStyleOptionViewItem, index: Any, width: float) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(option.font)
        document.setHtml(str(index.data(HtmlRole) or ""))
        document.setTextWidth(max(40.0, width))
        return document

    def _text_width(self, index: Any) -> float:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        indent = self.view.indentation() * (depth + (1 if self.view.rootIsDecorated() else 0))
        return float(self.view.viewport().width() - indent - 2 * self.PADDING)

    def _top(self, index: Any) -> int:
        """Extra room above a document that follows another: groups read apart."""
        return 6 if index.data(KindRole) == "document" and index.row() > 0 else 0

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        document = self._document(option, index, self._text_width(index))
        height = int(document.size().height()) + 2 * self.PADDING + self._top(index)
        return QSize(int(document.idealWidth()), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)

        rect: QRect = item.rect
        document = self._document(item, index, rect.width() - 2 * self.PADDING)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = item.palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context = document.documentLayout().PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, palette.color(role))
        painter.save()
        painter.translate(rect.left() + self.PADDING, rect.top() + self.PADDING + self._top(index))
        painter.setClipRect(0, 0, rect.width() - self.PADDING, rect.height() - self.PADDING)
        document.documentLayout().draw(painter, context)
        painter.restore()


class ResultsView(QTreeView):
    """The results tree: rows re-wrap when the width changes; Enter activates."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()  # row heights depend on the width


class _SearchBox(QLineEdit):
    """The query field; Down moves into the results."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class CaseFilterBox(QComboBox):
    """The case filter. Its list of cases is read only when someone is about to use
    it (the popup opens, it takes focus, the wheel turns over it), and then only if
    the cases changed since: refreshing the pane after every write stays cheap."""

    def __init__(self, load: Callable[[], object], parent: QWidget | None = None):
        super().__init__(parent)
        self._load = load

    def showPopup(self) -> None:  # noqa: N802 (Qt name)
        self._load()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (keys walk the list)
        self._load()
        super().focusInEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        self._load()
        super().wheelEvent(event)


# -- the pane ----------------------------------------------------------------------------


class SearchPane(QWidget):
    """Search box, filters, and grouped results; see the module docstring."""

    hitActivated = Signal(int, int, str)  # document id, page number (1-based), query

    def __init__(self, read_lib: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self.read_lib = read_lib
        self.searcher = BackgroundSearcher(read_lib.path, read_lib.index_dir)
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
        self.case_filter.addItem("All cases", None)
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
        self.results = ResultsView()
        self.results.setModel(self.model)
        self.results.setHeaderHidden(True)
        self.results.setUniformRowHeights(False)
        self.results.setExpandsOnDoubleClick(False)
        self.results.setAlternatingRowColors(False)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setItemDelegate(RichTextDelegate(self.results))
        self.results.activated.connect(self._activate)
        self.results.setAccessibleName("Search results")

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
        edit.setDisplayFormat("MM/dd/yyyy")
        return edit

    # -- public API ------------------------------------------------------------------
    def focus_search(self) -> None:
        """Put the cursor in the search box, its text selected (Ctrl+F)."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def set_case_filter(self, a_number: str | None) -> None:
        """Search only this case's documents (None: every case)."""
        digits: str | None = None
        if a_number:
            try:
                digits = parse_a_number(a_number)
            except CaseorgError:
                digits = None
        position = self.case_filter.findData(digits)
        if position < 0 and digits is not None:
            self._load_cases()
            position = self.case_filter.findData(digits)
            if position < 0:  # a case the list does not know (yet): still filter on it
                self.case_filter.addItem(format_a_number(digits), digits)
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
            a_number=self.case_filter.currentData(),
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
        db = self.read_lib.db
        try:
            stamp = tuple(db.execute(CASES_STAMP_SQL).fetchone())
            if stamp == self._cases_stamp:
                return False
            rows = db.execute(CASES_SQL).fetchall()
        except (sqlite3.Error, CaseorgError):
            return False
        self._cases_stamp = stamp
        current = self.case_filter.currentData()
        self.case_filter.blockSignals(True)
        try:
            self.case_filter.clear()
            self.case_filter.addItem("All cases", None)
            for a_number, respondent in rows:
                self.case_filter.addItem(f"{format_a_number(a_number)}  {respondent}", a_number)
            position = self.case_filter.findData(current)
            if position < 0 and current is not None:  # filtering on a case now gone
                self.case_filter.addItem(format_a_number(current), current)
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
        self.results.expandAll()
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
        if key is None:
            return
        for row in range(self.model.rowCount()):
            top = self.model.index(row, 0)
            if top.data(DocumentIdRole) != key[0]:
                continue
            for child_row in range(self.model.rowCount(top)):
                child = self.model.index(child_row, 0, top)
                if child.data(PageRole) == key[1]:
                    self.results.setCurrentIndex(child)
                    return
            self.results.setCurrentIndex(top)
            return
