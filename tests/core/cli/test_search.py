"""Search queries a clerk may mistype."""

from __future__ import annotations


def test_malformed_query_is_a_clear_message(run) -> None:
    run("init")
    result = run("search", '"unclosed phrase')
    assert result.exit_code == 2
    assert "quote" in result.output
    result = run("search", "color:red")
    assert result.exit_code == 2 and "unknown field" in result.output
