"""The red line under an entry box that says why what was typed was refused."""

from __future__ import annotations

from caseorg_ui.qt import QLabel, QWidget

ERROR_COLOR = "#a0241b"


class ErrorLine(QLabel):
    """A wrapped red message, hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOR};")
        self.hide()

    def say(self, text: str) -> None:
        """Show ``text`` as a sentence (first letter up); '' hides the line."""
        self.setText(text[:1].upper() + text[1:] if text else "")
        self.setVisible(bool(text))
