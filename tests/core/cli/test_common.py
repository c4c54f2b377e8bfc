"""The pieces every command shares: how results print, the options that recur."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import click
from click.testing import CliRunner

from caseorg.cli.common import (
    date_range_options,
    end_progress_line,
    json_option,
    optional_case_id,
    output_option,
    print_one,
    print_rows,
    progress_line,
    stack,
)
from caseorg.rows import Record


@dataclass
class Row(Record):
    id: int
    name: str


ROWS = [Row(1, "Ana"), Row(2, "Ben")]


def run_printing(body: Any, *args: str) -> click.testing.Result:
    """Run ``body(as_json)`` as a command, with --json when ``args`` ask for it."""

    @click.command()
    @json_option
    def command(as_json: bool) -> None:
        body(as_json)

    return CliRunner().invoke(command, list(args), catch_exceptions=False)


def test_rows_print_as_lines_or_one_json_list() -> None:
    def body(as_json: bool) -> None:
        print_rows(ROWS, lambda r: f"#{r.id} {r.name}", as_json=as_json, empty="none")

    assert run_printing(body).output == "#1 Ana\n#2 Ben\n"
    assert json.loads(run_printing(body, "--json").output) == [
        {"id": 1, "name": "Ana"},
        {"id": 2, "name": "Ben"},
    ]


def test_no_rows_print_the_empty_line_or_an_empty_list() -> None:
    def body(as_json: bool) -> None:
        print_rows([], str, as_json=as_json, empty="no rows")

    assert run_printing(body).output == "no rows\n"
    assert json.loads(run_printing(body, "--json").output) == []
    quiet = run_printing(lambda as_json: print_rows([], str, as_json=as_json))
    assert quiet.output == ""


def test_rows_json_may_add_fields_and_plain_values_print_as_they_are() -> None:
    def extended(as_json: bool) -> None:
        print_rows(ROWS, str, as_json=as_json, data=lambda r: r.as_dict() | {"x": r.id * 10})

    assert [r["x"] for r in json.loads(run_printing(extended, "--json").output)] == [10, 20]
    dicts = [{"tag": "urgent", "cases": 2}]
    plain = run_printing(lambda as_json: print_rows(dicts, str, as_json=as_json), "--json")
    assert json.loads(plain.output) == dicts


def test_one_result_prints_its_line_or_its_json() -> None:
    def body(as_json: bool) -> None:
        print_one(ROWS[0], "added Ana", as_json=as_json)

    assert run_printing(body).output == "added Ana\n"
    assert json.loads(run_printing(body, "--json").output) == {"id": 1, "name": "Ana"}
    names = run_printing(lambda as_json: print_one(["a", "b"], "a, b", as_json=as_json), "--json")
    assert json.loads(names.output) == ["a", "b"]


def test_the_progress_line_stays_off_a_pipe() -> None:
    def body(_as_json: bool) -> None:
        progress_line("1/2 files")
        end_progress_line()
        click.echo("done")

    assert run_printing(body).output == "done\n"


def test_recurring_options_keep_their_flags_names_and_order() -> None:
    @click.command()
    @stack(date_range_options("From.", "To."), output_option("Where.", required=True))
    def command(since: str | None, until: str | None, output: Any) -> None:
        click.echo(f"{since} {until} {output.name}")

    params = [(p.opts, p.name, p.required) for p in command.params]
    assert params == [
        (["--from"], "since", False),
        (["--to"], "until", False),
        (["-o", "--output"], "output", True),
    ]
    result = CliRunner().invoke(command, ["--to", "b", "-o", "x.pdf", "--from", "a"])
    assert result.output == "a b x.pdf\n"


def test_no_case_option_means_no_case_without_opening_anything() -> None:
    assert optional_case_id(None, None) is None  # type: ignore[arg-type]
    assert optional_case_id(None, "") is None  # type: ignore[arg-type]
