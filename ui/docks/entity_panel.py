"""The base of the panels about one case, document or hearing (its tags, its notes):
they read through the read-only library and run every write as an operation on ``runner``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from caseorg.library import Library
from caseorg_ui.operations import Change, LibraryOp, Runner
from caseorg_ui.qt import QWidget, Signal

SAVE_NOTES_AND_TAGS = "Save notes and tags"  # a write's progress label, and once written:
SAVED_NOTES_AND_TAGS = "Save notes and tags: done"


class EntityPanel(QWidget):
    """A panel showing what is on ``entity`` ``entity_id``; ``changed`` after a write."""

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
        return self.runner is not None and self.entity_id is not None

    def write(
        self, op: Callable[[Library], Any], changes: Change, on_success: Callable[[Any], None]
    ) -> None:
        """Run ``op`` on the worker as a notes-and-tags write, then ``on_success(result)``."""
        assert self.runner is not None
        task = LibraryOp(self, op, changes).success(on_success)
        task.with_progress(SAVE_NOTES_AND_TAGS).says(SAVED_NOTES_AND_TAGS)
        task.run_in_background(self.runner)
