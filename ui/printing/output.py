"""Print report HTML (from caseorg.reports) to PDF or to a printer, through QTextDocument.

:func:`write_pdf` works without a display: when no Qt application exists it
makes a ``QGuiApplication`` on the offscreen platform (unless a display is
there), so the command line can write PDFs on a server or in CI.

Pages are laid out here rather than by ``QTextDocument.print_``. That method
also paginates a document that has no page size and stamps a bare page number
in the bottom-right corner, but it adds its own 2 cm margin inside the
printer's and cannot say "Page 2 of 5" or name the report. Here the document
is laid out on the printer's paint rectangle minus a footer band, and each
page gets a footer: the report's title on the left, "Page N of M" on the right.

Qt's rich text knows no ``page-break-inside: avoid``: a table row whose text
crosses the bottom of a page is cut in two, and a heading can end a page while
its table starts the next. :func:`paginate` mends both before printing. It lays
the document out, finds the first row or heading a page break would split, and
puts a ``page-break-before`` into the HTML there (a table is split in two at
that row, its ``<thead>`` repeated), then lays out again, until nothing is split.
A row that spans the whole table (a warning under a hearing) moves with the
row above it. Rows taller than most of a page are left for Qt to break.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caseorg.errors import CaseorgError
from caseorg.private_files import private_file
from caseorg_ui.qt import (
    QAbstractTextDocumentLayout,
    QCoreApplication,
    QFont,
    QGuiApplication,
    QMarginsF,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPalette,
    QPen,
    QPointF,
    QPrinter,
    QRectF,
    QSizeF,
    Qt,
    QTextBlock,
    QTextDocument,
    QTextTable,
)

# US Letter; with the footer band these margins give about an inch all round
MARGINS_INCH = QMarginsF(0.9, 0.75, 0.9, 0.55)
FOOTER_INCH = 0.4  # band at the bottom of the printable area: rule, title, page number
FOOTER_FONT_FAMILIES = ["Times New Roman", "Liberation Serif", "DejaVu Serif", "serif"]
FOOTER_POINT_SIZE = 8.5
TALL_ROW = 0.85  # a row taller than this share of a page is left for Qt to break
MAX_PASSES = 400  # runaway guard: each pass moves one row or heading to the next page

_app: QGuiApplication | None = None  # the application made here, kept alive


def ensure_gui_application() -> QCoreApplication:
    """The running Qt application, or a new QApplication (offscreen when headless)."""
    global _app
    existing = QCoreApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise CaseorgError("printing needs a Qt GUI application, not a QCoreApplication")
        return existing
    if (
        not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and not os.environ.get("QT_QPA_PLATFORM")
        and sys.platform.startswith("linux")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from caseorg_ui.qt_messages import install_message_handler

    install_message_handler()  # the offscreen platform's chatter stays off the terminal
    # a QApplication (not only a QGuiApplication): a process that prints first may still
    # show a window later (Qt allows one application object per process)
    from caseorg_ui.qt import QApplication

    _app = QApplication([sys.argv[0] if sys.argv and sys.argv[0] else "caseorg"])
    return _app


def make_printer(title: str = "caseorg") -> QPrinter:
    """A high-resolution printer set up for the reports: Letter, portrait, our margins."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.Letter),
            QPageLayout.Orientation.Portrait,
            MARGINS_INCH,
            QPageLayout.Unit.Inch,
        )
    )
    printer.setDocName(title)
    printer.setCreator("caseorg")
    return printer


# -- pagination ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Break:
    """Where to put a page break: before heading ``index``, before table ``index``, or
    (``row`` set) before that row of table ``index``, splitting the table there."""

    kind: str  # "heading" | "table"
    index: int
    row: int | None = None


def layout_document(html: str, device: QPaintDevice, width: float, height: float) -> QTextDocument:
    """``html`` laid out in pages of ``width`` x ``height`` at ``device``'s resolution."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDocumentMargin(0)  # the printer's margins are the page margins
    document.setHtml(html)
    document.setPageSize(QSizeF(width, height))
    return document


def _lines(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> list[tuple[float, float]]:
    """Top and bottom of each line of ``block``, in document coordinates."""
    top = layout.blockBoundingRect(block).top()
    text = block.layout()
    spans = []
    for index in range(text.lineCount()):
        line = text.lineAt(index)
        spans.append((top + line.y(), top + line.y() + line.height()))
    return spans


def _row_extent(
    layout: QAbstractTextDocumentLayout, table: QTextTable, row: int
) -> tuple[float, float] | None:
    """Top of the first and bottom of the last line of text in ``row``."""
    spans: list[tuple[float, float]] = []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.row() != row or cell.column() != column:
            continue  # covered by a spanning cell
        block = cell.firstCursorPosition().block()
        last = cell.lastCursorPosition().block().blockNumber()
        while block.isValid() and block.blockNumber() <= last:
            spans += _lines(layout, block)
            block = block.next()
    if not spans:
        return None
    return min(top for top, _ in spans), max(bottom for _, bottom in spans)


def _spans_table(table: QTextTable, row: int) -> bool:
    """A row that is one cell across the whole table: it belongs with the row above."""
    cell = table.cellAt(row, 0)
    return table.columns() > 1 and cell.row() == row and cell.columnSpan() == table.columns()


def _table_at(document: QTextDocument, block: QTextBlock) -> QTextTable | None:
    """The top-level table ``block`` is in, if any.

    Not ``QTextCursor.currentTable()``: PySide6 (6.12) drops a reference to None
    each time that returns None, and the interpreter aborts once None's count
    runs out (``QTextFrame.parentFrame()`` of the root frame does the same, so it
    is never asked).
    """
    root = document.rootFrame()
    frame = document.frameAt(block.position())
    outermost: QTextTable | None = None
    while frame is not None and frame != root:
        if isinstance(frame, QTextTable):
            outermost = frame
        frame = frame.parentFrame()
    return outermost


def _inside(document: QTextDocument, table: QTextTable) -> tuple[int, int]:
    """How many headings and nested tables ``table`` holds (for counting tags)."""
    headings = 0
    block = document.findBlock(table.firstPosition())
    while block.isValid() and block.position() <= table.lastPosition():
        headings += block.blockFormat().headingLevel() > 0
        block = block.next()
    nested, frames = 0, list(table.childFrames())
    while frames:
        frame = frames.pop()
        nested += isinstance(frame, QTextTable)
        frames += frame.childFrames()
    return headings, nested


def find_break(document: QTextDocument, page_height: float) -> _Break | None:
    """The first place where a page break splits a table row, or parts a heading from
    what follows it; None when the layout needs no mending."""
    layout = document.documentLayout()

    def page(y: float) -> int:
        return int(y // page_height)

    def at_page_top(y: float) -> bool:  # already as high as a break could move it
        return y % page_height < page_height * 0.05

    headings = -1  # index of the last heading block seen
    tables = -1
    pending: int | None = None  # a heading not yet followed by any text
    pending_top = 0.0

    def parted(next_top: float) -> bool:
        return (
            pending is not None
            and page(pending_top) != page(next_top)
            and not at_page_top(pending_top)
        )

    block = document.begin()
    while block.isValid():
        table = _table_at(document, block)
        if table is None:
            is_heading = block.blockFormat().headingLevel() > 0
            if is_heading:
                headings += 1
            spans = _lines(layout, block) if block.length() > 1 else []
            if spans:
                if pending is not None and parted(spans[0][0]):
                    return _Break("heading", pending)
                pending = headings if is_heading else None
                pending_top = spans[0][0]
            block = block.next()
            continue

        tables += 1
        header_rows = min(table.format().headerRowCount(), table.rows() - 1)
        first = _row_extent(layout, table, header_rows)
        if pending is not None and first is not None and parted(first[0]):
            return _Break("heading", pending)
        for row in range(header_rows, table.rows()):
            start = row - 1 if row > header_rows and _spans_table(table, row) else row
            extents = [_row_extent(layout, table, r) for r in range(start, row + 1)]
            known = [extent for extent in extents if extent is not None]
            if not known:
                continue
            top = min(extent[0] for extent in known)
            bottom = max(extent[1] for extent in known)
            if page(top) == page(bottom - 1) or bottom - top > page_height * TALL_ROW:
                continue
            if start > header_rows:
                return _Break("table", tables, start)
            # the first row: the table moves, with the heading above it if there is one
            if pending is not None and not at_page_top(pending_top):
                return _Break("heading", pending)
            if not at_page_top(top):
                return _Break("table", tables)
        pending = None
        held_headings, held_tables = _inside(document, table)
        headings += held_headings
        tables += held_tables
        after = document.findBlock(table.lastPosition() + 1)
        block = after if after.blockNumber() > block.blockNumber() else block.next()
    return None


_TABLE = re.compile(r"<table\b[^>]*>", re.IGNORECASE)
_TABLE_END = re.compile(r"</table\s*>", re.IGNORECASE)
_ROW = re.compile(r"<tr\b", re.IGNORECASE)
_THEAD = re.compile(r"<thead\b.*?</thead\s*>", re.IGNORECASE | re.DOTALL)
_HEADING = re.compile(r"<h[1-6]\b[^>]*>", re.IGNORECASE)
_STYLE = re.compile(r"""\bstyle\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)


def _with_page_break(tag: str) -> str:
    """An opening tag with ``page-break-before: always`` added to its style."""
    rule = "page-break-before: always;"
    match = _STYLE.search(tag)
    if match:
        style = match.group(2).strip()
        if style and not style.endswith(";"):
            style += ";"
        quote = match.group(1)
        return tag[: match.start()] + f"style={quote}{style} {rule}{quote}" + tag[match.end() :]
    return tag[:-1].rstrip("/ ") + f' style="{rule}">'


def apply_break(html: str, where: _Break) -> str:
    """``html`` with a page break put in at ``where`` (see :func:`find_break`).

    Tables and headings are counted in document order, as :func:`find_break`
    counts them (a nested table or a heading in a cell counts too, but only
    top-level tables are split).
    """
    if where.kind == "heading":
        matches = list(_HEADING.finditer(html))
        if where.index >= len(matches):
            return html
        tag = matches[where.index]
        return html[: tag.start()] + _with_page_break(tag.group(0)) + html[tag.end() :]

    matches = list(_TABLE.finditer(html))
    if where.index >= len(matches):
        return html
    tag = matches[where.index]
    if where.row is None:
        return html[: tag.start()] + _with_page_break(tag.group(0)) + html[tag.end() :]
    end = _TABLE_END.search(html, tag.end())
    stop = end.start() if end else len(html)
    rows = list(_ROW.finditer(html, tag.end(), stop))
    if where.row >= len(rows):
        return html
    split = rows[where.row].start()
    head = _THEAD.search(html, tag.end(), stop)
    repeated = head.group(0) if head and head.end() <= split else ""
    return (
        html[:split]
        + "</table>\n"
        + _with_page_break(tag.group(0))
        + repeated
        + "\n"
        + html[split:]
    )


def paginate(html: str, device: QPaintDevice, width: float, height: float) -> QTextDocument:
    """Lay ``html`` out in pages, moving split rows and stranded headings to the next page."""
    document = layout_document(html, device, width, height)
    for _ in range(MAX_PASSES):
        where = find_break(document, height)
        if where is None:
            break
        mended = apply_break(html, where)
        if mended == html:
            break
        html = mended
        document = layout_document(html, device, width, height)
    return document


# -- printing --------------------------------------------------------------------------


def render_to_printer(html: str, printer: QPrinter, title: str = "caseorg") -> int:
    """Print ``html`` on ``printer``'s pages, a footer on each; return the page count.

    :raises CaseorgError: the printer (or PDF file) could not be opened.
    """
    dpi = printer.resolution()
    paint_rect = printer.pageLayout().paintRectPixels(dpi)
    width = float(paint_rect.width())
    footer = FOOTER_INCH * dpi
    body_height = float(paint_rect.height()) - footer
    document = paginate(html, printer, width, body_height)
    layout = document.documentLayout()
    pages = max(1, document.pageCount())

    footer_font = QFont()
    footer_font.setFamilies(FOOTER_FONT_FAMILIES)
    footer_font.setPointSizeF(FOOTER_POINT_SIZE)

    context = QAbstractTextDocumentLayout.PaintContext()
    palette = context.palette
    palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
    context.palette = palette

    painter = QPainter()
    if not painter.begin(printer):
        raise CaseorgError(f"could not start printing {title!r} (the printer or file refused)")
    try:
        for index in range(pages):
            if index and not printer.newPage():
                raise CaseorgError(f"could not start page {index + 1} of {title!r}")
            top = index * body_height
            painter.save()
            painter.setClipRect(QRectF(0, 0, width, body_height))
            painter.translate(0, -top)
            context.clip = QRectF(0, top, width, body_height)
            layout.draw(painter, context)
            painter.restore()

            # footer: a hairline, the report's title, and "Page N of M"
            painter.save()
            rule_y = body_height + footer * 0.3
            painter.setPen(QPen(Qt.GlobalColor.darkGray, max(1.0, dpi / 150)))
            painter.drawLine(QPointF(0, rule_y), QPointF(width, rule_y))
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.black)
            band = QRectF(0, rule_y, width, footer - footer * 0.3)
            middle = Qt.AlignmentFlag.AlignVCenter
            painter.drawText(band, middle | Qt.AlignmentFlag.AlignLeft, title)
            painter.drawText(
                band, middle | Qt.AlignmentFlag.AlignRight, f"Page {index + 1} of {pages}"
            )
            painter.restore()
    finally:
        painter.end()
    return pages


def write_pdf(html: str, path: Path | str, title: str = "caseorg") -> None:
    """Write ``html`` (a report from caseorg.reports) to the PDF file ``path``.

    US Letter, portrait, high resolution; every page has a footer with ``title``
    and "Page N of M". The PDF is private (0600) and written to a temporary file beside
    ``path``, then renamed into place, so no reader ever sees half a file
    (:func:`caseorg.private_files.private_file`).

    :raises CaseorgError: the folder does not exist or is not writable, or the
        file could not be written.
    """
    target = Path(path).expanduser()
    with private_file(target) as temp:  # 0600 from the start: it holds court records
        ensure_gui_application()
        printer = make_printer(title)
        printer.setOutputFileName(str(temp))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        render_to_printer(html, printer, title)  # the file is complete when this returns
        with open(temp, "rb") as written:
            if written.read(5) != b"%PDF-":
                raise CaseorgError(f"cannot write {target}: Qt produced no PDF")


def print_document(html: str, parent: Any = None, title: str = "caseorg") -> bool:
    """Show Qt's print preview of ``html``; True when the user printed it.

    Needs a QApplication (widgets): this is the desktop app's Print command.
    """
    from caseorg_ui.qt import QDialog, QPrintPreviewDialog  # widgets: the desktop app only

    printer = make_printer(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Print preview \N{EM DASH} {title}")
    dialog.paintRequested.connect(lambda target: render_to_printer(html, target, title))
    return bool(dialog.exec() == QDialog.DialogCode.Accepted)
