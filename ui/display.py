"""Is there a display to show the app on? Decided from the environment, before Qt loads.

Over SSH (or in a cron job) a Linux or BSD session has no X11 or Wayland display;
Qt would then either abort or — with the offscreen fallback the app once had —
run on with no window anyone can see. Both caseorg's entry point
(:mod:`caseorg.launch`, before it imports Qt) and :func:`caseorg_ui.app.run_app`
(for the command line's own way into the app) ask :func:`require_display` first.

This module imports no Qt: the entry point reads it before deciding to load Qt.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from caseorg.errors import CaseorgError

# where windows need an X11 or Wayland server (macOS and Windows always have a display)
_DISPLAY_SERVER_SYSTEMS = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly", "sunos")


class NoDisplay(CaseorgError):
    """The desktop app was asked for where no window can be shown."""

    exit_code = 2  # a usage error: the command line is the way in here


def _needs_display_server(qt_platform: str) -> bool:
    """True when Qt's platform choice (``QT_QPA_PLATFORM``: unset, or ``name[:options]``
    alternatives separated by ``;``) can only draw on an X11 or Wayland server.

    An explicit platform that draws elsewhere (offscreen, minimal, vnc, eglfs, …) is the
    user's (or a test's) choice and is respected.
    """
    names = [part.split(":", 1)[0].strip() for part in qt_platform.split(";")]
    names = [name for name in names if name]
    return all(name == "xcb" or name.startswith("wayland") for name in names)


def display_problem(
    environ: Mapping[str, str] = os.environ, system: str = sys.platform
) -> str | None:
    """Why no window can be shown here (one line), or None when one can."""
    if not system.startswith(_DISPLAY_SERVER_SYSTEMS):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    if not _needs_display_server(environ.get("QT_QPA_PLATFORM", "")):
        return None
    return (
        "no display found (DISPLAY and WAYLAND_DISPLAY are not set); the app needs a "
        "desktop — use the command line instead, e.g. `caseorg --help`"
    )


def require_display() -> None:
    """Raise :class:`NoDisplay` (exit 2, one line) when no window can be shown here."""
    problem = display_problem()
    if problem is not None:
        raise NoDisplay(problem)
