"""Search on 100,000 pages: both engines against SQLite FTS5 on the same texts.

Each query returns what the app shows: the first 20 documents, grouped, with
their matching page numbers and a snippet per shown page (up to 10 pages a
document). FTS5 (porter tokenizer, bm25 rank, snippet()) does the same in SQL:
rank pages, keep the 20 best documents, list their matching pages, cut
snippets for the best 10 pages of each. FTS5 has no fuzzy search: its fuzzy
query ORs the vocabulary words one edit away (vocabulary loaded once, untimed).
In the same run, interleaved: the tantivy engine (its index built once beside the
library, cached) and the fair FTS5 (:mod:`bench.fair_fts`).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from caseorg.search import SearchIndex, engine_class, index_of

from .common import OUT, Target, log, median, p95, ratio_target
from .fair_fts import FairFts, fair_database
from .genlib import library

# (kind, caseorg query, FTS5 MATCH, extra SQL condition on documents d, its argument)
QUERIES: list[tuple[str, str, str, str, tuple[str, ...]]] = [
    ("common word", "evidence", "evidence", "", ()),
    ("two words", "petitioner evidence", "petitioner evidence", "", ()),
    ("phrase", '"preponderance of the evidence"', '"preponderance of the evidence"', "", ()),
    ("AND", "appeal AND director", "appeal AND director", "", ()),
    ("OR", "hardship OR employment", "hardship OR employment", "", ()),
    ("NOT", "evidence NOT petitioner", "evidence NOT petitioner", "", ()),
    ("prefix", "inadmiss*", "inadmiss*", "", ()),
    ("fuzzy", "hardshp~", "@fuzzy hardshp", "", ()),
    ("field filter", "type:decision evidence", "evidence", "AND d.doc_type = ?", ("decision",)),
    (
        "date range",
        "filed:[2021-01-01 TO 2021-12-31] appeal",
        "appeal",
        "AND d.filed_on BETWEEN ? AND ?",
        ("2021-01-01", "2021-12-31"),
    ),
]
FTS_VERSION = 1


def fts_database(library_dir: Path) -> Path:
    """The FTS5 copy of the library's pages (built once, cached beside it)."""
    path = OUT / "fts100k.db"
    stamp = OUT / "fts100k.stamp"
    source = library_dir / "caseorg.db"
    key = f"{FTS_VERSION}:{source.stat().st_size}"
    if path.exists() and stamp.exists() and stamp.read_text() == key:
        return path
    log("building the FTS5 baseline database (cached in bench/out/fts100k.db)")
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.execute("ATTACH DATABASE ? AS lib", [f"file:{source}?mode=ro"])
    db.executescript(
        """
        CREATE VIRTUAL TABLE fts USING fts5(text, document_id UNINDEXED, page_no UNINDEXED,
                                            tokenize = 'porter unicode61');
        CREATE TABLE docs (id INTEGER PRIMARY KEY, case_id, a_number, respondent, title,
                           doc_type, filed_on, page_count);
        INSERT INTO fts (text, document_id, page_no)
            SELECT text, document_id, page_no FROM lib.pages WHERE text != ''
            ORDER BY document_id, page_no;
        INSERT INTO docs SELECT d.id, d.case_id, c.a_number, c.respondent, d.title, d.doc_type,
                                d.filed_on, d.page_count
            FROM lib.documents d JOIN lib.cases c ON c.id = d.case_id;
        CREATE VIRTUAL TABLE vocab USING fts5vocab(fts, row);
        INSERT INTO fts(fts) VALUES ('optimize');
        """
    )
    db.commit()
    db.close()
    stamp.write_text(key)
    return path


def _edits1(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz0123456789"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {a + b[1:] for a, b in splits if b}
        | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        | {a + c + b[1:] for a, b in splits if b for c in letters}
        | {a + c + b for a, b in splits for c in letters}
    )


class Fts:
    """The FTS5 side: one grouped result page, like the app's."""

    def __init__(self, path: Path):
        self.db = sqlite3.connect(path)
        self.vocab = {row[0] for row in self.db.execute("SELECT term FROM vocab")}

    def match_text(self, match: str) -> str:
        if match.startswith("@fuzzy "):
            word = match.split()[1]
            near = sorted((_edits1(word) | {word}) & self.vocab)
            return " OR ".join(near) if near else word
        return match

    def search(self, match: str, condition: str, args: tuple[str, ...]) -> list[dict]:
        text = self.match_text(match)
        join = "JOIN docs d ON d.id = f.document_id" if condition else ""
        rows = self.db.execute(
            f"""
            WITH hits AS (
                SELECT f.document_id AS doc, f.page_no AS page, f.rowid AS rid, f.rank AS r
                FROM fts f {join} WHERE fts MATCH ? {condition}
            ), top AS (
                SELECT doc, min(r) AS best FROM hits GROUP BY doc ORDER BY best LIMIT 20
            )
            SELECT h.doc, h.page, h.rid, h.r FROM hits h JOIN top t ON t.doc = h.doc
            ORDER BY t.best, h.doc, h.page
            """,
            [text, *args],
        ).fetchall()
        docs: dict[int, dict] = {}
        for doc, page, rid, rank in rows:
            entry = docs.setdefault(doc, {"pages": [], "best": []})
            entry["pages"].append(page)
            entry["best"].append((rank, rid))
        shown = [rid for e in docs.values() for _r, rid in sorted(e["best"])[:10]]
        if not shown:
            return []
        marks = ",".join("?" * len(shown))
        snippets = dict(
            self.db.execute(
                f"SELECT rowid, snippet(fts, 0, '<b>', '</b>', ' … ', 24) FROM fts"
                f" WHERE fts MATCH ? AND rowid IN ({marks})",
                [text, *shown],
            ).fetchall()
        )
        ids = list(docs)
        meta = {
            row[0]: row
            for row in self.db.execute(
                f"SELECT * FROM docs WHERE id IN ({','.join('?' * len(ids))})", ids
            )
        }
        return [
            {"doc": meta[d], "pages": e["pages"],
             "snippets": [snippets.get(rid) for _r, rid in sorted(e["best"])[:10]]}
            for d, e in docs.items()
        ]  # fmt: skip


def tantivy_index(lib: object, folder: Path, where: Path | None = None) -> SearchIndex:
    """The library indexed by tantivy in ``where`` (by default ``bench/out/tantivy100k``;
    built once, timed, cached)."""
    cls = engine_class("tantivy")
    where = where or OUT / "tantivy100k" / "index"
    where.parent.mkdir(exist_ok=True)
    stamp = where.parent / "stamp"
    key = str((folder / "caseorg.db").stat().st_size)
    index = cls(lib, opening=False, folder=where)
    if stamp.exists() and stamp.read_text() == key and index.version_ok(where):
        return cls(lib, folder=where)  # type: ignore[no-any-return]
    log(f"building the tantivy index of {folder.name} (cached in {where.parent})")
    started = time.perf_counter()
    pages = index.rebuild()
    log(f"tantivy rebuild: {pages} pages in {time.perf_counter() - started:.1f} s")
    stamp.write_text(key)
    return index  # type: ignore[no-any-return]


SIDES = ("whoosh", "tantivy", "fts5", "fair_fts5")


def run(repeat: int = 7) -> list[Target]:
    from caseorg.library import open_library

    folder, _meta = library("lib100k", 100_000, 10_000)
    fts = Fts(fts_database(folder))
    fair = FairFts(fair_database(folder))
    times: dict[str, dict[str, list[float]]] = {side: {q[0]: [] for q in QUERIES} for side in SIDES}
    counts: dict[str, dict[str, int]] = {}
    with open_library(folder) as lib:
        whoosh = index_of(lib)
        fast = tantivy_index(lib, folder)
        sides = {
            "whoosh": lambda q, m, c, a: whoosh.search(q),
            "tantivy": lambda q, m, c, a: fast.search(q),
            "fts5": lambda q, m, c, a: fts.search(m, c, a),
            "fair_fts5": lambda q, m, c, a: fair.search(fts.match_text(m), c, a),
        }
        for kind, query, match, condition, args in QUERIES:  # warm all (and count them)
            counts[kind] = {s: len(go(query, match, condition, args)) for s, go in sides.items()}
        for _round in range(repeat):
            for kind, query, match, condition, args in QUERIES:
                for side, search in sides.items():
                    started = time.perf_counter()
                    search(query, match, condition, args)
                    times[side][kind].append((time.perf_counter() - started) * 1000)
        fast.close()
    every = {side: [t for ts in times[side].values() for t in ts] for side in SIDES}
    per_query = {
        kind: {
            "caseorg_ms": round(median(times["whoosh"][kind]), 1),
            "fts5_ms": round(median(times["fts5"][kind]), 1),
            "tantivy_ms": round(median(times["tantivy"][kind]), 1),
            "fair_fts5_ms": round(median(times["fair_fts5"][kind]), 1),
            "documents": counts[kind]["whoosh"],
            "fts5_documents": counts[kind]["fts5"],
            "tantivy_documents": counts[kind]["tantivy"],
            "fair_fts5_documents": counts[kind]["fair_fts5"],
        }
        for kind in times["whoosh"]
    }
    for kind, row in per_query.items():
        log(
            f"search {kind:13s} whoosh {row['caseorg_ms']:7.1f}  tantivy {row['tantivy_ms']:6.1f}"
            f"  fts5 {row['fts5_ms']:7.1f}  fair fts5 {row['fair_fts5_ms']:7.1f} ms (median)"
        )
    spread = {
        side: {"p50_ms": round(median(every[side]), 1), "p95_ms": round(p95(every[side]), 1)}
        for side in SIDES
    }
    for side, row in spread.items():
        log(f"search {side:10s} p50 {row['p50_ms']:7.1f} ms  p95 {row['p95_ms']:7.1f} ms")
    rounds = f"{len(QUERIES)} queries x {repeat} rounds"
    target = ratio_target(
        "search p95 latency (100,000 pages)",
        spread["whoosh"]["p95_ms"],
        spread["fts5"]["p95_ms"],
        "ms",
        at_most=2.0,
        runs=repeat,
        note=f"{rounds}; baseline SQLite FTS5 (porter, snippet())",
    )
    target.extra = {"per_query_median": per_query, "p50_p95": spread}
    fair_whoosh = ratio_target(
        "search p95, Whoosh vs fair FTS5 (100,000 pages)",
        spread["whoosh"]["p95_ms"],
        spread["fair_fts5"]["p95_ms"],
        "ms",
        at_most=1.0,
        runs=repeat,
        note=f"{rounds}; fair FTS5: external content, ORDER BY rank LIMIT k, pages by rowid",
    )
    fair_tantivy = ratio_target(
        "search p95, tantivy vs fair FTS5 (100,000 pages)",
        spread["tantivy"]["p95_ms"],
        spread["fair_fts5"]["p95_ms"],
        "ms",
        at_most=1.0,
        runs=repeat,
        note=f"{rounds}; the same index entries, pages and snippets as Whoosh",
    )
    return [target, fair_whoosh, fair_tantivy]
