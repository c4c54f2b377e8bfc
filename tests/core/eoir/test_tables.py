"""Reading EOIR-shaped files: dates and times as SQL Server writes them, sniffed delimiters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from caseorg.eoir.tables import parse_eoir_date, parse_eoir_time, read_table


def test_value_parsers() -> None:
    assert str(parse_eoir_date("2024-03-14 00:00:00.000")) == "2024-03-14"
    assert str(parse_eoir_date("3/4/2024")) == "2024-03-04"
    assert str(parse_eoir_date("14-mar-99")) == "1999-03-14"
    assert parse_eoir_date("  ") is None
    for bad in ("2024-02-30", "yesterday", "14-XYZ-24"):
        with pytest.raises(ValueError):
            parse_eoir_date(bad)
    assert parse_eoir_time("") == "09:00"
    assert parse_eoir_time("830") == "08:30"
    assert parse_eoir_time("12:15 AM") == "00:15"
    assert parse_eoir_time("1:30p.m.".replace("p.m.", "PM")) == "13:30"
    for bad in ("2500", "noon"):
        with pytest.raises(ValueError):
            parse_eoir_time(bad)


def test_read_table_sniffs_the_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("idncase|alien_nbr\n1|123456789\n", encoding="utf-8")
    problems: list[Any] = []
    table = read_table(path, problems)
    assert table is not None and table.kind == "case" and not problems
    assert table.rows[0].data == {"IDNCASE": "1", "ALIEN_NBR": "123456789"}
    assert table.rows[0].line == 2
