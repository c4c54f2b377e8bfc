"""The SQLite dialect the records code writes, said in PostgreSQL's (court mode, issue 16).

The domain modules write one SQL for both backends; this module rewrites a statement for
PostgreSQL as it passes through :class:`caseorg.library.pg.PgDatabase`, outside string
literals and quoted names only:

- ``?`` and ``:name`` placeholders become psycopg's ``%s`` and ``%(name)s`` (every ``%``
  else is doubled, in string literals too: psycopg reads them);
- ``INSERT OR IGNORE`` becomes ``INSERT ... ON CONFLICT DO NOTHING``;
- ``IS ?`` / ``IS column`` (SQLite's null-safe equality) becomes ``IS NOT DISTINCT FROM``;
- ``LIKE`` becomes ``ILIKE`` (SQLite's LIKE ignores ASCII case), in the "C" collation
  (PostgreSQL 15 has no LIKE for a NOCASE operand);
- ``max(a, b)`` / ``min(a, b)`` with two or more arguments become GREATEST / LEAST.

What SQLite has and PostgreSQL lacks as a function (``group_concat``, ``json_extract``,
``instr``, ``ifnull``) is defined on the server instead (:mod:`caseorg.library.pg_schema`),
and the NOCASE collation is an ICU collation there, so the statements keep them.
Translations are cached: the same few hundred statements pass through all day.
"""

from __future__ import annotations

import functools
import re

from caseorg.errors import CaseorgError

_IS_VALUE = re.compile(r"IS\s+(NOT\s+)?", re.I)
_IS_KEYWORD = re.compile(r"(?:NULL|TRUE|FALSE|DISTINCT|UNKNOWN)\b", re.I)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class UnsupportedSql(CaseorgError):
    """A statement court mode cannot run on PostgreSQL yet (said in one line)."""


def _skip_quoted(sql: str, at: int) -> int:
    """The index just past the quoted literal or name that starts at ``at``."""
    quote = sql[at]
    end = at + 1
    while end < len(sql):
        if sql[end] == quote:
            if end + 1 < len(sql) and sql[end + 1] == quote:  # '' inside a literal
                end += 2
                continue
            return end + 1
        end += 1
    return end


def _closing(sql: str, at: int) -> tuple[int, bool]:
    """For the '(' at ``at``: the index of its ')' and whether a comma sits at its top level."""
    depth, comma, i = 0, False, at
    while i < len(sql):
        ch = sql[i]
        if ch in "'\"":
            i = _skip_quoted(sql, i)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i, comma
        elif ch == "," and depth == 1:
            comma = True
        i += 1
    return len(sql), comma


@functools.lru_cache(maxsize=2048)
def translate(sql: str) -> str:
    """``sql`` in PostgreSQL's dialect (see the module's docstring for what changes)."""
    out: list[str] = []
    ignore = False
    i = 0
    while i < len(sql):
        ch = sql[i]
        if ch in "'\"":
            end = _skip_quoted(sql, i)
            out.append(sql[i:end].replace("%", "%%"))  # psycopg reads % inside them too
            i = end
        elif ch == "-" and sql.startswith("--", i):
            end = sql.find("\n", i)
            i = len(sql) if end < 0 else end
        elif ch == "?":
            out.append("%s")
            i += 1
        elif ch == "%":
            out.append("%%")
            i += 1
        elif ch == ":" and sql.startswith("::", i):
            out.append("::")
            i += 2
        elif ch == ":" and _WORD.match(sql, i + 1):
            word = _WORD.match(sql, i + 1)
            assert word is not None
            out.append(f"%({word.group()})s")
            i = word.end()
        elif _WORD.match(sql, i) and (i == 0 or not (sql[i - 1].isalnum() or sql[i - 1] == "_")):
            word = _WORD.match(sql, i)
            assert word is not None
            name = word.group()
            upper = name.upper()
            if upper == "INSERT":
                found = re.compile(r"INSERT\s+OR\s+(\w+)\s+", re.I).match(sql, i)
                if found:
                    if found.group(1).upper() != "IGNORE":
                        raise UnsupportedSql(
                            f"INSERT OR {found.group(1).upper()} is not supported on a court "
                            "library (PostgreSQL) yet"
                        )
                    ignore = True
                    out.append("INSERT ")
                    i = found.end()
                    continue
            if upper == "IS":  # SQLite's IS compares values (NULL = NULL), not only to NULL
                found = _IS_VALUE.match(sql, i)
                if found and not _IS_KEYWORD.match(sql, found.end()):
                    out.append("IS DISTINCT FROM " if found.group(1) else "IS NOT DISTINCT FROM ")
                    i = found.end()
                    continue
            if upper == "LIKE":  # "C": ILIKE refuses a NOCASE (nondeterministic) operand
                name = 'COLLATE "C" ILIKE'
                while out and out[-1].isspace():
                    out.pop()
                if out and out[-1].upper() == "NOT":
                    out[-1] = 'COLLATE "C" NOT'
                    name = "ILIKE"
                out.append(" ")
            elif upper in ("MAX", "MIN") and sql[word.end() : word.end() + 1] == "(":
                _close, comma = _closing(sql, word.end())
                if comma:
                    name = "GREATEST" if upper == "MAX" else "LEAST"
            out.append(name)
            i = word.end()
        else:
            out.append(ch)
            i += 1
    text = "".join(out).rstrip().rstrip(";")
    if ignore:
        text += " ON CONFLICT DO NOTHING"
    return text
