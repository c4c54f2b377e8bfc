"""Service of the Notice to Appear: when, how (personal or mail), and whether it stated
the time and place of the hearing (Pereira v. Sessions, Niz-Chavez v. Garland: if not, a
separate notice of the hearing must be served). The 10-day minimum of INA 239(b)(1)
runs from this service to the first hearing."""

from __future__ import annotations

from caseorg.library import Library
from caseorg.records.case_events import (
    add_record,
    case_row,
    day,
    document_of,
    proceeding_of,
    rows_of,
)
from caseorg.records.life_models import NTA_METHODS, NtaService
from caseorg.values import parse_choice


def add_nta_service(
    lib: Library,
    case_id: int,
    served_on: str,
    method: str,
    time_and_place: bool = False,
    document_id: int | None = None,
    proceeding_id: int | None = None,
) -> NtaService:
    """Record that the NTA was served (it may predate the case's opening: DHS serves
    it, then files it with the court)."""
    case_row(lib, case_id)
    values = {
        "case_id": case_id,
        "proceeding_id": proceeding_of(lib, case_id, proceeding_id),
        "served_on": day(served_on, "NTA service date"),
        "method": parse_choice(method, NTA_METHODS, "NTA service method"),
        "time_and_place": 1 if time_and_place else 0,
        "document_id": document_of(lib, case_id, document_id),
    }
    return add_record(lib, "nta_service", "nta_service", NtaService, values)


def list_nta_service(lib: Library, case_id: int) -> list[NtaService]:
    return rows_of(lib, "nta_service", NtaService, case_id, "served_on")
