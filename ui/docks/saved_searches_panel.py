"""Saved searches in a sidebar: a click runs one, "Save…" keeps the current search.

The list reads :func:`caseorg.records.saved_searches.list_saved_searches` from the
read-only library. Activating an entry emits :attr:`SavedSearchesPanel.searchRequested`
with its query and filters (``case``, ``type``, ``limit``, ``tag``); whoever owns
the search pane applies them. Saving and deleting are writes, run as operations on
``runner`` (the main window's worker). Saving under an
existing name replaces that search, as the core does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from caseorg.errors import CaseorgError
from caseorg.library import Library
from caseorg.records import (
    MAX_NAME,
    SavedSearch,
    clean_filters,
    delete_saved_search,
    list_saved_searches,
    save_search,
)
from caseorg.values import format_a_number
from caseorg.words import choice_text
from caseorg_ui.docks.two_line_delegate import SecondaryRole, TwoLineDelegate
from caseorg_ui.operations import Change, LibraryOp, Runner
from caseorg_ui.qt import (
    QAbstractItemView,
    QAbstractListModel,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

QueryRole = Qt.ItemDataRole.UserRole + 1
FiltersRole = Qt.ItemDataRole.UserRole + 2
NameRole = Qt.ItemDataRole.UserRole + 3


def filters_text(filters: dict[str, Any]) -> str:
    """'case A-123-456-789 · type Brief · tag pro-se' ('' when there are none)."""
    parts = []
    if filters.get("case"):
        parts.append(f"case {format_a_number(str(filters['case']))}")
    if filters.get("type"):
        parts.append(f"type {choice_text(str(filters['type']))}")
    if filters.get("tag"):
        parts.append(f"tag {filters['tag']}")
    if filters.get("limit"):
        parts.append(f"first {filters['limit']}")
    return " \N{MIDDLE DOT} ".join(parts)


class SavedSearchModel(QAbstractListModel):
    """Saved searches by name; the tooltip shows the query and filters."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.searches: list[SavedSearch] = []

    def set_searches(self, searches: list[SavedSearch]) -> None:
        self.beginResetModel()
        self.searches = list(searches)
        self.endResetModel()

    def search_at(self, row: int) -> SavedSearch | None:
        return self.searches[row] if 0 <= row < len(self.searches) else None

    def row_of(self, name: str) -> int | None:
        for row, search in enumerate(self.searches):
            if search.name.lower() == name.strip().lower():
                return row
        return None

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.searches)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        search = self.search_at(index.row()) if index.isValid() else None
        if search is None or index.column() != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return search.name
        if role == SecondaryRole:
            extra = filters_text(search.filters)
            return search.query + (f" \N{MIDDLE DOT} {extra}" if extra else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            extra = filters_text(search.filters)
            return f"{search.query}" + (f"\n{extra}" if extra else "") + "\nDouble-click to search"
        if role == QueryRole:
            return search.query
        if role == FiltersRole:
            return dict(search.filters)
        if role == NameRole:
            return search.name
        return None


class SaveSearchDialog(QDialog):
    """Name the search being saved (a known name replaces that search)."""

    def __init__(
        self,
        query: str,
        filters: dict[str, Any],
        names: list[str],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Save search")
        self.setMinimumWidth(440)
        self.names = {name.lower(): name for name in names}
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME)
        self.name.setPlaceholderText("e.g. Pending asylum briefs")
        self.name.setClearButtonEnabled(True)
        query_label = QLabel(query)
        query_label.setWordWrap(True)
        query_label.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Query", query_label)
        extra = filters_text(filters)
        if extra:
            form.addRow("Filters", QLabel(extra))
        self.message = QLabel()
        self.message.setStyleSheet("color: #8a5300;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self._check("")

    def _check(self, text: str) -> None:
        name = " ".join(text.split())
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(name))
        known = self.names.get(name.lower())
        self.message.setText(f"Replaces the saved search “{known}”." if known else "")

    def value(self) -> str:
        return " ".join(self.name.text().split())


class SavedSearchesPanel(QWidget):
    """The saved searches, Save… and (right-click) Delete."""

    searchRequested = Signal(str, dict)  # noqa: N815 - query, filters

    def __init__(self, read_lib: Library, runner: Runner | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.read_lib = read_lib
        self.runner = runner
        # set by whoever owns the search pane: () -> (query, filters) of the search on screen
        self.current_search: Callable[[], tuple[str, dict[str, Any]]] | None = None
        self.dialog: QDialog | None = None

        self.model = SavedSearchModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.setAccessibleName("Saved searches")
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setItemDelegate(TwoLineDelegate(self.list, secondary_first=False))
        self.empty = QLabel("No saved searches yet. Search, then Save… to keep the search here.")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #6b6b6b;")
        self.save_button = QPushButton("Save…")
        self.save_button.setToolTip("Save the search shown in the search pane under a name")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a0241b;")
        self.message.hide()

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.list.activated.connect(self._activate)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.save_button.clicked.connect(self._save_clicked)
        if runner is None:
            self.save_button.setEnabled(False)
            self.save_button.setToolTip("This window cannot write to the library")
        self.refresh()

    # -- public ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the saved searches (after a save or delete)."""
        try:
            searches = list_saved_searches(self.read_lib)
        except CaseorgError as exc:
            self._show_message(str(exc))
            return
        self.model.set_searches(searches)
        self.empty.setVisible(not searches)

    def names(self) -> list[str]:
        return [search.name for search in self.model.searches]

    def activate(self, name: str) -> bool:
        """Run the saved search ``name`` (emits searchRequested)."""
        row = self.model.row_of(name)
        if row is None:
            return False
        self._activate(self.model.index(row, 0))
        return True

    def save_current(
        self, query: str, filters: dict[str, Any] | None = None, name: str | None = None
    ) -> SaveSearchDialog | None:
        """Save ``query`` with ``filters``: under ``name``, or ask for a name (returns the
        dialog, opened non-modally)."""
        if self.runner is None:
            return None
        if not query.strip():
            self._show_message("Type a search first, then save it.")
            return None
        try:
            wanted = clean_filters(filters)
        except CaseorgError as exc:
            self._show_message(str(exc))
            return None
        if name is not None:
            self._submit_save(name, query, wanted)
            return None
        dialog = SaveSearchDialog(query, wanted, self.names(), self)
        dialog.accepted.connect(lambda: self._submit_save(dialog.value(), query, wanted))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def delete(self, name: str) -> None:
        """Forget the saved search ``name`` (the audit keeps its query)."""
        if self.runner is None:
            return

        def forget(lib: Library) -> None:
            delete_saved_search(lib, name)

        task = LibraryOp(self, forget, Change.SAVED_SEARCHES).success(lambda _r: self.refresh())
        task.with_progress("Save search").says("Save search: done").run_in_background(self.runner)

    # -- internals -----------------------------------------------------------------------
    def _submit_save(self, name: str, query: str, filters: dict[str, Any]) -> None:
        if self.runner is None or not name.strip():
            return
        self._show_message("")

        def save(lib: Library) -> SavedSearch:
            return save_search(lib, name, query, filters)

        def saved(_search: SavedSearch) -> None:
            self.refresh()
            row = self.model.row_of(name)
            if row is not None:
                self.list.setCurrentIndex(self.model.index(row, 0))

        task = LibraryOp(self, save, Change.SAVED_SEARCHES).success(saved)
        task.with_progress("Save search").says("Save search: done").run_in_background(self.runner)

    def _save_clicked(self) -> None:
        if self.current_search is None:
            self._show_message("Open the search pane and search first.")
            return
        query, filters = self.current_search()
        self.save_current(query, filters)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _activate(self, index: QModelIndex | QPersistentModelIndex) -> None:
        search = self.model.search_at(index.row()) if index.isValid() else None
        if search is not None:
            self.searchRequested.emit(search.query, dict(search.filters))

    def _context_menu(self, point: QPoint) -> None:
        index = self.list.indexAt(point)
        search = self.model.search_at(index.row()) if index.isValid() else None
        menu = QMenu(self)
        if search is not None:
            self.list.setCurrentIndex(index)
            menu.addAction("Search").triggered.connect(lambda: self._activate(index))
            delete = menu.addAction(f"Delete “{search.name}”")
            delete.setEnabled(self.runner is not None)
            delete.triggered.connect(lambda: self.delete(search.name))
            menu.addSeparator()
        save = menu.addAction("Save Current Search…")
        save.setEnabled(self.runner is not None)
        save.triggered.connect(self._save_clicked)
        menu.exec(self.list.viewport().mapToGlobal(point))
