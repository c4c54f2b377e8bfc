"""SQLite's dialect, as the records code writes it, said in PostgreSQL's (issue 16)."""

import pytest

from caseorg.library.pg_sql import UnsupportedSql, translate


@pytest.mark.parametrize(
    ("sqlite", "postgresql"),
    [
        ("SELECT * FROM t WHERE a = ? AND b = :b", "SELECT * FROM t WHERE a = %s AND b = %(b)s"),
        (
            "SELECT '?', ':x', 'a%' FROM t WHERE x::text = ?",
            "SELECT '?', ':x', 'a%%' FROM t WHERE x::text = %s",
        ),
        (
            "SELECT 1 WHERE a IS ? AND b IS NOT c",
            "SELECT 1 WHERE a IS NOT DISTINCT FROM %s AND b IS DISTINCT FROM c",
        ),
        (
            "SELECT 1 WHERE a IS NULL AND b IS NOT NULL",
            "SELECT 1 WHERE a IS NULL AND b IS NOT NULL",
        ),
        (
            "INSERT OR IGNORE INTO t (a) VALUES (?)",
            "INSERT INTO t (a) VALUES (%s) ON CONFLICT DO NOTHING",
        ),
        (
            "SELECT 1 WHERE n LIKE ? ESCAPE '\\'",
            "SELECT 1 WHERE n COLLATE \"C\" ILIKE %s ESCAPE '\\'",
        ),
        ("SELECT 1 WHERE n NOT LIKE ?", 'SELECT 1 WHERE n COLLATE "C" NOT ILIKE %s'),
        (
            "SELECT max(a, b), max(c), min(d, (1)) FROM t",
            "SELECT GREATEST(a, b), max(c), LEAST(d, (1)) FROM t",
        ),
        ("SELECT 1 -- a comment: ?\n", "SELECT 1"),
    ],
)
def test_translated(sqlite: str, postgresql: str) -> None:
    assert translate(sqlite) == postgresql


def test_what_has_no_translation_is_one_line() -> None:
    with pytest.raises(UnsupportedSql, match="INSERT OR REPLACE is not supported"):
        translate("INSERT OR REPLACE INTO t (a) VALUES (?)")
