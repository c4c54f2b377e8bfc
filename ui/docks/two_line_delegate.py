"""A list item drawn as two lines: its text and, in smaller grey above or below it, the
item's SecondaryRole, wrapped to the view's width (a note under its author and time, a
saved search's query under its name)."""

from __future__ import annotations

import html
from typing import Any

from caseorg_ui.qt import (
    QListView,
    QSize,
    QStyleOptionViewItem,
    Qt,
    QTextDocument,
)
from caseorg_ui.views import HtmlDelegate, secondary_color

SecondaryRole = Qt.ItemDataRole.UserRole + 40  # the grey line a TwoLineDelegate adds


class TwoLineDelegate(HtmlDelegate):
    """An item's text with its SecondaryRole in smaller grey above (or below) it,
    wrapped to the view's width: a note under its author and time, a saved search's
    query under its name."""

    def __init__(self, view: QListView, secondary_first: bool = True):
        super().__init__(view)
        self.secondary_first = secondary_first

    def _document(self, option: QStyleOptionViewItem, index: Any, width: float) -> QTextDocument:
        main = html.escape(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        extra = html.escape(str(index.data(SecondaryRole) or ""))
        grey = secondary_color(option.palette, 0.45).name()
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
