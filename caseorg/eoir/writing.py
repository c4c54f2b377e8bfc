"""Writing what the EOIR data says through caseorg's records: judges, then each case with
its EOIR details, hearings (with their EOIR codes), court-to-court transfers and the
reassignments derived from judge changes, in the caller's transaction.

Every write is a :mod:`caseorg.records` function, so the records' validation and audit
rows apply as for a clerk's edit. What each EOIR key wrote is remembered
(:class:`caseorg.eoir.keys.KnownKeys`): a new key adds a record, a known one updates
only the fields whose source value changed, so local edits to the others stay.
"""

from __future__ import annotations

from typing import Any

from caseorg.eoir.keys import KnownKeys
from caseorg.eoir.life import LIFE_TABLES, LifeRecord, life_records
from caseorg.eoir.lookups import Lookups
from caseorg.eoir.mapping import (
    CasePlan,
    HearingPlan,
    JudgeChange,
    case_judges,
    judge_changes,
    transfers,
)
from caseorg.eoir.report import EoirReport
from caseorg.errors import CaseorgError
from caseorg.library import Library
from caseorg.records import (
    add_case_row,
    add_hearing_rows,
    add_judge,
    add_life_rows,
    edit_case,
    get_case,
    link_eoir_case,
    list_judges,
    record_import,
    record_reassignment,
    save_eoir_case_details,
    save_eoir_hearing_codes,
    save_eoir_transfer,
    set_case_judge,
    update_case_row,
    update_hearing_row,
    update_judge_row,
    update_life_row,
)

SOURCE = "eoir"
_NOT_CASE_FIELDS = ("judge_code", "a_number", "details")
# a judge change EOIR's data shows says neither why nor who ordered it (ordered_by empty)
INFERRED_REASON = "not recorded in EOIR data (judge change derived from EOIR data)"


def import_summary(idncase: str, added: dict[str, list[int]]) -> dict[str, Any]:
    """The audit row of what an import added to a case: EOIR's case id, and by kind how
    many records and their ids ('8: #101–#108'); the values are the records' own."""
    summary: dict[str, Any] = {"source": f"EOIR data (IDNCASE {idncase})"}
    for kind, ids in added.items():
        contiguous = ids == list(range(ids[0], ids[0] + len(ids)))
        shown = (
            f"#{ids[0]}–#{ids[-1]}"
            if contiguous and len(ids) > 1
            else ", ".join(f"#{i}" for i in ids)
        )
        summary[kind.replace("_", " ")] = f"{len(ids)} added: {shown}"
    return summary


class EoirWriter:
    """Writes planned cases into ``lib``, counting what it did in ``report``."""

    def __init__(self, lib: Library):
        self.lib = lib
        self.report = EoirReport()
        self.lookups = Lookups()
        self.keys = KnownKeys(lib, SOURCE)
        self.judge_ids = {judge.code.upper(): judge.id for judge in list_judges(lib)}
        # hearings' EOIR codes: a case's, then the batch's, stored by flush_codes
        self.case_codes: list[tuple[int, dict[str, Any]]] = []
        self.batch_codes: list[tuple[int, dict[str, Any]]] = []

    def _write_judges(self, codes: set[str]) -> None:
        """Add the judges the data names (people only); refresh names from the lookup."""
        names = self.lookups.judges
        with self.lib.db.atomic():
            for code in sorted(c for c in codes if self.lookups.is_person(c)):
                judge = names.get(code)
                name = judge.name if judge else f"Judge {code}"
                court = None
                if judge is not None and judge.city:
                    court = self.lookups.meaning("court", judge.city) or ", ".join(
                        p for p in (judge.city, judge.state) if p
                    )
                wanted = {"name": name, "court": court}
                judge_id = self.judge_ids.get(code)
                if judge_id is None:
                    judge_id = add_judge(self.lib, code, name, court).id
                    self.judge_ids[code] = judge_id
                    self.keys.remember("judge", code, judge_id, wanted)
                    self.report.counts["judges_created"] += 1
                elif code in names:
                    _id, before = self.keys.previous("judge", code)
                    changes = {k: v for k, v in wanted.items() if before.get(k) != v}
                    if changes:
                        update_judge_row(self.lib, judge_id, changes)
                        self.keys.remember("judge", code, judge_id, wanted)
                        self.report.counts["judges_updated"] += 1

    def _write_case(self, plan: CasePlan, hearings: list[HearingPlan]) -> None:
        """Write one case, its details, hearings, transfers and derived reassignments (one
        transaction)."""
        lib, keys = self.lib, self.keys
        case_id, before = keys.previous("case", plan.idncase)
        changes = judge_changes(plan, hearings, self.lookups)
        first_judge, final_judge = case_judges(plan, hearings, changes, self.lookups)
        created = updated = False
        start_judge: int | None = None
        self.added: dict[str, list[int]] = {}  # what this case gained, audited together
        with lib.db.atomic():
            if plan.case_row is not None:
                wanted = {**plan.values, "judge_code": final_judge or None}
                wanted["details"] = plan.details
                a_number = wanted["a_number"]
                if case_id is None:  # opened before (by hand, or an earlier import): link it
                    case_id = plan.existing_id
                if case_id is None:
                    values = {k: v for k, v in wanted.items() if k not in _NOT_CASE_FIELDS}
                    if not values["respondent"]:
                        values["respondent"] = f"Respondent (EOIR {plan.idncase})"
                    start_judge = self.judge_ids.get(first_judge) if first_judge else None
                    case_id = add_case_row(lib, a_number, start_judge, values, plan.idncase)
                    created = True
                else:
                    fields = {
                        k: v
                        for k, v in wanted.items()
                        if k not in _NOT_CASE_FIELDS
                        and before.get(k) != v
                        and (v is not None or k != "respondent")
                    }
                    if fields:
                        update_case_row(lib, case_id, fields)
                        updated = True
                    now = get_case(lib, case_id)
                    if a_number and not now.a_number:
                        edit_case(lib, case_id, a_number=a_number)
                        updated = True
                    if now.eoir_case_id != plan.idncase:  # opened by hand: linked now
                        link_eoir_case(lib, case_id, plan.idncase)
                        updated = True
                if before.get("details") != plan.details:
                    save_eoir_case_details(lib, case_id, plan.details)
                    updated = updated or not created
                keys.remember("case", plan.idncase, case_id, wanted)
            elif case_id is None:
                raise CaseorgError(
                    f"IDNCASE {plan.idncase} is not in the case file nor imported before"
                )
            life = life_records(plan, self.lookups, plan.values.get("opened_on"))
            proceeding_ids: dict[str, int] = {}
            if self._write_life(case_id, life, LIFE_TABLES[:1], proceeding_ids):
                updated = True
            if self._write_hearings(case_id, hearings, proceeding_ids):
                updated = True
            if self._write_life(case_id, life, LIFE_TABLES[1:], proceeding_ids):
                updated = True
            for change in changes:
                if self._write_change(case_id, change):
                    updated = True
            for moved in transfers(plan, self.lookups):
                key = f"{plan.idncase}:{moved.key}"
                _id, was = keys.previous("transfer", key)
                if was != moved.values:
                    save_eoir_transfer(lib, case_id, moved.key, moved.values)
                    keys.remember("transfer", key, case_id, moved.values)
                    self.report.counts["transfers_recorded"] += 1
                    updated = True
            if final_judge and plan.case_row is not None:
                judge_id = self.judge_ids.get(final_judge)
                _id, was = keys.previous("case_judge", plan.idncase)
                if (
                    judge_id is not None
                    and was.get("code") != final_judge
                    and not (created and judge_id == start_judge)  # it was opened so
                    and set_case_judge(lib, case_id, judge_id)
                ):
                    updated = True
                keys.remember("case_judge", plan.idncase, case_id, {"code": final_judge})
            if self.added:
                record_import(lib, case_id, import_summary(plan.idncase, self.added))
        key = "cases_created" if created else "cases_updated" if updated else "cases_unchanged"
        self.report.counts[key] += 1

    def _write_life(
        self,
        case_id: int,
        records: list[LifeRecord],
        tables: tuple[str, ...],
        proceeding_ids: dict[str, int],
    ) -> bool:
        """Add the case's new records of its life in ``tables`` (together, a table at a
        time) and update the known ones whose source values changed (a local edit to
        another field stays); a proceeding's id is noted in ``proceeding_ids`` by its
        IDNPROCEEDING. True when anything was written."""
        lib, keys, counts = self.lib, self.keys, self.report.counts
        written = False
        for table in tables:
            new: list[tuple[LifeRecord, dict[str, Any]]] = []
            remembered: list[tuple[str, int, dict[str, Any]]] = []
            for record in (r for r in records if r.table == table):
                values = dict(record.values)
                if table == "proceedings":
                    code = record.judge_code
                    values["judge_id"] = self.judge_ids.get(code) if code else None
                elif table in ("relief_applications", "motions"):
                    values["proceeding_id"] = proceeding_ids.get(record.proceeding or "")
                row_id, before = keys.previous(table, record.key)
                if row_id is None:
                    new.append((record, values))
                    continue
                if record.proceeding and table == "proceedings":
                    proceeding_ids[record.proceeding] = row_id
                fields = {k: v for k, v in values.items() if before.get(k) != v}
                if fields:
                    update_life_row(lib, table, row_id, fields)
                    counts["life_records_updated"] += 1
                    remembered.append((record.key, row_id, values))
            rows = [v for _r, v in new]
            ids = add_life_rows(lib, table, case_id, rows, SOURCE, audit_each=False)
            if ids:
                self.added[table] = ids
            for row_id, (record, values) in zip(ids, new, strict=True):
                remembered.append((record.key, row_id, values))
                if record.proceeding and table == "proceedings":
                    proceeding_ids[record.proceeding] = row_id
            counts["life_records_created"] += len(ids)
            keys.remember_many(table, remembered)
            written = written or bool(remembered)
        return written

    def _write_hearings(
        self, case_id: int, hearings: list[HearingPlan], proceeding_ids: dict[str, int]
    ) -> bool:
        """Add the case's new hearings (together) and update the known ones, with their
        EOIR codes and proceedings; True when anything was written."""
        lib, keys, counts = self.lib, self.keys, self.report.counts
        new: list[tuple[HearingPlan, dict[str, Any]]] = []
        codes: list[tuple[int, dict[str, Any]]] = []
        remembered: list[tuple[str, int, dict[str, Any]]] = []
        for hearing in hearings:
            values = dict(hearing.values)
            code = values.pop("judge_code")
            values["judge_id"] = self.judge_ids.get(code) if code else None
            values["proceeding_id"] = proceeding_ids.get(hearing.row.get("IDNPROCEEDING"))
            hearing_id, before = keys.previous("hearing", hearing.key)
            if hearing_id is None:
                new.append((hearing, values))
                continue
            fields = {k: v for k, v in values.items() if before.get(k) != v}
            if fields:
                update_hearing_row(lib, hearing_id, fields)
                counts["hearings_updated"] += 1
            if before.get("codes") != hearing.codes:
                codes.append((hearing_id, hearing.codes))
            if before != {**values, "codes": hearing.codes}:
                remembered.append((hearing.key, hearing_id, {**values, "codes": hearing.codes}))
        ids = add_hearing_rows(lib, case_id, [values for _h, values in new], audit_each=False)
        if ids:
            self.added["hearings"] = ids
        for hearing_id, (hearing, values) in zip(ids, new, strict=True):
            codes.append((hearing_id, hearing.codes))
            remembered.append((hearing.key, hearing_id, {**values, "codes": hearing.codes}))
        counts["hearings_created"] += len(ids)
        self.case_codes.extend(codes)
        keys.remember_many("hearing", remembered)
        return bool(ids or codes or remembered)

    def flush_codes(self) -> None:
        """Store the batch's hearing codes (in its transaction, before its commit)."""
        save_eoir_hearing_codes(self.lib, self.batch_codes)
        self.batch_codes = []

    def _write_change(self, case_id: int, change: JudgeChange) -> bool:
        """Record a judge change the data shows, once; True when it was new."""
        if ("reassignment", change.key) in self.keys:
            return False
        from_id = self.judge_ids.get(change.from_code)
        to_id = self.judge_ids.get(change.to_code)
        if to_id is None:
            return False
        row_id = record_reassignment(
            self.lib,
            case_id,
            from_id,
            to_id,
            change.effective_on,
            INFERRED_REASON,
            midstream=change.midstream,
        )
        self.keys.remember(
            "reassignment", change.key, row_id, {"effective_on": change.effective_on}
        )
        self.report.counts["reassignments_inferred"] += 1
        return True
