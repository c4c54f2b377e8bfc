"""The schema, as sqlite-utils migrations: one function each, never edited once released.

Loaded only when a library's schema is behind (:func:`caseorg.library.db.migrate` checks
first), so that opening an up-to-date library does not import sqlite-utils.
A new migration is a new function here *and* a new :data:`caseorg.library.db.LATEST_MIGRATION`.
"""

# size: the schema history, one migration a function in order, never edited once released
from __future__ import annotations

import re
import sqlite3

import sqlite_utils
from sqlite_utils.migrations import Migrations

from caseorg.library.db import MIGRATION_SET, wrap

SCHEMA = Migrations(MIGRATION_SET)


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the schema up to date (each migration in its own transaction)."""
    SCHEMA.apply(wrap(conn))


_APPEND_ONLY = ("reassignments", "audit")


def _append_only_triggers(db: sqlite_utils.Database, table: str) -> None:
    for verb in ("UPDATE", "DELETE"):
        db.execute(
            f"""
            CREATE TRIGGER IF NOT EXISTS {table}_no_{verb.lower()}
            BEFORE {verb} ON {table}
            BEGIN
                SELECT RAISE(ABORT, '{table} is append-only: record a correction instead');
            END
            """
        )


def _run_script(db: sqlite_utils.Database, script: str) -> None:
    """Run statements one by one: ``executescript`` would COMMIT the migration's transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in migration: {statement!r}")


@SCHEMA()
def m001_initial(db: sqlite_utils.Database) -> None:
    _run_script(
        db,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);

        CREATE TABLE judges (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE COLLATE NOCASE,
            name TEXT NOT NULL,
            court TEXT,
            active INTEGER NOT NULL DEFAULT 1
        );

        CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            a_number TEXT NOT NULL UNIQUE CHECK (length(a_number) = 9),
            respondent TEXT NOT NULL,
            nationality TEXT,
            language TEXT,
            custody TEXT NOT NULL DEFAULT 'non_detained'
                CHECK (custody IN ('detained','released','non_detained')),
            case_type TEXT NOT NULL DEFAULT 'removal'
                CHECK (case_type IN ('removal','asylum_only','withholding_only','bond','other')),
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending','completed','closed','appealed')),
            court TEXT,
            judge_id INTEGER REFERENCES judges(id),
            attorney TEXT,
            dhs_counsel TEXT,
            opened_on TEXT,
            completed_on TEXT,
            outcome TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX cases_judge ON cases(judge_id);

        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            sha256 TEXT NOT NULL,
            title TEXT NOT NULL,
            doc_type TEXT NOT NULL DEFAULT 'other'
                CHECK (doc_type IN ('brief','motion','notice_to_appear','hearing_notice',
                                    'evidence','decision','order','correspondence','other')),
            filed_on TEXT,
            filed_by TEXT CHECK (filed_by IN ('respondent','dhs','court','other')),
            page_count INTEGER NOT NULL DEFAULT 0,
            bytes INTEGER NOT NULL DEFAULT 0,
            original_name TEXT,
            text_status TEXT NOT NULL DEFAULT 'ok'
                CHECK (text_status IN ('ok','no_text','encrypted','failed')),
            error TEXT,
            imported_at TEXT NOT NULL,
            UNIQUE (case_id, sha256)
        );
        CREATE INDEX documents_sha ON documents(sha256);

        CREATE TABLE pages (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            page_no INTEGER NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (document_id, page_no)
        ) WITHOUT ROWID;

        CREATE TABLE hearings (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            starts_at TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'master'
                CHECK (kind IN ('master','individual','bond','status')),
            judge_id INTEGER REFERENCES judges(id),
            courtroom TEXT,
            medium TEXT NOT NULL DEFAULT 'in_person'
                CHECK (medium IN ('in_person','video','telephone')),
            interpreter_language TEXT,
            outcome TEXT NOT NULL DEFAULT 'pending'
                CHECK (outcome IN ('pending','continued','decided','in_absentia_order',
                                   'cancelled')),
            adjournment_reason TEXT,
            notes TEXT
        );
        CREATE INDEX hearings_case ON hearings(case_id);
        CREATE INDEX hearings_starts ON hearings(starts_at);

        CREATE TABLE notices (
            id INTEGER PRIMARY KEY,
            hearing_id INTEGER NOT NULL REFERENCES hearings(id),
            served_on TEXT NOT NULL,
            method TEXT NOT NULL DEFAULT 'mail'
                CHECK (method IN ('personal','mail','electronic')),
            address TEXT,
            returned_undeliverable INTEGER NOT NULL DEFAULT 0,
            document_id INTEGER REFERENCES documents(id)
        );
        CREATE INDEX notices_hearing ON notices(hearing_id);

        CREATE TABLE hearing_documents (
            hearing_id INTEGER NOT NULL REFERENCES hearings(id),
            document_id INTEGER NOT NULL REFERENCES documents(id),
            exhibit TEXT,
            PRIMARY KEY (hearing_id, document_id)
        );

        CREATE TABLE reassignments (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            from_judge_id INTEGER REFERENCES judges(id),
            to_judge_id INTEGER NOT NULL REFERENCES judges(id),
            effective_on TEXT NOT NULL,
            reason TEXT NOT NULL,
            ordered_by TEXT,
            midstream INTEGER NOT NULL DEFAULT 0,
            recorded_at TEXT NOT NULL,
            corrects_id INTEGER REFERENCES reassignments(id)
        );
        CREATE INDEX reassignments_case ON reassignments(case_id);

        CREATE TABLE deadlines (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            kind TEXT NOT NULL DEFAULT 'other'
                CHECK (kind IN ('brief_due','filing','decision_due','other')),
            due_on TEXT NOT NULL,
            done_on TEXT,
            note TEXT,
            document_id INTEGER REFERENCES documents(id)
        );
        CREATE INDEX deadlines_case ON deadlines(case_id);

        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER,
            before_json TEXT,
            after_json TEXT
        );
        CREATE INDEX audit_entity ON audit(entity, entity_id);
        """,
    )
    for table in _APPEND_ONLY:
        _append_only_triggers(db, table)


@SCHEMA()
def m002_append_only_no_replace(db: sqlite_utils.Database) -> None:
    """Refuse INSERT OR REPLACE over an existing append-only row.

    REPLACE deletes the old row without firing DELETE triggers unless the
    connection has ``recursive_triggers`` on (sqlite-utils sets it; the sqlite3
    shell and other tools do not), so it could overwrite an audit entry.
    """
    for table in _APPEND_ONLY:
        db.execute(
            f"""
            CREATE TRIGGER IF NOT EXISTS {table}_no_replace
            BEFORE INSERT ON {table}
            WHEN EXISTS (SELECT 1 FROM {table} WHERE id = NEW.id)
            BEGIN
                SELECT RAISE(ABORT, '{table} is append-only: record a correction instead');
            END
            """
        )


@SCHEMA()
def m003_court_workflow(db: sqlite_utils.Database) -> None:
    """Court workflow (issue 5): when a notice came back, tags, notes, saved searches,
    settings in ``meta``, and the keys that make an EOIR case-data import idempotent."""
    _run_script(
        db,
        """
        ALTER TABLE notices ADD COLUMN returned_on TEXT;

        CREATE TABLE case_tags (
            case_id INTEGER NOT NULL REFERENCES cases(id),
            tag TEXT NOT NULL,
            added_at TEXT NOT NULL,
            PRIMARY KEY (case_id, tag)
        ) WITHOUT ROWID;
        CREATE INDEX case_tags_tag ON case_tags(tag);

        CREATE TABLE document_tags (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            added_at TEXT NOT NULL,
            PRIMARY KEY (document_id, tag)
        ) WITHOUT ROWID;
        CREATE INDEX document_tags_tag ON document_tags(tag);

        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            entity TEXT NOT NULL CHECK (entity IN ('case','document','hearing')),
            entity_id INTEGER NOT NULL,
            text TEXT NOT NULL,
            author TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT
        );
        CREATE INDEX notes_case ON notes(case_id);
        CREATE INDEX notes_entity ON notes(entity, entity_id);

        CREATE TABLE saved_searches (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            query TEXT NOT NULL,
            filters_json TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );

        CREATE TABLE external_keys (
            source TEXT NOT NULL,
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            entity_id INTEGER NOT NULL,
            fingerprint TEXT,
            PRIMARY KEY (source, kind, key)
        ) WITHOUT ROWID;

        CREATE INDEX IF NOT EXISTS deadlines_due ON deadlines(due_on);
        CREATE INDEX IF NOT EXISTS cases_status ON cases(status);
        CREATE INDEX IF NOT EXISTS reassignments_to ON reassignments(to_judge_id);
        CREATE INDEX IF NOT EXISTS reassignments_from ON reassignments(from_judge_id);
        """,
    )


@SCHEMA()
def m004_document_pages_index(db: sqlite_utils.Database) -> None:
    """The status bar's document and page totals from a small covering index instead of
    a scan of every document row (4 ms -> 1.5 ms at 22,000 documents; far more when the
    table is not in the page cache yet, as at the morning's first start)."""
    db.execute("CREATE INDEX IF NOT EXISTS documents_pages ON documents(page_count)")


@SCHEMA()
def m005_page_ocr(db: sqlite_utils.Database) -> None:
    """OCR (issue 12): each page says where its searchable text came from (``source``:
    the PDF's text layer or OCR), and a page that needs or had OCR has a ``page_ocr`` row:
    its state (awaiting, done, failed + reason), the OCR text, word boxes (JSON
    ``[[x, y, w, h, word], ...]`` in points from the shown page's top-left corner), the
    mean word confidence and whether the index has the page yet. No row: OCR not needed.
    Pages of documents already imported without a usable text layer (fewer than 16
    non-space characters) start out awaiting OCR."""
    _run_script(
        db,
        """
        ALTER TABLE pages ADD COLUMN source TEXT NOT NULL DEFAULT 'text'
            CHECK (source IN ('text','ocr'));

        CREATE TABLE page_ocr (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            page_no INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('awaiting','done','failed')),
            reason TEXT,
            text TEXT,
            words TEXT,
            confidence REAL,
            lang TEXT,
            indexed INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT,
            PRIMARY KEY (document_id, page_no)
        ) WITHOUT ROWID;
        CREATE INDEX page_ocr_state ON page_ocr(state);

        INSERT INTO page_ocr (document_id, page_no, state)
        SELECT p.document_id, p.page_no, 'awaiting'
        FROM pages p JOIN documents d ON d.id = p.document_id
        WHERE d.text_status IN ('ok','no_text')
          AND length(replace(replace(replace(replace(p.text, ' ', ''), char(10), ''),
                                     char(13), ''), char(9), '')) < 16;
        """,
    )


_ID_COLUMN = re.compile(r"\bid INTEGER PRIMARY KEY\b(?! AUTOINCREMENT)", re.IGNORECASE)


@SCHEMA()
def m006_ids_never_reused(db: sqlite_utils.Database) -> None:
    """Ids of deleted rows are never given again (issue 20 item 5): SQLite gives a new row
    the largest id + 1, so deleting the newest note and adding one on another case reused
    its id, and the audit trail (keyed by entity and id) mixed the two cases' histories.

    Every table keyed by ``id INTEGER PRIMARY KEY`` becomes AUTOINCREMENT. That keyword
    changes no stored byte (only where SQLite looks for the next id), so the tables are
    declared anew in the schema, as SQLite's documentation allows for such changes,
    rather than copied; each table's sequence starts past the largest id it ever had,
    the audit trail's included, so ids already reused once are not given a third time."""
    conn = db.conn
    tables = [
        (name, sql)
        for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL"
        )
        if not name.startswith("sqlite_") and _ID_COLUMN.search(sql)
    ]
    conn.execute("CREATE TABLE _make_sequence (id INTEGER PRIMARY KEY AUTOINCREMENT)")
    conn.execute("DROP TABLE _make_sequence")  # sqlite_sequence stays
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    try:
        for name, sql in tables:
            conn.execute(
                "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
                [_ID_COLUMN.sub("id INTEGER PRIMARY KEY AUTOINCREMENT", sql, count=1), name],
            )
        conn.execute(f"PRAGMA schema_version = {version + 1}")
    except sqlite3.DatabaseError:
        # a SQLite built "defensive" refuses schema edits: the library still opens, and
        # case histories still hold (audit.history gathers deleted rows by their case)
        return
    finally:
        conn.execute("PRAGMA writable_schema = OFF")
    for name, _sql in tables:
        entities = [name[:-1], name[:-2]]  # notes -> note, saved_searches -> saved_search
        highest = conn.execute(
            f"SELECT max(coalesce((SELECT max(id) FROM {name}), 0), coalesce((SELECT "
            "max(entity_id) FROM audit WHERE entity IN (?, ?)), 0))",
            entities,
        ).fetchone()[0]
        conn.execute("DELETE FROM sqlite_sequence WHERE name = ?", [name])
        conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", [name, highest])


@SCHEMA()
def m006_tamper_evident(db: sqlite_utils.Database) -> None:
    """Every row of the append-only tables sealed (issue 20 item 8): a row's seal hashes
    its values and the previous row's seal, in the append-only table ``seals``, so an
    edit, a deletion or a back-dated row made with a SQL client (after dropping a
    trigger) shows in ``check``. Rows already there are sealed as they are.
    See :mod:`caseorg.library.seals`."""
    from caseorg.library.seals import seal_existing, trigger_sql

    if "seals" in db.table_names():  # run again over its own work (a test rolls back)
        return
    db.execute(
        "CREATE TABLE seals (tbl TEXT NOT NULL, row_id INTEGER NOT NULL, hash TEXT NOT NULL, "
        "PRIMARY KEY (tbl, row_id)) WITHOUT ROWID"
    )
    for sql in trigger_sql("seals").values():
        db.execute(sql)
    seal_existing(db.conn, ("audit", "reassignments"))


@SCHEMA()
def m007_case_life(db: sqlite_utils.Database) -> None:
    """A case's whole life (issue 14): proceedings (each hearing belongs to one), the
    respondent's address history (EOIR-33), representation (EOIR-28), service of the
    Notice to Appear, relief applications, motions, appeals, custody; how and to whom a
    notice was served (certified mail now a method of its own); an exhibit's number,
    offering party and status; the respondent's birth date and unaccompanied-child flag
    (``respondent_facts``: beside ``cases``, whose row other code reads whole).

    New tables use AUTOINCREMENT: an id, once given, is never given again (audit rows
    name them). ``notices`` is rebuilt (SQLite cannot widen a CHECK) with its rows and
    ids. A library from before gets one proceeding per case, made from the case's own
    court, judge, type, custody and dates, holding all of its hearings."""
    from caseorg.library.case_life_schema import CASE_LIFE_SQL  # its tables, in a module

    _run_script(
        db,
        CASE_LIFE_SQL
        + """
        UPDATE hearings SET proceeding_id =
            (SELECT max(p.id) FROM proceedings p WHERE p.case_id = hearings.case_id);
        """,
    )


@SCHEMA()
def m008_eoir_case_id(db: sqlite_utils.Database) -> None:
    """Case identity (issue 13): a case is named by its A-number when known, else by
    EOIR's case id (IDNCASE, which EOIR's public data carries instead of the A-number).
    ``a_number`` may now be empty; ``eoir_case_id`` is new; each is unique and a case
    has at least one. NOT NULL is dropped the way SQLite documents for removing a
    constraint (the stored CREATE TABLE edited under ``writable_schema``, in this
    migration's transaction): a rebuild of ``cases`` would need foreign keys off, which
    cannot be switched inside a transaction, and would drop what later tables hang on it."""
    conn = db.conn
    (sql,) = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'cases'"
    ).fetchone()
    relaxed = re.sub(r"(\ba_number\s+TEXT)\s+NOT\s+NULL", r"\1", sql, count=1, flags=re.I)
    if relaxed != sql:
        (version,) = conn.execute("PRAGMA schema_version").fetchone()
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'cases'",
            [relaxed],
        )
        conn.execute(f"PRAGMA schema_version = {int(version) + 1}")
        conn.execute("PRAGMA writable_schema = OFF")
    _run_script(
        db,
        """
        ALTER TABLE cases ADD COLUMN eoir_case_id TEXT
            CHECK (eoir_case_id IS NULL OR (eoir_case_id GLOB '[1-9]*'
                                            AND eoir_case_id NOT GLOB '*[^0-9]*'))
            CHECK (a_number IS NOT NULL OR eoir_case_id IS NOT NULL);
        CREATE UNIQUE INDEX cases_eoir_case_id ON cases(eoir_case_id);

        -- what EOIR's data says of a case beyond caseorg's fields (A_TblCase,
        -- tbl_RepsAssigned); to move to the proceedings/addresses/counsel records
        CREATE TABLE eoir_case_details (
            case_id INTEGER PRIMARY KEY REFERENCES cases(id),
            case_type_code TEXT,
            priority_code TEXT,
            birth_date TEXT,
            address_city TEXT,
            address_state TEXT,
            address_zip TEXT,
            address_changed_on TEXT,
            date_detained TEXT,
            date_released TEXT,
            e28_date TEXT
        );

        -- a hearing's own EOIR codes, kept as given (calendar type, medium, the notice
        -- EOIR generated: its type and the day it was entered; not how it was served)
        CREATE TABLE eoir_hearings (
            hearing_id INTEGER PRIMARY KEY REFERENCES hearings(id),
            ij_code TEXT,
            cal_type TEXT,
            adj_medium TEXT,
            notice_code TEXT,
            notice_type TEXT,
            notice_on TEXT
        );

        -- court-to-court transfers EOIR's proceedings record (TRANSFER_TO): not
        -- reassignments within a court
        CREATE TABLE eoir_transfers (
            case_id INTEGER NOT NULL REFERENCES cases(id),
            idnproceeding TEXT NOT NULL,
            from_court TEXT,
            to_court TEXT,
            transferred_on TEXT,
            status TEXT,
            PRIMARY KEY (case_id, idnproceeding)
        ) WITHOUT ROWID;
        """,
    )
    (check,) = conn.execute("PRAGMA integrity_check").fetchone()
    if check != "ok":
        raise sqlite3.DatabaseError(f"integrity check after m008 failed: {check}")


@SCHEMA()
def m009_document_type_guessed(db: sqlite_utils.Database) -> None:
    """Whether a document's type was guessed at import (from its text or name) rather
    than given: the app and the CLI mark a guess until someone sets the type."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(documents)").fetchall()}
    if "type_guessed" not in columns:  # run again (a test rolling the schema back): no-op
        db.execute("ALTER TABLE documents ADD COLUMN type_guessed INTEGER NOT NULL DEFAULT 0")


@SCHEMA()
def m009_reassignment_orders(db: sqlite_utils.Database) -> None:
    """Reassignment orders (issue 19): cases moved together are one order — its date, who
    ordered it and in what role, the reason from the court's list plus free text, the
    receiving judge's role, the document if any — and each reassignment names its order.
    A successor judge's certification of familiarity with the record (8 C.F.R.
    §1240.1(b)) is kept per hearing, beside ``hearings``.

    ``reassignment_orders`` is append-only and sealed like ``reassignments``. A library
    from before gets one order per reassignment (same id, reason kind 'other', the old
    reason as its text); the reassignments' append-only trigger is lifted for the one
    UPDATE that names those orders (``order_id`` is not in a reassignment's seal)."""
    from caseorg.library.seals import seal_existing, trigger_sql

    _run_script(
        db,
        """
        CREATE TABLE reassignment_orders (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            ordered_on TEXT NOT NULL,
            ordered_by TEXT,
            ordered_by_role TEXT CHECK (ordered_by_role IN ('acij','chief_judge','other')),
            reason_kind TEXT NOT NULL,
            reason TEXT,
            to_judge_role TEXT
                CHECK (to_judge_role IN ('home_court','visiting','supervisory')),
            document_id INTEGER REFERENCES documents(id),
            recorded_at TEXT NOT NULL
        );
        ALTER TABLE reassignments ADD COLUMN order_id INTEGER
            REFERENCES reassignment_orders(id);
        CREATE INDEX reassignments_order ON reassignments(order_id);

        CREATE TABLE familiarity_certified (
            hearing_id INTEGER PRIMARY KEY REFERENCES hearings(id),
            certified_on TEXT NOT NULL,
            note TEXT
        );

        INSERT INTO reassignment_orders (id, ordered_on, ordered_by, reason_kind, reason,
                                         recorded_at)
            SELECT id, effective_on, ordered_by, 'other', reason,
                   coalesce(recorded_at, effective_on)
            FROM reassignments ORDER BY id;
        DROP TRIGGER IF EXISTS reassignments_no_update;
        UPDATE reassignments SET order_id = id;
        """,
    )
    for table in ("reassignments", "reassignment_orders"):
        for name, sql in trigger_sql(table).items():
            db.execute(f"DROP TRIGGER IF EXISTS {name}")
            db.execute(sql)
    seal_existing(db.conn, ("reassignment_orders",))


@SCHEMA()
def m010_hearing_kind_and_medium_as_given(db: sqlite_utils.Database) -> None:
    """A hearing's calendar and medium as another system gave them (issue 13): EOIR's
    calendar types beyond master and individual (S, a special-circumstance calendar; N,
    R, C, T, E) are kind 'other', and a medium code caseorg has no word for (H, A, C) is
    'unknown' — each with what the source said (``kind_detail``, ``medium_detail``:
    the release's description and code, or "unknown (code X)") rather than a silent
    "master" / "in person". The CHECKs are widened as m008 relaxed ``cases`` (the stored
    CREATE TABLE edited: every row already meets the wider CHECK)."""
    conn = db.conn
    (sql,) = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'hearings'"
    ).fetchone()
    wider = sql.replace("'bond','status')", "'bond','status','other')", 1).replace(
        "'video','telephone')", "'video','telephone','unknown')", 1
    )
    if wider != sql:
        (version,) = conn.execute("PRAGMA schema_version").fetchone()
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'hearings'",
            [wider],
        )
        conn.execute(f"PRAGMA schema_version = {int(version) + 1}")
        conn.execute("PRAGMA writable_schema = OFF")
    columns = {row[1] for row in db.execute("PRAGMA table_info(hearings)").fetchall()}
    for column in ("kind_detail", "medium_detail"):
        if column not in columns:
            db.execute(f"ALTER TABLE hearings ADD COLUMN {column} TEXT")
    (check,) = conn.execute("PRAGMA integrity_check").fetchone()
    if check != "ok":
        raise sqlite3.DatabaseError(f"integrity check after m010 failed: {check}")


LIFE_TABLES = (
    "proceedings",
    "addresses",
    "representation",
    "custody",
    "relief_applications",
    "motions",
)


@SCHEMA()
def m011_case_life_from_eoir(db: sqlite_utils.Database) -> None:
    """A case's life as EOIR's data shows it (issue 13): each record of proceedings,
    addresses, counsel, custody, relief and motions says where it came from (``origin``:
    NULL entered here, 'eoir' EOIR's data) and what the source said that caseorg could
    not be sure of (``origin_note``: a code kept as given, a doubt). Relief and motions
    EOIR names that caseorg has no kind for are kind 'other' (the CHECK widened as m010
    widened hearings', the stored CREATE TABLE edited)."""
    conn = db.conn
    widened = {
        "relief_applications": ("'adjustment','voluntary_departure')", "'voluntary_departure'"),
        "motions": ("'continue','change_venue')", "'change_venue'"),
    }
    (version,) = conn.execute("PRAGMA schema_version").fetchone()
    edits = []
    for table, (old, last) in widened.items():
        (sql,) = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
        ).fetchone()
        wider = sql.replace(old, old.replace(last, f"{last},'other'"), 1)
        if wider != sql:
            edits.append((wider, table))
    if edits:
        conn.execute("PRAGMA writable_schema = ON")
        conn.executemany(
            "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", edits
        )
        conn.execute(f"PRAGMA schema_version = {int(version) + 1}")
        conn.execute("PRAGMA writable_schema = OFF")
    for table in LIFE_TABLES:
        columns = {row[1] for row in db.execute(f"PRAGMA table_info({table})").fetchall()}
        for column in ("origin", "origin_note"):
            if column not in columns:
                db.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")
    (check,) = conn.execute("PRAGMA integrity_check").fetchone()
    if check != "ok":
        raise sqlite3.DatabaseError(f"integrity check after m011 failed: {check}")


@SCHEMA()
def m012_page_changes(db: sqlite_utils.Database) -> None:
    """A log of the documents whose pages changed (issue 15): opening a library brings the
    search index up to date from it (:mod:`caseorg.library.changes`) instead of comparing
    every document with text against every entry. One row per document (a REPLACE gives
    it a new, higher ``seq``); the log's name tells this database's log from another's."""
    import secrets

    _run_script(
        db,
        """
        CREATE TABLE page_changes (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id INTEGER NOT NULL UNIQUE
        );
        CREATE TRIGGER pages_changed_insert AFTER INSERT ON pages BEGIN
            INSERT OR REPLACE INTO page_changes (document_id) VALUES (NEW.document_id);
        END;
        CREATE TRIGGER pages_changed_delete AFTER DELETE ON pages BEGIN
            INSERT OR REPLACE INTO page_changes (document_id) VALUES (OLD.document_id);
        END;
        CREATE TRIGGER pages_changed_text AFTER UPDATE OF text ON pages
        WHEN OLD.text IS NOT NEW.text BEGIN
            INSERT OR REPLACE INTO page_changes (document_id) VALUES (NEW.document_id);
        END;
        """,
    )
    db.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('page_changes_log', ?)",
        [secrets.token_hex(8)],
    )
