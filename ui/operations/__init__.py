"""Background work: one operation type, its progress dialog, the import flows."""

from typing import TYPE_CHECKING

from caseorg.exports import lazy_exports

if TYPE_CHECKING:  # what the package offers (each module loads when a name is first used)
    from caseorg_ui.operations.changes import Change as Change
    from caseorg_ui.operations.eoir_import_flow import (
        EoirImportRun as EoirImportRun,
        run_eoir_import as run_eoir_import,
    )
    from caseorg_ui.operations.import_flow import (
        ImportFlow as ImportFlow,
        ImportReportDialog as ImportReportDialog,
        is_importable as is_importable,
    )
    from caseorg_ui.operations.library_op import LibraryOp as LibraryOp, Runner as Runner
    from caseorg_ui.operations.messages import (
        one_line as one_line,
        show_error as show_error,
        show_message as show_message,
    )
    from caseorg_ui.operations.ocr_flow import OcrFlow as OcrFlow
    from caseorg_ui.operations.progress_dialog import ProgressDialog as ProgressDialog
    from caseorg_ui.operations.reader import (
        LOADING as LOADING,
        Reader as Reader,
        inline_reader as inline_reader,
    )
    from caseorg_ui.operations.runner import OperationRunner as OperationRunner, Session as Session
    from caseorg_ui.operations.warm_imports import warm_then as warm_then

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "changes": "Change",
        "eoir_import_flow": "EoirImportRun run_eoir_import",
        "import_flow": "ImportFlow ImportReportDialog is_importable",
        "library_op": "LibraryOp Runner",
        "messages": "one_line show_error show_message",
        "ocr_flow": "OcrFlow",
        "progress_dialog": "ProgressDialog",
        "reader": "LOADING Reader inline_reader",
        "runner": "OperationRunner Session",
        "warm_imports": "warm_then",
    },
)
