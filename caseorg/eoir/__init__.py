"""EOIR's public case data: reading its tables and mapping each row to records.

Import case data shaped like EOIR's public case data: cases, proceedings, hearings.

A folder holds comma- or tab-separated files (the delimiter and header are
sniffed; each file's kind is told by its columns, unknown columns are ignored):

- cases:        IDNCASE, ALIEN_NBR (the A-number), ALIEN_NAME, NAT, LANG, CUSTODY, CASE_TYPE
- proceedings:  IDNPROCEEDING, IDNCASE, OSC_DATE, INPUT_DATE, IJ_CODE, PREV_IJ_CODE,
                TRANS_IN_DATE, BASE_CITY_CODE, COMP_DATE, DEC_CODE, ABSENTIA, CUSTODY, CASE_TYPE
- schedule:     IDNSCHEDULE, IDNPROCEEDING, IDNCASE, ADJ_DATE, ADJ_TIME_START, CAL_TYPE,
                IJ_CODE, ADJ_RSN, ADJ_MEDIUM, NOTICE_CODE, INPUT_DATE, LANG
- lookups:      JUDGE_CODE + JUDGE_NAME (judges), BASE_CITY_CODE + BASE_CITY_NAME (courts),
                ADJ_RSN/ADJ_CODE + ADJ_DESC (adjournment reasons)

Each case is written in one transaction (never half a case). A row that cannot
be read is reported with its file and line and skipped. Re-importing is
idempotent: what was imported is remembered in ``external_keys`` (with the
values written), so a second import adds nothing, and a changed row updates
only the fields whose source value changed (local edits to other fields stay).
Judge changes that the data shows (a proceeding's PREV_IJ_CODE, or hearings
held by a new judge) are recorded as reassignments with the reason
"inferred from case data".

The work is split by job: :mod:`.tables` reads the files, :mod:`.codes` and
:mod:`.mapping` say what the rows mean, :mod:`.writing` writes through
:mod:`caseorg.records`, :mod:`.importer` runs it all, :mod:`.report` says what happened.
"""

from typing import TYPE_CHECKING

from caseorg.exports import lazy_exports

if TYPE_CHECKING:  # what the package offers (each module loads when a name is first used)
    from caseorg.eoir.importer import import_eoir as import_eoir
    from caseorg.eoir.report import EoirReport as EoirReport, eoir_progress as eoir_progress

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "importer": "import_eoir",
        "report": "EoirReport eoir_progress",
    },
)
