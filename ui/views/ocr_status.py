"""The documents table's "Text" column: a scan says whether its pages were read (OCR).

A document imported as ``no_text`` shows "awaiting OCR", "OCR'd" or "OCR failed (reason)"
from the core's per-document OCR counts (read once per refresh, not per cell); a mixed
PDF whose scanned pages await OCR says so too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from caseorg.importing import OcrCounts, document_ocr
from caseorg.library import Library
from caseorg_ui.qt import QColor

TEXT_STATUS = {
    "ok": "searchable",
    "no_text": "scanned — no text",
    "encrypted": "encrypted — needs a password",
    "failed": "failed",
}


class DocumentText:
    """How each document's text reads in the table, with its OCR state."""

    def __init__(self, warning: QColor):
        self.warning = warning
        self.counts: dict[int, OcrCounts] = {}

    def load(self, lib: Library, documents: Sequence[Any]) -> Sequence[Any]:
        """Read the OCR counts of ``documents`` (returned as given, for the model)."""
        self.counts = document_ocr(lib, [d.id for d in documents])
        return documents

    def _ocr(self, document: Any) -> tuple[str, bool] | None:
        """The OCR words and whether they warn; None when OCR has nothing to say."""
        counts = self.counts.get(document.id)
        if counts is None or document.text_status not in ("ok", "no_text"):
            return None
        if counts.state == "awaiting":
            return "awaiting OCR", True
        if counts.state == "failed":
            return f"OCR failed ({counts.reason or 'unknown reason'})", True
        if counts.state == "done":
            return "OCR'd", False
        return None

    def text(self, document: Any) -> str:
        ocr = self._ocr(document)
        return ocr[0] if ocr else TEXT_STATUS.get(document.text_status, document.text_status)

    def tooltip(self, document: Any) -> str:
        counts = self.counts.get(document.id)
        if counts is None or self._ocr(document) is None:
            return document.error or self.text(document)
        return (
            f"{self.text(document)}: {counts.done} page(s) read, {counts.awaiting} awaiting, "
            f"{counts.failed} failed"
        )

    def color(self, document: Any) -> QColor | None:
        ocr = self._ocr(document)
        warns = ocr[1] if ocr else document.text_status != "ok"
        return self.warning if warns else None
