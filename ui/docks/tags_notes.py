"""Tags and notes on a case, document or hearing, edited in place.

:class:`TagsEditor` shows the tags of one case or document as chips (click the
× to take one off) with a box to add more; :class:`NotesPanel` lists the notes
of a case (with those on its documents and hearings), a document or a hearing,
oldest first, with a box to add one and Edit/Delete on the selected note. Both
read through the read-only library and hand every write to
an operation on ``runner`` — the main window's worker — then
re-read. A tag the core would refuse is said under the box before anything is
sent.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from caseorg.errors import CaseorgError
from caseorg.library.folder import Library
from caseorg.records.notes import MAX_NOTE, Note, add_note, delete_note, edit_note, list_notes
from caseorg.records.tags import add_tag, all_tags, normalise_tag, remove_tag, tags_of
from caseorg_ui.dialogs.common import us_date
from caseorg_ui.operations.changes import Change
from caseorg_ui.operations.library_op import LibraryOp, Runner

ERROR_COLOR = "#a0241b"
SAVE_NOTES_AND_TAGS = "Save notes and tags"  # a write's progress label, and once written:
SAVED_NOTES_AND_TAGS = "Save notes and tags: done"
NoteIdRole = Qt.ItemDataRole.UserRole + 1
SecondaryRole = Qt.ItemDataRole.UserRole + 40  # the grey line a TwoLineDelegate adds


def _secondary_color(palette: QPalette) -> str:
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    mix = 0.45
    return QColor(
        round(text.red() * (1 - mix) + base.red() * mix),
        round(text.green() * (1 - mix) + base.green() * mix),
        round(text.blue() * (1 - mix) + base.blue() * mix),
    ).name()


class TwoLineDelegate(QStyledItemDelegate):
    """An item's text with its SecondaryRole in smaller grey above (or below) it,
    wrapped to the view's width: a note under its author and time, a saved search's
    query under its name."""

    PADDING = 4

    def __init__(self, view: QListView, secondary_first: bool = True):
        super().__init__(view)
        self.view = view
        self.secondary_first = secondary_first

    def _document(self, option: QStyleOptionViewItem, index: Any, width: float) -> QTextDocument:
        main = html.escape(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        extra = html.escape(str(index.data(SecondaryRole) or ""))
        grey = _secondary_color(option.palette)
        lines = [f"<div>{main.replace(chr(10), '<br>')}</div>"]
        if extra:
            small = f"<div style='color:{grey}; font-size:small;'>{extra}</div>"
            lines.insert(0 if self.secondary_first else 1, small)
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(option.font)
        document.setHtml("".join(lines))
        document.setTextWidth(max(40.0, width))
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        width = self.view.viewport().width() - 2 * self.PADDING - 2
        document = self._document(option, index, width)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 2 * self.PADDING)

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
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, item.palette.color(role))
        painter.save()
        painter.translate(rect.left() + self.PADDING, rect.top() + self.PADDING)
        painter.setClipRect(0, 0, rect.width() - self.PADDING, rect.height() - self.PADDING)
        document.documentLayout().draw(painter, context)
        painter.restore()


class FlowLayout(QLayout):
    """Lays its widgets out left to right, wrapping to a new line (Qt's flow layout
    example), so any number of tag chips fits a narrow dock."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + self._spacing, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


class TagChip(QToolButton):
    """One tag: its name and a ×; clicking asks to take the tag off."""

    removeRequested = Signal(str)  # noqa: N815

    def __init__(self, tag: str, removable: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.tag = tag
        self.setText(f"{tag}  \N{MULTIPLICATION SIGN}" if removable else tag)
        self.setToolTip(f"Remove the tag “{tag}”" if removable else tag)
        self.setEnabled(True)
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if removable else Qt.CursorShape.ArrowCursor
        )
        self.setStyleSheet(
            "QToolButton { background: #e7eef8; color: #1f3b63; border: 1px solid #b7c8e2;"
            " border-radius: 9px; padding: 1px 8px; }"
            "QToolButton:hover { background: #d5e2f4; }"
        )
        if removable:
            self.clicked.connect(lambda: self.removeRequested.emit(self.tag))


class TagsEditor(QWidget):
    """The tags of one case or document: chips with ×, and a box to add one."""

    changed = Signal()

    def __init__(
        self,
        read_lib: Library,
        runner: Runner | None,
        entity: str = "case",
        entity_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.read_lib = read_lib
        self.runner = runner
        self.entity = entity
        self.entity_id = entity_id
        self.tags: list[str] = []

        self.chips = QWidget()
        self.flow = FlowLayout(self.chips)
        self.none_label = QLabel("No tags")
        self.none_label.setStyleSheet("color: #6b6b6b;")
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Add a tag, e.g. pro-se")
        self.edit.setClearButtonEnabled(True)
        self.edit.setToolTip(
            "One word per tag (spaces become hyphens); find tagged cases with tag:NAME"
        )
        self.add_button = QPushButton("Add")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOR};")
        self.message.hide()
        self.completer = QCompleter([], self.edit)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.edit.setCompleter(self.completer)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.chips)
        layout.addWidget(self.none_label)
        layout.addLayout(row)
        layout.addWidget(self.message)

        self.edit.returnPressed.connect(self.add_typed)
        self.add_button.clicked.connect(self.add_typed)
        self.edit.textEdited.connect(lambda _t: self._show_message(""))
        self.refresh()

    # -- public ------------------------------------------------------------------------
    def set_entity(self, entity: str, entity_id: int | None) -> None:
        self.entity, self.entity_id = entity, entity_id
        self.edit.clear()
        self._show_message("")
        self.refresh()

    def refresh(self) -> None:
        """Re-read the tags (after a write)."""
        if self.entity_id is None:
            self.tags = []
        else:
            try:
                self.tags = tags_of(self.read_lib, self.entity, self.entity_id)
            except CaseorgError as exc:
                self.tags = []
                self._show_message(str(exc))
        while self.flow.count():
            item = self.flow.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        writable = self.runner is not None and self.entity_id is not None
        for tag in self.tags:
            chip = TagChip(tag, writable, self.chips)
            chip.removeRequested.connect(self.remove)
            self.flow.addItem(QWidgetItem(chip))
            chip.show()
        self.flow.invalidate()
        self.chips.setVisible(bool(self.tags))
        self.none_label.setVisible(not self.tags)
        self.edit.setEnabled(writable)
        self.add_button.setEnabled(writable)
        try:
            known = [row["tag"] for row in all_tags(self.read_lib)]
        except CaseorgError:
            known = []
        model = self.completer.model()
        if hasattr(model, "setStringList"):
            model.setStringList([t for t in known if t not in self.tags])

    def add(self, text: str) -> bool:
        """Put the tag ``text`` on the entity (False, with a message, if it is not a
        valid tag)."""
        if self.runner is None or self.entity_id is None:
            return False
        try:
            tag = normalise_tag(text)
        except CaseorgError as exc:
            self._show_message(str(exc))
            return False
        entity, entity_id = self.entity, self.entity_id

        def put(lib: Library) -> list[str]:
            return add_tag(lib, entity, entity_id, tag)

        self._show_message("")
        task = LibraryOp(self, put, Change.TAGS).success(lambda _tags: self._written())
        task.with_progress(SAVE_NOTES_AND_TAGS).says(SAVED_NOTES_AND_TAGS)
        task.run_in_background(self.runner)
        return True

    def add_typed(self) -> None:
        text = self.edit.text()
        if not text.strip():
            return
        if self.add(text):
            self.edit.clear()

    def remove(self, tag: str) -> None:
        if self.runner is None or self.entity_id is None:
            return
        entity, entity_id = self.entity, self.entity_id

        def take(lib: Library) -> list[str]:
            return remove_tag(lib, entity, entity_id, tag)

        task = LibraryOp(self, take, Change.TAGS).success(lambda _tags: self._written())
        task.with_progress(SAVE_NOTES_AND_TAGS).says(SAVED_NOTES_AND_TAGS)
        task.run_in_background(self.runner)

    # -- internals -----------------------------------------------------------------------
    def _written(self) -> None:
        self.refresh()
        self.changed.emit()

    def _show_message(self, text: str) -> None:
        self.message.setText(text[:1].upper() + text[1:] if text else "")
        self.message.setVisible(bool(text))


# -- notes -----------------------------------------------------------------------------


def _stamp(value: str | None) -> str:
    if not value:
        return ""
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    hour = moment.hour % 12 or 12
    return (
        f"{us_date(moment.date())} {hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"
    )


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
        text = f"{note.author} \N{MIDDLE DOT} {_stamp(note.created_at)}"
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


class NotesPanel(QWidget):
    """The notes of a case, document or hearing; add one, edit or delete the selected."""

    changed = Signal()

    def __init__(
        self,
        read_lib: Library,
        runner: Runner | None,
        entity: str = "case",
        entity_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.read_lib = read_lib
        self.runner = runner
        self.entity = entity
        self.entity_id = entity_id
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
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOR};")
        self.message.hide()

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
        self.refresh()

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
                self._show_message(str(exc))
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
            self._show_message("Write the note first.")
            return False
        if len(body) > MAX_NOTE:
            self._show_message(f"A note can have at most {MAX_NOTE:,} characters.")
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

        self._show_message("")
        task = LibraryOp(self, write, Change.NOTES).success(written)
        task.with_progress(SAVE_NOTES_AND_TAGS).says(SAVED_NOTES_AND_TAGS)
        task.run_in_background(self.runner)
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
        self._show_message("")
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

        task = LibraryOp(self, forget, Change.NOTES).success(done)
        task.with_progress(SAVE_NOTES_AND_TAGS).says(SAVED_NOTES_AND_TAGS)
        task.run_in_background(self.runner)

    # -- internals -----------------------------------------------------------------------
    def _where(self, notes: list[Note]) -> dict[int, str]:
        """For a case's list: what each note not on the case itself is on."""
        out: dict[int, str] = {}
        for note in notes:
            if note.entity == "document":
                row = self.read_lib.db.execute(
                    "SELECT title FROM documents WHERE id = ?", [note.entity_id]
                ).fetchone()
                out[note.id] = f"document “{row[0]}”" if row else "a document"
            elif note.entity == "hearing":
                row = self.read_lib.db.execute(
                    "SELECT starts_at FROM hearings WHERE id = ?", [note.entity_id]
                ).fetchone()
                out[note.id] = f"hearing of {us_date(row[0])}" if row else "a hearing"
        return out

    def _update_buttons(self) -> None:
        writable = self.runner is not None and self.entity_id is not None
        selected = self.selected_id() is not None
        self.text.setEnabled(writable)
        self.save_button.setEnabled(writable and bool(self.text.toPlainText().strip()))
        self.edit_button.setEnabled(writable and selected and self.editing is None)
        self.delete_button.setEnabled(writable and selected)

    def _show_message(self, text: str) -> None:
        self.message.setText(text[:1].upper() + text[1:] if text else "")
        self.message.setVisible(bool(text))

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
