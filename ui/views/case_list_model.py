"""The case list as a lazy table model: ids from one query, rows fetched in blocks.

Like Anki's browser model (``browser/table/model.py``): a filter or sort change
runs one SQL query that returns only the matching case ids in order; the text of
a row is read when the view first paints it, a block of rows at a time, and kept.
Ten thousand cases cost one id query and a block or two of rows, never a full load.

Filtering: text that looks like an A-number (any spelling: A-123-456, 123 456,
a123456789) matches A-number digits; other text is split into words and each word
must match the respondent's name, the judge's name or code (case- and
accent-insensitive), or, if it has digits, the A-number.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import TYPE_CHECKING, Any, NamedTuple

from caseorg.library.folder import Library
from caseorg.values import format_a_number
from caseorg.words import label
from caseorg_ui.qt import (
    QAbstractTableModel,
    QFont,
    QLabel,
    QModelIndex,
    Qt,
    Signal,
)

if TYPE_CHECKING:
    from caseorg_ui.qt import QObject, QPersistentModelIndex  # annotations only: no Qt type built

BLOCK = 100
NO_CASE_HINT = "Select a case on the left to see its documents and hearings."
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_A_NUMBER_LIKE = re.compile(r"^\s*[Aa]?[\s\-]*\d[\d\s\-]*$")

_NEXT_HEARING = (
    "(SELECT min(h.starts_at) FROM hearings h WHERE h.case_id = c.id AND h.starts_at >= :today)"
)


class Column(NamedTuple):
    key: str
    title: str
    tooltip: str
    sort_sql: str  # ORDER BY key for this column ("{dir}" is replaced by ASC/DESC)


COLUMNS: tuple[Column, ...] = (
    Column(
        "a_number", "A-number", "The respondent's alien registration number", "c.a_number {dir}"
    ),
    Column(
        "respondent",
        "Respondent",
        "The respondent's name",
        "caseorg_fold(c.respondent) {dir}",
    ),
    Column(
        "judge",
        "Judge",
        "The immigration judge the case is assigned to",
        "j.name IS NULL, caseorg_fold(j.name) {dir}",
    ),
    Column(
        "next_hearing",
        "Next hearing",
        "The next scheduled hearing (today or later)",
        f"{_NEXT_HEARING} IS NULL, {_NEXT_HEARING} {{dir}}",
    ),
    Column("status", "Status", "Pending, completed, closed or appealed", "c.status {dir}"),
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


def fold(text: str | None) -> str:
    """Lower-case without accents, so 'jose' finds 'José' (a SQLite function)."""
    if text is None:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _digits(text: str) -> str:
    return "".join(str(unicodedata.decimal(ch)) for ch in text if ch.isdecimal())


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def filter_sql(text: str) -> tuple[str, dict[str, Any]]:
    """The WHERE clause (without WHERE) and parameters for the filter box's text."""
    text = (text or "").strip()
    if not text:
        return "", {}
    if _A_NUMBER_LIKE.match(text):
        return "c.a_number LIKE :a0 ESCAPE '\\'", {"a0": _like(_digits(text))}
    clauses: list[str] = []
    params: dict[str, Any] = {}
    for n, word in enumerate(text.split()):
        params[f"w{n}"] = _like(fold(word))
        part = (
            f"caseorg_fold(c.respondent) LIKE :w{n} ESCAPE '\\'"
            f" OR caseorg_fold(j.name) LIKE :w{n} ESCAPE '\\'"
            f" OR caseorg_fold(j.code) LIKE :w{n} ESCAPE '\\'"
        )
        digits = _digits(word) if _A_NUMBER_LIKE.match(word) else ""
        if digits:
            params[f"d{n}"] = _like(digits)
            part += f" OR c.a_number LIKE :d{n} ESCAPE '\\'"
        clauses.append(f"({part})")
    return " AND ".join(clauses), params


class CaseRow(NamedTuple):
    """One case as the list shows it (a tuple: ten thousand of them stay light)."""

    id: int
    a_number: str
    respondent: str
    judge_name: str | None
    judge_code: str | None
    next_hearing: str | None
    status: str
    custody: str

    def text(self, column: int) -> str:
        key = COLUMNS[column].key
        if key == "a_number":
            return format_a_number(self.a_number)
        if key == "respondent":
            return self.respondent
        if key == "judge":
            return judge_short(self.judge_name) if self.judge_name else "—"
        if key == "next_hearing":
            return self.next_hearing or "—"
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


def install_functions(lib: Library) -> None:
    """Register the SQL helpers this model's queries use on ``lib``'s connection."""
    lib.conn.create_function("caseorg_fold", 1, fold, deterministic=True)


class CaseListModel(QAbstractTableModel):
    """Cases matching the filter, in the chosen order; rows read lazily in blocks."""

    loaded = Signal(int)  # number of matching cases, after each filter/sort/refresh

    def __init__(self, lib: Library, parent: QObject | None = None):
        super().__init__(parent)
        self.lib = lib
        install_functions(lib)
        self._ids: list[int] = []
        self._rows: dict[int, CaseRow] = {}
        self._filter = ""
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._detached = False
        self.fetches = 0  # row blocks read so far (tests check the list stays lazy)
        self._mono: QFont | None = None
        self.reload()

    # -- queries --------------------------------------------------------------------------
    def _today(self) -> str:
        return dt.date.today().isoformat()

    def _query_ids(self) -> list[int]:
        where, params = filter_sql(self._filter)
        column = COLUMNS[self._sort_column]
        direction = "DESC" if self._sort_order == Qt.SortOrder.DescendingOrder else "ASC"
        sql = "SELECT c.id FROM cases c LEFT JOIN judges j ON j.id = c.judge_id"
        if where:
            sql += f" WHERE {where}"
        sql += f" ORDER BY {column.sort_sql.format(dir=direction)}, c.a_number {direction}"
        params["today"] = self._today()
        return [row[0] for row in self.lib.conn.execute(sql, params)]

    def _fetch_block(self, row: int) -> None:
        start = row - row % BLOCK
        wanted = [i for i in self._ids[start : start + BLOCK] if i not in self._rows]
        if not wanted:
            return
        self.fetches += 1
        marks = ",".join("?" * len(wanted))
        sql = f"""
            SELECT c.id, c.a_number, c.respondent, j.name, j.code,
                   (SELECT min(h.starts_at) FROM hearings h
                     WHERE h.case_id = c.id AND h.starts_at >= ?),
                   c.status, c.custody
            FROM cases c LEFT JOIN judges j ON j.id = c.judge_id
            WHERE c.id IN ({marks})
        """
        for values in self.lib.conn.execute(sql, [self._today(), *wanted]):
            self._rows[values[0]] = CaseRow(*values)

    # -- public ---------------------------------------------------------------------------
    @property
    def filter_text(self) -> str:
        return self._filter

    def set_filter(self, text: str) -> None:
        if text == self._filter:
            return
        self._filter = text
        self.reload()

    def detach(self) -> None:
        """Empty the list for good (its library is about to close)."""
        self.beginResetModel()
        self._ids = []
        self._rows = {}
        self._detached = True
        self.endResetModel()

    def reload(self) -> None:
        """Re-run the id query (after a write, or a filter/sort change) and drop cached rows."""
        if self._detached:
            return
        self.beginResetModel()
        self._ids = self._query_ids()
        self._rows = {}
        self.endResetModel()
        self.loaded.emit(len(self._ids))

    def refresh_rows(self) -> None:
        """Drop cached rows (their text changed) but keep the same ids and order."""
        self._rows = {}
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
        case_id = self.case_id(row)
        if case_id is None:
            return None
        if case_id not in self._rows:
            self._fetch_block(row)
        return self._rows.get(case_id)

    def total_cases(self) -> int:
        return int(self.lib.conn.execute("SELECT count(*) FROM cases").fetchone()[0])

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
        ):
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text(index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip(index.column())
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
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self.case_id(index.row()) for index in old]
        self._sort_column = column
        self._sort_order = order
        self._ids = self._query_ids()
        position = {case_id: row for row, case_id in enumerate(self._ids)}
        moved = [
            self.index(position[case_id], index.column()) if case_id in position else QModelIndex()
            for index, case_id in zip(old, old_ids, strict=True)
        ]
        self.changePersistentIndexList(old, moved)
        self.layoutChanged.emit()
        self.loaded.emit(len(self._ids))

    @property
    def sort_column(self) -> int:
        return self._sort_column
