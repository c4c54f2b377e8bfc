"""The seals in ``caseorg check`` on a court library (issue 16): each sealed row against
its seal — the folder check's
lines (:func:`caseorg.library.seals.broken_seals`, one walk for both backends). See
:mod:`caseorg.library.pg_seals` for what the seals can and cannot show on a server."""

from __future__ import annotations

from typing import Any

from caseorg.library import pg_seals
from caseorg.library.seals import broken_seals
from caseorg.upkeep.check import CheckReport, Problem


def check_seals(lib: Any, report: CheckReport) -> None:
    """Add the seals' problems to ``report``: each sealed row against its seal (the
    sealing triggers themselves are checked, and put back by the owner's repair, with the
    other triggers: :mod:`caseorg.upkeep.court_check`; the rows a missing trigger let in
    stay named: their seal would vouch for what nobody saw)."""
    report.problems += [Problem("tampering", line) for line in broken_seals(lib.conn)]
    if line := pg_seals.vouched(lib.conn):
        report.plan.append(line)
