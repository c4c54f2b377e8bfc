"""The main window's commands: every action (text, tooltip, shortcut), the menus that
hold them, the case view's right-click lists, and which actions are enabled now.

Mixed into :class:`caseorg_ui.window.main_window.MainWindow`: the actions call the
window's command methods (case commands, library commands, printing, help).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from caseorg_ui import preferences as settings
from caseorg_ui.operations.runner import library_where
from caseorg_ui.qt import QAction, QKeySequence

if TYPE_CHECKING:
    from caseorg_ui.views import CaseView


# the File menu's commands a court library (PostgreSQL) does not take here, and why (none
# now: Back Up writes one snapshot of it, Rebuild Search Index rebuilds its server's)
COURT_REFUSES: dict[str, str] = {}
# what the File menu's commands do on a court library, where that differs
COURT_TIPS = {
    "backup": "Write one snapshot of the court library (its records and stored files) to a "
    ".zip file, in the format a library folder's backup has",
    "reindex": "Rebuild the court library's word list and search indexes on its server "
    "(its owner only; the server keeps the search current by itself)",
}


class Menus:
    """The actions and menus of the main window (a mixin: see the module docstring)."""

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], Any],
        tip: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        # QAction(parent) + setText: QAction(text, parent) costs ~10x more in PySide6's
        # overload matching (profiled: 6 ms of start-up for the window's 27 actions)
        action = QAction(self)
        action.setText(text)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.actions_by_name[name] = action
        return action

    def _make_actions(self) -> None:
        a = self._action
        a(
            "new_library",
            "&New Library…",
            self.new_library,
            "Create an empty library in a new folder",
        )
        a("open_library", "&Open Library…", self.choose_library, "Open another library folder")
        a(
            "open_court",
            "Open &Court Library…",
            self.choose_court_library,
            "Open a court's shared library on its PostgreSQL server (postgresql://USER@HOST/DB)",
        )
        a(
            "import",
            "&Import Files…",
            lambda: self.import_flow.choose_files(),
            "Import PDF files into the selected case",
            QKeySequence.StandardKey.Open,
        )
        a(
            "import_folder",
            "Import &Folder…",
            lambda: self.import_flow.choose_folder(),
            "Import every PDF in a folder (and its sub-folders) into the selected case",
            "Ctrl+Shift+O",
        )
        a(
            "print",
            "&Print…",
            self.print_current,
            "Print the selected hearing's summary, or today's docket when no hearing is selected",
            QKeySequence.StandardKey.Print,
        )
        a(
            "export_pdf",
            "&Export PDF…",
            self.export_current,
            "Save the selected hearing's summary (or today's docket) as a PDF file",
            "Ctrl+Shift+P",
        )
        a("backup", "&Back Up…", self.backup, "Write the whole library to one .zip file")
        a(
            "check",
            "&Check Library…",
            self.check_full,
            "Check every stored file against its hash, the database and the search index",
        )
        a(
            "reindex",
            "Rebuild Search Inde&x",
            self.reindex,
            "Rebuild the search index from the database (the index is only a cache)",
        )
        a(
            "ocr",
            "Read Scanned Pages (&OCR)",
            lambda: self.ocr_flow.start(),
            "Read the text of scanned pages with Tesseract, so they can be searched",
        )
        a("quit", "&Quit", self.close, "Close caseorg", QKeySequence.StandardKey.Quit)

        a(
            "new_case",
            "&New Case…",
            self.new_case,
            "Open a case for a respondent",
            QKeySequence.StandardKey.New,
        )
        a("edit_case", "&Edit Case…", self.edit_case, "Change the selected case's details")
        a(
            "add_hearing",
            "Add &Hearing…",
            self.add_hearing,
            "Schedule a hearing of this case",
            "Ctrl+Shift+H",
        )
        a(
            "edit_hearing",
            "Edit Hearin&g…",
            lambda: self.edit_hearing(None),
            "Record what happened at the selected hearing (outcome, adjournment, exhibits)",
        )
        a(
            "add_notice",
            "Add Noti&ce…",
            self.add_notice,
            "Record that notice of the selected hearing was served",
        )
        a(
            "reassign",
            "&Reassign…",
            self.reassign,
            "Move this case to another judge (a new entry in its append-only history)",
            "Ctrl+Shift+R",
        )
        a("add_deadline", "Add &Deadline…", self.add_deadline, "Add a deadline to this case")
        a(
            "mark_done",
            "&Mark Deadline Done",
            self.mark_deadline_done,
            "Mark the selected deadline done today",
        )
        a(
            "edit_document",
            "Edit Doc&ument…",
            self.edit_document,
            "Change the selected document's type, title, filed date or filer"
            " (several selected: their type and filed date)",
        )
        a(
            "open_document",
            "&Open Document",
            self.open_selected_document,
            "Show the selected document's pages",
        )
        a("judges", "&Judges…", self.show_judges, "See the judges and add one")

        a(
            "search",
            "&Search",
            self.show_search,
            "Search every document's text",
            QKeySequence.StandardKey.Find,
        )
        a(
            "search_case",
            "Search This &Case",
            self.search_this_case,
            "Search only the selected case's documents",
            "Ctrl+Shift+F",
        )
        a(
            "docket",
            "&Docket",
            self.show_docket,
            "The hearings of a day, by judge and courtroom",
            "Ctrl+Shift+D",
        )
        a("focus_filter", "&Filter Cases", self._focus_filter, "Filter the case list", "Ctrl+L")

        a("about", "&About caseorg", self.about, "Version and where your library lives")
        a("syntax", "Search &Syntax", self.search_syntax, "How to write search queries")

    def _make_menus(self) -> None:
        acts = self.actions_by_name
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(acts["new_library"])
        file_menu.addAction(acts["open_library"])
        file_menu.addAction(acts["open_court"])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addAction(acts["import"])
        file_menu.addAction(acts["import_folder"])
        file_menu.addSeparator()
        file_menu.addAction(acts["print"])
        file_menu.addAction(acts["export_pdf"])
        file_menu.addSeparator()
        file_menu.addAction(acts["backup"])
        file_menu.addAction(acts["check"])
        file_menu.addAction(acts["reindex"])
        file_menu.addAction(acts["ocr"])
        file_menu.addSeparator()
        file_menu.addAction(acts["quit"])

        case_menu = bar.addMenu("&Case")
        for name in (
            "new_case",
            "edit_case",
            None,
            "add_hearing",
            "edit_hearing",
            "add_notice",
            None,
            "reassign",
            None,
            "add_deadline",
            "mark_done",
            None,
            "open_document",
            "edit_document",
            None,
            "judges",
        ):
            case_menu.addSeparator() if name is None else case_menu.addAction(acts[name])

        view_menu = bar.addMenu("&View")
        for name in ("search", "search_case", "docket", "focus_filter"):
            view_menu.addAction(acts[name])

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(acts["syntax"])
        help_menu.addAction(acts["about"])
        for menu in (file_menu, case_menu, view_menu, help_menu):
            menu.setToolTipsVisible(True)
        self.menus = {"file": file_menu, "case": case_menu, "view": view_menu, "help": help_menu}

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        here = settings.recent_item(self.session.location)
        recent = [p for p in settings.recent_libraries() if settings.recent_item(p) != here]
        if not recent:
            none = self.recent_menu.addAction("(no other libraries)")
            none.setEnabled(False)
        for path in recent:
            action = self.recent_menu.addAction(library_where(path))
            action.triggered.connect(lambda _c=False, p=path: self.switch_library(p))

    def _set_context_actions(self, view: CaseView) -> None:
        acts = self.actions_by_name

        def sep() -> QAction:
            action = QAction(self)
            action.setSeparator(True)
            return action

        ctx = view.context_actions
        ctx["documents"] = [acts["open_document"], acts["edit_document"], sep(), acts["import"]]
        ctx["hearings"] = [
            acts["edit_hearing"],
            acts["add_notice"],
            sep(),
            acts["print"],
            acts["export_pdf"],
            sep(),
            acts["add_hearing"],
        ]
        # append-only: a correction is a new entry, so no edit is offered here
        ctx["reassignments"] = [acts["reassign"]]
        ctx["deadlines"] = [acts["mark_done"], sep(), acts["add_deadline"]]
        ctx["history"] = []

    def _update_actions(self) -> None:
        acts = self.actions_by_name
        has_case = self.current_case_id() is not None
        writable = not self.read_only
        hearing = self.case_view.selected_id("hearings") if has_case else None
        deadline = self.case_view.selected("deadlines") if has_case else None
        document = self.case_view.selected_id("documents") if has_case else None
        for name in (
            "edit_case",
            "add_hearing",
            "reassign",
            "add_deadline",
            "import",
            "import_folder",
        ):
            acts[name].setEnabled(has_case and writable)
        acts["new_case"].setEnabled(writable)
        acts["edit_hearing"].setEnabled(hearing is not None and writable)
        acts["add_notice"].setEnabled(hearing is not None and writable)
        acts["mark_done"].setEnabled(
            deadline is not None and not getattr(deadline, "done_on", None) and writable
        )
        acts["edit_document"].setEnabled(document is not None and writable)
        acts["open_document"].setEnabled(document is not None)
        acts["search_case"].setEnabled(has_case)
        acts["docket"].setEnabled(True)
        for name in ("reindex", "ocr", "new_library"):
            acts[name].setEnabled(writable or name == "new_library")
        if self.session.court:  # what its server does for a court library, or not yet
            for name, tip in COURT_TIPS.items():
                acts[name].setToolTip(tip)
                acts[name].setStatusTip(tip)
            for name, why in COURT_REFUSES.items():
                acts[name].setEnabled(False)
                acts[name].setToolTip(why)
                acts[name].setStatusTip(why)
        if self._welcome is not None:
            self._welcome.new_case.setEnabled(writable)
        self._name_print_actions()

    def _name_print_actions(self) -> None:
        """Print… and Export PDF… say what they will print: the selected hearing's
        summary, else the docket on screen, else today's docket."""
        acts = self.actions_by_name
        if self._selected_hearing() is not None:
            what = "Hearing Summary"
        elif self._docket_shown():
            what = "Docket"
        else:
            what = "Today's Docket"
        acts["print"].setText(f"&Print {what}…")
        acts["export_pdf"].setText(f"&Export {what} as PDF…")
