"""The base of every row the core hands out (records, search hits, report lines).

Its own module so that search results and records share it without either importing the
other, and so that the values the first window needs do not load ``dataclasses``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class Record:
    """Base for rows: ``as_dict`` feeds --json output and templates."""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
