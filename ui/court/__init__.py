"""The Court menu's windows: deadlines, dashboard, reassignment report, settings."""

from typing import TYPE_CHECKING

from caseorg.exports import lazy_exports

if TYPE_CHECKING:  # what the package offers (each module loads when a name is first used)
    from caseorg_ui.court.court_panels import (
        CaseNotesTags as CaseNotesTags,
        CourtSettingsDialog as CourtSettingsDialog,
        NoticeChecksDialog as NoticeChecksDialog,
    )
    from caseorg_ui.court.dashboard import Dashboard as Dashboard
    from caseorg_ui.court.deadline_board_view import DeadlinesView as DeadlinesView
    from caseorg_ui.court.reassignment_report_view import (
        ReassignmentReportView as ReassignmentReportView,
    )

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "court_panels": "CaseNotesTags CourtSettingsDialog NoticeChecksDialog",
        "dashboard": "Dashboard",
        "deadline_board_view": "DeadlinesView",
        "reassignment_report_view": "ReassignmentReportView",
    },
)
