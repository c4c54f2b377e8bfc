"""Dropping PDFs or folders on the main window imports them: into the case under the
pointer in the case list, else into the selected case.

Mixed into :class:`caseorg_ui.window.main_window.MainWindow` (it overrides Qt's drag
and drop events); the import flow loads with the first drop.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from caseorg_ui.operations import show_message

if TYPE_CHECKING:
    from caseorg_ui.qt import QDragEnterEvent, QDragMoveEvent, QDropEvent, QPoint, QUrl


class Drops:
    """Drag and drop onto the main window (a mixin: see the module docstring)."""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if not self.read_only and self._dropped_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if self._drop_case(event.position().toPoint()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = self._dropped_paths(event.mimeData().urls())
        case_id = self._drop_case(event.position().toPoint())
        if not paths or case_id is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_dropped(paths, case_id)

    def _dropped_paths(self, urls: list[QUrl]) -> list[Path]:
        paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
        from caseorg_ui.operations import is_importable

        return [p for p in paths if is_importable(p)]

    def _drop_case(self, pos: QPoint) -> int | None:
        """The case a drop at ``pos`` (window coordinates) goes to: the row under the
        pointer in the case list, else the selected case."""
        viewport = self.case_list.viewport()
        local = viewport.mapFrom(self, pos)
        if viewport.rect().contains(local):
            index = self.case_list.indexAt(local)
            if index.isValid():
                return self.case_model.case_id(index.row())
        return self.current_case_id()

    def import_dropped(self, paths: list[Path], case_id: int | None = None) -> bool:
        """Import dropped files and folders into ``case_id`` (default: the selected case)."""
        case_id = case_id if case_id is not None else self.current_case_id()
        if case_id is None:
            show_message(self, "Select the case to import into, then drop the files again.")
            return False
        if case_id != self.current_case_id():
            self.show_case(case_id)
        self.import_flow.start(case_id, paths)
        return True
