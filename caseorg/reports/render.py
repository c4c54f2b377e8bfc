"""The old home of the printed reports, kept importable while other branches still name it.

New code imports from the modules that do the work: :mod:`caseorg.reports.summary`,
:mod:`caseorg.reports.docket`, :mod:`caseorg.reports.reassignments`,
:mod:`caseorg.reports.templates`, and :mod:`caseorg.words` for dates and labels.
Remove once the package's ``__init__`` names what it offers.
"""

from __future__ import annotations

from caseorg.reports.docket import docket_context as docket_context, docket_html as docket_html
from caseorg.reports.reassignments import (
    reassignment_report_context as reassignment_report_context,
    reassignment_report_html as reassignment_report_html,
)
from caseorg.reports.summary import (
    hearing_summary_context as hearing_summary_context,
    hearing_summary_html as hearing_summary_html,
)
from caseorg.reports.templates import render as render
from caseorg.words import (
    MONTHS as MONTHS,
    WEEKDAYS as WEEKDAYS,
    choice_words,
    clock as clock,
    long_date as long_date,
    weekday_date as weekday_date,
)

words = choice_words  # its old name here
