"""What earlier imports wrote, in memory for one run, forgotten with a rolled-back case."""

from __future__ import annotations

from typing import Any

from helpers import count

from caseorg.eoir.keys import KnownKeys


def test_remember_previous_and_forget(lib: Any) -> None:
    keys = KnownKeys(lib, "eoir")
    with lib.db.atomic():
        keys.remember("case", "1", 10, {"a": 1})
    keys.begin()
    with lib.db.atomic():
        keys.remember("case", "1", 10, {"a": 2})
        keys.remember("case", "2", 11, {"a": 3})
    assert keys.previous("case", "1") == (10, {"a": 2})
    keys.forget_since_begin()  # the case's transaction rolled back
    assert keys.previous("case", "1") == (10, {"a": 1})
    assert keys.previous("case", "2") == (None, {})
    assert ("case", "1") in keys and ("case", "2") not in keys
    assert keys.owners("case") == {10: "1"}


def test_keys_come_back_in_the_next_run(lib: Any) -> None:
    with lib.db.atomic():
        KnownKeys(lib, "eoir").remember("hearing", "9", 3, {"starts_at": "2025-01-02 09:00"})
    again = KnownKeys(lib, "eoir")
    assert again.previous("hearing", "9") == (3, {"starts_at": "2025-01-02 09:00"})
    with lib.db.atomic():
        again.remember("hearing", "9", 3, {"starts_at": "2025-01-02 09:00"})  # just so
    assert count(lib, "external_keys") == 1
    assert KnownKeys(lib, "other").previous("hearing", "9") == (None, {})
