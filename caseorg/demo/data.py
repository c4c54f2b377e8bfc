"""The sample court's data, read from the resource files into typed values and checked.

Everything the demo invents is data in the ``caseorg_resources.samples.demo``
package (``resources/samples/demo/``, described in its README.md): the court and
its judges (court.json), the cases with their hearings, reassignments, documents
and deadlines (cases.json), what each kind of document is called and filed as
(documents.json), the tags, notes and saved searches (workflow.json), each
asylum case's facts (facts.txt) and the wording of each kind of document (one
text file each). :func:`load_demo` reads them once and checks that they fit
together — every case's judge sits on the court, every document's text file
exists, every exhibit is one of the case's documents — so a slip in an edited
file is named before a library is touched.
"""

from __future__ import annotations

import functools
import json
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from importlib import resources
from typing import Any, TypeVar

from caseorg import choices
from caseorg.demo.textfiles import TextFile, parse

PACKAGE = "caseorg_resources.samples.demo"
COMMON_TEXT = "common.txt"  # the caption, signature block and certificate of service
FACTS_TEXT = "facts.txt"  # a section of paragraphs per case, named by its A-number

NOTICE_WAYS = ("mail", "personal", "electronic", "returned")  # how a hearing notice went
CHARGES = ("ewi", "overstay", "arriving", "reinstated")
PRONOUNS = ("she", "he")


@dataclass(frozen=True)
class Judge:
    code: str
    name: str  # "Judge Julia R. Marsh"
    courtroom: str


@dataclass(frozen=True)
class Court:
    name: str
    address: str
    acij: str  # orders reassignments that name no one else
    judges: tuple[Judge, ...]
    dhs_counsel: tuple[str, ...]  # the DHS attorneys who appear for the government

    def judge(self, code: str) -> Judge:
        return next(judge for judge in self.judges if judge.code == code)


@dataclass(frozen=True)
class Hearing:
    """A hearing of a case; days count from the demo's today, moved to a court day."""

    day: int
    time: str  # HH:MM
    kind: str
    outcome: str = "pending"
    reason: str | None = None  # why it was adjourned
    notes: str | None = None
    medium: str = "in_person"
    notice: str | None = "mail"  # one of NOTICE_WAYS, or None: no written notice
    lead: int = 35  # days between the notice and the hearing
    exhibits: Mapping[str, str] = field(default_factory=dict)  # document key -> label


@dataclass(frozen=True)
class Move:
    """A reassignment of the case to another judge."""

    day: int
    to: str
    reason: str
    midstream: bool = False
    ordered_by: str | None = None  # None: the court's ACIJ


@dataclass(frozen=True)
class Document:
    """A document of a case: its kind (documents.json) and the day it was filed."""

    key: str
    day: int = 0  # filed, days from today (ignored for a document about a hearing)
    hearing: int | None = None  # the index of the hearing it is about


@dataclass(frozen=True)
class Deadline:
    kind: str
    due: int
    note: str
    done: int | None = None
    document: str | None = None  # the key of the document that met it


@dataclass(frozen=True)
class Case:
    a_number: str
    respondent: str
    pronoun: str  # she | he: how the documents speak of the respondent
    nationality: str
    language: str
    custody: str
    case_type: str
    judge: str  # the judge's code when the case opened
    dhs_counsel: str
    opened: int
    address: str
    moved: int | None = None  # the day the respondent moved (a change of address)
    attorney: str | None = None  # None: pro se
    ground: str | None = None  # the protected ground a brief or decision argues
    psg: str | None = None  # the particular social group, if the claim names one
    continue_reason: str | None = None  # why the respondent moved to continue
    charge: str | None = None  # one of CHARGES: what the Notice to Appear charges
    hearings: tuple[Hearing, ...] = ()
    moves: tuple[Move, ...] = ()
    documents: tuple[Document, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    status: str = "pending"
    outcome: str | None = None
    completed: int | None = None
    final_custody: str | None = None
    facts: tuple[str, ...] = ()  # from facts.txt: paragraphs with {entry}


@dataclass(frozen=True)
class DocumentKind:
    """What a kind of document is called, how it is filed and which text it prints."""

    file: str  # the PDF's name ({hearing_date} for a notice)
    title: str
    doc_type: str
    filed_by: str
    text: str  # the text file with its wording
    of_hearing: bool = False  # about one hearing: a case's entry names the hearing


@dataclass(frozen=True)
class SavedSearch:
    name: str
    query: str
    filters: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Workflow:
    """What a clerk adds by hand: tags and notes on cases (by A-number), saved searches."""

    tags: Mapping[str, tuple[str, ...]]
    notes: Mapping[str, str]
    saved_searches: tuple[SavedSearch, ...]


@dataclass(frozen=True)
class DemoData:
    court: Court
    cases: tuple[Case, ...]
    kinds: Mapping[str, DocumentKind]
    workflow: Workflow
    texts: Mapping[str, TextFile]  # by file name


T = TypeVar("T")


def _convert(value: Any, hint: Any, where: str) -> Any:
    """``value`` read from JSON as the type ``hint`` says (lists become tuples)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        (inner,) = (arg for arg in args if arg is not type(None))
        return _convert(value, inner, where)
    if is_dataclass(hint) and isinstance(hint, type):
        return record_from_json(hint, value, where)
    if origin is tuple and isinstance(value, list):
        return tuple(_convert(item, args[0], f"{where}[{n}]") for n, item in enumerate(value))
    if origin is Mapping and isinstance(value, dict):
        return {key: _convert(item, args[1], f"{where}.{key}") for key, item in value.items()}
    if hint in (str, bool) and type(value) is hint or hint is int and type(value) is int:
        return value
    raise ValueError(f"{where}: {json.dumps(value)[:40]} is not {getattr(hint, '__name__', hint)}")


def record_from_json(cls: type[T], raw: Any, where: str) -> T:
    """An instance of the dataclass ``cls`` from a JSON object, every key checked."""
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: expected an object")
    hints = typing.get_type_hints(cls)
    known = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ValueError(f"{where}: unknown key {unknown[0]!r}")
    values = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name in raw:
            values[f.name] = _convert(raw[f.name], hints[f.name], f"{where}.{f.name}")
        elif f.default is MISSING and f.default_factory is MISSING:
            raise ValueError(f"{where}: {f.name!r} is missing")
    return cls(**values)


def _read(name: str) -> str:
    try:
        return resources.files(PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValueError(f"the demo's sample file {name} is missing") from None


def _json(name: str) -> Any:
    return json.loads(_read(name))


@functools.cache
def load_demo() -> DemoData:
    """The sample data, read once and checked.

    :raises ValueError: a file is missing, malformed or does not fit the others;
        the message names the file and the entry.
    """
    court = record_from_json(Court, _json("court.json"), "court.json")
    cases = _convert(_json("cases.json"), tuple[Case, ...], "cases.json")
    kinds = _convert(_json("documents.json"), Mapping[str, DocumentKind], "documents.json")
    workflow = record_from_json(Workflow, _json("workflow.json"), "workflow.json")
    names = {COMMON_TEXT, FACTS_TEXT} | {kind.text for kind in kinds.values()}
    texts = {name: parse(name, _read(name)) for name in sorted(names)}
    facts = texts.pop(FACTS_TEXT).sections
    unknown = sorted(set(facts) - {case.a_number for case in cases})
    if unknown:
        raise ValueError(f"{FACTS_TEXT}: no case has the A-number {unknown[0]}")
    cases = tuple(_with_facts(case, facts.get(case.a_number, ())) for case in cases)
    data = DemoData(court, cases, kinds, workflow, texts)
    problems = problems_in(data)
    if problems:
        raise ValueError("the demo's sample data does not fit together: " + "; ".join(problems))
    return data


def _with_facts(case: Case, facts: tuple[str, ...]) -> Case:
    return Case(**{**{f.name: getattr(case, f.name) for f in fields(Case)}, "facts": facts})


def _choice(value: str | None, allowed: tuple[str, ...], what: str) -> list[str]:
    return (
        [] if value is None or value in allowed else [f"{what} {value!r} is not one of {allowed}"]
    )


def problems_in(data: DemoData) -> list[str]:
    """What does not fit in the sample data (empty when all is well)."""
    court = data.court
    codes = [judge.code for judge in court.judges]
    problems = [f"judge code {code} is repeated" for code in set(codes) if codes.count(code) > 1]
    for key, kind in data.kinds.items():
        problems += _choice(kind.doc_type, choices.DOC_TYPES, f"document kind {key}: type")
        problems += _choice(kind.filed_by, choices.FILERS, f"document kind {key}: filer")
    a_numbers = [case.a_number for case in data.cases]
    for case in data.cases:
        problems += [f"case {case.a_number}: {p}" for p in _case_problems(data, case)]
        if a_numbers.count(case.a_number) > 1:
            problems.append(f"case {case.a_number} is repeated")
    workflow = data.workflow
    for a_number in [*workflow.tags, *workflow.notes]:
        if a_number not in a_numbers:
            problems.append(f"workflow.json: no case has the A-number {a_number}")
    return problems


def _case_problems(data: DemoData, case: Case) -> list[str]:
    codes = {judge.code for judge in data.court.judges}
    keys = [doc.key for doc in case.documents]
    problems = [] if re.fullmatch(r"\d{9}", case.a_number) else ["the A-number is not 9 digits"]
    for code in [case.judge, *(move.to for move in case.moves)]:
        if code not in codes:
            problems.append(f"no judge {code} in court.json")
    if case.dhs_counsel not in data.court.dhs_counsel:
        problems.append(f"{case.dhs_counsel!r} is not in court.json's dhs_counsel")
    problems += _choice(case.pronoun, PRONOUNS, "pronoun")
    problems += _choice(case.custody, choices.CUSTODY, "custody")
    problems += _choice(case.final_custody, choices.CUSTODY, "final custody")
    problems += _choice(case.case_type, choices.CASE_TYPES, "case type")
    problems += _choice(case.status, choices.CASE_STATUSES, "status")
    problems += _choice(case.charge, CHARGES, "charge")
    for n, hearing in enumerate(case.hearings):
        what = f"hearing {n}"
        problems += _choice(hearing.kind, choices.HEARING_KINDS, f"{what}: kind")
        problems += _choice(hearing.outcome, choices.OUTCOMES, f"{what}: outcome")
        problems += _choice(hearing.medium, choices.MEDIA, f"{what}: medium")
        problems += _choice(hearing.notice, NOTICE_WAYS, f"{what}: notice")
        if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", hearing.time):
            problems.append(f"{what}: time {hearing.time!r} is not HH:MM")
        for key in hearing.exhibits:
            if key not in keys:
                problems.append(f"{what}: exhibit {key} is no document of the case")
    for doc in case.documents:
        problems += _document_problems(data, case, doc)
    problems += [f"document {key} is repeated" for key in set(keys) if keys.count(key) > 1]
    for deadline in case.deadlines:
        problems += _choice(deadline.kind, choices.DEADLINE_KINDS, "deadline kind")
        if deadline.document is not None and deadline.document not in keys:
            problems.append(f"deadline document {deadline.document} is no document of the case")
    return problems


def _document_problems(data: DemoData, case: Case, doc: Document) -> list[str]:
    """What a document of ``case`` needs that the case or the files do not give."""
    kind = data.kinds.get(doc.key)
    if kind is None:
        return [f"document {doc.key} is not in documents.json"]
    problems = []
    if kind.of_hearing != (doc.hearing is not None):
        needs = "names" if kind.of_hearing else "does not name"
        problems.append(f"document {doc.key} {needs} a hearing")
    elif doc.hearing is not None and not 0 <= doc.hearing < len(case.hearings):
        problems.append(f"document {doc.key}: there is no hearing {doc.hearing}")
    fields_needed = {
        "nta": ("charge", case.charge is not None and case.charge != "reinstated"),
        "continue": ("continue_reason", case.continue_reason is not None),
        "brief": ("ground", case.ground is not None),
        "grant": ("ground", case.ground is not None),
        "address_proof": ("moved", case.moved is not None),
    }
    what, present = fields_needed.get(doc.key, ("", True))
    if not present:
        problems.append(f"document {doc.key} needs the case's {what}")
    if doc.key == "reopen" and not any(h.outcome == "in_absentia_order" for h in case.hearings):
        problems.append("document reopen needs an in absentia hearing")
    return problems
