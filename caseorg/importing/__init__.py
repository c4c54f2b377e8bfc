"""Files into the library: hashing, PDF text in isolated workers, one transaction each."""

from typing import TYPE_CHECKING

from caseorg.exports import lazy_exports

if TYPE_CHECKING:  # what the package offers (each module loads when a name is first used)
    from caseorg.importing.pdftext import ExtractionPool as ExtractionPool
    from caseorg.importing.pipeline import (
        CancelToken as CancelToken,
        FileOutcome as FileOutcome,
        ImportReport as ImportReport,
        import_files as import_files,
    )

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "pdftext": "ExtractionPool",
        "pipeline": "CancelToken FileOutcome ImportReport import_files",
    },
)
