"""The editing dialogs: one per kind of record, all built on :class:`FormDialog`.

Each is ``XDialog(read_lib, parent=None, **context)``: ``read_lib`` is a
read-only Library for filling combos; after ``exec()`` is accepted,
``save_operation()`` returns a function that does the validated write on a
*writable* Library — the main window runs it on its background worker.
"""

from __future__ import annotations

from caseorg_ui.dialogs.case_dialog import CaseDialog
from caseorg_ui.dialogs.common import FormDialog
from caseorg_ui.dialogs.deadline_dialog import DeadlineDialog, MarkDoneDialog
from caseorg_ui.dialogs.document_dialog import DocumentDialog
from caseorg_ui.dialogs.hearing_dialog import HearingDialog
from caseorg_ui.dialogs.judge_dialog import JudgeDialog, JudgeListDialog
from caseorg_ui.dialogs.notice_dialog import NoticeDialog
from caseorg_ui.dialogs.reassignment_dialog import ReassignmentDialog

__all__ = [
    "CaseDialog",
    "DeadlineDialog",
    "DocumentDialog",
    "FormDialog",
    "HearingDialog",
    "JudgeDialog",
    "JudgeListDialog",
    "MarkDoneDialog",
    "NoticeDialog",
    "ReassignmentDialog",
]
