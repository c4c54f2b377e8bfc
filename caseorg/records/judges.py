"""Judges: the immigration judges a case can be assigned to."""

from __future__ import annotations

from typing import Any

from caseorg.errors import InvalidValue, NotFound
from caseorg.library import Library
from caseorg.records.audited import insert_audited, update_audited
from caseorg.records.models import Judge
from caseorg.records.races import taken_meanwhile
from caseorg.values import optional_text, require_text


def add_judge(lib: Library, code: str, name: str, court: str | None = None) -> Judge:
    """Add a judge; ``code`` is the short code used on dockets (EOIR's IJ_CODE)."""
    code = require_text(code, "judge code").upper()
    name = require_text(name, "judge name")
    if find_judge(lib, code) is not None:
        raise InvalidValue(f"a judge with code {code} already exists")
    with taken_meanwhile("judges", {"code": f"a judge with code {code} already exists"}):
        judge_id = insert_audited(
            lib, "judges", "judge", {"code": code, "name": name, "court": optional_text(court)}
        )
    return get_judge(lib, judge_id)


def update_judge_row(lib: Library, judge_id: int, fields: dict[str, Any]) -> None:
    """Apply the name and court another system's lookup changed (the code stays: it is
    how that system names the judge)."""
    changes: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "name":
            changes[key] = require_text(value, "judge name")
        elif key == "court":
            changes[key] = optional_text(value)
        else:
            raise InvalidValue(f"unknown judge field {key!r}")
    update_audited(lib, "judges", "judge", judge_id, changes, "judge")


def get_judge(lib: Library, judge_id: int) -> Judge:
    rows = list(lib.db.query("SELECT * FROM judges WHERE id = ?", [judge_id]))
    if not rows:
        raise NotFound(f"judge {judge_id} not found")
    return Judge(**rows[0])


def find_judge(lib: Library, code: str) -> Judge | None:
    rows = list(lib.db.query("SELECT * FROM judges WHERE code = ?", [code.strip()]))
    return Judge(**rows[0]) if rows else None


def judge_by_code(lib: Library, code: str) -> Judge:
    """The judge with ``code`` or a NotFound that lists how to see the codes."""
    judge = find_judge(lib, code)
    if judge is None:
        raise NotFound(f"no judge with code {code.strip()!r} (see 'caseorg judge list')")
    return judge


def list_judges(lib: Library, active_only: bool = False) -> list[Judge]:
    sql = "SELECT * FROM judges"
    if active_only:
        sql += " WHERE active = 1"
    return [Judge(**row) for row in lib.db.query(sql + " ORDER BY name")]
