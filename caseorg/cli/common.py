"""What the commands share: the per-run state, the options that recur, and how results print.

Every command prints the same two ways — a line of text per result, or ``--json`` — and
several take the same options (``--case``, ``--judge``, ``--from``/``--to``, ``-o``); they
are defined here once so a command reads as what it asks for, not how click spells it.
Heavy modules stay out of this file: ``caseorg --help`` imports it.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from caseorg.errors import InvalidValue, LibraryLocked
from caseorg.library import (
    Library,
    default_library_path,
    is_court_url,
    library_location,
    not_yet,
    open_library,
)
from caseorg.values import case_label, check_id

F = TypeVar("F", bound=Callable[..., Any])
Row = TypeVar("Row")


class UserError(click.ClickException):
    """A CaseorgError shown as one line, with the error's own exit code."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code  # type: ignore[misc]  # click declares it per class

    def show(self, file: Any = None) -> None:
        click.echo(f"caseorg: {self.format_message()}", err=True)


class State:
    """Per-invocation state: which library, opened on first use as the command declared
    (:func:`uses_library`)."""

    def __init__(self, library: Path | str | None):
        self.library_path = library
        self.writes = True  # set by uses_library before the command runs
        self._lib: Library | None = None

    def lib(self, create: bool = True) -> Library:
        """The library: held for writing when the command writes (a new one is made
        unless ``create`` is False), else read-only — no lock, so a writer elsewhere (the
        app) goes on, and a library that does not exist is not made."""
        if self._lib is None:
            try:
                self._lib = open_library(
                    self.library_path, create=create and self.writes, read_only=not self.writes
                )
            except LibraryLocked as exc:
                raise writer_refused(exc) from None
        return self._lib

    def folder(self, what: str) -> Path:
        """The library's folder, for a command that works on the folder itself; on a
        court library, one line saying ``what`` cannot be done there yet."""
        if isinstance(self.library_path, str):
            raise not_yet(what)
        return self.library_path or default_library_path()

    def close(self) -> None:
        if self._lib is not None:
            self._lib.close()
            self._lib = None


def writer_refused(exc: LibraryLocked) -> UserError:
    """What a command that writes says when another process writes to the library."""
    who = f" (pid {exc.holder})" if exc.holder else ""
    return UserError(
        f"this library is open for writing in another caseorg window{who}; "
        "commands that only read work meanwhile"
    )


_WRITES = "caseorg_writes"  # where uses_library leaves its declaration on the callback


def uses_library(*, writes: bool | str) -> Callable[[F], F]:
    """Pass the :class:`State` to a command, which says here, once, whether it writes:
    True, False, or the name of the flag that makes it write (``check --repair``,
    ``search --save``). Every command says it; a test holds them to it."""

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any) -> Any:
            state = click.get_current_context().find_object(State)
            if state is None:  # pragma: no cover - every command hangs from the root group
                raise RuntimeError("a caseorg command ran outside the caseorg group")
            state.writes = bool(kwargs.get(writes)) if isinstance(writes, str) else writes
            _check_given(kwargs)
            for key in JUDGE_PARAMETERS:  # a code or a name, as the clerk types it
                if kwargs.get(key):
                    kwargs[key] = judge_code_of(state.lib(), kwargs[key])
            return func(state, *args, **kwargs)

        setattr(run, _WRITES, writes)
        return cast(F, run)

    return decorate


def _check_given(values: dict[str, Any]) -> None:
    """Refuse, in one line, an id beyond 64 bits and a date option given as ''."""
    params = {p.name: p for p in click.get_current_context().command.params}
    for name, value in values.items():
        param = params.get(name)
        flag = param.opts[0] if isinstance(param, click.Option) else name.upper()
        many = value if isinstance(value, tuple | list) else (value,)
        for one in many:  # (an option or argument may take several ids)
            if isinstance(one, int) and not isinstance(one, bool):
                check_id(one, flag)
        if value == "" and (name.endswith(("_on", "_at")) or name in _DAY_OPTIONS):
            raise InvalidValue(f"{flag} is empty: give a day like 2025-03-14, or leave it out")


_DAY_OPTIONS = {"day", "since", "until", "as_of"}


def command_writes(command: click.Command) -> bool | str | None:
    """What a command declared with :func:`uses_library` (None: it did not)."""
    return cast("bool | str | None", getattr(command.callback, _WRITES, None))


class LibraryPath(click.Path):
    """``--library``: a folder, or a court library's ``postgresql://`` URL kept as given;
    another URL is refused in one line (exit 2) before click makes a path of it (which
    would drop one of its slashes)."""

    def __init__(self) -> None:
        super().__init__(path_type=Path, file_okay=False)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str):
            if is_court_url(value):
                return value
            try:
                library_location(value)
            except InvalidValue as exc:
                raise UserError(str(exc), exc.exit_code) from None
        return super().convert(value, param, ctx)


def choice(values: tuple[str, ...]) -> click.Choice:
    """A stored choice as an option type: any case accepted, shown as stored."""
    return click.Choice(values, case_sensitive=False)


def case_id_of(lib: Library, a_number: str) -> int:
    """The id of the case an A-number, or EOIR's case id written ``EOIR 310000001``,
    names (a one-line error when there is none)."""
    from caseorg.records import case_by_a_number

    return case_by_a_number(lib, a_number).id


def optional_case_id(lib: Library, a_number: str | None) -> int | None:
    """The case a ``--case`` option names, or None when it was not given."""
    return case_id_of(lib, a_number) if a_number else None


# -- options that recur -----------------------------------------------------------------------


def stack(*decorators: Callable[[Any], Any]) -> Callable[[F], F]:
    """Several option decorators as one, in reading order (the first is listed first)."""

    def apply(func: F) -> F:
        for decorator in reversed(decorators):
            func = decorator(func)
        return func

    return apply


json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
CASE_REF_HELP = (
    "A case is named by its A-number (A-123-456-789) or, for a case known only from "
    "EOIR's data, by EOIR's case id (EOIR-310000001, or 'EOIR 310000001' in quotes)."
)


def a_number_argument(func: F) -> F:
    """``A_NUMBER``: the case a command is about, by A-number or EOIR case id (the
    command's help says so)."""
    func.__doc__ = f"{(func.__doc__ or '').rstrip()}\n\n{CASE_REF_HELP}"
    return click.argument("a_number")(func)


def case_option(help_text: str, dest: str = "a_number") -> Callable[[F], F]:
    """``--case A-NUMBER``: which case a command is about or limited to (an A-number or
    ``EOIR 310000001``)."""
    return click.option("--case", dest, help=f"{help_text} {CASE_REF_HELP}")


def judge_option(help_text: str) -> Callable[[F], F]:
    """``--judge CODE-OR-NAME``, passed as ``judge_code`` (the code: see
    :func:`judge_code_of`, which :func:`uses_library` applies)."""
    return click.option("--judge", "judge_code", metavar="CODE|NAME", help=help_text)


JUDGE_PARAMETERS = ("judge_code", "to_judge")  # options that name a judge


def judge_code_of(lib: Library, text: str) -> str:
    """The code of the judge ``text`` names: a code (any case), a full name, or words of
    a name ('Marsh'); an unknown or ambiguous judge is a one-line error (exit 2)."""
    from caseorg.records import list_judges

    wanted = " ".join(text.split()).lower()
    judges = list_judges(lib)
    for test in (
        lambda j: j.code.lower() == wanted,
        lambda j: j.name.lower() == wanted,
        lambda j: set(wanted.replace(".", " ").split()) <= set(j.name.lower().split()),
    ):
        found = [j for j in judges if test(j)]
        if len(found) == 1:
            return str(found[0].code)
        if found:
            names = ", ".join(f"{j.code} {j.name}" for j in found)
            raise InvalidValue(f"{text!r} names {len(found)} judges ({names}): give the code")
    raise InvalidValue(f"no judge with code or name {text!r} (see 'caseorg judge list')")


def document_option(help_text: str) -> Callable[[F], F]:
    """``--document ID``, passed as ``document_id``."""
    return click.option("--document", "document_id", type=int, help=help_text)


def as_of_option(help_text: str) -> Callable[[F], F]:
    """``--as-of DAY``: the day a report counts from (default today)."""
    return click.option("--as-of", "as_of", help=help_text)


def date_range_options(since_help: str, until_help: str) -> Callable[[F], F]:
    """``--from DAY --to DAY``, passed as ``since`` and ``until``."""
    return stack(
        click.option("--from", "since", help=since_help),
        click.option("--to", "until", help=until_help),
    )


def output_option(help_text: str, required: bool = False) -> Callable[[F], F]:
    """``-o/--output FILE``: where a report is written (its suffix picks the format)."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(path_type=Path, dir_okay=False),
        required=required,
        help=help_text,
    )


# -- printing results ---------------------------------------------------------------------------


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def as_data(row: Any) -> Any:
    """What --json prints for a row: its fields when it is a record (with
    ``a_number_display`` next to an ``a_number``), else the value itself."""
    if not hasattr(row, "as_dict"):
        return row
    data = row.as_dict()
    if "a_number" in data:  # ISO dates stay; the A-number also as the court writes it
        data["a_number_display"] = case_label(data["a_number"], data.get("eoir_case_id"))
    return data


def print_one(result: Any, text: str, *, as_json: bool) -> None:
    """A command's single result: ``text`` as one line, or ``result`` as JSON with --json."""
    if as_json:
        emit_json(as_data(result))
    else:
        click.echo(text)


def print_rows(
    rows: Sequence[Row],
    line: Callable[[Row], str],
    *,
    as_json: bool,
    empty: str | None = None,
    data: Callable[[Row], Any] = as_data,
) -> None:
    """One ``line`` per row (``empty`` when there are none), or the rows as one JSON list."""
    if as_json:
        emit_json([data(row) for row in rows])
        return
    if not rows and empty is not None:
        click.echo(empty)
    for row in rows:
        click.echo(line(row))


def progress_line(text: str) -> None:
    """Redraw the one progress line on stderr, only on a terminal (never in a pipe or log)."""
    if sys.stderr.isatty():
        click.echo(f"\r{text}", err=True, nl=False)


def end_progress_line() -> None:
    """Leave the progress line, so what follows starts on a line of its own."""
    if sys.stderr.isatty():
        click.echo("", err=True)
