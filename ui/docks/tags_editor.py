"""The tags of one case or document, edited in place: chips with a × to take one off,
and a box to add more. Reads through the read-only library and runs every write as an
operation on ``runner`` (the main window's worker), then re-reads. A tag the core would
refuse is said under the box before anything is sent.
"""

from __future__ import annotations

from caseorg.errors import CaseorgError
from caseorg.library import Library
from caseorg.records import add_tag, all_tags, normalise_tag, remove_tag, tags_of
from caseorg_ui.docks.entity_panel import EntityPanel
from caseorg_ui.docks.error_line import ErrorLine
from caseorg_ui.docks.flow_layout import FlowLayout
from caseorg_ui.operations import Change
from caseorg_ui.qt import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
    Signal,
)


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


class TagsEditor(EntityPanel):
    """The tags of one case or document: chips with ×, and a box to add one."""

    def build(self) -> None:
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
        self.message = ErrorLine()
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
        self.edit.textEdited.connect(lambda _t: self.message.say(""))

    # -- public ------------------------------------------------------------------------
    def set_entity(self, entity: str, entity_id: int | None) -> None:
        self.entity, self.entity_id = entity, entity_id
        self.edit.clear()
        self.message.say("")
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
                self.message.say(str(exc))
        while self.flow.count():
            item = self.flow.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        writable = self.writable()
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
            self.message.say(str(exc))
            return False
        entity, entity_id = self.entity, self.entity_id

        def put(lib: Library) -> list[str]:
            return add_tag(lib, entity, entity_id, tag)

        self.message.say("")
        self.write(put, Change.TAGS, self._written)
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

        self.write(take, Change.TAGS, self._written)

    # -- internals -----------------------------------------------------------------------
    def _written(self, _tags: list[str]) -> None:
        self.refresh()
        self.changed.emit()
