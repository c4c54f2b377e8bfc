"""How an audit row and a note read to a clerk, on the command line and in the History tab.

The audit keeps table names, ids and field names ('case #12', 'a_number: 212094587',
'link_exhibit'); a person reads A-numbers, names, dates and words. One formatter, so the
CLI's ``history`` and the app's History tab say the same.
"""

from __future__ import annotations

import json

from caseorg.library import AuditEvent, Library
from caseorg.values import case_label
from caseorg.words import (
    CHOICE_WORDS,
    DASH,
    choice_text,
    field_label,
    judge_name,
    label,
    us_date,
    us_datetime,
)

HIDDEN_FIELDS = {"id", "created_at", "updated_at", "recorded_at", "imported_at", "sha256"}
HIDDEN_FIELDS |= {"entity", "entity_id"}  # a note's record: the Record column names it
CHOICES = {value for words in CHOICE_WORDS.values() for value in words}

ACTION_WORDS = {
    "create": "added",
    "update": "changed",
    "delete": "deleted",
    "import": "imported",
    "reassign": "reassigned",
    "tag": "tagged",
    "untag": "untagged",
    "link_exhibit": "linked as exhibit",
    "unlink_exhibit": "unlinked as exhibit",
}
ENTITY_WORDS = {"nta_service": "NTA service", "saved_search": "saved search"}


class HistoryWords:
    """Turns audit rows into words, given who the judges and cases are (id -> words)."""

    def __init__(self, judges: dict[int, str], cases: dict[int, str]):
        self.judges = judges
        self.cases = cases

    def action(self, event: AuditEvent) -> str:
        """'added', 'linked as exhibit'."""
        return ACTION_WORDS.get(event.action) or label(event.action)

    def record(self, event: AuditEvent) -> str:
        """'case A-123-456-789', 'respondent of A-123-456-789', 'hearing #4'."""
        what = ENTITY_WORDS.get(event.entity) or label(event.entity)
        if event.entity_id is None:
            return what
        if event.entity in ("case", "respondent"):
            shown = self.cases.get(event.entity_id, "")
            return f"{what} {'of ' if event.entity == 'respondent' else ''}{shown}".strip()
        return f"{what} #{event.entity_id}"

    def value(self, key: str, value: object) -> str:
        """A stored value as it reads: judges and cases by name, dates as the screen
        writes them, choices in words."""
        if value is None or value == "":
            return DASH
        if key.endswith("judge_id") and isinstance(value, int):
            return self.judges.get(value, DASH)
        if key == "case_id" and isinstance(value, int):
            return self.cases.get(value, DASH)
        if key.endswith("_id") and isinstance(value, int):
            return f"#{value}"
        if key == "a_number" and isinstance(value, str):
            return case_label(value)
        if isinstance(value, bool) or key in ("midstream", "absentia", "unaccompanied"):
            return "yes" if value else "no"
        if isinstance(value, str) and key.endswith("_on"):
            return us_date(value)
        if isinstance(value, str) and key.endswith("_at"):
            return us_datetime(value)
        if isinstance(value, str):
            shown = choice_text(value)
            return shown if value in CHOICES or shown.isupper() else value  # NTA, EOIR-33
        return str(value)

    def changes(self, event: AuditEvent) -> str:
        """'date opened: 03/01/2025 → 03/02/2025; custody: Detained' (a dash for none)."""
        before = json.loads(event.before_json) if event.before_json else None
        after = json.loads(event.after_json) if event.after_json else None
        parts: list[str] = []
        if isinstance(before, dict) and isinstance(after, dict):
            for key in after:
                if key in HIDDEN_FIELDS:
                    continue
                old, new = self.value(key, before.get(key)), self.value(key, after[key])
                parts.append(f"{field_label(key)}: {old} → {new}")
        else:
            shown = after if isinstance(after, dict) else before
            for key, value in (shown or {}).items():
                if key in HIDDEN_FIELDS or value in (None, "", 0) and key != "midstream":
                    continue
                parts.append(f"{field_label(key)}: {self.value(key, value)}")
        return "; ".join(parts) or DASH

    def line(self, event: AuditEvent) -> str:
        """One event as one line of text (the CLI's ``history``)."""
        return (
            f"{us_datetime(event.at)}  {event.actor}  {self.action(event)} "
            f"{self.record(event)}: {self.changes(event)}"
        )


def case_names(lib: Library) -> dict[int, str]:
    """Every case's id -> 'A-123-456-789 Ana Lopez' (or 'EOIR 310000001 …').

    Only the three columns, as tuples: the History tab asks for this each time a case is
    shown, and whole case records with their judges took 380 ms for 20,000 cases (9x).
    """
    rows = lib.db.execute("SELECT id, a_number, eoir_case_id, respondent FROM cases")
    return {
        case_id: f"{case_label(a_number, eoir_case_id)} {respondent}".strip()
        for case_id, a_number, eoir_case_id, respondent in rows.fetchall()
    }


def history_words(lib: Library) -> HistoryWords:
    """The formatter for ``lib``: its judges by name and its cases by A-number."""
    from caseorg.records import list_judges

    judges = {j.id: judge_name(j.name, j.code) for j in list_judges(lib)}
    return HistoryWords(judges, case_names(lib))
