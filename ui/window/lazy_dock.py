"""A dock whose content is built the first time it is shown or asked for.

The main window has half a dozen docks (search, docket, deadlines, saved
searches, notes and tags), most of them hidden on most days. Building them all
before the first window appeared cost more than the window itself (their
modules, QtCharts and the print machinery behind them). A :class:`LazyDock`
takes its place in the window's layout at once — so a saved layout restores
it, and its toggle action is in the menus — and builds its widget on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from caseorg_ui.qt import QDockWidget, QMainWindow, Qt, QWidget

W = TypeVar("W", bound=QWidget)


class LazyDock(QDockWidget, Generic[W]):
    """A dock whose widget comes from ``build`` when the dock is first shown or
    :meth:`content` is first called, whichever is first."""

    def __init__(self, title: str, name: str, build: Callable[[], W], parent: QWidget):
        super().__init__(title, parent)
        self.setObjectName(name)  # saveState/restoreState find the dock by this name
        self._build: Callable[[], W] | None = build
        self._content: W | None = None
        # connected before anyone else can connect, so the content is there when
        # other visibilityChanged handlers (sizing the dock, refreshing it) run
        self.visibilityChanged.connect(self._visible)

    def content(self) -> W:
        """The dock's widget, built now if it was not yet."""
        if self._content is None:
            assert self._build is not None
            build, self._build = self._build, None
            self._content = build()
            self.setWidget(self._content)
        return self._content

    def built(self) -> W | None:
        """The widget if it has been built (for refreshes that need not build it)."""
        return self._content

    def _visible(self, visible: bool) -> None:
        if visible:
            self.content()


def add_hidden_dock(
    window: QMainWindow,
    area: Qt.DockWidgetArea,
    title: str,
    name: str,
    build: Callable[[], W],
    tab_with: QDockWidget | None = None,
) -> LazyDock[W]:
    """A :class:`LazyDock` added to ``window`` at ``area`` (tabbed with ``tab_with``),
    hidden until its menu command or a saved layout shows it."""
    dock = LazyDock(title, name, build, window)
    window.addDockWidget(area, dock)
    if tab_with is not None:
        window.tabifyDockWidget(tab_with, dock)
    dock.hide()
    return dock
