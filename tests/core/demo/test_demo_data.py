"""The sample court's data files load, fit together, and fill every document."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from typing import Any

import pytest

from caseorg.demo.data import (
    COMMON_TEXT,
    Court,
    DemoData,
    Hearing,
    load_demo,
    problems_in,
    record_from_json,
)
from caseorg.demo.drafting import CaseDrafter, Draft
from caseorg.demo.schedule import plan_hearings
from caseorg.demo.textfiles import fill_all, parse

TODAY = dt.date(2025, 6, 11)


def drafts(data: DemoData, today: dt.date) -> list[Draft]:
    rng = random.Random(1)
    out = []
    for case in data.cases:
        drafter = CaseDrafter(data, case, plan_hearings(case, today), today, rng)
        out += [drafter.draft(doc) for doc in case.documents]
    return out


def test_the_sample_files_load_and_fit_together() -> None:
    data = load_demo()
    assert problems_in(data) == []
    codes = {judge.code for judge in data.court.judges}
    assert len(data.cases) >= 10
    for case in data.cases:
        assert case.judge in codes, case.a_number
        assert {move.to for move in case.moves} <= codes, case.a_number
        assert case.dhs_counsel in data.court.dhs_counsel
        for doc in case.documents:
            kind = data.kinds[doc.key]
            assert "body" in data.texts[kind.text].sections, kind.text
    assert "caption" in data.texts[COMMON_TEXT].sections
    assert any(case.facts for case in data.cases)  # facts.txt was read
    assert all("{" not in name for name in data.kinds)


@pytest.mark.parametrize("today", [TODAY, dt.date(2024, 2, 29), dt.date(2025, 11, 27)])
def test_every_document_fills_every_placeholder(today: dt.date) -> None:
    data = load_demo()
    every = drafts(data, today)
    assert len(every) == sum(len(case.documents) for case in data.cases)
    for draft in every:
        assert draft.paragraphs and draft.file.endswith(".pdf") and draft.title
        text = "\n".join([draft.file, draft.title, *draft.paragraphs])
        assert "{" not in text and "}" not in text, draft.key
        assert draft.filed <= today
    assert drafts(data, today) == every  # the same seed drafts the same words


def test_problems_are_named() -> None:
    data = load_demo()
    case = data.cases[0]
    broken = dataclasses.replace(
        case,
        judge="XYZ",
        hearings=(Hearing(day=1, time="9am", kind="master", exhibits={"memo": "Exh. 9"}),),
        documents=(*case.documents, dataclasses.replace(case.documents[0], key="letter")),
    )
    problems = problems_in(dataclasses.replace(data, cases=(broken, *data.cases[1:])))
    text = "\n".join(problems)
    assert "no judge XYZ" in text
    assert "time '9am' is not HH:MM" in text
    assert "exhibit memo is no document of the case" in text
    assert "document letter is not in documents.json" in text


def test_json_records_are_checked() -> None:
    court: dict[str, Any] = {"name": "C", "address": "A", "acij": "X", "judges": []}
    with pytest.raises(ValueError, match="'dhs_counsel' is missing"):
        record_from_json(Court, court, "court.json")
    with pytest.raises(ValueError, match=r"court.json: unknown key 'room'"):
        record_from_json(Court, {**court, "dhs_counsel": [], "room": 1}, "court.json")
    hearing = {"day": 1, "time": "09:00", "kind": "master"}
    with pytest.raises(ValueError, match=r"hearings\[0\]\.day: \"soon\" is not int"):
        record_from_json(Hearing, {**hearing, "day": "soon"}, "hearings[0]")
    with pytest.raises(ValueError, match=r"hearings\[0\]\.lead: true is not int"):
        record_from_json(Hearing, {**hearing, "lead": True}, "hearings[0]")
    assert record_from_json(Hearing, {**hearing, "exhibits": {"nta": "Exh. 1"}}, "h").lead == 35
    made = record_from_json(Court, {**court, "dhs_counsel": ["P"]}, "court.json")
    assert made.dhs_counsel == ("P",) and made.judges == ()


def test_text_file_sections_and_placeholders() -> None:
    text = parse(
        "t.txt",
        "What the file is for: {never} filled.\n\n## body\n{head}\n\nLine one\n  line two, {who}\n"
        "\n{more}\n\n## other\nX\n",
    )
    assert text.sections == {
        "body": ("{head}", "Line one\nline two, {who}", "{more}"),
        "other": ("X",),
    }
    filled = text.paragraphs("body", {"head": ["A", "B"], "who": "me", "more": []})
    assert filled == ["A", "B", "Line one\nline two, me"]
    assert fill_all(["{who}"], {"who": "me"}) == ["me"]
    with pytest.raises(KeyError, match="has no value"):
        text.paragraphs("body", {"head": [], "more": []})
    with pytest.raises(KeyError, match="list of paragraphs"):
        fill_all(["Dear {who}"], {"who": ["a"]})
    with pytest.raises(ValueError, match="repeated section"):
        parse("t.txt", "## a\nx\n## a\ny\n")
    with pytest.raises(KeyError, match="no section 'nope'"):
        text.raw("nope")
