"""The docks: search, docket, saved searches, notes and tags."""

from typing import TYPE_CHECKING

from caseorg.exports import lazy_exports

if TYPE_CHECKING:  # what the package offers (each module loads when a name is first used)
    from caseorg_ui.docks.docket_view import DocketView as DocketView, judge_label as judge_label
    from caseorg_ui.docks.notes_panel import NotesPanel as NotesPanel
    from caseorg_ui.docks.saved_searches_panel import SavedSearchesPanel as SavedSearchesPanel
    from caseorg_ui.docks.search_pane import SearchPane as SearchPane
    from caseorg_ui.docks.tags_editor import TagsEditor as TagsEditor

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "docket_view": "DocketView judge_label",
        "notes_panel": "NotesPanel",
        "saved_searches_panel": "SavedSearchesPanel",
        "search_pane": "SearchPane",
        "tags_editor": "TagsEditor",
    },
)
