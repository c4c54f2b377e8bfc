"""Full-text search, the only place that imports whoosh: index, build, queries, snippets."""

from typing import TYPE_CHECKING

from caseorg.exports import lazy_exports

if TYPE_CHECKING:  # what the package offers (each module loads when a name is first used)
    from caseorg.search.engine import (
        COMPOUND as COMPOUND,
        INDEX_SCHEMA_VERSION as INDEX_SCHEMA_VERSION,
        SearchIndex as SearchIndex,
    )
    from caseorg.search.follower import (
        IndexFollower as IndexFollower,
        IndexNotReady as IndexNotReady,
        SearchRequest as SearchRequest,
        index_ready as index_ready,
    )
    from caseorg.search.handle import index_of as index_of, opened_index as opened_index
    from caseorg.search.highlight import highlight_terms as highlight_terms
    from caseorg.search.results import DocumentHit as DocumentHit

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "engine": "COMPOUND INDEX_SCHEMA_VERSION SearchIndex",
        "follower": "IndexFollower IndexNotReady SearchRequest index_ready",
        "handle": "index_of opened_index",
        "highlight": "highlight_terms",
        "results": "DocumentHit",
    },
)
