"""The ``caseorg`` command's entry point: the desktop app at once, or the command line.

``caseorg`` and ``caseorg --library DIR`` open the app without loading the
command line's machinery (click and every command's imports): start-up is what
a clerk waits through every morning, and the bench holds it to 1.5x a bare Qt
window. Every other invocation — a command, ``--help``, ``--version``, a
mistyped option — is handed to :mod:`caseorg.cli.app` unchanged.

Like ``caseorg.cli.app``'s own app path, this is a composition root: the only place
besides it where the core reaches for ``ui`` (lazily).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import sys
from pathlib import Path
from typing import NoReturn

from caseorg.errors import CaseorgError


def app_library(args: list[str]) -> Path | None:
    """The library folder when ``args`` only ask for the app, else None (the CLI's job).

    The app's own arguments are none at all or ``--library DIR`` (``--library=DIR``);
    a folder that exists but is a file is left to the CLI, which says so as a usage
    error, exactly as before this fast path existed.
    """
    if not args:
        value = os.environ.get("CASEORG_LIBRARY")
    elif len(args) == 2 and args[0] == "--library":
        value = args[1]
    elif len(args) == 1 and args[0].startswith("--library="):
        value = args[0].split("=", 1)[1]
    else:
        return None
    if value == "":
        return None
    if value is None:
        from caseorg.library import default_library_path

        return default_library_path()
    from caseorg.library import is_url

    if is_url(value):  # the command line refuses it in one line
        return None
    path = Path(value)
    if path.exists() and not path.is_dir():
        return None
    return path


def run_gui(library: Path) -> int:
    """Open the app on ``library``; an error escaping it is one line on stderr."""
    # Profiled: start-up allocates hundreds of thousands of objects (Qt's types and enums,
    # our modules) and none is garbage, yet they set off a dozen full collections that
    # walk them all; paused here, resumed by run_app once the window is up (~50 ms).
    gc.disable()
    try:
        from caseorg_ui.display import require_display

        require_display()  # over SSH: one line and exit 2, before Qt loads
        from caseorg_ui.app import run_app  # the composition root: only here is Qt loaded

        return run_app(library)
    except CaseorgError as exc:
        print(f"caseorg: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        from caseorg.cli import unexpected_error_line

        print(f"caseorg: {unexpected_error_line(exc)}", file=sys.stderr)
        return 1
    finally:
        gc.enable()  # (run_app resumed it once its window was up, unless none came)


def exit_now(code: int) -> NoReturn:
    """End the process without Python's object-by-object teardown of the app.

    By the time the app returns, everything that must outlive the process is
    closed and on disk (the database and index by the session, the settings by
    the window, the clipboard handed over by run_app); freeing the rest is the
    OS's job (profiled: the teardown took ~15-40 ms, longer than showing the window).
    """
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


def main() -> None:
    """Console entry point (``caseorg``)."""
    library = app_library(sys.argv[1:])
    if library is None:
        from caseorg.cli import main as cli_main

        cli_main()
        return
    exit_now(run_gui(library))
