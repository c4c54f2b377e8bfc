"""The sample library behind `caseorg demo`; its data lives in resources/samples/demo."""

from typing import TYPE_CHECKING

from caseorg.exports import lazy_exports

if TYPE_CHECKING:  # what the package offers (each module loads when a name is first used)
    from caseorg.demo.builder import create_demo as create_demo

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "builder": "create_demo",
    },
)
