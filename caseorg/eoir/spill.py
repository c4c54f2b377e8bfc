"""The schedule's rows kept on disk until their case is written.

EOIR's ``tbl_schedule`` runs to tens of millions of rows in no case order, and a case is
written with all its hearings at once; holding every row in memory would take gigabytes.
The rows a run keeps go to a private temporary SQLite file instead (no journal, no
sync: it is scratch), indexed by case, and come back one case at a time.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from caseorg.eoir.tables import Row

_SEP = "\x1f"  # the unit separator: dropped from every line read, so never in a value


class RowSpill:
    """Rows by IDNCASE, on disk; :meth:`close` deletes the file."""

    def __init__(self) -> None:
        handle, name = tempfile.mkstemp(prefix="caseorg-eoir-", suffix=".db")
        os.close(handle)  # created 0600 by mkstemp
        self.path = Path(name)
        self.conn = sqlite3.connect(name, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode = OFF")
        self.conn.execute("PRAGMA synchronous = OFF")
        self.conn.execute(
            "CREATE TABLE rows (idncase TEXT, source INTEGER, line INTEGER, packed TEXT)"
        )
        self.sources: list[tuple[str, dict[str, int]]] = []  # (file, columns) of each table
        self._source_ids: dict[tuple[str, int], int] = {}
        self._buffer: list[tuple[str, int, int, str]] = []
        self._indexed = False

    def add(self, idncase: str, row: Row) -> None:
        """Keep ``row`` for case ``idncase``."""
        key = (row.file, id(row.columns))  # one columns map per table, kept in sources
        number = self._source_ids.get(key)
        if number is None:
            number = self._source_ids[key] = len(self.sources)
            self.sources.append((row.file, row.columns))
        self._buffer.append((idncase, number, row.line, _SEP.join(row.values)))
        if len(self._buffer) >= 20_000:
            self._flush()

    def _flush(self) -> None:
        self.conn.executemany("INSERT INTO rows VALUES (?, ?, ?, ?)", self._buffer)
        self._buffer = []

    def rows_of(self, idncase: str) -> list[Row]:
        """The rows kept for a case, in file and line order."""
        if not self._indexed:
            self._flush()
            self.conn.execute("CREATE INDEX rows_case ON rows(idncase)")
            self.conn.commit()
            self._indexed = True
        out = []
        for source, line, packed in self.conn.execute(
            "SELECT source, line, packed FROM rows WHERE idncase = ? ORDER BY source, line",
            [idncase],
        ):
            file, columns = self.sources[source]
            out.append(Row(file, line, tuple(packed.split(_SEP)), columns))
        return out

    def close(self) -> None:
        self.conn.close()
        self.path.unlink(missing_ok=True)
