"""Printouts as HTML (Jinja2, autoescaped): hearing summary, docket, reassignments."""

from typing import TYPE_CHECKING

from caseorg.exports import lazy_exports

if TYPE_CHECKING:  # what the package offers (each module loads when a name is first used)
    from caseorg.reports.case_life import (
        absentia_orders as absentia_orders,
        case_life_sections as case_life_sections,
        respondent_line as respondent_line,
    )
    from caseorg.reports.docket import docket_csv as docket_csv, docket_html as docket_html
    from caseorg.reports.docket_text import docket_text as docket_text
    from caseorg.reports.exhibits import (
        exhibit_list_context as exhibit_list_context,
        exhibit_list_html as exhibit_list_html,
    )
    from caseorg.reports.history import (
        HistoryWords as HistoryWords,
        case_names as case_names,
        history_words as history_words,
    )
    from caseorg.reports.parts import notice_proof_rows as notice_proof_rows
    from caseorg.reports.reassignment_patterns import (
        ROLE_WORDS as ROLE_WORDS,
        pattern_context as pattern_context,
        pattern_report_html as pattern_report_html,
    )
    from caseorg.reports.reassignments import reassignment_report_html as reassignment_report_html
    from caseorg.reports.summary import (
        hearing_summary_html as hearing_summary_html,
        summary_title as summary_title,
    )

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "case_life": "absentia_orders case_life_sections respondent_line",
        "docket": "docket_csv docket_html",
        "docket_text": "docket_text",
        "history": "HistoryWords case_names history_words",
        "parts": "notice_proof_rows",
        "exhibits": "exhibit_list_context exhibit_list_html",
        "reassignments": "reassignment_report_html",
        "reassignment_patterns": "ROLE_WORDS pattern_context pattern_report_html",
        "summary": "hearing_summary_html summary_title",
    },
)
