"""Search on 100,000 pages: ``SearchIndex.search`` against SQLite FTS5 on the same texts.

Each query returns what the app shows: the first 20 documents, grouped, with
their matching page numbers and a snippet per shown page (up to 10 pages a
document). FTS5 (porter tokenizer, bm25 rank, snippet()) does the same in SQL:
rank pages, keep the 20 best documents, list their matching pages, cut
snippets for the best 10 pages of each. FTS5 has no fuzzy search: its fuzzy
query ORs the vocabulary words one edit away (vocabulary loaded once, untimed).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from caseorg.search import index_of

from .common import OUT, Target, log, median, p95, ratio_target
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


def run(repeat: int = 7) -> list[Target]:
    from caseorg.library import open_library

    folder, _meta = library("lib100k", 100_000, 10_000)
    fts = Fts(fts_database(folder))
    ours: dict[str, list[float]] = {q[0]: [] for q in QUERIES}
    theirs: dict[str, list[float]] = {q[0]: [] for q in QUERIES}
    counts: dict[str, tuple[int, int]] = {}
    with open_library(folder) as lib:
        index = index_of(lib)
        for kind, query, match, condition, args in QUERIES:  # warm both (and check them)
            counts[kind] = (len(index.search(query)), len(fts.search(match, condition, args)))
        for _round in range(repeat):
            for kind, query, match, condition, args in QUERIES:
                started = time.perf_counter()
                index.search(query)
                ours[kind].append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                fts.search(match, condition, args)
                theirs[kind].append((time.perf_counter() - started) * 1000)
    all_ours = [t for times in ours.values() for t in times]
    all_theirs = [t for times in theirs.values() for t in times]
    per_query = {
        kind: {
            "caseorg_ms": round(median(ours[kind]), 1),
            "fts5_ms": round(median(theirs[kind]), 1),
            "documents": counts[kind][0],
            "fts5_documents": counts[kind][1],
        }
        for kind in ours
    }
    for kind, row in per_query.items():
        log(f"search {kind:13s} caseorg {row['caseorg_ms']:7.1f} ms  fts5 {row['fts5_ms']:7.1f} ms")
    target = ratio_target(
        "search p95 latency (100,000 pages)",
        round(p95(all_ours), 1),
        round(p95(all_theirs), 1),
        "ms",
        at_most=2.0,
        runs=repeat,
        note=f"{len(QUERIES)} queries x {repeat} rounds; baseline SQLite FTS5 (porter, snippet())",
    )
    target.extra = {"per_query_median": per_query}
    return [target]
