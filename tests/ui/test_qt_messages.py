"""Qt's own warnings: the offscreen platform's known chatter is dropped, the rest goes
to the log file, and nothing reaches the user's terminal."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import qWarning

from caseorg_ui.qt import qInstallMessageHandler
from caseorg_ui.qt_messages import handle_qt_message, install_message_handler, is_harmless

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def our_handler(qapp: object) -> Iterator[None]:
    """Our handler for one test, then whatever was there (pytest-qt's capture)."""
    previous = qInstallMessageHandler(handle_qt_message)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def test_known_offscreen_message_is_dropped_others_are_logged(
    our_handler: None, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    with caplog.at_level(logging.DEBUG, logger="caseorg.qt"):
        qWarning("This plugin does not support propagateSizeHints()")
        qWarning("QFont::setPointSizeF: Point size <= 0 (-1.000000), must be greater than 0")
    messages = [record.getMessage() for record in caplog.records if record.name == "caseorg.qt"]
    assert len(messages) == 1 and "Point size <= 0" in messages[0]
    assert caplog.records[-1].levelno == logging.WARNING
    assert capfd.readouterr().err == ""  # the terminal saw neither


def test_harmless_list_is_exact() -> None:
    assert is_harmless("This plugin does not support propagateSizeHints()")
    assert is_harmless("This plugin does not support raise()")
    assert not is_harmless("QPainter::begin: Paint device returned engine == 0")


def test_install_returns_the_handler_it_replaced(qapp: object) -> None:
    previous = qInstallMessageHandler(None)
    try:
        assert install_message_handler(force=True) is None  # nothing was installed
        assert install_message_handler() is None  # once is enough
    finally:
        qInstallMessageHandler(previous)


def test_command_line_printing_keeps_qt_off_the_terminal(tmp_path: Path) -> None:
    """`caseorg summary … -o x.pdf` starts Qt offscreen just to lay out the page
    (caseorg_ui.printing.output.ensure_gui_application): whatever
    Qt says then stays off the terminal."""
    target = tmp_path / "out.pdf"
    code = (
        "import sys; from pathlib import Path; from PySide6.QtCore import qWarning\n"
        "from caseorg_ui.printing.output import ensure_gui_application, write_pdf\n"
        "ensure_gui_application()\n"
        "qWarning('This plugin does not support propagateSizeHints()')\n"
        "qWarning('QPainter::begin: Paint device returned engine == 0, type: 3')\n"
        "write_pdf('<h1>Hearing summary</h1><p>Ana Lopez</p>', Path(sys.argv[1]), 'x')\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert target.read_bytes().startswith(b"%PDF")
    assert done.stderr == ""
