"""A QPdfView that also marks matches on OCR pages, drawn over the page image.

QtPdf marks only what its search model finds in a text layer. A scanned page's
matches come from the stored OCR word boxes (points from the page's top-left), so
this view paints them itself, after QPdfView has painted the pages.

Where a page is on screen: QPdfView keeps its layout private, so
:func:`page_rects` works it out again the way ``QPdfViewPrivate::
calculateDocumentLayout`` (Qt 6.5–6.11) does: each page's size is its point size
× the screen's logical dpi / 72 × the zoom, rounded to whole pixels (in Fit width,
the unzoomed size scaled to the viewport's width less the document margins);
pages stack from the top margin with the page spacing between them, each centred
in the wider of the document and the viewport; the scroll bars' values move it
all. A point on a page is then page top-left + point × (page pixels / page points).
The viewer's tests check this against the rendered pages.
"""

from __future__ import annotations

from collections.abc import Sequence

from caseorg_ui.qt import (
    QBrush,
    QColor,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QPdfDocument,
    QPdfView,
    QPen,
    QRect,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QWidget,
)
from caseorg_ui.views.ocr_hits import Box

PAD = 1.0  # points around a word's box (Tesseract's boxes hug the ink)
OTHER_FILL = QColor(255, 200, 0, 70)  # the other matches: a pale yellow wash
CURRENT_FILL = QColor(255, 120, 0, 90)  # the current match: orange, outlined
CURRENT_EDGE = QColor(220, 60, 0, 230)


def page_rects(view: QPdfView) -> dict[int, QRect]:
    """{page (0-based): where it is in the viewport, in pixels} for a multi-page view."""
    document: QPdfDocument | None = view.document()
    if document is None or document.status() != QPdfDocument.Status.Ready:
        return {}
    screen = QGuiApplication.primaryScreen()
    resolution = (screen.logicalDotsPerInch() if screen else 96.0) / 72.0
    margins, spacing = view.documentMargins(), view.pageSpacing()
    viewport = view.viewport().size()
    if view.pageMode() == QPdfView.PageMode.SinglePage:
        pages = [int(view.pageNavigator().currentPage())]
    else:
        pages = list(range(document.pageCount()))
    sizes: dict[int, QSize] = {}
    for page in pages:
        points = document.pagePointSize(page)
        if view.zoomMode() == QPdfView.ZoomMode.Custom:
            sizes[page] = QSizeF(points * resolution * view.zoomFactor()).toSize()
            continue
        size = QSizeF(points * resolution).toSize()
        if view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            room = viewport.width() - margins.left() - margins.right()
            size = size * (room / max(1, size.width()))
        else:  # FitInView
            room_size = QSize(
                viewport.width() - margins.left() - margins.right(), viewport.height() - spacing
            )
            size = size.scaled(room_size, Qt.AspectRatioMode.KeepAspectRatio)
        sizes[page] = size
    total_width = max((s.width() for s in sizes.values()), default=0)
    total_width += margins.left() + margins.right()
    dx, dy = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    found: dict[int, QRect] = {}
    y = margins.top()
    for page in pages:
        size = sizes[page]
        x = (max(total_width, viewport.width()) - size.width()) // 2
        found[page] = QRect(x - dx, y - dy, size.width(), size.height())
        y += size.height() + spacing
    return found


def shown_page(view: QPdfView) -> int | None:
    """The page (0-based) that fills most of the viewport: what the page box says, so
    it follows scrolling and a jump to a match lower on a page. None before layout."""
    viewport = view.viewport().rect()
    if viewport.height() <= 0 or not view.isVisible():
        return None
    best, best_area = None, 0
    for page, rect in page_rects(view).items():
        seen = rect.intersected(viewport)
        area = seen.width() * seen.height() if not seen.isEmpty() else 0
        if area > best_area:
            best, best_area = page, area
    return best


def to_viewport(rect: QRect, points: QSizeF, box: Box, pad: float = PAD) -> QRectF:
    """A box in page points as a rectangle in the viewport (``rect``: the page there)."""
    sx = rect.width() / max(1.0, points.width())
    sy = rect.height() / max(1.0, points.height())
    x, y, w, h = box
    return QRectF(
        rect.x() + (x - pad) * sx, rect.y() + (y - pad) * sy, (w + 2 * pad) * sx, (h + 2 * pad) * sy
    )


class MarkedPdfView(QPdfView):
    """QPdfView plus the OCR pages' matches, the current one outlined."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._marks: dict[int, list[Box]] = {}  # page (0-based) → every match's boxes
        self._current: tuple[int, tuple[Box, ...]] | None = None
        self.painted: list[tuple[int, Box, bool]] = []  # the last paint: page, box, current

    def set_ocr_marks(self, marks: dict[int, list[Box]]) -> None:
        """The boxes of every OCR match, by page (0-based)."""
        self._marks = marks
        self.viewport().update()

    def set_current_ocr_hit(self, page: int, boxes: Sequence[Box] | None) -> None:
        """The current match when it is on an OCR page (None: it is not)."""
        self._current = (page, tuple(boxes)) if boxes else None
        self.viewport().update()

    def current_ocr_boxes(self) -> tuple[Box, ...]:
        return self._current[1] if self._current else ()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        super().paintEvent(event)
        self.painted = []
        if not self._marks and self._current is None:
            return
        document = self.document()
        shown = self.viewport().rect()
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        current_page, current_boxes = self._current or (-1, ())
        for page, rect in page_rects(self).items():
            if not rect.intersects(shown) or document is None:
                continue
            points = document.pagePointSize(page)
            painter.setPen(QPen(QColor(0, 0, 0, 0)))
            painter.setBrush(QBrush(OTHER_FILL))
            for box in self._marks.get(page, []):
                if page == current_page and box in current_boxes:
                    continue
                painter.drawRect(to_viewport(rect, points, box))
                self.painted.append((page, box, False))
            if page == current_page:
                painter.setPen(QPen(CURRENT_EDGE, 1.5))
                painter.setBrush(QBrush(CURRENT_FILL))
                for box in current_boxes:
                    painter.drawRect(to_viewport(rect, points, box))
                    self.painted.append((page, box, True))
        painter.end()
