"""A notice served after its hearing is never proof of notice: the notice check lists it."""

from __future__ import annotations

from typing import Any

from caseorg.court import SERVED_AFTER, check_notices
from caseorg.court.notice_checks import NO_PROOF
from caseorg.records import add_case, add_hearing, add_notice

FLAG = "notice served 03/20/2026, after the hearing: it is no proof of notice"


def test_a_late_notice_is_listed_whatever_the_hearing_ended_in(lib: Any, case: Any) -> None:
    pending = add_hearing(lib, case.id, "2026-03-14 09:30")
    add_notice(lib, pending.id, "2026-03-20")
    other = add_case(lib, "A-987-654-321", "Bo Chen", judge_code="JRM", opened_on="2026-01-02")
    sound = add_hearing(lib, other.id, "2026-03-14 10:00", outcome="in_absentia_order")
    add_notice(lib, sound.id, "2026-02-01")  # proof
    add_notice(lib, sound.id, "2026-03-20")  # and one that came too late
    flags = check_notices(lib, served_after=True)
    assert [(f.hearing_id, f.reason, f.issue) for f in flags] == [
        (pending.id, FLAG, SERVED_AFTER),
        (sound.id, FLAG, SERVED_AFTER),
    ]
    assert check_notices(lib) == []  # the in absentia orders alone (the app's panel): sound


def test_an_order_on_a_late_notice_only_lacks_proof(lib: Any, case: Any) -> None:
    order = add_hearing(lib, case.id, "2026-03-14 09:30", outcome="in_absentia_order")
    add_notice(lib, order.id, "2026-03-20")
    for flags in (check_notices(lib), check_notices(lib, served_after=True)):
        assert [(f.hearing_id, f.issue) for f in flags] == [(order.id, NO_PROOF)]
        assert flags[0].reason == (
            "in absentia order, but notice was served only on 03/20/2026, not before the "
            "hearing: a notice served after its hearing is no proof of notice"
        )
