"""A list item drawn as two lines: its text and, in smaller grey above or below it, the
item's SecondaryRole, wrapped to the view's width (a note under its author and time, a
saved search's query under its name)."""

from __future__ import annotations

import html
from typing import Any

from caseorg_ui.qt import (
    QAbstractTextDocumentLayout,
    QApplication,
    QColor,
    QListView,
    QPainter,
    QPalette,
    QRect,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTextDocument,
)

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
