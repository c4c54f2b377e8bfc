"""The seals in ``caseorg check`` on a court library (issue 16): the server's sealing
triggers there and enabled, and each sealed row against its seal — the folder check's
lines (:func:`caseorg.library.seals.broken_seals`, one walk for both backends). See
:mod:`caseorg.library.pg_seals` for what the seals can and cannot show on a server."""

from __future__ import annotations

from typing import Any

from caseorg.library import pg_seals
from caseorg.library.seals import broken_seals
from caseorg.upkeep.check import CheckReport, Problem


def check_seals(lib: Any, report: CheckReport, *, repair: bool = False) -> None:
    """Add the seals' problems to ``report``; with ``repair``, the owner puts a missing or
    disabled sealing trigger back (the rows it missed stay named: their seal would vouch
    for what nobody saw)."""
    pg = lib.db.raw
    state = dict(pg.execute("SELECT tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal"))
    triggers = []
    for _table, name in pg_seals.trigger_names():
        if name not in state:
            triggers.append(Problem("tampering", f"sealing trigger {name} is missing (dropped)"))
        elif state[name] == "D":
            triggers.append(Problem("tampering", f"sealing trigger {name} is disabled"))
    if triggers and repair:
        _mend(pg, triggers)
    elif triggers:
        report.plan.append("--repair (run by the database's owner) puts the sealing triggers back")
    report.problems += triggers
    report.problems += [Problem("tampering", line) for line in broken_seals(lib.conn)]
    if line := pg_seals.vouched(lib.conn):
        report.plan.append(line)


def _mend(pg: Any, problems: list[Problem]) -> None:
    import psycopg

    try:
        with pg.transaction():
            pg_seals.start_sealing(pg)
    except psycopg.Error as exc:
        first = str(exc).strip().splitlines()[0]
        for problem in problems:
            problem.detail += f" (not repaired: {first}; the database's owner runs --repair)"
        return
    for problem in problems:
        problem.repaired = True
        problem.detail += " (put back)"
