"""Rows drawn as rich text wrapped to the view's width: the search results and the
two-line lists (notes, saved searches) share how such a row is painted."""

from __future__ import annotations

from typing import Any

from caseorg_ui.qt import (
    QAbstractItemView,
    QAbstractTextDocumentLayout,
    QApplication,
    QColor,
    QPainter,
    QPalette,
    QRect,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextDocument,
)
from caseorg_ui.views.grouped_tree import blend


def secondary_color(palette: QPalette, share: float = 0.42) -> QColor:
    """Text colour for secondary facts: between text and background, readable in any theme."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    return blend(text, base, share)


class HtmlDelegate(QStyledItemDelegate):
    """Paints the :meth:`_document` a subclass lays out for a row, in the selection's
    colours, ``PADDING`` in from the row's edges and :meth:`_top` further down."""

    PADDING = 4

    def __init__(self, view: QAbstractItemView):
        super().__init__(view)
        self.view = view

    def _document(self, option: QStyleOptionViewItem, index: Any, width: float) -> QTextDocument:
        raise NotImplementedError

    def _top(self, index: Any) -> int:
        """Extra room above this row (none unless a subclass says so)."""
        return 0

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
        painter.translate(rect.left() + self.PADDING, rect.top() + self.PADDING + self._top(index))
        painter.setClipRect(0, 0, rect.width() - self.PADDING, rect.height() - self.PADDING)
        document.documentLayout().draw(painter, context)
        painter.restore()
