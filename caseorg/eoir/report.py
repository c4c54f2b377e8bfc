"""What an EOIR import reports: its progress, the rows it skipped and why, its counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from caseorg.progress import Progress
from caseorg.rows import Record


@dataclass
class RowProblem(Record):
    """A row that was skipped (or a case that was not written), and why."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}, line {self.line}: {self.message}"


def eoir_progress(done: int, total: int, current: str) -> Progress:
    """'3 of 1,200 cases · IDNCASE 7'; before the cases are known, 'Reading the files…'."""
    if not total:
        return Progress("Reading the files…", done, total)
    return Progress(f"{done:,} of {total:,} cases · {current}", done, total)


@dataclass
class EoirReport(Record):
    files: list[dict[str, Any]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            (
                "cases_created",
                "cases_updated",
                "cases_unchanged",
                "hearings_created",
                "hearings_updated",
                "transfers_recorded",
                "judges_created",
                "judges_updated",
                "reassignments_inferred",
                "life_records_created",
                "life_records_updated",
                "rows_skipped",
            ),
            0,
        )
    )
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems and not self.cancelled

    def summary(self) -> str:
        c = self.counts
        parts = [
            f"{c['cases_created']} cases created",
            f"{c['cases_updated']} updated",
            f"{c['cases_unchanged']} unchanged",
            f"{c['hearings_created']} hearings added",
        ]
        if c["hearings_updated"]:
            parts.append(f"{c['hearings_updated']} hearings updated")
        if c["judges_created"]:
            parts.append(f"{c['judges_created']} judges added")
        if c["reassignments_inferred"]:
            parts.append(f"{c['reassignments_inferred']} reassignments derived from judge changes")
        if c["life_records_created"] or c["life_records_updated"]:
            parts.append(
                f"{c['life_records_created']} case-life records added (proceedings, "
                f"addresses, counsel, custody, relief, motions)"
                + (f", {c['life_records_updated']} updated" if c["life_records_updated"] else "")
            )
        if c["transfers_recorded"]:
            parts.append(f"{c['transfers_recorded']} transfers between courts")
        if c.get("a_numbers_added"):
            parts.append(f"{c['a_numbers_added']} A-numbers added")
        if not any(v for k, v in c.items() if k not in ("cases_unchanged", "rows_skipped")):
            parts.append("nothing changed")
        if self.problems:
            parts.append(f"{len(self.problems)} problem(s)")
        return ", ".join(parts) + (" (cancelled)" if self.cancelled else "")
