"""The records of a case's life beyond its hearings (issue 14), and their allowed values:
proceedings, addresses, counsel, NTA service, relief, motions, appeals, custody."""

from __future__ import annotations

from dataclasses import dataclass

from caseorg.rows import Record

DECISIONS = (
    "removal_ordered",
    "relief_granted",
    "terminated",
    "voluntary_departure",
    "administratively_closed",
    "other",
)
ADDRESS_SOURCES = ("nta", "eoir33", "other")  # 'none_provided' is recorded on its own
NTA_METHODS = ("personal", "mail")
SERVED_TO = ("respondent", "counsel", "custodian")
RELIEF_KINDS = (
    "asylum",
    "withholding",
    "cat",
    "cancellation_lpr",
    "cancellation_nonlpr",
    "adjustment",
    "voluntary_departure",
    "other",  # EOIR's data names more (its code in source_note)
)
RELIEF_OUTCOMES = ("pending", "granted", "denied", "withdrawn", "abandoned")
MOTION_KINDS = ("reopen", "rescind_in_absentia", "continue", "change_venue", "other")
MOTION_GROUNDS = ("lack_of_notice", "exceptional_circumstances", "in_custody", "other")
RULINGS = ("pending", "granted", "denied")
PARTIES = ("respondent", "dhs")
APPEAL_OUTCOMES = ("pending", "dismissed", "sustained", "remanded")
CUSTODY_STATUSES = ("detained", "released")
EXHIBIT_STATUSES = ("marked", "admitted", "excluded", "withdrawn")
OFFERED_BY = ("respondent", "dhs", "court")


@dataclass
class Proceeding(Record):
    id: int
    case_id: int
    court: str | None = None
    judge_id: int | None = None
    case_type: str = "removal"
    custody: str = "non_detained"
    opened_on: str | None = None
    charges: str | None = None  # INA sections, comma-separated: "212(a)(6)(A)(i)"
    decision: str | None = None
    decision_note: str | None = None
    completed_on: str | None = None
    absentia: bool = False
    ten_day_waiver_on: str | None = None  # the respondent waived the 10 days in writing
    judge_code: str | None = None
    judge_name: str | None = None
    origin: str | None = None  # None: entered here; "eoir": from EOIR's data
    origin_note: str | None = None  # what the source said that is kept as given


@dataclass
class Address(Record):
    id: int
    case_id: int
    address: str | None  # None: the respondent provided none (INA 240(b)(5)(B))
    received_on: str
    source: str = "eoir33"
    document_id: int | None = None
    origin: str | None = None  # None: entered here; "eoir": from EOIR's data
    origin_note: str | None = None  # what the source said that is kept as given


@dataclass
class Counsel(Record):
    id: int
    case_id: int
    counsel: str
    from_on: str
    eoir_id: str | None = None
    to_on: str | None = None
    document_id: int | None = None
    origin: str | None = None  # None: entered here; "eoir": from EOIR's data
    origin_note: str | None = None  # what the source said that is kept as given


@dataclass
class NtaService(Record):
    id: int
    case_id: int
    served_on: str
    method: str
    time_and_place: bool = False
    proceeding_id: int | None = None
    document_id: int | None = None


@dataclass
class ReliefApplication(Record):
    id: int
    case_id: int
    kind: str
    filed_on: str
    outcome: str = "pending"
    decided_on: str | None = None
    proceeding_id: int | None = None
    document_id: int | None = None
    origin: str | None = None  # None: entered here; "eoir": from EOIR's data
    origin_note: str | None = None  # what the source said that is kept as given


@dataclass
class Motion(Record):
    id: int
    case_id: int
    kind: str
    filed_on: str
    filed_by: str = "respondent"
    ground: str | None = None
    ruling: str = "pending"
    ruled_on: str | None = None
    proceeding_id: int | None = None
    document_id: int | None = None
    origin: str | None = None  # None: entered here; "eoir": from EOIR's data
    origin_note: str | None = None  # what the source said that is kept as given


@dataclass
class Appeal(Record):
    id: int
    case_id: int
    filed_on: str
    filed_by: str = "respondent"
    outcome: str = "pending"
    decided_on: str | None = None
    proceeding_id: int | None = None
    document_id: int | None = None


@dataclass
class CustodySpell(Record):
    id: int
    case_id: int
    status: str
    from_on: str
    to_on: str | None = None
    facility: str | None = None
    origin: str | None = None  # None: entered here; "eoir": from EOIR's data
    origin_note: str | None = None  # what the source said that is kept as given
