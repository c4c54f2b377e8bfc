"""Full-text search, the only place that imports whoosh or tantivy: engines behind one seam
(:mod:`caseorg.search.seam`), index builds, the query language, pages and snippets."""

from typing import TYPE_CHECKING

from caseorg.exports import lazy_exports

if TYPE_CHECKING:  # what the package offers (each module loads when a name is first used)
    from caseorg.search.chosen import (
        ENGINES as ENGINES,
        EngineMissing as EngineMissing,
        chosen_engine as chosen_engine,
        engine_class as engine_class,
        installed_engines as installed_engines,
        set_engine as set_engine,
    )
    from caseorg.search.engine import (
        COMPOUND as COMPOUND,
        INDEX_SCHEMA_VERSION as INDEX_SCHEMA_VERSION,
        WhooshIndex as WhooshIndex,
    )
    from caseorg.search.follower import (
        IndexFollower as IndexFollower,
        IndexNotReady as IndexNotReady,
        SearchRequest as SearchRequest,
        index_ready as index_ready,
    )
    from caseorg.search.handle import (
        index_of as index_of,
        opened_index as opened_index,
        switch_engine as switch_engine,
    )
    from caseorg.search.highlight import highlight_terms as highlight_terms
    from caseorg.search.results import DocumentHit as DocumentHit
    from caseorg.search.seam import SearchIndex as SearchIndex, folder_engine as folder_engine

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "engine": "COMPOUND INDEX_SCHEMA_VERSION WhooshIndex",
        "chosen": "ENGINES EngineMissing chosen_engine engine_class installed_engines set_engine",
        "follower": "IndexFollower IndexNotReady SearchRequest index_ready",
        "handle": "index_of opened_index switch_engine",
        "highlight": "highlight_terms",
        "results": "DocumentHit",
        "seam": "SearchIndex folder_engine",
    },
)
