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


def test_keys_come_back_in_the_next_run(lib: Any) -> None:
    with lib.db.atomic():
        KnownKeys(lib, "eoir").remember("hearing", "9", 3, {"starts_at": "2025-01-02 09:00"})
    again = KnownKeys(lib, "eoir")
    assert again.previous("hearing", "9") == (3, {"starts_at": "2025-01-02 09:00"})
    with lib.db.atomic():
        again.remember("hearing", "9", 3, {"starts_at": "2025-01-02 09:00"})  # just so
    assert count(lib, "external_keys") == 1
    assert KnownKeys(lib, "other").previous("hearing", "9") == (None, {})


def test_a_case_s_keys_are_loaded_then_let_go(lib: Any) -> None:
    with lib.db.atomic():
        first = KnownKeys(lib, "eoir")
        first.remember("case", "7", 1, {"a": 1})
        first.remember("hearing", "70", 2, {"b": 1})
        first.remember("reassignment", "7:X:Y:2025-01-01", 3, {"c": 1})
    keys = KnownKeys(lib, "eoir")
    assert keys.keys == {} and ("case", "7") in keys  # only the case ids at first
    keys.load_case("7", ["70", "71"])
    assert set(keys.keys) == {
        ("case", "7"),
        ("hearing", "70"),
        ("reassignment", "7:X:Y:2025-01-01"),
    }
    assert ("hearing", "71") in keys.absent
    assert keys.previous("hearing", "70") == (2, {"b": 1})
    keys.release()
    assert keys.keys == {} and keys.previous("hearing", "70") == (2, {"b": 1})  # read again
