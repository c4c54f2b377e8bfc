"""What an empty library shows instead of the case list: add a first case, or look
around the demo court (built when first needed, so a full library never pays for it)."""

from __future__ import annotations

from caseorg_ui.qt import QHBoxLayout, QLabel, QPushButton, Qt, QVBoxLayout, QWidget

WELCOME_TEXT = """
<h2>Welcome to caseorg</h2>
<p>This library has no cases yet. Start with one of these:</p>
"""


class WelcomePanel(QWidget):
    """First run on an empty library: add a first case, or look around the demo."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        text = QLabel(WELCOME_TEXT)
        text.setTextFormat(Qt.TextFormat.RichText)
        self.new_case = QPushButton("New Case…")
        self.new_case.setToolTip("Open a case for a respondent, then import its PDFs into it")
        self.demo = QPushButton("Open the Demo Library")
        self.demo.setToolTip(
            "Build a sample court (invented cases, hearings and documents) in a separate "
            "library folder and open it — your library is not touched"
        )
        self.open = QPushButton("Open Another Library…")
        self.open.setFlat(True)
        self.open.setCursor(Qt.CursorShape.PointingHandCursor)
        self.open.setToolTip("Open a caseorg library folder on this computer or a share")
        # a link, not stray text: link-coloured, underlined when pointed at
        self.open.setStyleSheet(
            "QPushButton { color: palette(link); border: none; padding: 2px 0; }"
            "QPushButton:hover { text-decoration: underline; }"
        )
        grid = QVBoxLayout()
        grid.setSpacing(14)
        for button, caption in (
            (
                self.new_case,
                "<b>Import your first case file</b><br>Add a case, then drop its "
                "PDFs or folders onto the window (or use File&nbsp;▸&nbsp;Import&nbsp;Files…).",
            ),
            (
                self.demo,
                "<b>Open the demo library</b><br>A sample immigration court to try "
                "search, hearings, notices and reassignments.",
            ),
        ):
            row = QHBoxLayout()
            label = QLabel(caption)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            button.setMinimumWidth(200)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            row.addSpacing(12)
            row.addWidget(label, 1)
            grid.addLayout(row)
        box = QWidget()
        box.setMaximumWidth(640)
        inner = QVBoxLayout(box)
        inner.addWidget(text)
        inner.addLayout(grid)
        inner.addSpacing(8)
        inner.addWidget(self.open, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        center = QHBoxLayout()
        center.addStretch(1)
        center.addWidget(box, 3)
        center.addStretch(1)
        layout.addLayout(center)
        layout.addStretch(2)
