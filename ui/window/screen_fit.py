"""Keeping windows on the screen they are shown on.

Court laptops have small screens (1366x768 is common) and are docked to larger
monitors and undocked again, so a saved geometry may not fit the screen of today,
and a window whose docks open can be pushed past the screen's edge. These helpers
size and move a top-level window so its frame (title bar included) stays inside the
available area of its screen (the screen minus task bars and docks).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from caseorg_ui.qt import (
    QGuiApplication,
    QSize,
    QWidget,
)

if TYPE_CHECKING:
    from caseorg_ui.qt import QRect, QScreen  # annotations only: no Qt type built


def screen_of(widget: QWidget) -> QScreen | None:
    """The screen ``widget`` is on (the primary screen before it is shown)."""
    screen = widget.screen() if widget.isVisible() else None
    if screen is None:
        center = widget.frameGeometry().center()
        screen = QGuiApplication.screenAt(center) or QGuiApplication.primaryScreen()
    return screen


def available_area(widget: QWidget) -> QRect | None:
    """The part of ``widget``'s screen a window may use; None when there is no screen."""
    screen = screen_of(widget)
    return screen.availableGeometry() if screen is not None else None


def _frame_extra(window: QWidget) -> QSize:
    """How much the window manager's frame adds to the window's own size."""
    frame, inner = window.frameGeometry(), window.geometry()
    return QSize(max(0, frame.width() - inner.width()), max(0, frame.height() - inner.height()))


def default_size(window: QWidget, wanted: QSize, share: float = 0.92) -> QSize:
    """``wanted``, made smaller when it is more than ``share`` of the available area."""
    area = available_area(window)
    if area is None:
        return wanted
    return QSize(
        min(wanted.width(), int(area.width() * share)),
        min(wanted.height(), int(area.height() * share)),
    )


def center_on_screen(window: QWidget) -> None:
    """Put ``window`` in the middle of its screen's available area."""
    area = available_area(window)
    if area is None:
        return
    extra = _frame_extra(window)
    width, height = window.width() + extra.width(), window.height() + extra.height()
    window.move(
        area.x() + max(0, (area.width() - width) // 2),
        area.y() + max(0, (area.height() - height) // 2),
    )


def fit_to_screen(window: QWidget) -> bool:
    """Shrink and move ``window`` so its frame lies inside its screen's available area
    (a maximized or full-screen window is the window manager's business). True when
    the window was changed."""
    if window.isMaximized() or window.isFullScreen():
        return False
    area = available_area(window)
    if area is None:
        return False
    extra = _frame_extra(window)
    size = window.size()
    width = min(size.width(), area.width() - extra.width())
    height = min(size.height(), area.height() - extra.height())
    width, height = max(width, window.minimumWidth()), max(height, window.minimumHeight())
    changed = False
    if (width, height) != (size.width(), size.height()):
        window.resize(width, height)
        changed = True
    frame = window.frameGeometry()
    outer_w, outer_h = width + extra.width(), height + extra.height()
    x = min(max(frame.x(), area.left()), area.left() + max(0, area.width() - outer_w))
    y = min(max(frame.y(), area.top()), area.top() + max(0, area.height() - outer_h))
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)
        changed = True
    return changed


def place_beside(window: QWidget, anchor: QWidget) -> None:
    """Open ``window`` over the left-hand part of ``anchor``, inside the screen: a
    document opened from a search hit covers the case list, and the results (docked
    on the right) stay in view for the next hit."""
    area = available_area(anchor)
    if area is None:
        return
    frame = anchor.frameGeometry()
    window.move(max(area.left(), frame.left()), max(area.top(), frame.top()))
    fit_to_screen(window)
