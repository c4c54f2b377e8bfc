"""Notice judged the way a court must judge it, before an in absentia order stands.

For a hearing that ended in an in absentia order, :func:`judge_notice` decides each
question below and says it as a :class:`Finding`: the rule it applies and the dates that
prove it. ``defect`` means the record shows notice was not given as the rule requires;
``unproven`` that the record lacks what would prove it (e.g. no NTA service recorded);
``flag`` a fact a judge must see before the order (custody, age, a motion); ``sound``
and ``info`` say what was found.

1. nta: the NTA was served and stated time and place, or a separate notice of this
   hearing was served (INA 239(a)(1)-(2); Pereira v. Sessions; Niz-Chavez v. Garland).
2. address: the notice went to the address of record on the day it was served (the
   latest received on or before that day), else "sent to an outdated address (EOIR-33
   received DATE)" (INA 239(a)(1)(F), 240(b)(5)(A)).
3. counsel: counsel of record that day was served (8 CFR 1292.5(a)).
4. timing: 10 days from NTA service to the first hearing unless waived in writing (INA
   239(b)(1)); later hearings have no statutory minimum, the local one warns.
5. return: a notice returned undeliverable is still sound if it went to the last address
   the respondent provided; none provided: no written notice required (INA 240(b)(5)(B)).
6. service: who was served and how.
7. flags: juvenile, unaccompanied child, in DHS custody on the hearing day.
8. motions: a motion to reopen or rescind pending or granted (INA 240(b)(5)(C)).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from caseorg.records.addresses import address_on, same_address
from caseorg.records.custody import detained_on
from caseorg.records.life_models import Address
from caseorg.records.models import Notice
from caseorg.records.notice_inputs import NoticeFacts
from caseorg.records.notices import notice_problem
from caseorg.records.representation import counsel_on
from caseorg.rows import Record
from caseorg.words import counted, label, us_date

STATUSES = ("defect", "unproven", "flag", "sound", "info")
MAILED = ("mail", "certified_mail", "electronic")
_METHOD = {
    "personal": "personal service",
    "mail": "regular mail",
    "certified_mail": "certified mail",
    "electronic": "electronic service",
}
_MOTION = {"reopen": "reopen", "rescind_in_absentia": "rescind the in absentia order"}
STATUTORY_DAYS = 10  # INA 239(b)(1)
RESCIND_DAYS = 180  # INA 240(b)(5)(C)(i)


@dataclass
class Finding(Record):
    item: str  # nta, address, counsel, timing, return, service, flag, motion
    status: str  # one of STATUSES
    text: str  # the finding, with its dates
    rule: str  # the rule it applies


@dataclass
class NoticeProof(Record):
    """The judgment of one hearing's notice: its findings, worst first."""

    hearing_id: int
    starts_at: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def defects(self) -> list[Finding]:
        return [f for f in self.findings if f.status == "defect"]

    @property
    def verdict(self) -> str:
        """One line: what a judge reads first."""
        bad = {s: sum(1 for f in self.findings if f.status == s) for s in STATUSES}
        if bad["defect"]:
            head = f"notice NOT proven: {counted(bad['defect'], 'defect')}"
            head += f", {bad['unproven']} not shown" if bad["unproven"] else ""
        elif bad["unproven"]:
            head = f"notice not shown: {counted(bad['unproven'], 'gap')} in the record"
        else:
            head = "notice proven"
        return head + (f"; {counted(bad['flag'], 'flag')} to see" if bad["flag"] else "")


def _days(first: str, last: str) -> int:
    return (dt.date.fromisoformat(last[:10]) - dt.date.fromisoformat(first[:10])).days


def _source(address: Address) -> str:
    return {"nta": "NTA", "eoir33": "EOIR-33", "other": "address"}.get(address.source, "")


def _shown(address: Address) -> str:
    return f"{address.address!r} ({_source(address)} received {us_date(address.received_on)})"


def judge_notice(facts: NoticeFacts, local_min_days: int) -> NoticeProof:
    """Judge the notice of ``facts.hearing`` (an in absentia order); pure: facts in,
    findings out."""
    hearing = facts.hearing
    day = hearing.starts_at[:10]
    timely = [n for n in facts.notices if n.served_on <= day]
    to_respondent = [n for n in timely if n.served_to in ("respondent", "custodian")]
    record_then = address_on(facts.addresses, day)
    none_provided = record_then is not None and record_then.address is None
    findings = [
        *_nta(facts, timely, none_provided),
        *_address(facts, to_respondent, none_provided),
        *_counsel(facts, timely),
        *_timing(facts, timely, local_min_days),
        *_returned(facts, to_respondent, record_then),
        _service(timely),
        *_flags(facts),
        *_motions(facts),
    ]
    findings.sort(key=lambda f: STATUSES.index(f.status))
    return NoticeProof(hearing.id, hearing.starts_at, findings)


def _nta(facts: NoticeFacts, timely: list[Notice], none_provided: bool) -> list[Finding]:
    rule = "INA §239(a)(1)-(2); Pereira v. Sessions; Niz-Chavez v. Garland"
    day = facts.hearing.starts_at[:10]
    first = _is_first(facts)
    served = [n for n in facts.nta if n.served_on <= day]
    nta = max(served, key=lambda n: (n.served_on, n.id)) if served else None
    separate = min(timely, key=lambda n: n.served_on) if timely else None
    out = []
    if nta is None:
        out.append(Finding("nta", "unproven", "no service of the NTA on record", rule))
    else:
        how = _METHOD[nta.method]
        stated = "stated" if nta.time_and_place else "did not state"
        out.append(
            Finding(
                "nta",
                "info",
                f"NTA served {us_date(nta.served_on)} by {how}; it {stated} the time and place",
                rule,
            )
        )
    if separate is not None:
        out.append(
            Finding(
                "nta",
                "sound",
                f"a notice of this hearing was served {us_date(separate.served_on)}",
                rule,
            )
        )
    elif none_provided:
        out.append(
            Finding(
                "nta",
                "sound",
                "no notice of this hearing: none required, the respondent provided no address",
                "INA §240(b)(5)(B)",
            )
        )
    elif nta is not None and nta.time_and_place and first:
        out.append(
            Finding(
                "nta",
                "sound",
                f"the NTA served {us_date(nta.served_on)} gave the time and place of this "
                "first hearing",
                rule,
            )
        )
    elif nta is not None and first:
        out.append(
            Finding(
                "nta",
                "defect",
                f"the NTA served {us_date(nta.served_on)} did not state the time and place, and "
                "no separate notice of this hearing was served",
                rule,
            )
        )
    else:
        out.append(
            Finding(
                "nta",
                "defect",
                f"no notice of this hearing ({us_date(day)}) was served before it",
                "INA §239(a)(2)",
            )
        )
    return out


def _address(facts: NoticeFacts, to_respondent: list[Notice], none_provided: bool) -> list[Finding]:
    rule = "INA §239(a)(1)(F), §240(b)(5)(A): the address of record on the day of service"
    mailed = [n for n in to_respondent if n.method in MAILED]
    if none_provided or not mailed:
        return []
    if not facts.addresses:
        return [
            Finding(
                "address",
                "unproven",
                "no address history on record: cannot show the notice went to the "
                "address of record",
                rule,
            )
        ]
    results = [_one_address(facts.addresses, n, rule) for n in mailed]
    sound = [f for f in results if f.status == "sound"]
    return sound[-1:] if sound else results


def _one_address(addresses: list[Address], notice: Notice, rule: str) -> Finding:
    current = address_on(addresses, notice.served_on)
    if current is None:
        first = min(addresses, key=lambda a: (a.received_on, a.id))
        return Finding(
            "address",
            "unproven",
            f"notice served {us_date(notice.served_on)}, before any address was received (first: "
            f"{us_date(first.received_on)})",
            rule,
        )
    if current.address is None:
        return Finding(
            "address",
            "sound",
            f"notice served {us_date(notice.served_on)}: the respondent had provided no address "
            f"(recorded {us_date(current.received_on)})",
            "INA §240(b)(5)(B)",
        )
    if notice.address is None:
        return Finding(
            "address",
            "unproven",
            f"the notice served {us_date(notice.served_on)} names no address; the address of "
            f"record was {_shown(current)}",
            rule,
        )
    if same_address(notice.address, current.address):
        return Finding(
            "address",
            "sound",
            f"notice served {us_date(notice.served_on)} to the address of record, "
            f"{_shown(current)}",
            rule,
        )
    older = [
        a
        for a in addresses
        if same_address(a.address, notice.address)
        and (a.received_on, a.id) < (current.received_on, current.id)
    ]
    if older:
        return Finding(
            "address",
            "defect",
            f"sent to an outdated address ({_source(current)} received "
            f"{us_date(current.received_on)}): the notice served "
            f"{us_date(notice.served_on)} went to {notice.address!r}, the address of record "
            f"was {current.address!r}",
            rule,
        )
    return Finding(
        "address",
        "defect",
        f"the notice served {us_date(notice.served_on)} went to {notice.address!r}, never an "
        f"address of record; the address of record was {_shown(current)}",
        rule,
    )


def _counsel(facts: NoticeFacts, timely: list[Notice]) -> list[Finding]:
    rule = "8 CFR §1292.5(a): service on counsel of record"
    respondent_notices = [n for n in timely if n.served_to != "counsel"]
    on = (
        min(n.served_on for n in respondent_notices)
        if respondent_notices
        else facts.hearing.starts_at[:10]
    )
    of_record = counsel_on(facts.counsel, on)
    if not of_record:
        return [Finding("counsel", "info", f"no counsel of record on {us_date(on)}", rule)]
    served = [n for n in timely if n.served_to == "counsel"]
    out = []
    for counsel in of_record:
        who = f"counsel of record {counsel.counsel} (EOIR-28 from {us_date(counsel.from_on)})"
        if served:
            served_on = us_date(served[0].served_on)
            out.append(Finding("counsel", "sound", f"{who} was served {served_on}", rule))
        else:
            out.append(
                Finding("counsel", "defect", f"{who} was not served notice of this hearing", rule)
            )
    return out


def _timing(facts: NoticeFacts, timely: list[Notice], local_min_days: int) -> list[Finding]:
    day = facts.hearing.starts_at[:10]
    if facts.hearing.starts_at[:16] > facts.first_starts_at[:16]:
        if not timely:
            return []
        last = max(n.served_on for n in timely)
        days = _days(last, day)
        rule = "no statutory minimum for a later hearing; the court's local rule"
        status = "flag" if days < local_min_days else "sound"
        less = "fewer than" if days < local_min_days else "at least"
        text = (
            f"notice served {us_date(last)}, {counted(days, 'day')} before this later hearing "
            f"({less} the local {local_min_days})"
        )
        return [Finding("timing", status, text, rule)]
    rule = "INA §239(b)(1): 10 days from NTA service to the first hearing, unless waived in writing"
    served = [n for n in facts.nta if n.served_on <= day]
    if not served:
        return []
    nta = min(served, key=lambda n: n.served_on)
    days = _days(nta.served_on, day)
    waiver = facts.proceeding.ten_day_waiver_on if facts.proceeding else None
    if days >= STATUTORY_DAYS:
        return [
            Finding(
                "timing",
                "sound",
                f"{counted(days, 'day')} from NTA service ({us_date(nta.served_on)}) to the first "
                f"hearing ({us_date(day)})",
                rule,
            )
        ]
    if waiver:
        return [
            Finding(
                "timing",
                "sound",
                f"only {counted(days, 'day')} from NTA service ({us_date(nta.served_on)}) to the "
                f"first hearing, waived in writing {us_date(waiver)}",
                rule,
            )
        ]
    return [
        Finding(
            "timing",
            "defect",
            f"only {counted(days, 'day')} from NTA service ({us_date(nta.served_on)}) to the "
            f"first hearing ({us_date(day)}), and no written waiver",
            rule,
        )
    ]


def _returned(
    facts: NoticeFacts, to_respondent: list[Notice], record_then: Address | None
) -> list[Finding]:
    if record_then is not None and record_then.address is None:
        return [
            Finding(
                "return",
                "sound",
                "the respondent provided no address (recorded "
                f"{us_date(record_then.received_on)}): no written notice is required",
                "INA §240(b)(5)(B)",
            )
        ]
    rule = "INA §240(b)(5)(A): written notice to the most recent address provided"
    out = []
    for notice in (n for n in to_respondent if n.returned_undeliverable):
        back = f" on {us_date(notice.returned_on)}" if notice.returned_on else ""
        current = address_on(facts.addresses, notice.served_on)
        if current is not None and notice.id in returned_but_sound(facts):
            text = (
                f"the notice served {us_date(notice.served_on)} came back undeliverable{back}, "
                f"but it went to the last address the respondent provided ({_source(current)} "
                f"received {us_date(current.received_on)}): still sound"
            )
            out.append(Finding("return", "sound", text, rule))
        else:
            out.append(
                Finding(
                    "return",
                    "unproven",
                    f"the notice served {us_date(notice.served_on)} came back "
                    f"undeliverable{back}, and it is not shown to have gone to the last "
                    "address provided",
                    rule,
                )
            )
    return out


def returned_but_sound(facts: NoticeFacts) -> set[int]:
    """The notices that came back undeliverable but went to the address of record on the
    day they were served: still sound (INA §240(b)(5)(A))."""
    sound = set()
    for notice in facts.notices:
        current = address_on(facts.addresses, notice.served_on)
        if (
            notice.returned_undeliverable
            and current
            and same_address(notice.address, current.address)
        ):
            sound.add(notice.id)
    return sound


def no_notice_required(facts: NoticeFacts) -> bool:
    """The respondent had provided no address by the hearing day (INA §240(b)(5)(B))."""
    record = address_on(facts.addresses, facts.hearing.starts_at[:10])
    return record is not None and record.address is None


def _is_first(facts: NoticeFacts) -> bool:
    return facts.hearing.starts_at[:16] <= facts.first_starts_at[:16]


def nta_gave_notice(facts: NoticeFacts) -> bool:
    """The NTA, served before it and stating its time and place, is the notice of this
    first hearing, and no separate notice was served (the 10 days: the timing finding)."""
    day = facts.hearing.starts_at[:10]
    if not _is_first(facts) or any(n.served_on <= day for n in facts.notices):
        return False
    return any(n.time_and_place and n.served_on <= day for n in facts.nta)


def hearing_warning(facts: NoticeFacts, min_days: int, *, flags: bool = False) -> str | None:
    """The hearing's notice warning in one line (the docket, summary, case view, check):
    the basic proof rule (:func:`caseorg.records.notices.notice_problem`) as the record
    now allows it (a return to the address of record is sound; no address provided, no
    notice required), then every defect the judgment finds, then (with ``flags``) what
    a judge must see, each as "see: ..."."""
    proof = judge_notice(facts, min_days)
    base = None
    if not no_notice_required(facts) and not nta_gave_notice(facts):
        sound = returned_but_sound(facts)
        notices = [
            replace(n, returned_undeliverable=False) if n.id in sound else n for n in facts.notices
        ]
        waived = _is_first(facts) and facts.proceeding and facts.proceeding.ten_day_waiver_on
        # a written waiver answers the days before the first hearing; a notice must
        # still come before the hearing day
        base = notice_problem(facts.hearing, notices, 1 if waived else min_days)
    # the basic rule already says what is wrong with the hearing notice itself
    more = [f.text for f in proof.defects if not (base and f.item == "nta")]
    if flags:  # what a judge must see even when notice is sound (custody, age, a motion)
        seen = [f for f in proof.findings if f.status == "flag"]
        more += [f"see: {f.text}" for f in seen if not (base and f.item == "timing")]
    return "; ".join([base, *more] if base else more) or None


def _service(timely: list[Notice]) -> Finding:
    rule = "8 CFR §1003.13, §1003.26: service on the respondent, counsel or custodian"
    if not timely:
        return Finding("service", "info", "no notice of this hearing was served before it", rule)
    parts = [
        f"{label(n.served_to)} by {_METHOD.get(n.method, n.method)} {us_date(n.served_on)}"
        + (f" to {n.address!r}" if n.address else "")
        for n in timely
    ]
    return Finding("service", "info", "served: " + "; ".join(parts), rule)


def _flags(facts: NoticeFacts) -> list[Finding]:
    day = facts.hearing.starts_at[:10]
    out = []
    if facts.born_on:
        born = dt.date.fromisoformat(facts.born_on)
        on = dt.date.fromisoformat(day)
        age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
        if age < 18:
            out.append(
                Finding(
                    "flag",
                    "flag",
                    f"juvenile: {age} years old on the hearing day (born {us_date(facts.born_on)})",
                    "8 CFR §103.8(c)(2)(ii), §1236.3; Flores-Chavez v. Ashcroft: notice "
                    "must reach the adult responsible",
                )
            )
    if facts.unaccompanied:
        out.append(
            Finding(
                "flag", "flag", "the respondent was an unaccompanied child", "TVPRA, 8 U.S.C. §1232"
            )
        )
    spell = detained_on(facts.custody, day)
    if spell is not None:
        where = f" at {spell.facility}" if spell.facility else ""
        out.append(
            Finding(
                "flag",
                "flag",
                "in DHS custody on the hearing day (detained from "
                f"{us_date(spell.from_on)}{where}): a detained respondent's absence is not a "
                "failure to appear",
                "INA §240(b)(5)(A)",
            )
        )
    return out


def _motions(facts: NoticeFacts) -> list[Finding]:
    day = facts.hearing.starts_at[:10]
    out = []
    for motion in facts.motions:
        if motion.kind not in ("reopen", "rescind_in_absentia") or motion.filed_on < day:
            continue
        what = f"motion to {_MOTION[motion.kind]} filed {us_date(motion.filed_on)}"
        after = _days(day, motion.filed_on)
        if motion.ground == "lack_of_notice":
            when = "lack of notice: may be filed at any time"
        elif motion.ground == "exceptional_circumstances":
            within = "within" if after <= RESCIND_DAYS else "NOT within"
            when = (
                f"exceptional circumstances: {counted(after, 'day')} after the order, "
                f"{within} 180 days"
            )
        else:
            when = f"{counted(after, 'day')} after the order"
        state = {
            "pending": "is pending",
            "granted": f"was granted {us_date(motion.ruled_on)}".strip(),
            "denied": f"was denied {us_date(motion.ruled_on)}".strip(),
        }[motion.ruling]
        status = "info" if motion.ruling == "denied" else "flag"
        out.append(Finding("motion", status, f"{what} {state} ({when})", "INA §240(b)(5)(C)"))
    return out
