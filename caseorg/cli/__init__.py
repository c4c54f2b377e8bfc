"""The command line, one module per command group; `caseorg` alone opens the app."""

from typing import TYPE_CHECKING

from caseorg.exports import lazy_exports

if TYPE_CHECKING:  # what the package offers (each module loads when a name is first used)
    from caseorg.cli.app import main as main, unexpected_error_line as unexpected_error_line

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "app": "main unexpected_error_line",
    },
)
