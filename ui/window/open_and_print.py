"""Reading and printing from the main window: open a document in the viewer, search
(all documents or this case's), the docket, and print or export what is selected —
the selected hearing's summary, else the docket on screen, else today's docket.

Mixed into :class:`caseorg_ui.window.main_window.MainWindow`; the viewer and the
printing modules load with their first use.
"""

from __future__ import annotations

import datetime as dt

from caseorg.errors import CaseorgError
from caseorg_ui.operations import show_error, show_message
from caseorg_ui.window import screen_fit


class OpenAndPrint:
    """Documents, search, docket and printing commands (a mixin: see the module docstring)."""

    def open_selected_document(self) -> None:
        document_id = self.case_view.selected_id("documents")
        if document_id is not None:
            self.open_document(document_id)

    def open_document(self, document_id: int, page_no: int = 1, highlight: str = "") -> None:
        """Show a document's pages in the viewer window (at ``page_no``, marking ``highlight``)."""
        from caseorg.importing import document_ocr_words
        from caseorg.records import document_path, get_document

        try:
            path = document_path(self.read_lib, document_id)
            document = get_document(self.read_lib, document_id)
            ocr_words = document_ocr_words(self.read_lib, document_id)  # scans' hits
        except CaseorgError as exc:
            show_error(self, exc)
            return
        if not path.exists():
            show_message(
                self, f"The stored copy of '{document.title}' is missing; run File ▸ Check Library…"
            )
            return
        if self.pdf_window is None:
            from caseorg_ui.views import PdfViewerWindow

            self.pdf_window = PdfViewerWindow()
            if not getattr(self.pdf_window, "restored", True):
                screen_fit.place_beside(self.pdf_window, self)  # the results stay in view
        self.pdf_window.open_document(
            path, page_no, highlight, title=document.title, ocr_words=ocr_words
        )
        self.pdf_window.show()
        self.pdf_window.raise_()
        self.pdf_window.activateWindow()

    def open_hit(self, document_id: int, page_no: int, query: str) -> None:
        self.open_document(document_id, page_no, query)

    def show_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_pane.focus_search()

    def search_this_case(self) -> None:
        case = self.case_view.case
        if case is None:
            return
        self.search_pane.set_case_filter(case.id)
        self.show_search()

    def show_docket(self) -> None:
        self.docket_dock.show()
        self.docket_dock.raise_()

    # -- printing --------------------------------------------------------------------------
    def _selected_hearing(self) -> int | None:
        if self.current_case_id() is None or self.case_view.current_tab() != "hearings":
            return None
        return self.case_view.selected_id("hearings")

    def _docket_shown(self) -> bool:
        """The docket is on screen (not just open in a tab behind another dock)."""
        return self._docket_in_view

    def _docket_visibility_changed(self, visible: bool) -> None:
        self._docket_in_view = visible  # True only while its tab is the one shown
        self._name_print_actions()

    def print_current(self) -> None:
        """Print the selected hearing's summary, else the docket shown (else today's)."""
        if (hearing_id := self._selected_hearing()) is not None:
            self._print_hearing(hearing_id, export=False)
        elif self._docket_shown():
            self.docket_view.print_docket()
        else:
            self.print_docket(export=False)

    def export_current(self) -> None:
        if (hearing_id := self._selected_hearing()) is not None:
            self._print_hearing(hearing_id, export=True)
        elif self._docket_shown():
            self.docket_view.export_pdf()  # its `exported` names the file in the status bar
        else:
            self.print_docket(export=True)

    def _print_hearing(self, hearing_id: int, export: bool) -> None:
        from caseorg_ui.printing import actions

        func = actions.export_hearing_summary_pdf if export else actions.print_hearing_summary
        self.say_saved(func(self, self.read_lib, hearing_id), "hearing summary")

    def print_docket(self, export: bool, day: dt.date | None = None) -> None:
        from caseorg_ui.printing import actions

        func = actions.export_docket_pdf if export else actions.print_docket
        self.say_saved(func(self, self.read_lib, day or dt.date.today()), "docket")
