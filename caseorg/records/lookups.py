"""Values already in the library that forms and filters offer back to pick from.

A clerk who types "Spanish" once should be offered the same spelling next time,
and a filter lists the cases there are: these short reads serve the pickers and
completers of the app (the records themselves are written by their own modules).
"""

from __future__ import annotations

from typing import Any

from caseorg.errors import InvalidValue
from caseorg.library import Library
from caseorg.values import case_label

# the case fields whose earlier values are offered again as the user types
SUGGESTED_CASE_FIELDS = ("nationality", "language", "court", "dhs_counsel")


def case_choices(lib: Library) -> list[tuple[int, str, str]]:
    """(case id, label, respondent) of every case, by A-number then EOIR case id: a case
    picker's list (the label is the A-number, else ``EOIR 310000001``)."""
    rows = lib.db.execute("SELECT id, a_number, eoir_case_id, respondent FROM cases").fetchall()
    # sorted here: SQLite's sort of 20,000 rows was 4x the read itself (issue 15; the
    # search pane's case filter reads this on the UI thread); NULLs first, as SQLite's
    rows.sort(key=lambda r: (r[1] is None, r[1] or "", r[2] is not None, r[2] or ""))
    return [(id_, case_label(a, eoir), name) for id_, a, eoir, name in rows]


def cases_stamp(lib: Library) -> tuple[Any, ...]:
    """What changes when a case is added, removed or edited (a count, the newest id and
    the latest edit, to the second): one cheap query that says a case list is stale."""
    row = lib.db.execute("SELECT count(*), max(id), max(updated_at) FROM cases").fetchone()
    return tuple(row)


def used_case_values(lib: Library, field: str) -> list[str]:
    """The values of case ``field`` already used, sorted (one spelling of 'Spanish')."""
    if field not in SUGGESTED_CASE_FIELDS:
        raise InvalidValue(f"no suggestions for case field {field!r}")
    rows = lib.db.query(
        f"SELECT DISTINCT {field} AS v FROM cases WHERE {field} IS NOT NULL ORDER BY v"
    )
    return [row["v"] for row in rows]


def court_names(lib: Library) -> list[str]:
    """Every court named on a judge or a case, sorted."""
    rows = lib.db.query(
        "SELECT court FROM judges WHERE court IS NOT NULL "
        "UNION SELECT court FROM cases WHERE court IS NOT NULL ORDER BY court"
    )
    return [row["court"] for row in rows]


def courtrooms(lib: Library) -> list[str]:
    """Every courtroom a hearing has been held in, sorted."""
    rows = lib.db.query(
        "SELECT DISTINCT courtroom FROM hearings WHERE courtroom IS NOT NULL ORDER BY courtroom"
    )
    return [row["courtroom"] for row in rows]
