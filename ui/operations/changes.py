"""What an operation changed in the library, so only the views that show it redraw.

An operation (:class:`caseorg_ui.operations.library_op.LibraryOp`) says which kinds of
record it writes; when it has finished, the window hands those kinds to each of its
views, and a view re-reads only if they meet what it shows (like Anki's ``OpChanges``).
This module imports nothing of the app, so operations and views can both import it.
"""

from __future__ import annotations

import enum


class Change(enum.Flag):
    """Kinds of record an operation can change; combine them with ``|``."""

    NONE = 0
    CASES = enum.auto()
    DOCUMENTS = enum.auto()
    HEARINGS = enum.auto()
    NOTICES = enum.auto()
    DEADLINES = enum.auto()
    NOTES = enum.auto()
    TAGS = enum.auto()
    REASSIGNMENTS = enum.auto()
    JUDGES = enum.auto()
    SETTINGS = enum.auto()
    SAVED_SEARCHES = enum.auto()
    INDEX = enum.auto()  # the search index (rebuilt, or brought up to date)

    @classmethod
    def everything(cls) -> Change:
        """Every kind (a library opened afresh, or a view that shows it all)."""
        return ~cls.NONE
