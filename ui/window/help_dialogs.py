"""The Help menu: About (the version, and where the library lives) and the search
syntax, as non-blocking dialogs. Mixed into
:class:`caseorg_ui.window.main_window.MainWindow`.
"""

from __future__ import annotations

import html

from caseorg import __version__
from caseorg_ui.qt import QDialog, QMessageBox, QPushButton, Qt, QTextBrowser, QVBoxLayout

SEARCH_SYNTAX = """
<h3>Search syntax</h3>
<table cellpadding="4">
<tr><th align="left">you type</th><th align="left">finds</th></tr>
<tr><td><code>asylum persecution</code></td><td>pages with both words (stemmed: <i>persecuted</i>
 matches)</td></tr>
<tr><td><code>"extreme hardship"</code></td><td>the exact phrase: those words in that
 order, any case; no stemming and no word dropped inside quotes</td></tr>
<tr><td><code>hardship OR persecution</code>, <code>asylum NOT withholding</code></td>
 <td>boolean; NOT leaves out every document with the word anywhere</td></tr>
<tr><td><code>hardship -asylum</code>, <code>+hardship asylum</code></td>
 <td><code>-</code> excludes (like NOT), <code>+</code> requires a word</td></tr>
<tr><td><code>inadmiss*</code>, <code>hardshp~</code></td><td>prefix, fuzzy (one typo)</td></tr>
<tr><td><code>type:brief</code>, <code>type:"notice to appear"</code>,
 <code>title:motion</code></td><td>document type, title words</td></tr>
<tr><td><code>a:A-123-456-789</code></td><td>one case, any A-number spelling</td></tr>
<tr><td><code>filed:2024</code>, <code>filed:2024-05</code>, <code>filed:&gt;2026-11-01</code>,
 <code>filed:[2024-01-01 TO 2024-12-31]</code></td><td>filed in a year, a month, after a
 day, between two days (either end may be left open)</td></tr>
<tr><td><code>tag:urgent</code>, <code>note:interpreter</code></td>
 <td>tagged documents (or in a tagged case), words in notes</td></tr>
</table>
<p>Results are grouped by document, best first, each with its matching pages and a
snippet per page: a quoted phrase is marked where it occurs, other words one by one.
Double-click a page to open the document there.</p>
"""


class HelpDialogs:
    """The Help menu of the main window (a mixin)."""

    def about(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setWindowTitle("About caseorg")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            f"<h3>caseorg {__version__}</h3>"
            "<p>Offline case files, hearings and reassignments for immigration courts.</p>"
            f"<p>Library: <code>{html.escape(self.session.where)}</code><br>"
            + (
                "The library lives on the court's server: caseorg talks to it and to "
                "nothing else.</p>"
                if self.session.court
                else "Nothing leaves this computer: caseorg never uses the network.</p>"
            )
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def search_syntax(self) -> QDialog:
        dialog = QDialog(self)
        dialog.setWindowTitle("Search syntax")
        dialog.resize(620, 420)
        text = QTextBrowser()
        text.setHtml(SEARCH_SYNTAX)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        close = QPushButton("Close")
        close.clicked.connect(dialog.accept)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
