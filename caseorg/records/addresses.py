"""The respondent's address history: the address on the NTA and each change of address
(EOIR-33) with the day the court received it. Notice is judged against the address of
record on the day it was served (:func:`address_on`): the latest received on or before
that day. "Provided none" is recorded too (INA 240(b)(5)(B): then no written notice is
required)."""

from __future__ import annotations

import re

from caseorg.errors import InvalidValue
from caseorg.library import Library
from caseorg.records.case_events import (
    add_record,
    case_row,
    day,
    document_of,
    not_before_opening,
    rows_of,
)
from caseorg.records.life_models import ADDRESS_SOURCES, Address
from caseorg.values import parse_choice, require_text

MIN_ADDRESS = 6  # characters other than spaces: "PO Box 1" passes, "x" or "1 A" does not


def clean_address(text: str | None) -> str:
    """An address as typed, spaces collapsed; refused when too short to be one."""
    address = " ".join(require_text(text, "address").split())
    if len(address.replace(" ", "")) < MIN_ADDRESS or not re.search(r"[^\W\d_]", address):
        raise InvalidValue(f"{address!r} is not an address: give street, city and state")
    return address


def same_address(first: str | None, second: str | None) -> bool:
    """Whether two spellings name the same address (case, spaces, punctuation aside)."""

    def key(text: str | None) -> str:
        return re.sub(r"[\W_]+", "", (text or "").casefold())

    return bool(first and second) and key(first) == key(second)


def add_address(
    lib: Library,
    case_id: int,
    address: str | None,
    received_on: str,
    source: str = "eoir33",
    document_id: int | None = None,
) -> Address:
    """Record an address the respondent gave (``address`` None: provided none).

    A change of address (EOIR-33) received before the case was opened is refused; the
    NTA's address may predate the opening (the NTA is served before it is filed)."""
    case = case_row(lib, case_id)
    received = day(received_on, "received date")
    if address is None:
        kind, text = "none_provided", None
    else:
        kind, text = parse_choice(source, ADDRESS_SOURCES, "address source"), clean_address(address)
    if kind == "eoir33":
        not_before_opening(case, received, "change of address received")
    values = {
        "case_id": case_id,
        "address": text,
        "received_on": received,
        "source": kind,
        "document_id": document_of(lib, case_id, document_id),
    }
    return add_record(lib, "addresses", "address", Address, values)


def list_addresses(lib: Library, case_id: int) -> list[Address]:
    """A case's addresses in the order received."""
    return rows_of(lib, "addresses", Address, case_id, "received_on")


def address_on(addresses: list[Address], when: str) -> Address | None:
    """The address of record on day ``when``: the latest received on or before it."""
    before = [a for a in addresses if a.received_on <= when[:10]]
    return max(before, key=lambda a: (a.received_on, a.id)) if before else None
