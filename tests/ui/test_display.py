"""Whether the app has a display to show on: decided from the environment before Qt loads."""

from __future__ import annotations

import pytest

from caseorg_ui.display import NoDisplay, display_problem, require_display


@pytest.mark.parametrize(
    ("environ", "system"),
    [
        ({}, "linux"),  # over SSH: nothing set
        ({"QT_QPA_PLATFORM": ""}, "linux"),  # empty is Qt's default platform
        ({"QT_QPA_PLATFORM": "xcb"}, "linux"),  # X11 asked for, with no X server named
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux"),
        ({"DISPLAY": ""}, "freebsd14"),
    ],
)
def test_no_display_server_is_a_one_line_problem(environ: dict[str, str], system: str) -> None:
    problem = display_problem(environ, system)
    assert problem is not None and "\n" not in problem
    assert problem.startswith("no display found") and "caseorg --help" in problem


@pytest.mark.parametrize(
    ("environ", "system"),
    [
        ({"DISPLAY": ":0"}, "linux"),
        ({"DISPLAY": "localhost:10.0"}, "linux"),  # ssh -X
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux"),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux"),  # the tests' and benches' choice
        ({"QT_QPA_PLATFORM": "offscreen:configfile=/tmp/x.conf"}, "linux"),
        ({"QT_QPA_PLATFORM": "minimal"}, "linux"),
        ({"QT_QPA_PLATFORM": "vnc"}, "linux"),
        ({"QT_QPA_PLATFORM": "xcb;offscreen"}, "linux"),  # Qt falls back to offscreen
        ({}, "darwin"),  # macOS and Windows always have a display
        ({}, "win32"),
    ],
)
def test_a_display_or_an_explicit_headless_platform_is_no_problem(
    environ: dict[str, str], system: str
) -> None:
    assert display_problem(environ, system) is None


def test_require_display_raises_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    require_display()  # explicit offscreen: fine
    monkeypatch.delenv("QT_QPA_PLATFORM")
    if display_problem() is not None:  # (on Linux and the BSDs)
        with pytest.raises(NoDisplay) as raised:
            require_display()
        assert raised.value.exit_code == 2
