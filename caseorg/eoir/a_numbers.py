"""A court's own list of A-numbers for EOIR's case ids (``import-eoir --a-numbers FILE``):
two columns, IDNCASE and A-number, comma- or tab-separated, a header line optional.

EOIR's public release withholds A-numbers; a court that has them in its own system
gives them here, and each case known by its EOIR case id gets its A-number (one case
still: :func:`caseorg.records.edit_case`).
"""

from __future__ import annotations

from pathlib import Path

from caseorg.eoir.report import EoirReport, RowProblem
from caseorg.eoir.tables import decode_line
from caseorg.errors import CaseorgError, InvalidValue
from caseorg.library import Library
from caseorg.records import edit_case, find_case
from caseorg.values import parse_a_number, parse_eoir_case_id


def read_a_numbers(path: Path, problems: list[RowProblem]) -> dict[str, str]:
    """IDNCASE -> A-number digits; a line that is neither is a problem (header excepted)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InvalidValue(f"cannot read {path.name}: {exc.strerror or exc}") from None
    out: dict[str, str] = {}
    for number, line in enumerate(raw.splitlines(), start=1):
        text = decode_line(line).strip()
        if not text:
            continue
        fields = [f.strip().strip('"') for f in text.replace("\t", ",").split(",")]
        fields = [f for f in fields if f]
        if number == 1 and fields and not fields[0][:1].isdigit():
            continue  # a header
        try:
            if len(fields) != 2:
                raise InvalidValue(f"expected 2 columns (IDNCASE, A-number), found {len(fields)}")
            idncase, digits = parse_eoir_case_id(fields[0]), parse_a_number(fields[1])
        except InvalidValue as exc:
            problems.append(RowProblem(path.name, number, f"{exc}; line skipped"))
            continue
        if out.get(idncase, digits) != digits:
            problems.append(
                RowProblem(path.name, number, f"IDNCASE {idncase} is given two A-numbers")
            )
            continue
        out[idncase] = digits
    return out


def apply_a_numbers(lib: Library, a_numbers: dict[str, str], report: EoirReport) -> None:
    """Give each case known by its EOIR case id its A-number (a case that has another,
    or an A-number another case has, is a problem; a case not in the library is left)."""
    name = "--a-numbers"
    for idncase, digits in sorted(a_numbers.items()):
        case = find_case(lib, f"EOIR {idncase}")
        if case is None or case.a_number == digits:
            continue
        try:
            edit_case(lib, case.id, a_number=digits)
        except CaseorgError as exc:
            report.problems.append(RowProblem(name, 0, f"EOIR {idncase}: {exc}"))
            continue
        report.counts["a_numbers_added"] = report.counts.get("a_numbers_added", 0) + 1
