"""The desktop window: case list, search, and a first-run panel.

A deliberately small first version (the full app — tabs, viewer, dialogs,
background operations — is its own issue). Reads here are short SQLite
queries on the UI thread; nothing here writes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from caseorg.cases import list_cases
from caseorg.errors import CaseorgError, LibraryLocked
from caseorg.library import Library, open_library
from caseorg.values import format_a_number

WELCOME = """
<h2>Your case library is empty</h2>
<p>Import your first case file with the command line:</p>
<pre>caseorg case add --a-number A-123-456-789 --respondent "Name"
caseorg import A-123-456-789 path/to/folder</pre>
<p>or fill a sample library to look around:</p>
<pre>caseorg demo</pre>
<p>then open caseorg again.</p>
"""


class MainWindow(QMainWindow):
    """Case list on the left, search results on the right, library facts below."""

    def __init__(self, lib: Library):
        super().__init__()
        self.lib = lib
        self.setWindowTitle(f"caseorg — {lib.path}")
        self.resize(1100, 700)

        self.filter_box = QLineEdit(placeholderText="Filter cases by A-number, name or judge")
        self.filter_box.textChanged.connect(self.refresh_cases)
        self.cases = QTableWidget(0, 4)
        self.cases.setHorizontalHeaderLabels(["A-number", "Respondent", "Judge", "Status"])
        self.cases.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.cases.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.cases.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.cases.setSortingEnabled(True)
        self.cases.verticalHeader().hide()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.filter_box)
        left_layout.addWidget(self.cases)

        self.search_box = QLineEdit(
            placeholderText='Search all documents — e.g. "extreme hardship"'
        )
        self.search_box.returnPressed.connect(self.run_search)
        self.results = QTextBrowser()
        self.results.setOpenLinks(False)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.search_box)
        right_layout.addWidget(self.results)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([450, 650])

        self.welcome = QTextBrowser()
        self.welcome.setHtml(WELCOME)
        self.stack = QStackedWidget()
        self.stack.addWidget(splitter)
        self.stack.addWidget(self.welcome)
        self.setCentralWidget(self.stack)

        find = QAction("&Search", self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: self.search_box.setFocus())
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(find)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status)
        self.refresh_cases()

    def refresh_cases(self) -> None:
        cases = list_cases(self.lib, text=self.filter_box.text() or None)
        self.cases.setSortingEnabled(False)
        self.cases.setRowCount(len(cases))
        for row, case in enumerate(cases):
            values = [
                format_a_number(case.a_number),
                case.respondent,
                case.judge_name or "—",
                case.status,
            ]
            for col, value in enumerate(values):
                self.cases.setItem(row, col, QTableWidgetItem(value))
        self.cases.setSortingEnabled(True)
        total = self.lib.db.execute("SELECT count(*) FROM cases").fetchone()[0]
        docs = self.lib.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        self.stack.setCurrentIndex(1 if total == 0 else 0)
        self.status.setText(f"{self.lib.path}  ·  {total} cases  ·  {docs} documents")

    def run_search(self) -> None:
        import html

        try:
            hits = self.lib.index.search(self.search_box.text())
        except CaseorgError as exc:
            self.results.setHtml(f"<p style='color:#a00'>{html.escape(str(exc))}</p>")
            return
        if not hits:
            self.results.setHtml("<p>No matches.</p>")
            return
        parts = []
        for hit in hits:
            pages = ", ".join(str(p) for p in hit.matching_pages)
            parts.append(
                f"<p><b>{html.escape(hit.title)}</b> — {format_a_number(hit.a_number)} "
                f"{html.escape(hit.respondent)} · {hit.doc_type.replace('_', ' ')} · "
                f"page(s) {pages}</p>"
            )
            for page in hit.pages[:3]:
                parts.append(
                    f"<p style='margin-left:16px'>p.{page.page_no}: {page.snippet_html}</p>"
                )
        self.results.setHtml("".join(parts))


def run_app(library_path: Path) -> int:
    """Open the desktop window on ``library_path`` (created if new)."""
    if not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ) and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("caseorg")
    app.setOrganizationName("caseorg")
    try:
        lib = open_library(library_path)
    except LibraryLocked as exc:
        answer = QMessageBox.question(
            None,
            "caseorg",
            f"{exc}.\n\nOpen it read-only?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return 1
        lib = open_library(library_path, read_only=True)
    except CaseorgError as exc:
        QMessageBox.critical(None, "caseorg", str(exc))
        return 1
    try:
        if not lib.read_only:
            lib.reconcile_index()
        window = MainWindow(lib)
        window.show()
        if os.environ.get("CASEORG_QUIT_AFTER_MS"):  # smoke tests: open, render, close
            QTimer.singleShot(int(os.environ["CASEORG_QUIT_AFTER_MS"]), app.quit)
        return int(app.exec())
    finally:
        lib.close()
