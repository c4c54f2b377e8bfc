"""Keys of records made from another system's data: remembered, replaced, per source."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import count

from caseorg.errors import ReadOnlyLibrary
from caseorg.library.folder import open_library
from caseorg.records.external_keys import imported_keys, remember_key


def test_keys_are_remembered_per_source_and_replaced(lib: Any) -> None:
    with lib.db.atomic():
        remember_key(lib, "eoir", "case", "4001001", 7, '{"a": 1}')
        remember_key(lib, "eoir", "hearing", "9000101", 12, None)
        remember_key(lib, "other", "case", "4001001", 99, None)
    assert imported_keys(lib, "eoir") == {
        ("case", "4001001"): (7, '{"a": 1}'),
        ("hearing", "9000101"): (12, None),
    }
    with lib.db.atomic():
        remember_key(lib, "eoir", "case", "4001001", 8, '{"a": 2}')  # the same key again
    assert imported_keys(lib, "eoir")[("case", "4001001")] == (8, '{"a": 2}')
    assert count(lib, "external_keys") == 3
    assert count(lib, "audit") == 0  # bookkeeping, not a court record
    assert imported_keys(lib, "nobody") == {}


def test_a_key_goes_with_its_rolled_back_transaction(lib: Any) -> None:
    with pytest.raises(RuntimeError), lib.db.atomic():
        remember_key(lib, "eoir", "case", "1", 1, None)
        raise RuntimeError("the case's write failed")
    assert imported_keys(lib, "eoir") == {}


def test_a_read_only_library_refuses(lib: Any) -> None:
    with open_library(lib.location, read_only=True) as reader, pytest.raises(ReadOnlyLibrary):
        remember_key(reader, "eoir", "case", "1", 1, None)
