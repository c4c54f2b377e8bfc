"""Hearings, their notices, and deadlines."""

from __future__ import annotations

import json


def test_hearing_notice_deadline_flow(run) -> None:
    run("judge", "add", "JRM", "Rosa Martinez")
    run("case", "add", "--a-number", "123456789", "--respondent", "Test Person", "--judge", "JRM")
    hearing = json.loads(
        run(
            "hearing",
            "add",
            "123456789",
            "--at",
            "2025-04-01 09:00",
            "--kind",
            "master",
            "--courtroom",
            "4",
            "--json",
        ).output
    )
    assert hearing["judge_code"] == "JRM"
    run("notice", "add", str(hearing["id"]), "--served", "2025-03-01", "--returned")
    edited = json.loads(
        run(
            "hearing", "edit", str(hearing["id"]), "--outcome", "in_absentia_order", "--json"
        ).output
    )
    assert "returned undeliverable" in edited["notice_warning"]
    listed = run("hearing", "list", "--date", "2025-04-01")
    assert "Test Person" in listed.output and "returned undeliverable" in listed.output
    bad = run("hearing", "add", "123456789", "--at", "2025-02-30 09:00")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
    deadline = json.loads(
        run(
            "deadline", "add", "123456789", "--due", "2025-05-01", "--note", "DHS brief", "--json"
        ).output
    )
    assert run("deadline", "done", str(deadline["id"])).exit_code == 0
    assert json.loads(run("deadline", "list", "--open", "--json").output) == []
