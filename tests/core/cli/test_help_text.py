"""Every option's help is a sentence a clerk can act on, written by hand (issue 18, item 17)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import click
import pytest

from caseorg.cli.app import cli
from caseorg.words import field_label, label

DATE_NAMES = {"day", "since", "until", "as_of"}  # day options not named *_on
GENERATED = re.compile(r"^The \w+'s [a-z_ ]+\.$")  # "The case's opened on."


def commands(group: click.Group = cli, path: str = "") -> Iterator[tuple[str, click.Command]]:
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from commands(command, f"{path}{name} ")
        else:
            yield f"{path}{name}", command


def options() -> Iterator[tuple[str, click.Option]]:
    for path, command in commands():
        for param in command.params:
            if isinstance(param, click.Option):
                yield f"{path} {param.opts[-1]}", param


def help_problem(param: click.Option) -> str | None:
    """What is wrong with an option's help text, or None."""
    text = (param.help or "").strip()
    name = param.name or ""
    if not text:
        return "no help"
    if not (text[0].isupper() or text[0] in "'\"-.") or not text.endswith((".", ")", "]")):
        return f"not a sentence: {text!r}"
    if GENERATED.match(text) or text.rstrip(".").lower() in {
        label(name).lower(),
        field_label(name).lower(),
    }:
        return f"generated from the field name: {text!r}"
    if (name.endswith(("_on", "_at")) or name in DATE_NAMES) and "YYYY-MM-DD" not in text:
        return f"a date without its format: {text!r}"
    return None


def test_the_walk_sees_every_command() -> None:
    names = {path for path, _command in commands()}
    assert {"case add", "hearing list", "docket", "motion add", "reassignments"} <= names


@pytest.mark.parametrize(
    ("text", "name", "wrong"),
    [
        ("The case's opened on.", "opened_on", True),
        ("Opened on.", "opened_on", True),
        ("Day the case was opened.", "opened_on", True),
        ("master, individual, ...", "kind", True),
        ("", "kind", True),
        ("Day the case was opened (YYYY-MM-DD).", "opened_on", False),
    ],
)
def test_the_rule_itself(text: str, name: str, wrong: bool) -> None:
    option = click.Option(["--x", name], help=text or None)
    assert (help_problem(option) is not None) is wrong


def test_every_option_has_a_written_help_with_its_format() -> None:
    problems = [f"{where}: {problem}" for where, o in options() if (problem := help_problem(o))]
    assert problems == []


def test_a_bad_value_is_named_in_words(run) -> None:
    result = run(
        "case", "add", "--a-number", "A-123-456-789", "--respondent", "Ana", "--opened", "x"
    )
    assert result.exit_code == 2
    assert "invalid date opened 'x'" in result.output
    assert "opened on" not in result.output
