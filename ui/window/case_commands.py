"""The Case menu's commands: each opens its editing dialog and, on OK, runs the
dialog's write as an operation on the worker.

Mixed into :class:`caseorg_ui.window.main_window.MainWindow`; it uses the window's
``read_lib``, ``runner``, ``case_view``, ``current_case_id()``, ``show_case()`` and
``say()``. Each dialog's module loads with its first use.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from caseorg.errors import CaseorgError
from caseorg_ui.operations import Change, LibraryOp, show_error

if TYPE_CHECKING:
    from caseorg_ui.dialogs import FormDialog
    from caseorg_ui.qt import QDialog


class DialogWrite(NamedTuple):
    """A dialog's write: what its progress dialog and the status bar say, what it changes."""

    label: str
    says: str
    changes: Change


NEW_CASE = DialogWrite("New case", "Case opened", Change.CASES)
SAVE_CASE = DialogWrite("Save case", "Case saved", Change.CASES)
SCHEDULE_HEARING = DialogWrite("Schedule hearing", "Hearing scheduled", Change.HEARINGS)
SAVE_HEARING = DialogWrite("Save hearing", "Hearing saved", Change.HEARINGS)
ADD_NOTICE = DialogWrite("Add notice", "Notice of hearing recorded", Change.NOTICES)
REASSIGN = DialogWrite(  # the case's judge changes, and its scheduled hearings move
    "Reassign case",
    "Reassignment recorded",
    Change.REASSIGNMENTS | Change.CASES | Change.HEARINGS,
)
ADD_DEADLINE = DialogWrite("Add deadline", "Deadline added", Change.DEADLINES)
MARK_DONE = DialogWrite("Mark deadline done", "Deadline marked done", Change.DEADLINES)
SAVE_DOCUMENT = DialogWrite("Save document", "Document saved", Change.DOCUMENTS)
SAVE_DOCUMENTS = DialogWrite("Save documents", "Documents saved", Change.DOCUMENTS)
# an address, counsel, NTA or motion: it can change the notice judgment the docket shows
LIFE_RECORD = DialogWrite("Save record", "Recorded", Change.NOTICES)


class CaseCommands:
    """The Case menu of the main window (a mixin: see the module docstring)."""

    def run_dialog(
        self,
        cls: type[FormDialog],
        write: DialogWrite,
        on_saved: Callable[[Any], Any] | None = None,
        **context: Any,
    ) -> QDialog | None:
        """Open ``cls(read_lib, window, **context)``; on OK run its write on the worker.

        If the write fails (the library said no), the message is shown and the same
        dialog opens again with everything typed still in it.
        """
        try:
            dialog = cls(self.read_lib, self, **context)
        except CaseorgError as exc:
            show_error(self, exc)
            return None

        def failed(exc: BaseException) -> None:
            show_error(self, exc)
            if isinstance(exc, CaseorgError) and not self._closed:
                dialog.open()

        def accepted() -> None:
            try:
                operation = dialog.save_operation()
            except CaseorgError as exc:
                failed(exc)
                return
            (
                LibraryOp(self, operation, write.changes)
                .with_progress(write.label)
                .says(write.says)
                .success(on_saved)
                .failure(failed)
                .run_in_background(self.runner)
            )

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def _need_case(self) -> int | None:
        case_id = self.current_case_id()
        if case_id is None:
            self.say("Select a case first", 5000)
        return case_id

    def _need_selected(self, tab: str, hint: str) -> int | None:
        """The record selected on the case view's ``tab``; else that tab, and ``hint``."""
        record_id = self.case_view.selected_id(tab)
        if record_id is None:
            self.case_view.show_tab(tab)
            self.say(hint, 5000)
        return record_id

    def new_case(self) -> QDialog | None:
        from caseorg_ui.dialogs import CaseDialog

        def created(case: Any) -> None:
            case_id = getattr(case, "id", None)
            if isinstance(case_id, int):
                self.show_case(case_id)

        return self.run_dialog(CaseDialog, NEW_CASE, created)

    def edit_case(self) -> QDialog | None:
        from caseorg_ui.dialogs import CaseDialog

        if (case_id := self._need_case()) is None:
            return None
        return self.run_dialog(CaseDialog, SAVE_CASE, case_id=case_id)

    def add_hearing(self) -> QDialog | None:
        from caseorg_ui.dialogs import HearingDialog

        if (case_id := self._need_case()) is None:
            return None
        return self.run_dialog(HearingDialog, SCHEDULE_HEARING, self._show_hearing, case_id=case_id)

    def _show_hearing(self, hearing: Any) -> None:
        """After a hearing is scheduled: its tab, with it selected (ready for a notice)."""
        self.case_view.show_tab("hearings")
        hearing_id = getattr(hearing, "id", None)
        if isinstance(hearing_id, int):
            self.case_view.select_record("hearings", hearing_id)

    def edit_hearing(self, hearing_id: int | None) -> QDialog | None:
        from caseorg_ui.dialogs import HearingDialog

        hearing_id = hearing_id or self.case_view.selected_id("hearings")
        case_id = self.current_case_id()
        if hearing_id is None or case_id is None or self.read_only:
            return None
        return self.run_dialog(HearingDialog, SAVE_HEARING, case_id=case_id, hearing_id=hearing_id)

    def add_life_record(self, kind: str) -> QDialog | None:
        """The case life tab's "Record: address / counsel / NTA / ..." form."""
        from caseorg_ui.dialogs import life_dialogs

        forms = life_dialogs()
        if (case_id := self._need_case()) is None or self.read_only or kind not in forms:
            return None
        return self.run_dialog(forms[kind], LIFE_RECORD, case_id=case_id)

    def add_notice(self) -> QDialog | None:
        from caseorg_ui.dialogs import NoticeDialog

        hearing_id = self._need_selected("hearings", "Select the hearing the notice is for")
        if hearing_id is None:
            return None
        return self.run_dialog(NoticeDialog, ADD_NOTICE, hearing_id=hearing_id)

    def reassign(self) -> QDialog | None:
        from caseorg_ui.dialogs import ReassignmentDialog

        if (case_id := self._need_case()) is None:
            return None
        return self.run_dialog(
            ReassignmentDialog,
            REASSIGN,
            lambda _r: self.case_view.show_tab("reassignments"),
            case_id=case_id,
        )

    def add_deadline(self) -> QDialog | None:
        from caseorg_ui.dialogs import DeadlineDialog

        if (case_id := self._need_case()) is None:
            return None
        return self.run_dialog(DeadlineDialog, ADD_DEADLINE, case_id=case_id)

    def mark_deadline_done(self) -> QDialog | None:
        from caseorg_ui.dialogs import MarkDoneDialog

        deadline_id = self._need_selected("deadlines", "Select the deadline that was met")
        if deadline_id is None:
            return None
        return self.run_dialog(MarkDoneDialog, MARK_DONE, deadline_id=deadline_id)

    def edit_document(self) -> QDialog | None:
        """The selected document's details; several selected: their type and filed date."""
        from caseorg_ui.dialogs import DocumentDialog, DocumentsDialog

        document_ids = self.case_view.selected_ids("documents")
        if len(document_ids) > 1:
            return self.run_dialog(DocumentsDialog, SAVE_DOCUMENTS, document_ids=document_ids)
        document_id = self.case_view.selected_id("documents")
        if document_id is None:
            return None
        return self.run_dialog(DocumentDialog, SAVE_DOCUMENT, document_id=document_id)

    def show_judges(self) -> QDialog:
        """The judges, with Add… (disabled in a read-only window)."""
        from caseorg_ui.dialogs import JudgeListDialog

        dialog = JudgeListDialog(self.read_lib, self, runner=self.writer)
        dialog.open()
        return dialog
