"""Views of one thing: the case view, case list and table models, the PDF viewer."""

from typing import TYPE_CHECKING

from caseorg.exports import lazy_exports

if TYPE_CHECKING:  # what the package offers (each module loads when a name is first used)
    from caseorg_ui.views.case_list_model import (
        COLUMNS as COLUMNS,
        CaseListModel as CaseListModel,
        no_case_label as no_case_label,
    )
    from caseorg_ui.views.case_view import CaseView as CaseView
    from caseorg_ui.views.grouped_tree import (
        GroupedTreeModel as GroupedTreeModel,
        blend as blend,
        bold_font as bold_font,
        monospace_font as monospace_font,
    )
    from caseorg_ui.views.html_delegate import (
        HtmlDelegate as HtmlDelegate,
        secondary_color as secondary_color,
    )
    from caseorg_ui.views.pdf_viewer import PdfViewerWindow as PdfViewerWindow
    from caseorg_ui.views.table_models import (
        FittedTable as FittedTable,
        RowsModel as RowsModel,
        columns_that_fit as columns_that_fit,
        sortable as sortable,
    )

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "case_list_model": "COLUMNS CaseListModel no_case_label",
        "case_view": "CaseView",
        "grouped_tree": "GroupedTreeModel blend bold_font monospace_font",
        "html_delegate": "HtmlDelegate secondary_color",
        "pdf_viewer": "PdfViewerWindow",
        "table_models": "FittedTable RowsModel columns_that_fit sortable",
    },
)
