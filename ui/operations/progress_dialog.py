"""The progress dialog of a long operation: what it does, how far it is, and Cancel.

Shown by :class:`caseorg_ui.operations.runner.OperationRunner` when an operation outlasts
``SHOW_AFTER_MS``; its own module so the window's start-up need not build it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from caseorg.progress import Progress
from caseorg_ui.qt import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    Qt,
    QVBoxLayout,
    Signal,
)

if TYPE_CHECKING:
    from caseorg_ui.qt import QWidget


class ProgressDialog(QDialog):
    """Label, detail line, bar and Cancel. Closing it (Esc, window close) means Cancel."""

    cancel_requested = Signal()

    def __init__(self, label: str, cancellable: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"{label.rstrip('…. ')} — caseorg")  # says what in the task bar
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        self.cancellable = cancellable
        self.title = QLabel(label)
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # a file name is never markup
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.detail = QLabel(" ")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setMinimumWidth(380)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until a total is known
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop after the current step; what finished is kept")
        self.cancel_button.clicked.connect(self.request_cancel)
        self.cancel_button.setVisible(cancellable)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addWidget(self.bar)
        layout.addLayout(buttons)
        self._closing = False

    def update_progress(self, progress: Progress) -> None:
        """Show a core :class:`~caseorg.progress.Progress`: its text, and a bar once a
        total is known."""
        metrics = self.detail.fontMetrics()
        width = max(self.detail.width(), 380)
        self.detail.setText(
            metrics.elidedText(progress.text or " ", Qt.TextElideMode.ElideMiddle, width)
        )
        if progress.total:
            self.bar.setRange(0, progress.total)
            self.bar.setValue(min(progress.done or 0, progress.total))
            self.bar.setTextVisible(True)

    def request_cancel(self) -> None:
        if not self.cancellable or not self.cancel_button.isEnabled():
            return
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText("Cancelling…")
        self.cancel_requested.emit()

    def reject(self) -> None:  # Esc
        self.request_cancel()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if self._closing:
            event.accept()
        else:
            self.request_cancel()
            event.ignore()

    def finish(self) -> None:
        self._closing = True
        self.hide()
        self.deleteLater()
