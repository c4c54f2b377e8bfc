"""The dashboard's charts: count axes in round steps."""

from __future__ import annotations

from caseorg_ui.court.dashboard_charts import nice_range


def test_axis_ranges_are_round() -> None:
    assert nice_range(0) == (1, 1)
    assert nice_range(3) == (3, 1)
    assert nice_range(7) == (8, 2)
    assert nice_range(335) == (400, 100)
