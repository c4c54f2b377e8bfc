"""The import pipeline on real files: the hostile corpus, passwords, dedupe, cancel, progress."""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest
from helpers import FakeWorkerPool, count, make_pdf, stored_files

import caseorg.importing.pipeline as importer_mod
from caseorg.importing.pipeline import CancelToken, collect_files, import_files
from caseorg.library.store import sha256_of
from caseorg.progress import Progress
from caseorg.records.cases import add_case
from caseorg.records.documents import list_documents
from caseorg.search.handle import index_of

# the user passwords of the corpus's encrypted files (README: asdfzxcv, foo, openpassword, ...)
ENCRYPTED = {
    "pypdf__resources_crazyones-encrypted-256.pdf": "password",
    "pypdf__resources_encrypted-file.pdf": "test",
    "pypdf__resources_encryption_r2-user-password.pdf": "asdfzxcv",
    "pypdf__resources_encryption_r4-aes-user-password.pdf": "asdfzxcv",
    "pypdf__resources_encryption_r6-both-passwords.pdf": "foo",
    "sf__005-libreoffice-writer-password_libreoffice-writer-password.pdf": "openpassword",
}
IMAGE_ONLY = [
    "pypdf__resources_git.pdf",
    "sf__007-imagemagick-images_imagemagick-CCITTFaxDecode.pdf",
    "sf__007-imagemagick-images_imagemagick-lzw.pdf",
    "sf__019-grayscale-image_grayscale-image.pdf",
    "sf__023-cmyk-image_cmyk-image.pdf",
]
OPEN_WITH_EMPTY_PASSWORD = [
    "pypdf__resources_encryption_r2-empty-password.pdf",
    "pypdf__resources_encryption_r3-empty-password.pdf",
    "pypdf__resources_encryption_r4-aes-v2-no-key-length.pdf",
]


def _doc_rows(lib, case_id: int | None = None) -> list[dict]:
    sql = "SELECT * FROM documents" + (" WHERE case_id = ?" if case_id else "") + " ORDER BY id"
    return list(lib.db.query(sql, [case_id] if case_id else []))


def _page_count(lib, document_id: int) -> int:
    return int(
        lib.db.execute(
            "SELECT count(*) FROM pages WHERE document_id = ?", [document_id]
        ).fetchone()[0]
    )


def _assert_one_line_reason(message: str | None) -> None:
    assert message and message.strip(), "a reason is required"
    assert "\n" not in message and "\r" not in message
    assert "Traceback" not in message
    assert len(message) < 300


# -- the hostile corpus -----------------------------------------------------------------


@pytest.mark.corpus
@pytest.mark.timeout(240)
def test_every_corpus_pdf_gets_a_status_or_a_reason(lib, case, corpus: Path) -> None:
    folder = corpus / "pdfs"
    files = sorted(folder.glob("*.pdf"))
    assert len(files) >= 70
    started = time.monotonic()
    report = import_files(lib, case.id, [folder], timeout=60)
    assert time.monotonic() - started < 180
    assert not report.cancelled

    by_name = {Path(o.path).name: o for o in report.outcomes}
    assert sorted(by_name) == sorted(f.name for f in files), "one outcome per file"
    rows = {r["original_name"]: r for r in _doc_rows(lib, case.id)}
    for name, outcome in by_name.items():
        assert outcome.status in ("imported", "encrypted", "no_text", "rejected"), name
        if outcome.status == "rejected":
            _assert_one_line_reason(outcome.message)
            assert name not in rows, f"{name} was rejected but left a record"
            continue
        row = rows[name]
        assert outcome.document_id == row["id"]
        assert _page_count(lib, row["id"]) == row["page_count"] == outcome.pages
        assert lib.store.has(row["sha256"])
        if outcome.status == "imported":
            assert row["text_status"] == "ok"
            assert row["page_count"] >= 1
        else:
            assert row["text_status"] == outcome.status
            _assert_one_line_reason(row["error"])

    for name in ENCRYPTED:
        assert by_name[name].status == "encrypted", name
        assert "password" in (by_name[name].message or "")
        assert rows[name]["page_count"] == 0
    for name in IMAGE_ONLY:
        assert by_name[name].status == "no_text", name
    for name in OPEN_WITH_EMPTY_PASSWORD:
        assert by_name[name].status == "imported", name
    assert report.count("imported") >= 55
    # everything stored is a document's file; nothing half-written is left in the store
    hashes = {r["sha256"] for r in rows.values()}
    assert {p.name for p in stored_files(lib)} == {f"{h}.pdf" for h in hashes}
    # what was imported is searchable
    hits = index_of(lib).search('"crazy ones"', case_a_number=case.a_number)
    found = {h.document_id for h in hits}
    assert rows["pypdf__resources_crazyones.pdf"]["id"] in found
    assert found <= {r["id"] for r in rows.values() if r["text_status"] == "ok"}


@pytest.mark.corpus
@pytest.mark.parametrize(("name", "password"), sorted(ENCRYPTED.items()))
def test_encrypted_corpus_files_open_with_their_password(
    lib, case, corpus: Path, name: str, password: str
) -> None:
    report = import_files(lib, case.id, [corpus / "pdfs" / name], password=password, workers=1)
    outcome = report.outcomes[0]
    assert outcome.status == "imported", outcome.message
    row = _doc_rows(lib, case.id)[0]
    assert row["text_status"] == "ok"
    assert row["page_count"] >= 1
    assert _page_count(lib, row["id"]) == row["page_count"]
    assert index_of(lib).indexed_document_ids() == {row["id"]}


@pytest.mark.corpus
def test_wrong_password_then_the_right_one_unlocks(lib, case, corpus: Path) -> None:
    path = corpus / "pdfs" / "pypdf__resources_encryption_r2-user-password.pdf"
    first = import_files(lib, case.id, [path], password="not-it", workers=1).outcomes[0]
    assert first.status == "encrypted"
    assert "wrong password" in (first.message or "")
    row = _doc_rows(lib, case.id)[0]
    assert (row["text_status"], row["page_count"]) == ("encrypted", 0)
    assert "wrong password" in row["error"]
    assert _page_count(lib, row["id"]) == 0
    assert index_of(lib).indexed_document_ids() == set()

    # without a password the same file is a duplicate: nothing changes
    again = import_files(lib, case.id, [path], workers=1).outcomes[0]
    assert again.status == "duplicate"

    unlocked = import_files(lib, case.id, [path], password="asdfzxcv", workers=1).outcomes[0]
    assert unlocked.status == "imported"
    assert unlocked.document_id == row["id"]
    rows = _doc_rows(lib, case.id)
    assert len(rows) == 1, "unlocking fills the same record"
    assert rows[0]["text_status"] == "ok" and rows[0]["error"] is None
    assert rows[0]["page_count"] >= 1
    assert _page_count(lib, row["id"]) == rows[0]["page_count"]
    assert index_of(lib).indexed_document_ids() == {row["id"]}
    events = list(
        lib.db.query(
            "SELECT action FROM audit WHERE entity = 'document' AND entity_id = ? ORDER BY id",
            [row["id"]],
        )
    )
    assert [e["action"] for e in events] == ["import", "unlock"]
    assert len(stored_files(lib)) == 1


# -- dedupe -------------------------------------------------------------------------------


def test_same_file_twice_in_a_case_is_one_record(lib, case, tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "motion.pdf", ["Motion to continue for good cause."])
    copy = tmp_path / "other" / "motion copy.pdf"
    copy.parent.mkdir()
    shutil.copy(pdf, copy)
    first = import_files(lib, case.id, [pdf], workers=1)
    assert first.count("imported") == 1
    for again in (pdf, copy):  # the same bytes under any name
        second = import_files(lib, case.id, [again], workers=1)
        assert [o.status for o in second.outcomes] == ["duplicate"]
        assert second.outcomes[0].message == "already in this case"
        assert second.outcomes[0].document_id == first.outcomes[0].document_id
    assert count(lib, "documents") == 1
    assert len(stored_files(lib)) == 1
    # the same file twice in one import is caught as well
    other = add_case(lib, "987654321", "Bernardo Diaz")
    both = import_files(lib, other.id, [pdf, copy], workers=1)
    assert sorted(o.status for o in both.outcomes) == ["duplicate", "imported"]


def test_same_file_in_two_cases_is_two_records_one_stored_file(lib, case, tmp_path) -> None:
    pdf = make_pdf(tmp_path / "ntA.pdf", ["Notice to appear issued to the respondent."])
    other = add_case(lib, "987654321", "Bernardo Diaz")
    one = import_files(lib, case.id, [pdf], workers=1).outcomes[0]
    two = import_files(lib, other.id, [pdf], workers=1).outcomes[0]
    assert (one.status, two.status) == ("imported", "imported")
    assert one.document_id != two.document_id
    rows = _doc_rows(lib)
    assert [r["case_id"] for r in rows] == [case.id, other.id]
    assert rows[0]["sha256"] == rows[1]["sha256"] == sha256_of(pdf)
    files = stored_files(lib)
    assert len(files) == 1
    assert files[0] == lib.store.path_for(sha256_of(pdf))
    assert files[0].read_bytes() == pdf.read_bytes()
    assert files[0].stat().st_mode & 0o222 == 0, "stored copies are read-only"
    hits = index_of(lib).search("respondent")
    assert sorted(h.case_id for h in hits) == sorted([case.id, other.id])


# -- hostile files made here ----------------------------------------------------------------


def _hostile_files(folder: Path, corpus_pdf: Path) -> dict[str, Path]:
    folder.mkdir()
    files = {}
    files["empty"] = folder / "empty.pdf"
    files["empty"].write_bytes(b"")
    files["random"] = folder / "random.pdf"
    files["random"].write_bytes(os.urandom(4096))
    files["text"] = folder / "notes.txt"
    files["text"].write_text("Hearing notes: the respondent appeared with counsel.\n")
    files["text_as_pdf"] = folder / "notes.pdf"
    files["text_as_pdf"].write_text("Plain text pretending to be a PDF.\n" * 50)
    data = corpus_pdf.read_bytes()
    files["truncated"] = folder / "truncated.pdf"
    files["truncated"].write_bytes(data[: len(data) // 2])
    files["header_only"] = folder / "header.pdf"
    files["header_only"].write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    return files


def test_hostile_files_are_rejected_with_a_reason_and_leave_nothing(
    lib, case, tmp_path: Path
) -> None:
    real = make_pdf(tmp_path / "real.pdf", ["The respondent testified credibly. " * 40] * 3)
    files = _hostile_files(tmp_path / "hostile", real)
    report = import_files(lib, case.id, list(files.values()), workers=2, timeout=30)
    by_path = {Path(o.path): o for o in report.outcomes}
    assert len(report.outcomes) == len(files)
    for kind, path in files.items():
        outcome = by_path[path]
        assert outcome.status == "rejected", (kind, outcome)
        _assert_one_line_reason(outcome.message)
        assert outcome.document_id is None
    assert "empty" in (by_path[files["empty"]].message or "")
    assert "not a PDF" in (by_path[files["random"]].message or "")
    assert "not a PDF" in (by_path[files["text"]].message or "")
    assert count(lib, "documents") == 0
    assert count(lib, "pages") == 0
    assert count(lib, "audit") == 2  # the judge and the case, nothing from the import
    assert stored_files(lib) == []
    assert not report.ok
    assert "6 rejected" in report.summary()


def test_missing_file_and_folder_import(lib, case, tmp_path: Path) -> None:
    folder = tmp_path / "bundle"
    make_pdf(folder / "b.pdf", ["Second exhibit."])
    make_pdf(folder / "sub" / "a.PDF", ["First exhibit."])
    (folder / "readme.txt").write_text("not a pdf, skipped inside folders")
    assert [p.name for p in collect_files([folder])] == ["b.pdf", "a.PDF"]
    report = import_files(lib, case.id, [folder, tmp_path / "gone.pdf"], workers=1)
    statuses = {Path(o.path).name: (o.status, o.message) for o in report.outcomes}
    assert statuses["gone.pdf"] == ("rejected", "no such file")
    assert statuses["a.PDF"][0] == statuses["b.pdf"][0] == "imported"


def test_document_type_title_and_guess(lib, case, tmp_path: Path) -> None:
    brief = make_pdf(tmp_path / "Respondent_Brief.pdf", ["Brief in support."])
    nta = make_pdf(tmp_path / "NTA.pdf", ["Notice to appear."])
    import_files(lib, case.id, [brief, nta], workers=1)
    docs = {d.original_name: d for d in list_documents(lib, case.id)}
    assert docs["Respondent_Brief.pdf"].doc_type == "brief"
    assert docs["Respondent_Brief.pdf"].title == "Respondent Brief"
    assert docs["NTA.pdf"].doc_type == "notice_to_appear"
    other = make_pdf(tmp_path / "scan.pdf", ["An order of the court."])
    import_files(lib, case.id, [other], doc_type="Order", workers=1)
    assert {d.original_name: d.doc_type for d in list_documents(lib, case.id)}["scan.pdf"] == (
        "order"
    )


# -- cancel and progress ----------------------------------------------------------------------


def _exhibits(folder: Path, n: int) -> list[Path]:
    return [
        make_pdf(folder / f"exhibit_{i:02d}.pdf", [f"Exhibit {i} zanzibar{i} country report."] * 2)
        for i in range(n)
    ]


def test_cancel_after_the_first_file_keeps_what_finished(lib, case, tmp_path: Path) -> None:
    files = _exhibits(tmp_path / "in", 6)
    assert index_of(lib).page_count() == 0  # open now, so no later reconcile hides a missed flush
    token = CancelToken()
    seen: list[Progress] = []

    def progress(p: Progress) -> None:
        seen.append(p)
        if (p.done or 0) >= 1:
            token.cancel()

    report = import_files(lib, case.id, files, progress=progress, cancel=token, workers=2)
    assert report.cancelled
    assert not report.ok
    assert "(cancelled)" in report.summary()
    imported = [o for o in report.outcomes if o.status == "imported"]
    assert 1 <= len(imported) < len(files)
    rows = _doc_rows(lib, case.id)
    assert sorted(r["id"] for r in rows) == sorted(o.document_id for o in imported)
    assert len(stored_files(lib)) == len(rows)
    # the finished documents are indexed and found
    assert index_of(lib).indexed_document_ids() == {r["id"] for r in rows}
    for outcome in imported:
        number = Path(outcome.path).stem.split("_")[1].lstrip("0") or "0"
        hits = index_of(lib).search(f"zanzibar{number}")
        assert [h.document_id for h in hits] == [outcome.document_id]
    # the rest can be imported later
    rest = import_files(lib, case.id, files, workers=2)
    assert rest.count("imported") == len(files) - len(imported)
    assert rest.count("duplicate") == len(imported)


def test_cancel_before_starting_imports_nothing(lib, case, tmp_path: Path) -> None:
    files = _exhibits(tmp_path / "in", 2)
    token = CancelToken()
    token.cancel()
    report = import_files(lib, case.id, files, cancel=token, workers=1)
    assert report.cancelled
    assert count(lib, "documents") == 0


def test_progress_counts_up_to_the_total(lib, case, tmp_path: Path) -> None:
    files = _exhibits(tmp_path / "in", 5)
    junk = tmp_path / "in" / "junk.pdf"
    junk.write_bytes(b"junk")
    seen: list[Progress] = []
    report = import_files(lib, case.id, [*files, junk], progress=seen.append, workers=2)
    assert report.count("imported") == 5 and report.count("rejected") == 1
    assert seen, "progress was reported"
    assert {p.total for p in seen} == {6}
    done = [p.done for p in seen]
    assert done == sorted(done), "done_files never goes down"
    assert done[0] == 0 and done[-1] == 6
    pages = [int(re.search(r"([\d,]+) pages", p.text)[1].replace(",", "")) for p in seen]
    assert pages == sorted(pages) and pages[-1] == 10
    names = {p.text.rsplit(" · ", 1)[-1] for p in seen}
    assert {f.name for f in files} <= names


# -- the extraction pool: timeouts, crashes, replacement ----------------------------------------


@pytest.mark.timeout(60)
def test_pool_stops_a_hanging_reader_and_replaces_a_dead_one(tmp_path: Path) -> None:
    tasks = [(name, str(tmp_path / name), None) for name in
             ("one.pdf", "hang.pdf", "crash.pdf", "two.pdf", "three.pdf")]  # fmt: skip
    FakeWorkerPool.spawned = 0
    started = time.monotonic()
    with FakeWorkerPool(2, timeout=2.5) as pool:
        results = dict(pool.imap_unordered(tasks))
    assert time.monotonic() - started < 20
    assert set(results) == {t[0] for t in tasks}
    assert results["hang.pdf"].status == "failed"
    assert "longer than 2.5 s" in (results["hang.pdf"].error or "")
    assert results["crash.pdf"].status == "failed"
    assert "crashed" in (results["crash.pdf"].error or "")
    for name in ("one.pdf", "two.pdf", "three.pdf"):
        assert results[name].status == "ok"
        assert results[name].pages == [f"fake text of {name}"]
    assert FakeWorkerPool.spawned >= 3, "killed and dead workers are replaced"


@pytest.mark.timeout(60)
def test_import_reports_a_file_that_hangs_and_goes_on(lib, case, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(importer_mod, "ExtractionPool", FakeWorkerPool)
    good = make_pdf(tmp_path / "good.pdf", ["fine"])
    hang = make_pdf(tmp_path / "hang.pdf", ["this one never finishes"])
    crash = make_pdf(tmp_path / "crash.pdf", ["this one kills its reader"])
    report = import_files(lib, case.id, [hang, crash, good], workers=2, timeout=2.5)
    outcomes = {Path(o.path).name: o for o in report.outcomes}
    assert outcomes["hang.pdf"].status == "rejected"
    assert "longer than 2.5 s" in (outcomes["hang.pdf"].message or "")
    assert outcomes["crash.pdf"].status == "rejected"
    _assert_one_line_reason(outcomes["crash.pdf"].message)
    assert outcomes["good.pdf"].status == "imported"
    assert [r["original_name"] for r in _doc_rows(lib)] == ["good.pdf"]
    assert len(stored_files(lib)) == 1
