"""The main window: case list, menus, status bar; docks added on first use."""

from typing import TYPE_CHECKING

from caseorg.exports import lazy_exports

if TYPE_CHECKING:  # what the package offers (each module loads when a name is first used)
    from caseorg_ui.window.main_window import (
        MainWindow as MainWindow,
        open_session_or_ask as open_session_or_ask,
    )

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "main_window": "MainWindow open_session_or_ask",
    },
)
