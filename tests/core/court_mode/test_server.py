"""The test server itself: it starts, answers on its unix socket, and gives each test a
database of its own (issue 16: the tests' throwaway cluster)."""

import psycopg


def test_each_test_has_its_own_database(pg_url: str) -> None:
    with psycopg.connect(pg_url) as conn:
        (name,) = conn.execute("SELECT current_database()").fetchone()  # type: ignore[misc]
        conn.execute("CREATE TABLE mine (x int)")
    assert pg_url.split("?")[0].endswith("/" + name)
