"""The library's unusual records, gathered for ``caseorg check``.

The rules live beside the records they are about, and are applied when a record is
written and when it is read: an A-number never issued (:mod:`caseorg.values`), a hearing
dated before its case was opened or at the same minute as another of its case
(:func:`caseorg.records.hearings.record_warning`), a notice served after its hearing
(:func:`caseorg.records.notices.served_after`). What cannot be true is refused when it
is written; this lists what a library holds anyway (entered before a rule existed, or
another system's rows) and what is merely unusual: accepted, and to be looked at.
"""

from __future__ import annotations

from caseorg.library import Library
from caseorg.records.hearings import list_hearings
from caseorg.values import a_number_problem, case_label, format_a_number
from caseorg.words import us_datetime


def unusual_records(lib: Library) -> list[str]:
    """One line per unusual record: cases by A-number, then hearings by start."""
    lines = []
    for case_id, a_number in lib.db.execute(
        "SELECT id, a_number FROM cases WHERE a_number IS NOT NULL ORDER BY a_number"
    ):  # a case known only by its EOIR case id has none, and that is not unusual
        problem = a_number_problem(a_number)
        if problem:
            lines.append(f"case #{case_id} {format_a_number(a_number)}: {problem}")
    for hearing in list_hearings(lib):
        if hearing.record_warning:
            lines.append(
                f"hearing #{hearing.id} of {case_label(hearing.a_number, hearing.eoir_case_id)} "
                f"at {us_datetime(hearing.starts_at)}: {hearing.record_warning}"
            )
    return lines
