"""Court settings kept in the library's ``meta`` table (so every window and the CLI agree).

Each setting has a name a clerk types (``notice-min-days``), a default, and a
validator; a change is audited like any other write.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from caseorg.errors import InvalidValue
from caseorg.library import audit
from caseorg.library.folder import Library


@dataclass(frozen=True)
class Setting:
    name: str  # as typed: notice-min-days
    key: str  # meta key: notice_min_days
    default: int
    minimum: int
    maximum: int
    description: str

    def parse(self, value: object) -> int:
        """The value as an int within bounds, or InvalidValue naming the setting."""
        text = str(value).strip()
        try:
            number = int(text)
        except ValueError:
            raise InvalidValue(f"invalid {self.name} {text!r}: use a whole number") from None
        if not self.minimum <= number <= self.maximum:
            raise InvalidValue(
                f"invalid {self.name} {number}: use a number from {self.minimum} to {self.maximum}"
            )
        return number


NOTICE_MIN_DAYS = Setting(
    "notice-min-days",
    "notice_min_days",
    10,
    0,
    365,
    "days a notice of hearing must precede the hearing for an in absentia order to be sound",
)
COMPLETION_GOAL = Setting(
    "completion-goal",
    "completion_goal",
    700,
    1,
    100_000,
    "completions per judge per year the court aims for",
)
OCR_AFTER_IMPORT = Setting(
    "ocr-after-import",
    "ocr_after_import",
    1,
    0,
    1,
    "1: the app reads scanned pages (OCR) by itself after an import; 0: only when asked",
)
SETTINGS: dict[str, Setting] = {
    s.name: s for s in (NOTICE_MIN_DAYS, COMPLETION_GOAL, OCR_AFTER_IMPORT)
}


def find_setting(name: str) -> Setting:
    """The setting called ``name`` ('notice-min-days' or 'notice_min_days')."""
    normal = (name or "").strip().lower().replace("_", "-")
    if normal not in SETTINGS:
        raise InvalidValue(f"unknown setting {name!r}: choose one of {', '.join(SETTINGS)}")
    return SETTINGS[normal]


def _stored(lib: Library, key: str) -> str | None:
    row = lib.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return None if row is None else row[0]


def get_setting(lib: Library, setting: Setting | str) -> int:
    """The configured value, or the default when unset (or unreadable: never an error)."""
    item = setting if isinstance(setting, Setting) else find_setting(setting)
    raw = _stored(lib, item.key)
    if raw is None:
        return item.default
    try:
        return item.parse(raw)
    except InvalidValue:
        return item.default


def set_setting(lib: Library, setting: Setting | str, value: object) -> int:
    """Store a new value (audited as entity 'setting'); returns the value stored."""
    item = setting if isinstance(setting, Setting) else find_setting(setting)
    number = item.parse(value)
    lib.require_writable()
    with lib.db.atomic():
        before = _stored(lib, item.key)
        if before == str(number):
            return number
        lib.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [item.key, str(number)],
        )
        audit.record(
            lib.db,
            lib.actor,
            "update",
            "setting",
            None,
            {item.key: before} if before is not None else None,
            {item.key: str(number)},
        )
    return number


def list_settings(lib: Library) -> list[dict[str, Any]]:
    """Every setting with its value, default and meaning (for `caseorg config list`)."""
    return [
        {
            "name": s.name,
            "value": get_setting(lib, s),
            "default": s.default,
            "description": s.description,
        }
        for s in SETTINGS.values()
    ]
