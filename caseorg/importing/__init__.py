"""Files into the library: hashing, PDF text in isolated workers, one transaction each;
OCR of scanned pages (a queue on the same workers)."""

from typing import TYPE_CHECKING

from caseorg.exports import lazy_exports

if TYPE_CHECKING:  # what the package offers (each module loads when a name is first used)
    from caseorg.importing.ocr import (
        OcrBusy as OcrBusy,
        OcrQueue as OcrQueue,
        OcrReport as OcrReport,
        OcrUnavailable as OcrUnavailable,
        check_engine as check_engine,
        progress_text as progress_text,
        run_ocr as run_ocr,
    )
    from caseorg.importing.ocrstore import (
        OcrCounts as OcrCounts,
        awaiting_ocr as awaiting_ocr,
        document_ocr as document_ocr,
        document_ocr_words as document_ocr_words,
        ocr_counts as ocr_counts,
        ocr_words as ocr_words,
        page_words as page_words,
        pages_awaiting as pages_awaiting,
    )
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
        "ocr": "OcrBusy OcrQueue OcrReport OcrUnavailable check_engine progress_text run_ocr",
        "ocrstore": (
            "OcrCounts awaiting_ocr document_ocr document_ocr_words ocr_counts ocr_words "
            "page_words pages_awaiting"
        ),
        "pdftext": "ExtractionPool",
        "pipeline": "CancelToken FileOutcome ImportReport import_files",
    },
)
