"""A court library's search index until search runs on the server (issue 16, not built
yet): the records code's index updates are nothing to do, and a search says, in one line,
that it cannot be done yet."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from caseorg.library import not_yet


class NoIndex:
    """Stands where :class:`caseorg.search.engine.SearchIndex` stands on a folder library."""

    def index_documents(self, document_ids: list[int]) -> int:
        return 0  # the pages are in the court database already

    def remove_documents(self, document_ids: Iterable[int]) -> None:
        return None

    def close(self) -> None:
        return None

    def __getattr__(self, name: str) -> Any:
        raise not_yet("search")
