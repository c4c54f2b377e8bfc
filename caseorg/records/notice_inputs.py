"""What the notice judgment reads about a case, gathered once: the proceeding's hearings,
the NTA's service, the address history, counsel, custody, the respondent's age and
motions; and the notices of the hearing being judged. Kept apart from the rules
(:mod:`caseorg.records.notice_rules`) so the rules are a pure function a test can feed."""

from __future__ import annotations

from dataclasses import dataclass, field

from caseorg.library import Library
from caseorg.records.addresses import list_addresses
from caseorg.records.custody import list_custody, respondent_facts
from caseorg.records.life_models import (
    Address,
    Counsel,
    CustodySpell,
    Motion,
    NtaService,
    Proceeding,
)
from caseorg.records.models import Hearing, Notice
from caseorg.records.motions import list_motions
from caseorg.records.nta import list_nta_service
from caseorg.records.proceedings import get_proceeding
from caseorg.records.representation import list_counsel


@dataclass
class NoticeFacts:
    """Everything the judgment of one hearing's notice rests on."""

    hearing: Hearing
    notices: list[Notice]
    first_starts_at: str  # the first hearing of the hearing's proceeding (not cancelled)
    proceeding: Proceeding | None = None
    nta: list[NtaService] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    counsel: list[Counsel] = field(default_factory=list)
    custody: list[CustodySpell] = field(default_factory=list)
    motions: list[Motion] = field(default_factory=list)
    born_on: str | None = None
    unaccompanied: bool = False


def notice_facts(lib: Library, hearing: Hearing, notices: list[Notice]) -> NoticeFacts:
    """The facts of ``hearing``'s case the notice judgment needs (a handful of indexed
    reads: the docket calls it for each in absentia order it shows)."""
    case_id = hearing.case_id
    proceeding = get_proceeding(lib, hearing.proceeding_id) if hearing.proceeding_id else None
    first = lib.db.execute(
        "SELECT min(starts_at) FROM hearings WHERE case_id = ? AND outcome != 'cancelled'"
        " AND (proceeding_id IS ? OR ? IS NULL)",
        [case_id, hearing.proceeding_id, hearing.proceeding_id],
    ).fetchone()
    facts = respondent_facts(lib, case_id)
    return NoticeFacts(
        hearing=hearing,
        notices=notices,
        first_starts_at=(first[0] if first and first[0] else hearing.starts_at),
        proceeding=proceeding,
        nta=list_nta_service(lib, case_id),
        addresses=list_addresses(lib, case_id),
        counsel=list_counsel(lib, case_id),
        custody=list_custody(lib, case_id),
        motions=list_motions(lib, case_id),
        born_on=facts["born_on"],
        unaccompanied=bool(facts["unaccompanied"]),
    )
