"""The search pane's results: documents, each with its matching pages, drawn as rich text.

:class:`SearchResultsModel` is a two-level :class:`GroupedTreeModel` (a document,
then its matching pages with highlighted snippets, then "also on pages …");
:class:`RichTextDelegate` draws each row's :data:`HtmlRole` wrapped to the view's
width, and :class:`ResultsView` re-wraps the rows when the width changes.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from caseorg.search import DocumentHit
from caseorg.words import choice_text, plural, us_date
from caseorg_ui.qt import (
    QAbstractItemView,
    QColor,
    QModelIndex,
    QObject,
    QResizeEvent,
    QSize,
    QStyleOptionViewItem,
    Qt,
    QTextDocument,
    QTreeView,
    QWidget,
)
from caseorg_ui.views import GroupedTreeModel, HtmlDelegate

MORE_PAGES_SHOWN = 30  # page numbers listed in the "also on pages" row
HIGHLIGHT_STYLE = "background-color:#ffe27a; color:#000000;"

# roles the delegate and the pane read from the model
HtmlRole = Qt.ItemDataRole.UserRole + 1
DocumentIdRole = Qt.ItemDataRole.UserRole + 2
PageRole = Qt.ItemDataRole.UserRole + 3
KindRole = Qt.ItemDataRole.UserRole + 4  # "document" | "page" | "more"


def page_list(pages: list[int], limit: int = MORE_PAGES_SHOWN) -> str:
    """'1, 3, 7' — cut short with '…' past ``limit`` numbers."""
    shown = ", ".join(str(p) for p in pages[:limit])
    return shown + (", …" if len(pages) > limit else "")


def matching_pages_text(pages: list[int], page_count: int) -> str:
    """'page 2 of 3', 'pages 1, 4, 7 of 12', or '14 of 40 pages' when many match."""
    of = f" of {page_count}" if page_count else ""
    if len(pages) == 1:
        return f"page {pages[0]}{of}"
    if len(pages) <= 6:
        return f"pages {', '.join(str(p) for p in pages)}{of}"
    return f"{len(pages)}{of} pages"


@dataclass
class _PageRow:
    kind: str  # "page" | "more"
    page_no: int
    html: str
    text: str


@dataclass
class _Document:
    hit: DocumentHit
    rows: list[_PageRow] = field(default_factory=list)


class SearchResultsModel(GroupedTreeModel):
    """Documents (top level), each with its matching pages (children), one column."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.groups: list[_Document] = []
        self.query = ""
        self.secondary = QColor("#666666")

    @property
    def hits(self) -> list[DocumentHit]:
        return [document.hit for document in self.groups]

    def children_of(self, group: _Document) -> list[_PageRow]:
        return group.rows

    # -- filling -----------------------------------------------------------------
    def set_hits(self, hits: list[DocumentHit], query: str) -> None:
        with self.resetting():
            self.groups = [_Document(hit, self._page_rows(hit)) for hit in hits]
            self.query = query

    def clear(self) -> None:
        self.set_hits([], "")

    def _page_rows(self, hit: DocumentHit) -> list[_PageRow]:
        rows = []
        shown = {page.page_no for page in hit.pages}
        for page in hit.pages:
            snippet = page.snippet_html.replace("<b>", f"<span style='{HIGHLIGHT_STYLE}'>")
            snippet = snippet.replace("</b>", "</span>")
            rows.append(
                _PageRow(
                    "page",
                    page.page_no,
                    f"<table cellspacing='0' cellpadding='0'><tr>"
                    f"<td width='56' style='color:{{secondary}}'>Page {page.page_no}</td>"
                    f"<td>{snippet or '&nbsp;'}</td></tr></table>",
                    f"Page {page.page_no}: {page.snippet.replace('**', '')}",
                )
            )
        more = [p for p in hit.matching_pages if p not in shown]
        if more:
            label = f"Also on {plural(len(more), 'page')} {page_list(more)}"
            rows.append(
                _PageRow(
                    "more",
                    more[0],
                    f"<i style='color:{{secondary}}'>{html.escape(label)}</i>",
                    label,
                )
            )
        return rows

    # -- data --------------------------------------------------------------------
    def _document_html(self, hit: DocumentHit) -> str:
        facts = [
            choice_text(hit.doc_type or "other"),
            f"{hit.case_label} {html.escape(hit.respondent)}",
        ]
        if hit.filed_on:
            facts.append(f"filed {us_date(hit.filed_on)}")
        facts.append(matching_pages_text(hit.matching_pages, hit.page_count))
        return (
            f"<b>{html.escape(hit.title or '(untitled)')}</b><br>"
            f"<span style='color:{self.secondary.name()}'>{' · '.join(facts)}</span>"
        )

    def group_data(self, group: _Document, column: int, role: int) -> Any:
        hit = group.hit
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == HtmlRole:
            return self._document_html(hit)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                f"{hit.title}\n{choice_text(hit.doc_type or 'other')} · "
                f"{hit.case_label} {hit.respondent}\n"
                f"Matching pages: {page_list(hit.matching_pages, 60)}"
            )
        if role == DocumentIdRole:
            return hit.document_id
        if role == PageRole:
            return hit.matching_pages[0] if hit.matching_pages else 1
        if role == KindRole:
            return "document"
        return None

    def child_data(self, group: _Document, page: _PageRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return page.text
        if role == HtmlRole:
            return page.html.replace("{secondary}", self.secondary.name())
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Open page {page.page_no} (Enter or double-click)"
        if role == DocumentIdRole:
            return group.hit.document_id
        if role == PageRole:
            return page.page_no
        if role == KindRole:
            return page.kind
        return None

    def page_count(self) -> int:
        return sum(len(hit.matching_pages) for hit in self.hits)

    def find_page(self, document_id: int, page_no: int) -> QModelIndex:
        """The row of page ``page_no`` under document ``document_id`` (the document's own
        row when that page is not listed; invalid when the document is not shown)."""
        for row, document in enumerate(self.groups):
            if document.hit.document_id == document_id:
                top = self.index(row, 0)
                for child, page in enumerate(document.rows):
                    if page.page_no == page_no:
                        return self.index(child, 0, top)
                return top
        return QModelIndex()


SIZE_CACHE = 4000  # rows' laid-out sizes kept (a result page has at most ~300 rows)


class RichTextDelegate(HtmlDelegate):
    """Draws a row's HtmlRole as rich text, wrapped to the width of the view.

    A row's size is laid out once per text and width (:meth:`sizeHint`): the view asks
    for every row's size at least twice when results arrive, and a rich-text layout
    costs ~0.5 ms, so 25 documents with their pages were a 300 ms stall (issue 15).
    """

    view: QTreeView

    def __init__(self, view: QTreeView):
        super().__init__(view)
        self._sizes: dict[tuple[str, int, str, int], QSize] = {}

    def _document(self, option: QStyleOptionViewItem, index: Any, width: float) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(option.font)
        document.setHtml(str(index.data(HtmlRole) or ""))
        document.setTextWidth(max(40.0, width))
        return document

    def _text_width(self, index: Any) -> float:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        indent = self.view.indentation() * (depth + (1 if self.view.rootIsDecorated() else 0))
        return float(self.view.viewport().width() - indent - 2 * self.PADDING)

    def _top(self, index: Any) -> int:
        """Extra room above a document that follows another: groups read apart."""
        return 6 if index.data(KindRole) == "document" and index.row() > 0 else 0

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        width, top = self._text_width(index), self._top(index)
        key = (str(index.data(HtmlRole) or ""), int(width), option.font.key(), top)
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) >= SIZE_CACHE:
                self._sizes.clear()
            document = self._document(option, index, width)
            height = int(document.size().height()) + 2 * self.PADDING + top
            size = self._sizes[key] = QSize(int(document.idealWidth()), height)
        return QSize(size)


class ResultsView(QTreeView):
    """The results tree: rows re-wrap when the width changes; Enter activates."""

    def __init__(self, model: SearchResultsModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(False)
        self.setExpandsOnDoubleClick(False)
        self.setAlternatingRowColors(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(RichTextDelegate(self))
        self.setAccessibleName("Search results")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()  # row heights depend on the width
