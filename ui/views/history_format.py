"""How an audit row reads in the case view's History tab: one line of changes."""

from __future__ import annotations

import json

from caseorg.records import AuditEvent
from caseorg.words import label

DASH = "—"


HIDDEN_FIELDS = {"id", "created_at", "updated_at", "recorded_at", "imported_at", "sha256"}


class HistoryFormatter:
    """Turns an audit row's before/after JSON into one readable line."""

    def __init__(self, judges: dict[int, str]):
        self.judges = judges

    def value(self, key: str, value: object) -> str:
        if value is None or value == "":
            return DASH
        if key.endswith("judge_id") and isinstance(value, int):
            return self.judges.get(value, str(value))
        if isinstance(value, str):
            return label(value) if value.islower() and " " not in value else value
        return str(value)

    def changes(self, event: AuditEvent) -> str:
        before = json.loads(event.before_json) if event.before_json else None
        after = json.loads(event.after_json) if event.after_json else None
        parts: list[str] = []
        if isinstance(before, dict) and isinstance(after, dict):
            for key in after:
                if key in HIDDEN_FIELDS:
                    continue
                old, new = self.value(key, before.get(key)), self.value(key, after[key])
                parts.append(f"{label(key)}: {old} → {new}")
        elif isinstance(after, dict):
            for key, value in after.items():
                if key in HIDDEN_FIELDS or value in (None, "", 0) and key != "midstream":
                    continue
                parts.append(f"{label(key)}: {self.value(key, value)}")
        return "; ".join(parts) or DASH
