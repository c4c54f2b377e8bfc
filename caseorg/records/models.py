"""The record types and their allowed values, shared by the core, CLI and app."""

from __future__ import annotations

from dataclasses import dataclass

from caseorg.choices import (  # re-exported: the choices were defined here first
    CASE_STATUSES as CASE_STATUSES,
    CASE_TYPES as CASE_TYPES,
    CUSTODY as CUSTODY,
    DEADLINE_KINDS as DEADLINE_KINDS,
    DOC_TYPES as DOC_TYPES,
    FILERS as FILERS,
    HEARING_KINDS as HEARING_KINDS,
    MEDIA as MEDIA,
    NOTICE_METHODS as NOTICE_METHODS,
    OUTCOMES as OUTCOMES,
    TEXT_STATUSES as TEXT_STATUSES,
)
from caseorg.library import AuditEvent as AuditEvent
from caseorg.rows import Record as Record


@dataclass
class Judge(Record):
    id: int
    code: str
    name: str
    court: str | None = None
    active: bool = True


@dataclass
class Case(Record):
    id: int
    a_number: str | None  # None: known only by EOIR's case id
    respondent: str
    nationality: str | None = None
    language: str | None = None
    custody: str = "non_detained"
    case_type: str = "removal"
    status: str = "pending"
    court: str | None = None
    judge_id: int | None = None
    attorney: str | None = None
    dhs_counsel: str | None = None
    opened_on: str | None = None
    completed_on: str | None = None
    outcome: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    judge_code: str | None = None
    judge_name: str | None = None
    eoir_case_id: str | None = None  # IDNCASE in EOIR's data

    @property
    def a_number_display(self) -> str:
        """The case's name where an A-number shows: the A-number, else ``EOIR 310000001``."""
        from caseorg.values import case_label

        return case_label(self.a_number, self.eoir_case_id)


@dataclass
class Document(Record):
    id: int
    case_id: int
    sha256: str
    title: str
    doc_type: str = "other"
    filed_on: str | None = None
    filed_by: str | None = None
    page_count: int = 0
    bytes: int = 0
    original_name: str | None = None
    text_status: str = "ok"
    error: str | None = None
    imported_at: str | None = None
    type_guessed: int = 0  # 1: guessed at import, not yet confirmed


@dataclass
class Hearing(Record):
    id: int
    case_id: int
    starts_at: str
    kind: str = "master"
    judge_id: int | None = None
    courtroom: str | None = None
    medium: str = "in_person"
    interpreter_language: str | None = None
    outcome: str = "pending"
    adjournment_reason: str | None = None
    notes: str | None = None
    proceeding_id: int | None = None
    judge_code: str | None = None
    judge_name: str | None = None
    a_number: str | None = None
    eoir_case_id: str | None = None
    respondent: str | None = None
    notice_warning: str | None = None
    record_warning: str | None = None  # read back: what is unusual (hearings.record_warning)
    kind_detail: str | None = None  # the source's own calendar (EOIR's), when kind is vague
    medium_detail: str | None = None  # the source's own medium code, when not known


@dataclass
class Notice(Record):
    id: int
    hearing_id: int
    served_on: str
    method: str = "mail"
    address: str | None = None
    returned_undeliverable: bool = False
    document_id: int | None = None
    returned_on: str | None = None  # when the post office sent it back, if known
    served_to: str = "respondent"  # or counsel, custodian
    warning: str | None = None  # read back: served after its hearing (notices.served_after)


@dataclass
class Reassignment(Record):
    id: int
    case_id: int
    from_judge_id: int | None
    to_judge_id: int
    effective_on: str
    reason: str
    ordered_by: str | None = None
    midstream: bool = False
    recorded_at: str | None = None
    corrects_id: int | None = None
    order_id: int | None = None
    from_judge_code: str | None = None
    from_judge_name: str | None = None
    to_judge_code: str | None = None
    to_judge_name: str | None = None


@dataclass
class Deadline(Record):
    id: int
    case_id: int
    kind: str
    due_on: str
    done_on: str | None = None
    note: str | None = None
    document_id: int | None = None
