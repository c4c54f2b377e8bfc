"""The case view's "Case life" tab: proceedings, addresses, counsel, NTA service,
relief, motions, appeals, custody and exhibits as small tables on one scrolling page,
and each in absentia order with its notice verdict and a link to the notice proof.

The rows are the core's display strings (:func:`caseorg.reports.case_life_sections`).
"""

from __future__ import annotations

import html

from caseorg.library import Library
from caseorg.reports import absentia_orders, case_life_sections, respondent_line
from caseorg.words import us_datetime
from caseorg_ui.qt import QTextBrowser, QUrl, QVBoxLayout, QWidget, Signal

PROOF_SCHEME = "proof"
ADD_SCHEME = "add"
ADDABLE = (
    ("address", "address (NTA, EOIR-33)"),
    ("counsel", "counsel (EOIR-28)"),
    ("nta", "NTA service"),
    ("proceeding", "proceeding"),
    ("relief", "relief"),
    ("motion", "motion"),
    ("appeal", "appeal"),
    ("custody", "custody"),
    ("exhibit", "exhibit"),
)


def life_html(lib: Library, case_id: int, writable: bool = False) -> str:
    parts: list[str] = []
    if writable:
        links = " · ".join(f"<a href='{ADD_SCHEME}:{key}'>{text}…</a>" for key, text in ADDABLE)
        parts.append(f"<p>Record: {links}</p>")
    orders = absentia_orders(lib, case_id)
    if orders:
        parts.append("<h3>In absentia orders</h3>")
        for order in orders:
            bad = "NOT" in order["verdict"] or "not shown" in order["verdict"]
            color = "#b00020" if bad else "#1b6e20"
            parts.append(
                f"<p>Hearing of {us_datetime(order['starts_at'])}: "
                f"<span style='color:{color}; font-weight:700'>"
                f"{html.escape(order['verdict'])}</span> — "
                f"<a href='{PROOF_SCHEME}:{order['hearing_id']}'>notice proof…</a></p>"
            )
    facts = respondent_line(lib, case_id)
    if facts:
        parts.append(f"<p>Respondent: {html.escape(facts)}</p>")
    for section in case_life_sections(lib, case_id):
        parts.append(f"<h3>{html.escape(section['title'])} ({len(section['rows'])})</h3>")
        if not section["rows"]:
            empty = html.escape(section["empty"] or "none recorded")
            parts.append(f"<p style='color:#6b6b6b'>{empty}</p>")
            continue
        head = "".join(f"<th align='left'>{html.escape(c)}</th>" for c in section["columns"])
        rows = "".join(
            "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
            for row in section["rows"]
        )
        parts.append(
            "<table border='1' cellspacing='0' cellpadding='3' style='border-collapse:collapse;"
            f" border-color:#bbbbbb'><tr style='background:#f2f2f2'>{head}</tr>{rows}</table>"
        )
    return "".join(parts)


class CaseLifeTab(QWidget):
    """The tab; ``proofRequested(hearing_id)`` when a notice-proof link is clicked,
    ``addRequested(kind)`` when a "Record: ..." link is (shown when ``can_add``: the
    window that can write sets it)."""

    proofRequested = Signal(int)  # noqa: N815 - Qt signal naming
    addRequested = Signal(str)  # noqa: N815

    def __init__(self, lib: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self.lib = lib
        self.can_add = False
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.browser)

    def show_case(self, case_id: int | None) -> None:
        """Read ``case_id``'s life and show it (the case view reads it with the rest of
        the case, on its reader, and calls :meth:`show_html`)."""
        self.show_html(life_html(self.lib, case_id, self.can_add) if case_id is not None else "")

    def show_html(self, shown: str) -> None:
        self.browser.setHtml(shown)

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() == PROOF_SCHEME and url.path().isdigit():
            self.proofRequested.emit(int(url.path()))
        elif url.scheme() == ADD_SCHEME:
            self.addRequested.emit(url.path())
