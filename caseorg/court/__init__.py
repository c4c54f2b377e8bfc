"""What a court asks of its records: notice checks, deadlines, reassignments, figures."""

from typing import TYPE_CHECKING

from caseorg.exports import lazy_exports

if TYPE_CHECKING:  # what the package offers (each module loads when a name is first used)
    from caseorg.court.notice_checks import (
        FLAGGED as FLAGGED,
        SERVED_AFTER as SERVED_AFTER,
        NoticeFlag as NoticeFlag,
        check_notices as check_notices,
        notice_problems_by_case as notice_problems_by_case,
    )
    from caseorg.court.reassignment_patterns import (
        DEFAULT_NOTICE_DAYS as DEFAULT_NOTICE_DAYS,
        MoveRow as MoveRow,
        PatternReport as PatternReport,
        pattern_csv as pattern_csv,
        pattern_report as pattern_report,
    )
    from caseorg.court.reminders import (
        deadline_reminder as deadline_reminder,
        reminder_line as reminder_line,
    )
    from caseorg.court.stats import (
        DEFAULT_MONTHS as DEFAULT_MONTHS,
        Stats as Stats,
        court_stats as court_stats,
        summary_rows as summary_rows,
        write_csv as write_csv,
    )

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "notice_checks": "FLAGGED SERVED_AFTER NoticeFlag check_notices notice_problems_by_case",
        "reassignment_patterns": (
            "DEFAULT_NOTICE_DAYS MoveRow PatternReport pattern_csv pattern_report"
        ),
        "reminders": "deadline_reminder reminder_line",
        "stats": "DEFAULT_MONTHS Stats court_stats summary_rows write_csv",
    },
)
