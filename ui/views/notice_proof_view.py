"""The notice proof: one panel a judge reads in ten seconds before an in absentia order —
the verdict in large type, then each finding (problems first) with its rule and dates.

The judgment is the core's (:func:`caseorg.records.notice_proof`, as the printouts word
it: :func:`caseorg.reports.notice_proof_rows`); this only lays it out.
"""

from __future__ import annotations

import html

from caseorg.library import Library
from caseorg.records import get_hearing
from caseorg.reports import notice_proof_rows
from caseorg.values import format_a_number
from caseorg.words import us_datetime
from caseorg_ui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    Qt,
    QVBoxLayout,
    QWidget,
)

VERDICT_COLORS = {"proven": "#1b6e20", "not shown": "#8a5a00", "NOT proven": "#b00020"}
MARK_COLORS = {"DEFECT": "#b00020", "NOT SHOWN": "#8a5a00", "SEE": "#8a5a00", "OK": "#1b6e20"}


def proof_html(lib: Library, hearing_id: int) -> str:
    """The panel's text: heading, verdict, findings."""
    hearing = get_hearing(lib, hearing_id)
    proof = notice_proof_rows(lib, hearing)
    head = (
        f"<p style='font-size:11pt'>{html.escape(format_a_number(hearing.a_number or ''))} "
        f"{html.escape(hearing.respondent or '')} · hearing of "
        f"{us_datetime(hearing.starts_at)}</p>"
    )
    if proof is None:
        return head + "<p>Not an in absentia order: no notice judgment.</p>"
    verdict = proof["verdict"]
    color = next((c for word, c in reversed(VERDICT_COLORS.items()) if word in verdict), "#000000")
    lines = [
        head,
        f"<p style='font-size:17pt; font-weight:700; color:{color}'>{html.escape(verdict)}</p>",
        "<table cellspacing='0' cellpadding='3' width='100%'>",
    ]
    for f in proof["findings"]:
        mark_color = MARK_COLORS.get(f["mark"], "#6b6b6b")
        weight = "700" if f["bad"] else "400"
        lines.append(
            f"<tr><td valign='top' width='90' style='color:{mark_color}; font-weight:700'>"
            f"{html.escape(f['mark'])}</td><td valign='top'>"
            f"<span style='font-weight:{weight}'>{html.escape(f['text'])}</span><br>"
            f"<span style='color:#6b6b6b; font-size:9pt'>{html.escape(f['rule'])}</span>"
            "</td></tr>"
        )
    lines.append("</table>")
    return "".join(lines)


class NoticeProofPanel(QWidget):
    """The judgment of one hearing's notice, on one panel."""

    def __init__(self, lib: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self.lib = lib
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)

    def show_hearing(self, hearing_id: int) -> None:
        self.text.setText(proof_html(self.lib, hearing_id))


class NoticeProofDialog(QDialog):
    """The panel in a window of its own (from the case view's notice warning)."""

    def __init__(self, lib: Library, hearing_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Notice proof")
        self.panel = NoticeProofPanel(lib, self)
        self.panel.show_hearing(hearing_id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.resize(760, 560)
