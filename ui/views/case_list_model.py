"""The case list as a lazy table model: ids from one core query, rows fetched in blocks.

Like Anki's browser model (``browser/table/model.py``): a filter or sort change
asks :func:`caseorg.records.case_list.case_list_ids` for only the matching case
ids in order; the text of a row is read when the view first paints it, a block of
rows at a time (:func:`~caseorg.records.case_list.case_list_rows`), and kept.
Ten thousand cases cost one id query and a block or two of rows, never a full load.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from caseorg.court import FLAGGED, NoticeFlag, notice_problems_by_case
from caseorg.library import Library
from caseorg.records import CaseListRow, case_list_ids, case_list_rows, count_cases
from caseorg.values import case_label
from caseorg.words import label, sentence, us_date
from caseorg_ui.operations import Reader, inline_reader
from caseorg_ui.qt import (
    QAbstractTableModel,
    QBrush,
    QColor,
    QFont,
    QLabel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)

if TYPE_CHECKING:
    from caseorg_ui.qt import QObject, QPersistentModelIndex  # annotations only: no Qt type built

BLOCK = 100
NO_CASE_HINT = "Select a case on the left to see its documents and hearings."
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(NamedTuple):
    key: str
    title: str
    tooltip: str


COLUMNS: tuple[Column, ...] = (
    Column("a_number", "A-number", "The respondent's alien registration number"),
    Column("respondent", "Respondent", "The respondent's name"),
    Column("judge", "Judge", "The immigration judge the case is assigned to"),
    Column("next_hearing", "Next hearing", "The next scheduled hearing (today or later)"),
    Column("status", "Status", "Pending, completed, closed or appealed"),
)


WARNING_SIGN = "\u26a0"  # before the name of a case with a notice problem
WARNING_COLOR = "#a15c00"  # that name's colour (the case view's warnings are this amber)


def problem_words(flags: list[NoticeFlag]) -> str:
    """What the ⚠ on a case means, one line a hearing: 'Notice problem — hearing of
    01/10/2025: no notice of this hearing was served'."""
    return "\n".join(
        f"{WARNING_SIGN} {'For the judge' if f.issue == FLAGGED else 'Notice problem'} — "
        f"hearing of {us_date(f.starts_at[:10])}: {sentence(f.reason)}"
        for f in flags
    )


def no_case_label() -> QLabel:
    """What stands where a case would show while none is chosen in this list (the main
    window's centre before its case view is built, and the case view itself)."""
    label = QLabel(NO_CASE_HINT)
    label.setWordWrap(True)  # whole words on a narrow window, never clipped
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("color: #6b6b6b;")
    return label


def judge_short(name: str) -> str:
    """'Judge Sandra L. Pereira' -> 'Sandra L. Pereira' (the column says Judge)."""
    return name.removeprefix("Judge ").strip() or name


class CaseRow(CaseListRow):
    """One case as the list shows it: the core's row and the text of each column."""

    __slots__ = ()

    def text(self, column: int) -> str:
        key = COLUMNS[column].key
        if key == "a_number":
            return case_label(self.a_number, self.eoir_case_id)
        if key == "respondent":
            return self.respondent
        if key == "judge":  # the surname: the full name is in the tooltip
            return judge_short(self.judge_name).split()[-1] if self.judge_name else "—"
        if key == "next_hearing":  # the day (its time is in the tooltip)
            return us_date(self.next_hearing[:10]) if self.next_hearing else "—"
        return label(self.status)

    def tooltip(self, column: int) -> str:
        key = COLUMNS[column].key
        if key == "judge" and self.judge_name:
            return f"{self.judge_name} ({self.judge_code})"
        if key == "next_hearing":
            return (
                f"Next hearing {self.next_hearing}"
                if self.next_hearing
                else "No hearing scheduled from today on"
            )
        if key == "respondent":
            return f"{self.respondent} — {label(self.custody)}"
        return self.text(column)


class CaseListModel(QAbstractTableModel):
    """Cases matching the filter, in the chosen order; rows read lazily in blocks.

    Every read goes through ``reader`` (:class:`~caseorg_ui.operations.Reader`): on a
    court library it runs on the reader's thread and the model changes when the answer
    arrives — the rows shown stay until then (``loading`` says one is on its way).
    Without a reader the model reads at once (a folder's SQLite, a test).
    """

    loaded = Signal(int)  # number of matching cases, after each filter/sort/refresh
    readFailed = Signal(str)  # noqa: N815 - a row could not be read (one line: a server gone)

    def __init__(
        self,
        lib: Library,
        parent: QObject | None = None,
        *,
        check_notices: bool = True,
        reader: Reader | None = None,
    ):
        super().__init__(parent)
        self.lib = lib
        self.reader = reader or inline_reader(lib)
        self._ids: list[int] = []
        self._rows: dict[int, CaseRow] = {}
        self._old_rows: dict[int, CaseRow] = {}  # shown while their new text is read
        self._asked: set[int] = set()  # row blocks on their way (by first row)
        self._generation = 0  # a block read for an older list is dropped
        self._total = 0
        self._filter = ""
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._detached = False
        self.has_loaded = False  # the first list arrived
        self._reset_pending = False
        self._thens: list[Callable[[], Any]] = []
        self.fetches = 0  # row blocks read so far (tests check the list stays lazy)
        self._mono: QFont | None = None
        self._problems: dict[int, list[NoticeFlag]] | None = None
        self._problems_stale = True
        self._problems_asked = False
        # False until check_notices_now(): the first window is shown before the check,
        # which loads what start-up otherwise does without (sqlite-utils)
        self._checks_on = check_notices
        self.reload()

    # -- reads (each a function of the library, run by the reader) -------------------------
    def _query(self) -> Callable[[Library], tuple[list[int], list[CaseListRow], int]]:
        """The read of the list as it is asked now: its ids, the total and, in the
        background, the first block (one trip to the server; read at once, the first
        block waits for the view to ask, as every other)."""
        text, key = self._filter, COLUMNS[self._sort_column].key
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        first = BLOCK if self.reader.background else 0

        def read(lib: Library) -> tuple[list[int], list[CaseListRow], int]:
            today = dt.date.today()
            ids = case_list_ids(lib, text, key, descending=descending, today=today)
            rows = case_list_rows(lib, ids[:first], today=today) if ids and first else []
            return ids, rows, count_cases(lib)

        return read

    def _ask(self, *, reset: bool, then: Callable[[], Any] | None = None) -> None:
        if self._detached:
            return
        self._reset_pending = self._reset_pending or reset
        if then is not None:
            self._thens.append(then)
        self.reader.read("cases", self._query(), self._arrived)

    def _arrived(self, answer: tuple[list[int], list[CaseListRow], int]) -> None:
        if self._detached:
            return
        ids, rows, self._total = answer
        reset, self._reset_pending = self._reset_pending, False
        thens, self._thens = self._thens, []
        if reset or not self.has_loaded:
            self.beginResetModel()
            self._ids = ids
            self._generation += 1
            self._asked = set()
            self._old_rows, self._rows = {**self._old_rows, **self._rows}, {}
            self._keep(rows)
            self.has_loaded = True
            self.endResetModel()
        else:  # a new order of the same list: the selection and the rows read stay
            self.layoutAboutToBeChanged.emit()
            old = self.persistentIndexList()
            old_ids = [self.case_id(index.row()) for index in old]
            self._ids = ids
            self._keep(rows)
            position = {case_id: row for row, case_id in enumerate(ids)}
            moved = [
                self.index(position[case_id], index.column())
                if case_id in position
                else QModelIndex()
                for index, case_id in zip(old, old_ids, strict=True)
            ]
            self.changePersistentIndexList(old, moved)
            self.layoutChanged.emit()
        self.loaded.emit(len(self._ids))
        for then in thens:
            then()

    def _keep(self, rows: list[CaseListRow]) -> None:
        for values in rows:
            self._rows[values.id] = CaseRow(*values)

    def _fetch_block(self, row: int) -> None:
        start = row - row % BLOCK
        wanted = [i for i in self._ids[start : start + BLOCK] if i not in self._rows]
        if not wanted or start in self._asked:
            return
        self._asked.add(start)
        self.fetches += 1
        generation = self._generation

        def arrived(rows: list[CaseListRow]) -> None:
            if generation != self._generation or self._detached:
                return  # the list was read again meanwhile
            self._asked.discard(start)
            self._keep(rows)
            if self.reader.background and self._ids:  # (read at once: the view asks)
                last = min(start + BLOCK, len(self._ids)) - 1
                self.dataChanged.emit(self.index(start, 0), self.index(last, len(COLUMNS) - 1))

        self.reader.read(
            f"rows:{start}",
            lambda lib: case_list_rows(lib, wanted, today=dt.date.today()),
            arrived,
            # said once a read, never while the view paints
            lambda line: QTimer.singleShot(0, lambda: self.readFailed.emit(line)),
        )

    # -- public ---------------------------------------------------------------------------
    @property
    def filter_text(self) -> str:
        return self._filter

    @property
    def loading(self) -> bool:
        """A new list is on its way (the one shown stays until it arrives)."""
        return not self.has_loaded or self._reset_pending

    def set_filter(self, text: str, then: Callable[[], Any] | None = None) -> None:
        """Show the cases matching ``text``; ``then()`` once they are listed."""
        if text == self._filter:
            if then is not None and self.loading:
                self._thens.append(then)  # once the list on its way is in
            elif then is not None:
                then()
            return
        self._filter = text
        self.reload(written=False, then=then)

    def detach(self) -> None:
        """Empty the list for good (its library is about to close)."""
        self.beginResetModel()
        self._ids = []
        self._rows = {}
        self._old_rows = {}
        self._detached = True
        self.endResetModel()

    def reload(self, *, written: bool = True, then: Callable[[], Any] | None = None) -> None:
        """Re-run the id query (after a write, or a filter/sort change) and drop cached rows;
        after a write (``written``) the notice problems are checked again. ``then()``
        runs once the new list is in."""
        if written:
            self._problems_stale = True
            self._problems_asked = False
        self._ask(reset=True, then=then)

    @property
    def notice_problems(self) -> dict[int, list[NoticeFlag]]:
        """Each case's notice problems: one library-wide check, when first needed after
        the library changed (a filter or sort does not check again). The last answer
        stands while a new one is read."""
        if self._checks_on and self._problems_stale and not self._problems_asked:
            self._problems_asked = True
            self.reader.read("notices", notice_problems_by_case, self._problems_arrived)
        return self._problems or {}

    def _problems_arrived(self, problems: dict[int, list[NoticeFlag]]) -> None:
        self._problems = problems
        self._problems_stale = False
        if self.reader.background and self._ids and not self._detached:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )

    def check_notices_now(self) -> None:
        """Check the notices (again) and show each case's ⚠ that follows."""
        self._checks_on = True
        self.refresh_rows()

    def refresh_rows(self) -> None:
        """Read the rows again (their text changed) but keep the same ids and order."""
        self._generation += 1
        self._asked = set()
        self._old_rows, self._rows = {**self._old_rows, **self._rows}, {}
        self._problems_stale = True
        self._problems_asked = False
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )

    def case_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, case_id: int) -> int | None:
        try:
            return self._ids.index(case_id)
        except ValueError:
            return None

    def row_data(self, row: int) -> CaseRow | None:
        """Row ``row``'s case, read (in the background: asked, and its old text or None
        meanwhile)."""
        case_id = self.case_id(row)
        if case_id is None:
            return None
        if case_id not in self._rows:
            self._fetch_block(row)
        return self._rows.get(case_id) or self._old_rows.get(case_id)

    def total_cases(self) -> int:
        """Every case in the library (as of the last list read)."""
        return self._total

    # -- Qt model interface -------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(COLUMNS):
            return None
        if role == CASE_ID_ROLE:
            return self.case_id(index.row())
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.FontRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        row = self.row_data(index.row())
        if row is None:  # on its way
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return "…"
            return None
        problems = self.notice_problems.get(row.id)
        if role == Qt.ItemDataRole.DisplayRole:
            text = row.text(index.column())
            if problems and COLUMNS[index.column()].key == "respondent":
                return f"{WARNING_SIGN} {text}"
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = row.tooltip(index.column())
            return f"{tip}\n{problem_words(problems)}" if problems else tip
        if role == Qt.ItemDataRole.ForegroundRole:
            warn = problems and COLUMNS[index.column()].key == "respondent"
            return QBrush(QColor(WARNING_COLOR)) if warn else None
        if COLUMNS[index.column()].key == "a_number":
            return self._a_number_font()
        return None

    def _a_number_font(self) -> QFont:
        """Digits in a fixed-width font, so A-numbers line up (one QFont for every cell)."""
        if self._mono is None:
            self._mono = QFont()
            self._mono.setStyleHint(QFont.StyleHint.Monospace)
            self._mono.setFamilies(["DejaVu Sans Mono", "Consolas", "Menlo", "monospace"])
        return self._mono

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return COLUMNS[section].tooltip + " — click to sort"
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or self._detached:
            return
        if (column, order) == (self._sort_column, self._sort_order):
            return  # already in this order (the view asks again as it is set up)
        self._sort_column = column
        self._sort_order = order
        self._ask(reset=False)  # the rows move when the new order arrives

    @property
    def sort_column(self) -> int:
        return self._sort_column
