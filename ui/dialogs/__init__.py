"""The editing dialogs, one per kind of record, on one form base."""

from typing import TYPE_CHECKING

from caseorg.exports import lazy_exports

if TYPE_CHECKING:  # what the package offers (each module loads when a name is first used)
    from caseorg_ui.dialogs.case_dialog import CaseDialog as CaseDialog
    from caseorg_ui.dialogs.common import (
        FormDialog as FormDialog,
        goal_spin_box as goal_spin_box,
        lay_out_settings as lay_out_settings,
    )
    from caseorg_ui.dialogs.deadline_dialog import (
        DeadlineDialog as DeadlineDialog,
        MarkDoneDialog as MarkDoneDialog,
    )
    from caseorg_ui.dialogs.document_dialog import (
        DocumentDialog as DocumentDialog,
        DocumentsDialog as DocumentsDialog,
    )
    from caseorg_ui.dialogs.filing_dialogs import life_dialogs as life_dialogs
    from caseorg_ui.dialogs.hearing_dialog import HearingDialog as HearingDialog
    from caseorg_ui.dialogs.judge_dialog import (
        JudgeDialog as JudgeDialog,
        JudgeListDialog as JudgeListDialog,
    )
    from caseorg_ui.dialogs.notice_dialog import NoticeDialog as NoticeDialog
    from caseorg_ui.dialogs.reassignment_dialog import ReassignmentDialog as ReassignmentDialog

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "case_dialog": "CaseDialog",
        "common": "FormDialog goal_spin_box lay_out_settings",
        "deadline_dialog": "DeadlineDialog MarkDoneDialog",
        "document_dialog": "DocumentDialog DocumentsDialog",
        "filing_dialogs": "life_dialogs",
        "hearing_dialog": "HearingDialog",
        "judge_dialog": "JudgeDialog JudgeListDialog",
        "notice_dialog": "NoticeDialog",
        "reassignment_dialog": "ReassignmentDialog",
    },
)
