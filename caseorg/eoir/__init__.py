"""EOIR's public case data, as published: reading the release and mapping it to records.

A release is a folder (lookups in its ``Lookup`` sub-folder) or a ``.zip``; its files are
known by their release names (``A_TblCase``, ``B_TblProceeding``, ``tbl_schedule``,
``tbl_RepsAssigned``, ``tblLookupJudge``, ``tblAdjournmentcodes`` …), else by their
columns; tab-separated with no quoting or comma-separated, UTF-8 or Latin-1, SQL Server
dates; ``Count.txt`` row counts checked. The release carries no A-numbers or names:
a case is keyed by EOIR's case id (IDNCASE, shown ``EOIR 310000001``) until an
A-number is known (``--a-numbers``, ``case edit``, the case dialog).

Codes are decoded through the release's lookups (kept as codes when absent). Judge
changes within a court become reassignments derived from EOIR data (reason "not
recorded in EOIR data", ordered-by unknown); placeholders in the judge lookup
(visiting judges, <All Judges>, the clerical transfer code) are not judges, and a move
between courts (TRANSFER_TO, a previous base city) is a transfer. NOTICE_CODE is the
type of notice EOIR generated, kept with the hearing; how notice was served is not in
the data. What caseorg has no field for yet (priority, birth date, address, detention
dates, EOIR-28) is kept in the ``eoir_*`` tables; a calendar or medium caseorg has no
word for is hearing kind "other" / medium "unknown", said with its code.

A case's life (proceedings with their charges, bond matters, addresses, EOIR-28s,
custody, applications for relief, motions) is written to issue 14's tables through
:func:`caseorg.records.add_life_rows`, each record marked ``origin`` 'eoir' with what
was kept as given in ``origin_note`` (:mod:`.life` maps the rows).

Each case is written all or nothing; a row that cannot be read is reported with its file
and line and skipped. Re-importing is idempotent: what was imported is remembered in
``external_keys`` (with the values written), so a second import adds nothing, and a
changed row updates only the fields whose source value changed (local edits stay).

The work is split by job: :mod:`.tables` reads the files (:mod:`.values` their dates),
:mod:`.lookups` and :mod:`.codes` say what codes mean, :mod:`.mapping` what the rows mean,
:mod:`.life` what they say of a case's life, :mod:`.writing` writes through
:mod:`caseorg.records`, :mod:`.importer` runs it all,
:mod:`.a_numbers` reads a court's A-numbers, :mod:`.report` says what happened.
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
