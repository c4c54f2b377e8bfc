"""The notes of a case (with those on its documents and hearings), a document or a
hearing: oldest first, a box to add one, Edit/Delete on the selected note. Reads
through the read-only library and runs every write as an operation on ``runner`` (the
main window's worker), then re-reads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from caseorg.errors import CaseorgError, NotFound
from caseorg.library import Library
from caseorg.records import (
    MAX_NOTE,
    Note,
    add_note,
    delete_note,
    edit_note,
    get_document,
    get_hearing,
    list_notes,
)
from caseorg.words import us_date, us_datetime
from caseorg_ui.docks.entity_panel import EntityPanel
from caseorg_ui.docks.error_line import ErrorLine
from caseorg_ui.docks.two_line_delegate import SecondaryRole, TwoLineDelegate
from caseorg_ui.operations import Change
from caseorg_ui.qt import (
    QAbstractItemView,
    QAbstractListModel,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPlainTextEdit,
    QPoint,
    QPushButton,
    QSizePolicy,
    Qt,
    QVBoxLayout,
)

NoteIdRole = Qt.ItemDataRole.UserRole + 1

T = TypeVar("T")


def _found(read: Callable[[Library, int], T], lib: Library, record_id: int) -> T | None:
    """The record ``read`` finds, or None when it is no longer there."""
    try:
        return read(lib, record_id)
    except NotFound:
        return None


class NotesModel(QAbstractListModel):
    """Notes oldest first; each shows its author, time and (for a case's list) what it
    is on, then its text."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.notes: list[Note] = []
        self.where: dict[int, str] = {}  # note id -> 'document Brief' etc. (case lists)

    def set_notes(self, notes: list[Note], where: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self.notes = list(notes)
        self.where = dict(where or {})
        self.endResetModel()

    def note_at(self, row: int) -> Note | None:
        return self.notes[row] if 0 <= row < len(self.notes) else None

    def heading(self, note: Note) -> str:
        text = f"{note.author} \N{MIDDLE DOT} {us_datetime(note.created_at)}"
        if note.updated_at:  # set only by an edit
            text += " (edited)"
        where = self.where.get(note.id)
        return text + (f" \N{MIDDLE DOT} on {where}" if where else "")

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.notes)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        note = self.note_at(index.row()) if index.isValid() else None
        if note is None or index.column() != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return note.text
        if role == SecondaryRole:
            return self.heading(note)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self.heading(note)}\n{note.text}"
        if role == NoteIdRole:
            return note.id
        return None


class NotesPanel(EntityPanel):
    """The notes of a case, document or hearing; add one, edit or delete the selected."""

    def build(self) -> None:
        self.editing: int | None = None  # the note being edited, or None when adding

        self.model = NotesModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setAlternatingRowColors(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setItemDelegate(TwoLineDelegate(self.list, secondary_first=True))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.setAccessibleName("Notes")
        self.empty = QLabel("No notes yet.")
        self.empty.setStyleSheet("color: #6b6b6b;")
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("Write a note…")
        self.text.setTabChangesFocus(True)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 4 + 12)
        self.save_button = QPushButton("Add note")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.hide()
        self.edit_button = QPushButton("Edit")
        self.edit_button.setToolTip("Correct the selected note (the old text stays in the history)")
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip("Remove the selected note (the history keeps what it said)")
        self.message = ErrorLine()

        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.text)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.edit_button.clicked.connect(self.start_edit)
        self.delete_button.clicked.connect(self._delete_selected)
        self.list.doubleClicked.connect(lambda _i: self.start_edit())
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.text.textChanged.connect(self._update_buttons)

    # -- public ------------------------------------------------------------------------
    def set_entity(self, entity: str, entity_id: int | None) -> None:
        self.entity, self.entity_id = entity, entity_id
        self.cancel_edit()
        self.refresh()

    def refresh(self) -> None:
        """Re-read the notes (after a write)."""
        keep = self.selected_id()
        notes: list[Note] = []
        where: dict[int, str] = {}
        if self.entity_id is not None:
            try:
                if self.entity == "case":
                    notes = list_notes(self.read_lib, case_id=self.entity_id)
                    where = self._where(notes)
                else:
                    notes = list_notes(self.read_lib, entity=self.entity, entity_id=self.entity_id)
            except CaseorgError as exc:
                self.message.say(str(exc))
        self.model.set_notes(notes, where)
        self.empty.setVisible(not notes)
        if keep is not None:
            for row, note in enumerate(notes):
                if note.id == keep:
                    self.list.setCurrentIndex(self.model.index(row, 0))
        if notes and keep is None:
            self.list.scrollToBottom()
        self._update_buttons()

    def selected_id(self) -> int | None:
        index = self.list.currentIndex()
        note = self.model.note_at(index.row()) if index.isValid() else None
        return note.id if note else None

    def select_note(self, note_id: int) -> bool:
        for row, note in enumerate(self.model.notes):
            if note.id == note_id:
                self.list.setCurrentIndex(self.model.index(row, 0))
                return True
        return False

    def save(self) -> bool:
        """Add the typed note, or save the note being edited; False if nothing was sent."""
        if self.runner is None or self.entity_id is None:
            return False
        body = self.text.toPlainText().strip()
        if not body:
            self.message.say("Write the note first.")
            return False
        if len(body) > MAX_NOTE:
            self.message.say(f"A note can have at most {MAX_NOTE:,} characters.")
            return False
        entity, entity_id, editing = self.entity, self.entity_id, self.editing

        def write(lib: Library) -> Note:
            if editing is not None:
                return edit_note(lib, editing, body)
            return add_note(lib, entity, entity_id, body)

        def written(_note: Note) -> None:
            self.cancel_edit()
            self.refresh()
            self.changed.emit()

        self.message.say("")
        self.write(write, Change.NOTES, written)
        return True

    def start_edit(self, note_id: int | None = None) -> bool:
        """Load a note (default: the selected one) into the box for correcting."""
        if self.runner is None:
            return False
        wanted = note_id if note_id is not None else self.selected_id()
        note = next((n for n in self.model.notes if n.id == wanted), None)
        if note is None:
            return False
        self.editing = note.id
        self.text.setPlainText(note.text)
        self.save_button.setText("Save note")
        self.cancel_button.show()
        self.text.setFocus()
        self._update_buttons()
        return True

    def cancel_edit(self) -> None:
        self.editing = None
        self.text.clear()
        self.save_button.setText("Add note")
        self.cancel_button.hide()
        self.message.say("")
        self._update_buttons()

    def delete(self, note_id: int) -> None:
        if self.runner is None:
            return

        def forget(lib: Library) -> None:
            delete_note(lib, note_id)

        def done(_none: None) -> None:
            if self.editing == note_id:
                self.cancel_edit()
            self.refresh()
            self.changed.emit()

        self.write(forget, Change.NOTES, done)

    # -- internals -----------------------------------------------------------------------
    def _where(self, notes: list[Note]) -> dict[int, str]:
        """For a case's list: what each note not on the case itself is on."""
        out: dict[int, str] = {}
        for note in notes:
            if note.entity == "document":
                document = _found(get_document, self.read_lib, note.entity_id)
                out[note.id] = f"document “{document.title}”" if document else "a document"
            elif note.entity == "hearing":
                hearing = _found(get_hearing, self.read_lib, note.entity_id)
                day = us_date(hearing.starts_at) if hearing else ""
                out[note.id] = f"hearing of {day}" if hearing else "a hearing"
        return out

    def _update_buttons(self) -> None:
        writable = self.writable()
        selected = self.selected_id() is not None
        self.text.setEnabled(writable)
        self.save_button.setEnabled(writable and bool(self.text.toPlainText().strip()))
        self.edit_button.setEnabled(writable and selected and self.editing is None)
        self.delete_button.setEnabled(writable and selected)

    def _delete_selected(self) -> None:
        note_id = self.selected_id()
        if note_id is not None:
            self.delete(note_id)

    def _context_menu(self, point: QPoint) -> None:
        index = self.list.indexAt(point)
        note = self.model.note_at(index.row()) if index.isValid() else None
        if note is None:
            return
        self.list.setCurrentIndex(index)
        menu = QMenu(self)
        edit = menu.addAction("Edit…")
        edit.setEnabled(self.runner is not None)
        edit.triggered.connect(lambda: self.start_edit(note.id))
        delete = menu.addAction("Delete")
        delete.setEnabled(self.runner is not None)
        delete.triggered.connect(lambda: self.delete(note.id))
        menu.exec(self.list.viewport().mapToGlobal(point))
