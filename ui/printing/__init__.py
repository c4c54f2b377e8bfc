"""Printing: the core's report HTML to Qt's print preview or a PDF file."""

from typing import TYPE_CHECKING

from caseorg.exports import lazy_exports

if TYPE_CHECKING:  # what the package offers (each module loads when a name is first used)
    from caseorg_ui.printing.output import print_document as print_document, write_pdf as write_pdf

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "output": "print_document write_pdf",
    },
)
