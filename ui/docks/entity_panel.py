"""The base of the panels about one case, document or hearing (its tags, its notes):
they read through the read-only library and hand every write to ``submit``."""

from __future__ import annotations

from caseorg.library.folder import Library
from caseorg_ui.dialogs.judge_dialog import Submit
from caseorg_ui.qt import QWidget, Signal


class EntityPanel(QWidget):
    """A panel showing what is on ``entity`` ``entity_id``; ``changed`` after a write."""

    changed = Signal()

    def __init__(
        self,
        read_lib: Library,
        submit: Submit | None,
        entity: str = "case",
        entity_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.read_lib = read_lib
        self.submit = submit
        self.entity = entity
        self.entity_id = entity_id
        self.build()
        self.refresh()

    def build(self) -> None:
        """Make the panel's widgets (each panel its own)."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Re-read what is shown (after a write)."""
        raise NotImplementedError

    def writable(self) -> bool:
        """True when there is something shown and a way to write to it."""
        return self.submit is not None and self.entity_id is not None
