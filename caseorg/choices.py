"""The values a stored choice may take (how one is shown: :mod:`caseorg.words`).

Apart from :mod:`caseorg.records.models` (whose record classes take a while to build)
because the app's case list needs only these at start-up.
"""

from __future__ import annotations

CUSTODY = ("detained", "released", "non_detained")
CASE_TYPES = ("removal", "asylum_only", "withholding_only", "bond", "other")
CASE_STATUSES = ("pending", "completed", "closed", "appealed")
DOC_TYPES = (
    "brief",
    "motion",
    "notice_to_appear",
    "hearing_notice",
    "evidence",
    "decision",
    "order",
    "correspondence",
    "other",
)
FILERS = ("respondent", "dhs", "court", "other")
TEXT_STATUSES = ("ok", "no_text", "encrypted", "failed")
HEARING_KINDS = ("master", "individual", "bond", "status", "other")
MEDIA = ("in_person", "video", "telephone", "unknown")
OUTCOMES = ("pending", "continued", "decided", "in_absentia_order", "cancelled")
NOTICE_METHODS = ("personal", "mail", "certified_mail", "electronic")
DEADLINE_KINDS = ("brief_due", "filing", "decision_due", "other")
