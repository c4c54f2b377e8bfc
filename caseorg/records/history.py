"""A case's history as its page shows it: every audited change to the case and to
what it holds (documents, hearings, notices, reassignments, deadlines, notes)."""

from __future__ import annotations

from caseorg.library import Library, history
from caseorg.records.models import AuditEvent


def case_history(lib: Library, case_id: int, limit: int = 500) -> list[AuditEvent]:
    """The audit events of case ``case_id`` and everything in it, newest first."""
    return history(lib.db, case_id=case_id, limit=limit)
