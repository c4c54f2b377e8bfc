"""The words of a demo case's documents: the text files filled with the case's values.

The wording is in ``resources/samples/demo/*.txt`` (see :mod:`caseorg.demo.textfiles`);
this module only works out the values — names, dates, pronouns, which variant of
a phrase — and which sections a document prints. A few choices are made with
the demo's random generator (a brief's wording, the order of evidence tabs, the
day a respondent entered), in a fixed order, so the same seed gives the same
documents.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from caseorg.demo.courtdays import clock, days_from
from caseorg.demo.data import COMMON_TEXT, Case, DemoData, Document
from caseorg.demo.schedule import PlannedHearing, judge_on
from caseorg.demo.textfiles import TextFile, fill
from caseorg.values import format_a_number
from caseorg.words import long_date, month_name

TextValues = dict[str, str | list[str]]
PAGES_PER_TAB = 14  # an evidence tab's first page steps by this; each tab has one page less


@dataclass(frozen=True)
class Subject:
    """What a document is: its kind, the day it is dated, the hearing it is about."""

    key: str
    filed: dt.date
    hearing: PlannedHearing | None


Extra = Callable[[TextFile, TextValues, Subject], None]


@dataclass(frozen=True)
class Draft:
    """One document ready to print: its file name, title, paragraphs and filing day."""

    key: str
    file: str
    title: str
    paragraphs: list[str]
    filed: dt.date


class CaseDrafter:
    """Drafts the documents of one case, in the order the case lists them."""

    def __init__(
        self,
        data: DemoData,
        case: Case,
        planned: list[PlannedHearing],
        today: dt.date,
        rng: random.Random,
    ) -> None:
        self.data = data
        self.case = case
        self.planned = planned
        self.today = today
        self.rng = rng
        self.opened = days_from(today, case.opened)
        self.entry = self.opened - dt.timedelta(days=30 + rng.randrange(60))
        self._extras: dict[str, Extra] = {
            "nta": self._nta,
            "notice": self._notice,
            "continue": self._continue,
            "brief": self._brief,
            "evidence": self._evidence,
            "grant": self._decision,
            "denial": self._decision,
            "absentia": self._absentia,
            "reopen": self._reopen,
            "address_proof": self._address_proof,
        }

    def draft(self, doc: Document) -> Draft:
        """The document ``doc`` of the case, filled in."""
        kind = self.data.kinds[doc.key]
        text = self.data.texts[kind.text]
        planned = self.planned[doc.hearing] if doc.hearing is not None else None
        if planned is None:
            filed = days_from(self.today, doc.day)
        elif doc.key == "notice":
            filed = planned.served or planned.day
        else:
            filed = planned.day
        values = self.values(filed)
        extra = self._extras.get(doc.key)
        if extra is not None:
            extra(text, values, Subject(doc.key, filed, planned))
        return Draft(
            doc.key,
            fill(kind.file, values, f"{doc.key} file"),
            fill(kind.title, values, f"{doc.key} title"),
            text.paragraphs("body", values),
            filed,
        )

    def judge_name(self, code: str) -> str:
        """A judge's name as the documents write it, without "Judge"."""
        return self.data.court.judge(code).name.removeprefix("Judge ")

    def values(self, filed: dt.date) -> TextValues:
        """What every document may print: the case, the court, the caption, the signature."""
        case, court = self.case, self.data.court
        she, her, her_obj = ("she", "her", "her") if case.pronoun == "she" else ("he", "his", "him")
        values: TextValues = {
            "court": court.name,
            "court_caps": court.name.upper(),
            "court_address": court.address,
            "name": case.respondent,
            "name_caps": case.respondent.upper(),
            "a": format_a_number(case.a_number),
            "nationality": case.nationality,
            "language": case.language,
            "address": case.address,
            "dhs_counsel": case.dhs_counsel,
            "signer": case.attorney or case.respondent,
            "she": she,
            "She": she.capitalize(),
            "her": her,
            "Her": her.capitalize(),
            "her_obj": her_obj,
            "entry": long_date(self.entry),
            "opened": long_date(self.opened),
            "filed": long_date(filed),
            "judge": self.judge_name(judge_on(case, filed, self.today)),
        }
        optional = {
            "attorney": case.attorney,
            "ground": case.ground,
            "psg": case.psg,
            "continue_reason": case.continue_reason,
        }
        values.update({key: value for key, value in optional.items() if value is not None})
        common = self.data.texts[COMMON_TEXT]
        proceeding = "withholding_only" if case.case_type == "withholding_only" else "removal"
        values["proceeding"] = common.phrase(f"proceeding.{proceeding}", values)
        values["caption"] = common.paragraphs("caption", values)
        counsel = "attorney" if case.attorney else "pro_se"
        values["counsel"] = common.phrase(f"counsel.{counsel}", values)
        values["service"] = common.phrase("service", values)
        values["facts"] = [fill(fact, values, f"facts of {case.a_number}") for fact in case.facts]
        return values

    # -- what each kind of document adds to the values ------------------------------------

    def _nta(self, text: TextFile, values: TextValues, _subject: Subject) -> None:
        charge = self.case.charge
        allegations = text.paragraphs(f"allegations.{charge}", values)
        values["allegations"] = "\n".join(f"{n}. {a}" for n, a in enumerate(allegations, 1))
        values["status"] = text.phrase(f"status.{charge}", values)
        values["charge"] = text.phrase(f"charge.{charge}", values)

    def _notice(self, text: TextFile, values: TextValues, subject: Subject) -> None:
        planned = _hearing(subject)
        spec = planned.spec
        section = f"kind.{spec.kind}"
        kind = text.phrase(section, values) if section in text.sections else spec.kind
        values["kind"] = kind
        values["a_kind"] = f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"
        values["hearing_judge"] = self.judge_name(planned.judge)
        values["hearing_day"] = long_date(planned.day)
        values["hearing_date"] = planned.day.isoformat()
        values["hearing_time"] = clock(spec.time)
        values["courtroom"] = self.data.court.judge(planned.judge).courtroom
        where = "video" if spec.medium == "video" else "in_person"
        values["where"] = text.phrase(f"where.{where}", values)
        if spec.notice == "electronic" and self.case.attorney:
            served = "electronic"
        else:
            served = "personal" if spec.notice == "personal" else "mail"
        values["served_how"] = text.phrase(f"served.{served}", values)

    def _continue(self, text: TextFile, values: TextValues, subject: Subject) -> None:
        upcoming = [p for p in self.planned if p.day > subject.filed]
        if upcoming:
            values["next_hearing"] = long_date(upcoming[0].day)
        values["when"] = text.phrase("when.set" if upcoming else "when.next", values)

    def _brief(self, text: TextFile, values: TextValues, _subject: Subject) -> None:
        relief = "withholding_only" if self.case.case_type == "withholding_only" else "removal"
        values["relief"] = text.phrase(f"relief.{relief}", values)
        values["relief_caps"] = str(values["relief"]).upper()
        values["credibility"] = fill(self.rng.choice(text.raw("credibility")), values)
        values["psg_argument"] = text.paragraphs("psg", values) if self.case.psg else []
        values["relocation"] = fill(self.rng.choice(text.raw("relocation")), values)

    def _evidence(self, text: TextFile, values: TextValues, _subject: Subject) -> None:
        items = text.paragraphs("items", values)
        self.rng.shuffle(items)
        tabs = []
        for n, item in enumerate(items):
            first = n * PAGES_PER_TAB + 1
            tab = {"letter": chr(65 + n), "item": item, "first_page": str(first)}
            tab["last_page"] = str(first + PAGES_PER_TAB - 2)
            tabs.append(text.phrase("tab", {**values, **tab}))
        values["tabs"] = tabs

    def _decision(self, text: TextFile, values: TextValues, subject: Subject) -> None:
        planned = _hearing(subject)
        outcome = subject.key  # grant | denial
        values["hearing_day"] = long_date(planned.day)
        values["counsel_of_record"] = self.case.attorney or text.phrase("no_counsel", values)
        values["findings"] = text.paragraphs(f"{outcome}.findings", values)
        values["orders"] = text.paragraphs(f"{outcome}.orders", values)

    def _absentia(self, _text: TextFile, values: TextValues, subject: Subject) -> None:
        planned = _hearing(subject)
        values["hearing_day"] = long_date(planned.day)
        values["hearing_time"] = clock(planned.spec.time)
        values["served"] = long_date(planned.served or planned.day)

    def _reopen(self, _text: TextFile, values: TextValues, _subject: Subject) -> None:
        absentia = next(p for p in self.planned if p.spec.outcome == "in_absentia_order")
        values["ordered"] = long_date(absentia.day)
        values["mailed"] = long_date(absentia.served or absentia.day)

    def _address_proof(self, _text: TextFile, values: TextValues, _subject: Subject) -> None:
        assert self.case.moved is not None
        moved = days_from(self.today, self.case.moved)
        values["moved"] = long_date(moved)
        values["moved_month"] = f"{month_name(moved.month)} {moved.year}"


def _hearing(subject: Subject) -> PlannedHearing:
    """The hearing a notice, decision or order is about (the data check guarantees one)."""
    if subject.hearing is None:
        raise ValueError(f"the demo document {subject.key} names no hearing")
    return subject.hearing
