"""A sample court for trying caseorg: judges, cases, hearings, notices, documents.

:func:`create_demo` fills an *empty* library with an invented immigration court
(every person, address and event here is made up). Dates are relative to
today, so the docket always has hearings in the coming weeks; everything else
comes from fixed data and a fixed random seed, so the demo is the same each
time. The documents are real PDFs written with :mod:`caseorg.demo.pdfmake` and
imported through the normal pipeline, so they are stored, extracted and
indexed like files a clerk imports.
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from caseorg.demo.pdfmake import write_text_pdf
from caseorg.errors import CaseorgError
from caseorg.importing.pipeline import import_files
from caseorg.library.folder import Library
from caseorg.progress import Progress, ProgressCallback
from caseorg.records import (
    cases,
    deadlines,
    documents,
    hearings,
    judges,
    notes,
    reassignments,
    saved_searches,
    tags,
)
from caseorg.values import format_a_number

SEED = 20240611
COURT = "Harbor City Immigration Court"
COURT_ADDRESS = "100 Bayfront Plaza, Suite 800, Harbor City"
ACIJ = "ACIJ Eleanor V. Castellano"

JUDGES = (
    ("JRM", "Judge Julia R. Marsh", "Courtroom 1"),
    ("DKO", "Judge Daniel K. Okafor", "Courtroom 2"),
    ("SLP", "Judge Sandra L. Pereira", "Courtroom 3"),
    ("THW", "Judge Thomas H. Whitfield", "Courtroom 4"),
    ("MAB", "Judge Miriam A. Baptiste", "Courtroom 5 (detained)"),
)
COURTROOMS = {code: room for code, _name, room in JUDGES}
JUDGE_NAMES = {code: name.removeprefix("Judge ") for code, name, _room in JUDGES}  # in texts

ACC_PARK = "Assistant Chief Counsel Naomi Park"
ACC_LINDQVIST = "Assistant Chief Counsel Victor Lindqvist"
ACC_ABERNATHY = "Assistant Chief Counsel Renee Abernathy"


# -- the plan of the demo: plain data, turned into records by create_demo ----------------


@dataclass
class _Hearing:
    day: int  # days from today (moved to a weekday)
    time: str
    kind: str
    outcome: str = "pending"
    reason: str | None = None  # adjournment reason
    notes: str | None = None
    medium: str = "in_person"
    notice: str | None = "mail"  # mail | personal | electronic | returned | None
    lead: int = 35  # days between the notice and the hearing
    exhibits: tuple[tuple[str, str], ...] = ()  # (document key, exhibit label)


@dataclass
class _Move:
    day: int
    to: str
    reason: str
    midstream: bool = False
    ordered_by: str = ACIJ


@dataclass
class _Doc:
    key: str  # brief, nta, notice, ...: also picks the text
    day: int = 0  # filed, days from today (notices: from their hearing)
    hearing: int | None = None  # the hearing a notice, decision or order is about


@dataclass
class _Deadline:
    kind: str
    due: int
    note: str
    done: int | None = None
    document: str | None = None


@dataclass
class _Case:
    a_number: str
    respondent: str
    she: bool
    nationality: str
    language: str
    custody: str
    case_type: str
    judge: str
    dhs_counsel: str
    opened: int
    address: str
    attorney: str | None = None
    ground: str = "political opinion"
    psg: str | None = None
    facts: tuple[str, ...] = ()
    continue_reason: str = ""
    charge: str = "ewi"  # ewi | overstay | arriving | reinstated
    hearings: tuple[_Hearing, ...] = ()
    moves: tuple[_Move, ...] = ()
    docs: tuple[_Doc, ...] = ()
    deadlines: tuple[_Deadline, ...] = ()
    status: str = "pending"
    outcome: str | None = None
    completed: int | None = None
    final_custody: str | None = None
    hearing_ids: list[int] = field(default_factory=list)


_FULL_RECORD = (("nta", "Exh. 1"), ("brief", "Exh. 3"), ("evidence", "Exh. 4"))

CASES: tuple[_Case, ...] = (
    _Case(
        a_number="208114327",
        respondent="Marta Elena Cux Tzoc",
        she=True,
        nationality="Guatemala",
        language="K'iche'",
        custody="non_detained",
        case_type="removal",
        judge="JRM",
        dhs_counsel=ACC_PARK,
        opened=-540,
        address="1420 Alder Street, Apt. 3, Harbor City",
        attorney="Lidia Farrow, Harbor Legal Aid Society",
        ground="race and membership in a particular social group",
        psg="indigenous K'iche' women in Guatemala",
        facts=(
            "The respondent is a K'iche' Maya woman from a rural village in the department "
            "of El Quiche, Guatemala. She speaks K'iche' and only limited Spanish.",
            "A man with ties to the municipal authorities threatened and assaulted her over "
            "many months, telling her that an indigenous woman had no right to refuse him. She "
            "tried twice to report him to the local police; the officers, who spoke only "
            "Spanish, would not take a written complaint.",
            "After her second attempt to report, the man burned the family's storage shed and "
            "told her neighbors she would be killed if she went to the authorities again. She "
            "fled with her younger son and entered the United States on or about {entry}.",
        ),
        hearings=(
            _Hearing(
                -480,
                "09:00",
                "master",
                "continued",
                "respondent requested time to seek counsel",
                notice="personal",
            ),
            _Hearing(
                -300,
                "09:00",
                "master",
                "continued",
                "pleadings taken; case set for individual hearing",
                notice="electronic",
            ),
            _Hearing(
                9,
                "09:00",
                "individual",
                notice="electronic",
                lead=300,
                exhibits=_FULL_RECORD,
                notes="asylum, withholding and CAT; K'iche' interpreter confirmed",
            ),
        ),
        docs=(
            _Doc("nta", -540),
            _Doc("notice", hearing=2),
            _Doc("brief", -20),
            _Doc("evidence", -20),
        ),
        deadlines=(
            _Deadline(
                "brief_due",
                -6,
                "pre-hearing brief and evidence due 15 days before the individual hearing",
                done=-20,
                document="brief",
            ),
        ),
    ),
    _Case(
        a_number="213556090",
        respondent="Jose Armando Reyes Paz",
        she=False,
        nationality="Honduras",
        language="Spanish",
        custody="detained",
        case_type="removal",
        judge="MAB",
        dhs_counsel=ACC_LINDQVIST,
        opened=-75,
        address="Harbor City Processing Center (detained)",
        ground="membership in a particular social group",
        psg="Honduran small-business owners who refused to pay extortion and reported the "
        "gang to the police",
        facts=(
            "The respondent owned a small tire repair shop in San Pedro Sula, Honduras. A gang "
            "demanded a weekly payment it called a war tax. When he stopped paying, gang "
            "members beat him and fired shots at the shop.",
            "He reported the attack to the police. The next day gang members told him they "
            "knew about the report and that he had three days to leave the city.",
        ),
        continue_reason="the respondent, who is detained and appears without counsel, asks for "
        "time to find a lawyer and to obtain a police report from Honduras",
        hearings=(
            _Hearing(
                -60,
                "10:00",
                "bond",
                "decided",
                medium="video",
                notice=None,
                notes="bond redetermination: bond set at $7,500; not yet posted",
            ),
            _Hearing(
                -45,
                "08:30",
                "master",
                "continued",
                "pro se respondent given time to seek representation",
                medium="video",
                notice="personal",
                lead=14,
            ),
            _Hearing(
                -15,
                "08:30",
                "master",
                "continued",
                "pleadings taken; respondent to file asylum application",
                medium="video",
                notice="personal",
                lead=28,
            ),
            _Hearing(21, "13:00", "individual", medium="video", notice="personal", lead=36),
        ),
        docs=(
            _Doc("nta", -75),
            _Doc("continue", -47),
            _Doc("notice", hearing=3),
            _Doc("evidence", -10),
        ),
        deadlines=(
            _Deadline("filing", -8, "Form I-589 asylum application due", done=-9),
            _Deadline("filing", 10, "evidence and witness list due"),
        ),
    ),
    _Case(
        a_number="097432118",
        respondent="Rosa Imelda Castro Menjivar",
        she=True,
        nationality="El Salvador",
        language="Spanish",
        custody="released",
        case_type="removal",
        judge="THW",
        dhs_counsel=ACC_PARK,
        opened=-700,
        address="77 Cedar Court, Harbor City",
        attorney="Marcus Delgado, Esq.",
        ground="membership in a particular social group",
        psg="the immediate family of a Salvadoran police officer murdered by gang members",
        facts=(
            "The respondent's brother was a police officer in Soyapango, El Salvador. He was "
            "killed by gang members after he arrested one of their leaders.",
            "In the weeks after the funeral, the same gang left notes at the family home saying "
            "that the officer's family would pay for what he had done. A cousin who lived with "
            "the respondent was shot and wounded outside the house.",
            "The respondent left El Salvador shortly afterwards and entered the United States "
            "on or about {entry}.",
        ),
        continue_reason="counsel needs time to obtain certified police and autopsy records "
        "from El Salvador that corroborate the brother's murder",
        hearings=(
            _Hearing(
                -650,
                "13:00",
                "master",
                "continued",
                "attorney preparation: counsel newly retained",
                notice="personal",
            ),
            _Hearing(
                -400,
                "13:00",
                "master",
                "continued",
                "pleadings taken; case set for individual hearing",
                notice="electronic",
            ),
            _Hearing(
                -150,
                "09:00",
                "individual",
                "continued",
                "hearing not reached: the court's calendar was over-set",
                notice="electronic",
                lead=240,
            ),
            _Hearing(
                5, "09:00", "individual", notice="electronic", lead=110, exhibits=_FULL_RECORD
            ),
        ),
        moves=(_Move(-120, "SLP", "docket rebalancing after a new judge joined the court"),),
        docs=(
            _Doc("nta", -700),
            _Doc("continue", -410),
            _Doc("notice", hearing=3),
            _Doc("brief", -30),
            _Doc("evidence", -30),
        ),
        deadlines=(
            _Deadline("brief_due", -40, "pre-hearing brief due", done=-30, document="brief"),
        ),
    ),
    _Case(
        a_number="201873645",
        respondent="Luis Fernando Ortega Ruiz",
        she=False,
        nationality="Mexico",
        language="Spanish",
        custody="non_detained",
        case_type="removal",
        judge="SLP",
        dhs_counsel=ACC_ABERNATHY,
        opened=-900,
        address="3105 Willow Lane, Harbor City",
        attorney="Hannah Whitcomb, Esq.",
        ground="cancellation of removal",
        facts=(
            "The respondent has lived in the United States for more than fourteen years. He is "
            "the father of three U.S. citizen children; the eldest has a congenital heart "
            "condition that requires regular care by a pediatric cardiologist.",
        ),
        continue_reason="the psychological evaluation of the respondent's eldest child, the "
        "central evidence of hardship to the qualifying relatives, is not yet complete",
        charge="ewi",
        hearings=(
            _Hearing(
                -850,
                "09:00",
                "master",
                "continued",
                "respondent to file application for cancellation of removal",
                notice="personal",
            ),
            _Hearing(
                -600,
                "09:00",
                "master",
                "continued",
                "application filed; case set for individual hearing",
                notice="electronic",
            ),
            _Hearing(
                33,
                "13:00",
                "individual",
                notice="electronic",
                lead=560,
                notes="cancellation of removal (non-LPR); three qualifying relatives",
            ),
        ),
        docs=(
            _Doc("nta", -900),
            _Doc("notice", hearing=2),
            _Doc("hardship", -60),
            _Doc("continue", -3),
        ),
        deadlines=(
            _Deadline(
                "brief_due",
                -4,
                "pre-hearing brief on hardship to the qualifying "
                "relatives (overdue; see motion to continue)",
            ),
            _Deadline("filing", 10, "DHS response to the motion to continue"),
        ),
    ),
    _Case(
        a_number="219047362",
        respondent="Daniela Sofia Paredes Rincon",
        she=True,
        nationality="Venezuela",
        language="Spanish",
        custody="non_detained",
        case_type="removal",
        judge="DKO",
        dhs_counsel=ACC_LINDQVIST,
        opened=-800,
        address="18 Harborview Terrace, Unit 2B, Harbor City",
        attorney="Samuel Oyelaran, Esq.",
        ground="political opinion",
        facts=(
            "The respondent was a regional coordinator for an opposition political party in "
            "the state of Lara, Venezuela, where she trained volunteer poll watchers.",
            "After a regional election, state security agents detained her for two days, beat "
            "her, and warned her to stop organizing. Armed civilian groups aligned with the "
            "government later came to her home at night and painted threats on the door.",
            "She left Venezuela and entered the United States on or about {entry}.",
        ),
        hearings=(
            _Hearing(
                -760,
                "10:00",
                "master",
                "continued",
                "respondent to file asylum application",
                notice="personal",
            ),
            _Hearing(
                -500,
                "10:00",
                "master",
                "continued",
                "pleadings taken; case set for individual hearing",
                notice="electronic",
            ),
            _Hearing(
                -45,
                "09:00",
                "individual",
                "continued",
                "testimony begun; the judge paused the hearing to verify notice after a "
                "returned mailing was found in the record",
                notice="mail",
                lead=80,
                exhibits=_FULL_RECORD,
            ),
            _Hearing(
                16,
                "09:00",
                "individual",
                notice="electronic",
                lead=40,
                notes="continuation of the individual hearing; the successor judge is to "
                "state on the record that she has familiarized herself with the record "
                "(8 C.F.R. 1240.1(b))",
                exhibits=_FULL_RECORD,
            ),
        ),
        moves=(
            _Move(
                -30,
                "JRM",
                "judge paused the case to verify notice; case reassigned by ACIJ to a judge "
                "with earlier availability to complete the individual hearing (testimony "
                "partly taken)",
                midstream=True,
            ),
        ),
        docs=(
            _Doc("nta", -800),
            _Doc("brief", -60),
            _Doc("evidence", -60),
            _Doc("notice", hearing=3),
        ),
        deadlines=(
            _Deadline(
                "other",
                -35,
                "verify proof of service of the hearing notice (ordered by the judge)",
                done=-33,
            ),
            _Deadline("decision_due", 46, "written decision after the individual hearing"),
        ),
    ),
    _Case(
        a_number="240318775",
        respondent="Jean-Robert Etienne",
        she=False,
        nationality="Haiti",
        language="Haitian Creole",
        custody="detained",
        case_type="removal",
        judge="MAB",
        dhs_counsel=ACC_LINDQVIST,
        opened=-120,
        address="Harbor City Processing Center (detained)",
        attorney="Claire Beaumont, Harbor Immigrant Defenders",
        ground="political opinion and membership in a particular social group",
        psg="Haitian journalists who publicly denounce armed gangs",
        facts=(
            "The respondent hosted a call-in program on a community radio station in the "
            "Artibonite department of Haiti, where listeners reported armed gangs' control of "
            "the roads and the kidnappings of farmers.",
            "Gang members burned the station and named him in a voice message that circulated "
            "in the town, saying he would be next. He went into hiding and then left Haiti.",
        ),
        charge="arriving",
        hearings=(
            _Hearing(
                -100,
                "08:30",
                "master",
                "continued",
                "respondent obtained counsel; time to prepare",
                medium="video",
                notice="personal",
                lead=12,
            ),
            _Hearing(
                -70,
                "08:30",
                "master",
                "continued",
                "pleadings taken; asylum application filed",
                medium="video",
                notice="electronic",
                lead=25,
            ),
            _Hearing(
                -10,
                "13:00",
                "individual",
                "decided",
                medium="video",
                notice="electronic",
                lead=55,
                exhibits=_FULL_RECORD,
                notes="asylum granted; DHS waived appeal",
            ),
        ),
        docs=(
            _Doc("nta", -120),
            _Doc("brief", -25),
            _Doc("evidence", -25),
            _Doc("grant", hearing=2),
        ),
        deadlines=(
            _Deadline("brief_due", -24, "pre-hearing brief due", done=-25, document="brief"),
        ),
        status="completed",
        outcome="asylum granted",
        completed=-10,
        final_custody="released",
    ),
    _Case(
        a_number="244902136",
        respondent="Harpreet Singh Sandhu",
        she=False,
        nationality="India",
        language="Punjabi",
        custody="detained",
        case_type="removal",
        judge="MAB",
        dhs_counsel=ACC_ABERNATHY,
        opened=-50,
        address="Harbor City Processing Center (detained)",
        attorney="Ravi Menon, Esq.",
        continue_reason="counsel entered an appearance this week and needs time to meet the "
        "detained respondent with a Punjabi interpreter and prepare the asylum application",
        hearings=(
            _Hearing(
                -35,
                "08:30",
                "master",
                "continued",
                "attorney entered appearance; time to prepare",
                medium="video",
                notice="personal",
                lead=12,
            ),
            _Hearing(0, "08:30", "master", medium="video", notice="electronic", lead=30),
        ),
        docs=(_Doc("nta", -50), _Doc("continue", -37), _Doc("notice", hearing=1)),
        deadlines=(
            _Deadline(
                "filing",
                14,
                "Form I-589 asylum application due at the next master calendar hearing",
            ),
        ),
    ),
    _Case(
        a_number="088765421",
        respondent="Lin Mei",
        she=True,
        nationality="China",
        language="Mandarin",
        custody="non_detained",
        case_type="removal",
        judge="THW",
        dhs_counsel=ACC_PARK,
        opened=-1000,
        address="245 Pine Street, Apt. 7, Harbor City",
        attorney="Grace Holloway, Esq.",
        ground="religion",
        facts=(
            "The respondent was a member of an unregistered Protestant house church in "
            "Fujian Province, China, that met in members' apartments.",
            "Police raided a Sunday gathering, detained her for five days, and pressed her to "
            "sign a statement renouncing the church. After her release she was required to "
            "report to the police station each week.",
            "She entered the United States on or about {entry}.",
        ),
        charge="overstay",
        hearings=(
            _Hearing(
                -950,
                "13:00",
                "master",
                "continued",
                "respondent to file asylum application",
                notice="personal",
            ),
            _Hearing(
                -700,
                "13:00",
                "master",
                "continued",
                "pleadings taken; case set for individual hearing",
                notice="electronic",
            ),
            _Hearing(
                -300,
                "09:00",
                "individual",
                "continued",
                "Mandarin interpreter unavailable",
                notice="electronic",
                lead=380,
            ),
            _Hearing(
                -90,
                "09:00",
                "individual",
                "decided",
                notice="electronic",
                lead=190,
                exhibits=_FULL_RECORD,
                notes="asylum and withholding denied; appeal reserved",
            ),
        ),
        docs=(
            _Doc("nta", -1000),
            _Doc("brief", -110),
            _Doc("evidence", -110),
            _Doc("denial", hearing=3),
        ),
        deadlines=(
            _Deadline(
                "filing",
                -60,
                "notice of appeal (Form EOIR-26) due at the Board of Immigration Appeals",
                done=-70,
            ),
        ),
        status="appealed",
        outcome="asylum denied; appeal filed with the BIA",
        completed=-90,
    ),
    _Case(
        a_number="236150984",
        respondent="Farid Ahmad Noori",
        she=False,
        nationality="Afghanistan",
        language="Dari",
        custody="detained",
        case_type="removal",
        judge="MAB",
        dhs_counsel=ACC_ABERNATHY,
        opened=-200,
        address="9 Lighthouse Road, Harbor City",
        attorney="Omar Haddad, Esq.",
        ground="imputed political opinion",
        psg="Afghans who worked for U.S.-funded programs",
        continue_reason="counsel needs time to obtain employment verification letters from "
        "the respondent's former U.S. contractor employer",
        hearings=(
            _Hearing(
                -180,
                "08:30",
                "master",
                "continued",
                "counsel needs time to obtain employment verification",
                medium="video",
                notice="personal",
                lead=15,
            ),
            _Hearing(
                -150,
                "10:00",
                "bond",
                "decided",
                medium="video",
                notice=None,
                notes="bond set at $5,000; posted; respondent released",
            ),
            _Hearing(
                -20,
                "10:00",
                "master",
                "continued",
                "pleadings taken; case set for individual hearing",
                notice="mail",
                lead=30,
            ),
            _Hearing(
                45,
                "13:00",
                "individual",
                notice="mail",
                lead=60,
                notes="Dari interpreter requested",
            ),
        ),
        moves=(
            _Move(
                -60,
                "DKO",
                "respondent released on bond; case moved from the detained "
                "docket to the non-detained docket",
            ),
        ),
        docs=(
            _Doc("nta", -200),
            _Doc("continue", -182),
            _Doc("evidence", -25),
            _Doc("notice", hearing=3),
        ),
        deadlines=(_Deadline("brief_due", 30, "pre-hearing brief and evidence due"),),
        final_custody="released",
    ),
    _Case(
        a_number="229611403",
        respondent="Olena Petrivna Kovalenko",
        she=True,
        nationality="Ukraine",
        language="Ukrainian",
        custody="non_detained",
        case_type="removal",
        judge="JRM",
        dhs_counsel=ACC_PARK,
        opened=-420,
        address="560 Marina Boulevard, Apt. 12, Harbor City",
        attorney="Katherine Doyle, Esq.",
        ground="political opinion",
        facts=(
            "The respondent edited a local news website in southern Ukraine. During the "
            "occupation of her city, occupation authorities detained her, searched her "
            "apartment, and ordered her to publish their announcements.",
            "She refused, and was told that she would be prosecuted for extremism. She left "
            "through a humanitarian corridor and entered the United States on or about "
            "{entry}.",
        ),
        charge="overstay",
        hearings=(
            _Hearing(
                -400,
                "10:00",
                "master",
                "continued",
                "pleadings taken; case set for individual hearing",
                notice="personal",
                lead=15,
            ),
            _Hearing(
                -14,
                "09:00",
                "individual",
                "decided",
                notice="electronic",
                lead=300,
                exhibits=_FULL_RECORD,
                notes="asylum granted; DHS reserved appeal",
            ),
        ),
        docs=(
            _Doc("nta", -420),
            _Doc("brief", -45),
            _Doc("evidence", -45),
            _Doc("grant", hearing=1),
        ),
        status="completed",
        outcome="asylum granted",
        completed=-14,
    ),
    _Case(
        a_number="205338719",
        respondent="Wilmer Estuardo Chavez Lopez",
        she=False,
        nationality="Guatemala",
        language="Spanish",
        custody="non_detained",
        case_type="removal",
        judge="SLP",
        dhs_counsel=ACC_ABERNATHY,
        opened=-400,
        address="1188 Quarry Street, Harbor City",
        hearings=(
            _Hearing(
                -380,
                "09:00",
                "master",
                "continued",
                "respondent requested time to seek counsel; advised of the duty to "
                "report changes of address",
                notice="personal",
                lead=15,
            ),
            _Hearing(
                -200,
                "09:00",
                "master",
                "in_absentia_order",
                notice="mail",
                lead=45,
                exhibits=(("nta", "Exh. 1"), ("notice", "Exh. 2")),
                notes="respondent failed to appear; written notice mailed to the "
                "address he gave the court and not returned",
            ),
        ),
        docs=(_Doc("nta", -400), _Doc("notice", hearing=1), _Doc("absentia", hearing=1)),
        status="completed",
        outcome="ordered removed in absentia",
        completed=-200,
    ),
    _Case(
        a_number="212094587",
        respondent="Keyla Yamileth Funes Martinez",
        she=True,
        nationality="Honduras",
        language="Spanish",
        custody="non_detained",
        case_type="removal",
        judge="DKO",
        dhs_counsel=ACC_LINDQVIST,
        opened=-500,
        address="42 Old Mill Road, Harbor City",
        attorney="Beatriz Solano, Esq.",
        hearings=(
            _Hearing(
                -470,
                "10:00",
                "master",
                "continued",
                "respondent to seek counsel; advised of the duty to report changes of address",
                notice="personal",
                lead=20,
            ),
            _Hearing(
                -160,
                "10:00",
                "master",
                "in_absentia_order",
                notice="returned",
                lead=50,
                exhibits=(("nta", "Exh. 1"), ("notice", "Exh. 2")),
                notes="respondent failed to appear; order entered in absentia",
            ),
        ),
        docs=(
            _Doc("nta", -500),
            _Doc("notice", hearing=1),
            _Doc("absentia", hearing=1),
            _Doc("reopen", -20),
            _Doc("address_proof", -20),
        ),
        deadlines=(
            _Deadline("filing", 10, "DHS response to the motion to reopen due"),
            _Deadline("decision_due", 40, "ruling on the motion to reopen"),
        ),
        status="completed",
        outcome="ordered removed in absentia; motion to reopen pending",
        completed=-160,
    ),
    _Case(
        a_number="246770052",
        respondent="Ramon Alcantara Vega",
        she=False,
        nationality="Mexico",
        language="Spanish",
        custody="detained",
        case_type="withholding_only",
        judge="MAB",
        dhs_counsel=ACC_LINDQVIST,
        opened=-40,
        address="Harbor City Processing Center (detained)",
        attorney="Teresa Ibarra, Esq.",
        charge="reinstated",
        hearings=(
            _Hearing(
                -28,
                "08:30",
                "master",
                "continued",
                "counsel to file withholding and CAT application",
                medium="video",
                notice="personal",
                lead=10,
            ),
            _Hearing(
                7,
                "13:00",
                "individual",
                medium="video",
                notice="electronic",
                lead=30,
                notes="withholding-only: withholding of removal and CAT deferral",
            ),
        ),
        docs=(_Doc("referral", -40), _Doc("notice", hearing=1)),
        deadlines=(_Deadline("filing", 2, "evidence and witness list for the individual hearing"),),
    ),
)

# Sentences that vary between briefs (chosen with the fixed seed).
_CREDIBILITY = (
    "The respondent's testimony is detailed, consistent with {her} written declaration, and "
    "plausible in light of the country conditions evidence.",
    "The respondent's account has been consistent from the credible fear interview through "
    "the written declaration, and it is corroborated by letters from people who witnessed "
    "the events.",
    "Nothing in the record undermines the respondent's credibility: the dates, places and "
    "people in the declaration match the supporting documents.",
)
_RELOCATION = (
    "Internal relocation is not reasonable. The persecutors have shown that they can find "
    "the respondent in other parts of the country, and the government has not protected "
    "people in the respondent's situation anywhere in the country.",
    "The respondent could not avoid future persecution by relocating: the evidence shows "
    "that those who threatened the respondent operate across the country and that the "
    "police do not offer protection.",
)


# -- dates --------------------------------------------------------------------------------


_FIXED_HOLIDAYS = {(1, 1), (6, 19), (7, 4), (11, 11), (12, 25)}
_NTH_MONDAYS = {(1, 3), (2, 3), (9, 1), (10, 2)}  # MLK, Presidents, Labor, Columbus Days


WORKFLOW_TAGS: dict[str, tuple[str, ...]] = {
    "212094587": ("motion-to-reopen", "notice-problem"),
    "219047362": ("mid-stream",),
    "213556090": ("detained-docket",),
    "208114327": ("rare-language",),
}
WORKFLOW_NOTES = {
    "212094587": "Returned envelope found in the record; check the address history before "
    "ruling on the motion to reopen.",
    "219047362": "Testimony partly taken before the reassignment: the new judge must review "
    "the recording of the first session.",
}
WORKFLOW_SEARCHES: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("Returned notices", '"returned undeliverable"', {}),
    ("Particular social group briefs", '"particular social group"', {"type": "brief"}),
)


def is_court_day(day: dt.date) -> bool:
    """A weekday that is not a federal holiday (observed dates are ignored: good enough
    for sample dates)."""
    if day.weekday() >= 5 or (day.month, day.day) in _FIXED_HOLIDAYS:
        return False
    nth = (day.day - 1) // 7 + 1
    if day.weekday() == 0 and (day.month, nth) in _NTH_MONDAYS:
        return False
    if day.month == 5 and day.weekday() == 0 and day.day > 24:  # Memorial Day
        return False
    return not (day.month == 11 and day.weekday() == 3 and nth == 4)  # Thanksgiving


def _weekday(day: dt.date, forward: bool) -> dt.date:
    """The nearest court day on or after (``forward``) or on or before ``day``."""
    step = dt.timedelta(days=1 if forward else -1)
    while not is_court_day(day):
        day += step
    return day


def _long(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _hour(time: str) -> str:
    hour, minute = (int(part) for part in time.split(":"))
    return f"{(hour - 1) % 12 + 1}:{minute:02d} {'a.m.' if hour < 12 else 'p.m.'}"


@dataclass
class _Planned:
    """A hearing with its real dates and its judge at the time."""

    index: int
    spec: _Hearing
    day: dt.date
    judge: str
    served: dt.date | None


def _judge_on(case: _Case, day: dt.date, today: dt.date) -> str:
    judge = case.judge
    for move in sorted(case.moves, key=lambda m: m.day):
        if today + dt.timedelta(days=move.day) <= day:
            judge = move.to
    return judge


def _plan(case: _Case, today: dt.date) -> list[_Planned]:
    planned = []
    for index, spec in enumerate(case.hearings):
        day = _weekday(today + dt.timedelta(days=spec.day), forward=spec.day >= 0)
        served: dt.date | None = None
        if spec.notice is not None:
            served = _weekday(day - dt.timedelta(days=spec.lead), forward=False)
            served = min(served, _weekday(today - dt.timedelta(days=1), forward=False))
        planned.append(_Planned(index, spec, day, _judge_on(case, day, today), served))
    return planned


# -- document texts -----------------------------------------------------------------------


class _Writer:
    """Builds the paragraphs of one case's documents."""

    def __init__(self, case: _Case, planned: list[_Planned], today: dt.date, rng: random.Random):
        self.case = case
        self.planned = planned
        self.today = today
        self.rng = rng
        self.a = format_a_number(case.a_number)
        self.name = case.respondent
        self.she, self.her, self.her_obj = (
            ("she", "her", "her") if case.she else ("he", "his", "him")
        )
        self.opened = _weekday(today + dt.timedelta(days=case.opened), forward=False)
        self.entry = self.opened - dt.timedelta(days=30 + rng.randrange(60))

    def day(self, offset: int) -> dt.date:
        return _weekday(self.today + dt.timedelta(days=offset), forward=False)

    def judge_name(self, day: dt.date) -> str:
        return JUDGE_NAMES[_judge_on(self.case, day, self.today)]

    def caption(self, day: dt.date, proceeding: str = "In Removal Proceedings") -> list[str]:
        if self.case.case_type == "withholding_only":
            proceeding = "In Withholding-Only Proceedings"
        return [
            "UNITED STATES DEPARTMENT OF JUSTICE\nEXECUTIVE OFFICE FOR IMMIGRATION REVIEW\n"
            f"{COURT.upper()}\n{COURT_ADDRESS}",
            f"In the Matter of:\n{self.name.upper()}, Respondent\nFile No.: {self.a}\n"
            f"{proceeding}\nImmigration Judge: {self.judge_name(day)}",
        ]

    def fill(self, text: str) -> str:
        return text.replace("{entry}", _long(self.entry))

    def counsel_block(self, day: dt.date) -> str:
        if self.case.attorney:
            return (
                f"Respectfully submitted,\n{self.case.attorney}\nCounsel for the Respondent\n"
                f"Dated: {_long(day)}"
            )
        return f"Respectfully submitted,\n{self.name}\nRespondent, pro se\nDated: {_long(day)}"

    def service(self, day: dt.date, by: str) -> str:
        return (
            f"CERTIFICATE OF SERVICE\nOn {_long(day)} I served a copy of this document on the "
            f"Office of the Principal Legal Advisor, DHS ({self.case.dhs_counsel}), "
            f"by electronic filing.\n{by}"
        )

    # -- the documents ------------------------------------------------------------------
    def nta(self, day: dt.date) -> tuple[str, str, list[str]]:
        case = self.case
        status, allegations, charge = {
            "ewi": (
                "You are an alien present in the United States who has not been admitted or "
                "paroled.",
                [
                    "You are not a citizen or national of the United States.",
                    f"You are a native of {case.nationality} and a citizen of {case.nationality}.",
                    "You arrived in the United States at or near a place not designated as a "
                    f"port of entry on or about {_long(self.entry)}.",
                    "You were not then admitted or paroled after inspection by an Immigration "
                    "Officer.",
                ],
                "Section 212(a)(6)(A)(i) of the Immigration and Nationality Act (Act), as "
                "amended, in that you are an alien present in the United States without being "
                "admitted or paroled.",
            ),
            "overstay": (
                "You have been admitted to the United States, but are removable for the "
                "reasons stated below.",
                [
                    "You are not a citizen or national of the United States.",
                    f"You are a native of {case.nationality} and a citizen of {case.nationality}.",
                    f"You were admitted to the United States on {_long(self.entry)} as a "
                    "nonimmigrant visitor with authorization to remain for a temporary period "
                    "not to exceed six months.",
                    "You remained in the United States beyond that date without authorization.",
                ],
                "Section 237(a)(1)(B) of the Immigration and Nationality Act (Act), as "
                "amended, in that after admission as a nonimmigrant you remained in the "
                "United States for a time longer than permitted.",
            ),
            "arriving": (
                "You are an arriving alien.",
                [
                    "You are not a citizen or national of the United States.",
                    f"You are a native of {case.nationality} and a citizen of {case.nationality}.",
                    f"You applied for admission to the United States on {_long(self.entry)}.",
                    "You were not then in possession of a valid unexpired immigrant visa or "
                    "other valid entry document.",
                ],
                "Section 212(a)(7)(A)(i)(I) of the Immigration and Nationality Act (Act), as "
                "amended, in that you are an immigrant not in possession of a valid entry "
                "document.",
            ),
        }[case.charge]
        paragraphs = [
            "U.S. DEPARTMENT OF HOMELAND SECURITY",
            f"In removal proceedings under section 240 of the Immigration and Nationality Act\n"
            f"Subject ID: {self.a}    File No.: {self.a}\n"
            f"In the Matter of: {self.name.upper()}\nCurrent address: {case.address}",
            status,
            "The Department of Homeland Security alleges that:\n"
            + "\n".join(f"{n}. {text}" for n, text in enumerate(allegations, start=1)),
            "On the basis of the foregoing, it is charged that you are subject to removal from "
            "the United States pursuant to the following provision(s) of law:\n" + charge,
            f"YOU ARE ORDERED to appear before an immigration judge of the United States "
            f"Department of Justice at {COURT}, {COURT_ADDRESS}, on a date and at a time to be "
            "set, to show why you should not be removed from the United States based on the "
            "charge(s) set forth above.",
            "Notice to Respondent: You may be represented in these proceedings, at no expense "
            "to the Government, by an attorney or other individual authorized to practice "
            "before the Executive Office for Immigration Review. You must notify the "
            "Immigration Court within five days of any change of your address by using Form "
            "EOIR-33. If you fail to attend the hearing at the time and place designated, a "
            "decision may be made in your absence and you may be ordered removed.",
            f"Date: {_long(day)}\nIssuing officer: Deportation Officer R. Caldwell",
            f"Certificate of Service: This Notice to Appear was served on the respondent in "
            f"person on {_long(day)}, and the respondent was given oral notice in the "
            f"{case.language} language of the consequences of failure to appear.",
        ]
        return "Notice_to_Appear.pdf", "Notice to Appear", paragraphs

    def referral(self, day: dt.date) -> tuple[str, str, list[str]]:
        paragraphs = self.caption(day) + [
            "NOTICE OF REFERRAL TO IMMIGRATION JUDGE (FORM I-863)",
            f"The respondent, a native and citizen of {self.case.nationality}, is subject to a "
            "reinstated order of removal. An asylum officer found that the respondent "
            "established a reasonable fear of persecution or torture.",
            "The Department of Homeland Security refers this case to the immigration judge for "
            "a determination limited to withholding of removal under section 241(b)(3) of the "
            "Act and protection under the Convention Against Torture. The respondent bears the "
            "burden of showing that it is more likely than not that "
            f"{self.she} would be persecuted or tortured.",
            f"Date: {_long(day)}\nServed on the respondent in person, {self.case.address}.",
        ]
        return (
            "Notice_of_Referral_I-863.pdf",
            "Notice of Referral to Immigration Judge (I-863)",
            paragraphs,
        )

    def notice(self, planned: _Planned) -> tuple[str, str, list[str]]:
        spec = planned.spec
        served = planned.served or planned.day
        kind = {"master": "master calendar", "individual": "individual"}.get(spec.kind, spec.kind)
        where = (
            f"by video from {COURTROOMS[planned.judge]}; the respondent will appear from the "
            "detention facility"
            if spec.medium == "video"
            else f"in person in {COURTROOMS[planned.judge]}"
        )
        if spec.notice == "electronic" and self.case.attorney:
            service = f"served electronically on counsel of record, {self.case.attorney}"
        elif spec.notice == "personal":
            service = "served on the respondent in person"
        else:
            service = f"served by regular mail on the respondent at {self.case.address}"
        paragraphs = self.caption(served) + [
            "NOTICE OF HEARING IN REMOVAL PROCEEDINGS",
            f"Your case has been scheduled for {'an' if kind[0] in 'aeiou' else 'a'} {kind} "
            "hearing before "
            f"Immigration Judge {JUDGE_NAMES[planned.judge]} on {_long(planned.day)} at "
            f"{_hour(spec.time)}, "
            f"{where}, at {COURT}, {COURT_ADDRESS}.",
            f"An interpreter in the {self.case.language} language will be provided by the court.",
            "Failure to appear at this hearing, except for exceptional circumstances, may "
            "result in one or more of the following actions: the hearing may be held in your "
            "absence under section 240(b)(5) of the Immigration and Nationality Act, and an "
            "order of removal may be entered against you if the Department of Homeland "
            "Security establishes by clear and convincing evidence that you are removable.",
            "You must notify the court within five days of any change of address by filing "
            "Form EOIR-33.",
            f"CERTIFICATE OF SERVICE\nThis document was {service} on {_long(served)}.\n"
            f"By: Court staff, {COURT}",
        ]
        name = f"Notice_of_Hearing_{planned.day.isoformat()}.pdf"
        title = f"Notice of {kind} hearing, {planned.day.isoformat()}"
        return name, title[0].upper() + title[1:], paragraphs

    def motion_continue(self, day: dt.date) -> tuple[str, str, list[str]]:
        upcoming = [p for p in self.planned if p.day > day]
        when = (
            f"the hearing now set for {_long(upcoming[0].day)}" if upcoming else "the next hearing"
        )
        paragraphs = self.caption(day) + [
            "RESPONDENT'S MOTION TO CONTINUE",
            f"The respondent respectfully moves the Court to continue {when}. Good cause "
            "exists under 8 C.F.R. 1003.29 because " + self.case.continue_reason + ".",
            "In deciding whether good cause exists the Court considers the likelihood that "
            "the relief sought will be granted and whether the continuance will materially "
            "affect the outcome of the proceedings, together with administrative efficiency, "
            "the length of the requested continuance, and the number of prior continuances. "
            "Matter of L-A-B-R-, 27 I&N Dec. 405 (A.G. 2018).",
            "This is the respondent's first written request for a continuance. The request is "
            "not made for delay: the evidence sought goes to the heart of the respondent's "
            "claim, and a short continuance will allow the case to be heard on a complete "
            "record.",
            "The respondent has contacted counsel for the Department of Homeland Security, "
            f"{self.case.dhs_counsel}, who takes no position on this motion.",
            self.counsel_block(day),
            self.service(day, self.case.attorney or self.name),
        ]
        return "Motion_to_Continue.pdf", "Motion to continue", paragraphs

    def brief(self, day: dt.date) -> tuple[str, str, list[str]]:
        case = self.case
        she, her = self.she, self.her
        relief = (
            "withholding of removal and protection under the Convention Against Torture"
            if case.case_type == "withholding_only"
            else "asylum, withholding of removal, and protection under the Convention "
            "Against Torture"
        )
        paragraphs = self.caption(day) + [
            f"RESPONDENT'S PRE-HEARING BRIEF IN SUPPORT OF {relief.upper()}",
            "I. INTRODUCTION",
            f"The respondent, {self.name}, a native and citizen of {case.nationality}, "
            f"respectfully submits this brief in support of {her} applications for {relief}. "
            f"{she.capitalize()} fears persecution on account of {case.ground}.",
            "II. STATEMENT OF FACTS",
            *[self.fill(fact) for fact in case.facts],
            "III. BURDEN OF PROOF",
            "An applicant for relief bears the burden of establishing eligibility by a "
            "preponderance of the evidence. 8 C.F.R. 1240.8(d). To qualify for asylum the "
            f"respondent must show that {she} is a refugee: a person unable or unwilling "
            "to return to the country of nationality because of persecution or a well-founded "
            "fear of persecution on account of race, religion, nationality, membership in a "
            "particular social group, or political opinion. INA 101(a)(42)(A); INA "
            "208(b)(1)(B)(i). The protected ground must be at least one central reason for the "
            "harm.",
            "IV. ARGUMENT",
            "A. The respondent suffered past persecution.",
            f"The harm the respondent suffered, considered cumulatively, rises to the level of "
            f"persecution. Because {she} has shown past persecution, {she} is entitled to a "
            "presumption of a well-founded fear of persecution, which the Department of "
            "Homeland Security may rebut only by a preponderance of the evidence showing a "
            "fundamental change in circumstances or a reasonable possibility of internal "
            "relocation. 8 C.F.R. 1208.13(b)(1).",
            self.rng.choice(_CREDIBILITY).format(her=her),
        ]
        if case.psg:
            paragraphs += [
                "B. The proposed particular social group is cognizable.",
                f"The respondent is a member of the particular social group of {case.psg}. A "
                "particular social group must be composed of members who share a common "
                "immutable characteristic, be defined with particularity, and be socially "
                "distinct within the society in question. Matter of Acosta, 19 I&N Dec. 211 "
                "(BIA 1985); Matter of M-E-V-G-, 26 I&N Dec. 227 (BIA 2014).",
                "The characteristic that defines the group is one its members cannot change, or "
                "should not be required to change. The group has clear boundaries, and the "
                f"country conditions evidence shows that society in {case.nationality} sees "
                "its members as a distinct group.",
            ]
        paragraphs += [
            "C. The respondent has a well-founded fear of persecution.",
            "Even apart from the presumption, the respondent has a well-founded fear of "
            "persecution. A fear is well founded if a reasonable person in the respondent's "
            "circumstances would fear persecution; even a one-in-ten chance of persecution may "
            "suffice. INS v. Cardoza-Fonseca, 480 U.S. 421 (1987); Matter of Mogharrabi, 19 "
            "I&N Dec. 439 (BIA 1987).",
            f"The country conditions evidence (Exhibit 4) shows that the harm {she} fears is "
            f"widespread in {case.nationality} and that the authorities are unable or "
            "unwilling to control it. The reports of government and non-governmental "
            "observers describe threats, assaults and killings of people in the respondent's "
            "situation, and few prosecutions.",
            self.rng.choice(_RELOCATION),
            "D. Discretion.",
            "Asylum does not require a showing of extreme hardship, but the equities here "
            f"weigh heavily in the respondent's favor: {she} has no criminal record, has "
            "appeared at every hearing, and has close family ties in the United States. "
            "Removal would cause extreme hardship to the respondent and to the family members "
            f"who depend on {self.her_obj}.",
            "E. Withholding of removal and the Convention Against Torture.",
            "For the same reasons, it is more likely than not that the respondent's life or "
            "freedom would be threatened on account of a protected ground, and that "
            f"{she} would be tortured by or with the acquiescence of public officials.",
            "V. CONCLUSION",
            f"The respondent has established eligibility for {relief} by a preponderance of "
            "the evidence. The Court should grant the application.",
            self.counsel_block(day),
            self.service(day, case.attorney or self.name),
        ]
        return "Respondent_Brief.pdf", "Respondent's pre-hearing brief", paragraphs

    def evidence(self, day: dt.date) -> tuple[str, str, list[str]]:
        country = self.case.nationality
        items = [
            f"U.S. Department of State, {country} Country Report on Human Rights Practices "
            "(most recent edition), excerpts on the rule of law, police protection and "
            "impunity.",
            f"Report of a United Nations human rights body on {country}, excerpts on threats "
            "against people in the respondent's situation.",
            "Report of a non-governmental human rights organization documenting attacks, "
            "threats and the lack of investigations.",
            f"Declaration of a country conditions expert, a university professor who has "
            f"studied {country} for twenty years, on the risk to the respondent on return.",
            "News articles describing incidents in the respondent's home region.",
            "Letters from family members and neighbors who witnessed the events described in "
            "the respondent's declaration, with certified translations.",
        ]
        self.rng.shuffle(items)
        tabs = [
            f"Tab {chr(65 + n)}: {item} (pp. {n * 14 + 1}-{n * 14 + 13})"
            for n, item in enumerate(items)
        ]
        paragraphs = self.caption(day) + [
            "RESPONDENT'S SUBMISSION OF COUNTRY CONDITIONS EVIDENCE\nINDEX OF EXHIBITS",
            *tabs,
            f"The country conditions evidence shows that the government of {country} is unable "
            "or unwilling to protect people in the respondent's situation, and that the harm "
            "the respondent fears is not limited to one region. The respondent relies on this "
            "evidence to show a well-founded fear of persecution and that internal relocation "
            "is not reasonable.",
            "Each foreign-language document is accompanied by a certified English "
            "translation as required by 8 C.F.R. 1003.33.",
            self.counsel_block(day),
            self.service(day, self.case.attorney or self.name),
        ]
        return "Country_Conditions_Evidence.pdf", "Country conditions evidence", paragraphs

    def hardship(self, day: dt.date) -> tuple[str, str, list[str]]:
        paragraphs = self.caption(day) + [
            "RESPONDENT'S EVIDENCE OF HARDSHIP TO QUALIFYING RELATIVES\nINDEX OF EXHIBITS",
            "Tab A: Birth certificates of the respondent's three U.S. citizen children.",
            "Tab B: Medical records of the eldest child from a pediatric cardiology clinic, "
            "with a letter from the treating physician on the need for continuing care.",
            "Tab C: School records and letters from teachers.",
            "Tab D: Tax returns and proof of the respondent's employment for ten years.",
            "Tab E: Letters of support from the respondent's church and employer.",
            "The respondent seeks cancellation of removal under INA 240A(b)(1) and must show "
            "that removal would result in exceptional and extremely unusual hardship to his "
            "U.S. citizen children. That standard is higher than the extreme hardship "
            "standard of former suspension of deportation, but it is met where a qualifying "
            "child has serious medical needs that could not be met in the country of removal. "
            "Matter of Monreal-Aguinaga, 23 I&N Dec. 56 (BIA 2001); Matter of Recinas, 23 I&N "
            "Dec. 467 (BIA 2002).",
            self.counsel_block(day),
            self.service(day, self.case.attorney or self.name),
        ]
        return "Hardship_Evidence.pdf", "Evidence of hardship to qualifying relatives", paragraphs

    def decision(self, planned: _Planned, granted: bool) -> tuple[str, str, list[str]]:
        case = self.case
        she, her = self.she, self.her
        day = planned.day
        facts = [self.fill(fact) for fact in case.facts]
        if granted:
            findings = [
                f"The Court finds the respondent credible. {her.capitalize()} testimony was "
                "detailed, internally consistent, and consistent with the documentary "
                "evidence.",
                f"The respondent has shown past persecution on account of {case.ground}, and "
                "the Department has not rebutted the presumption of a well-founded fear of "
                "persecution by a preponderance of the evidence. The respondent has therefore "
                "established a well-founded fear of persecution.",
                "The Court has considered the totality of the circumstances and finds that the "
                "respondent merits asylum in the exercise of discretion.",
            ]
            orders = (
                "ORDERED that the respondent's application for asylum under INA 208 be "
                "GRANTED.\nFURTHER ORDERED that the applications for withholding of removal "
                "and protection under the Convention Against Torture are moot."
            )
            title = "Decision of the immigration judge: asylum granted"
        else:
            findings = [
                f"The Court finds the respondent generally credible. However, the Court "
                f"concludes that the harm {she} described, while serious, has not been shown to "
                "rise to the level of persecution on this record, and that the respondent has "
                "not established a well-founded fear of persecution by a preponderance of the "
                "evidence in light of the country conditions evidence as a whole.",
                f"Because the respondent has not met the lower burden for asylum, {she} "
                "necessarily cannot meet the higher standard for withholding of removal. The "
                "record does not show that it is more likely than not that "
                f"{she} would be tortured.",
            ]
            orders = (
                "ORDERED that the respondent's applications for asylum, withholding of "
                "removal, and protection under the Convention Against Torture be DENIED.\n"
                f"FURTHER ORDERED that the respondent be removed to {case.nationality}.\n"
                "Appeal: reserved by the respondent. A notice of appeal must be received by "
                "the Board of Immigration Appeals within 30 days of this decision."
            )
            title = "Decision of the immigration judge: relief denied"
        paragraphs = self.caption(day) + [
            "DECISION AND ORDER OF THE IMMIGRATION JUDGE",
            f"Hearing held {_long(day)}. Interpreter: {case.language}. Counsel for the "
            f"respondent: {case.attorney or 'none (pro se)'}. Counsel for DHS: "
            f"{case.dhs_counsel}.",
            "I. PROCEDURAL HISTORY",
            f"The Department of Homeland Security commenced these proceedings by filing a "
            f"Notice to Appear on {_long(self.opened)}. The respondent, through counsel, "
            "admitted the factual allegations and conceded the charge of removability. "
            "Removability was therefore established by clear and convincing evidence. The "
            f"respondent applied for asylum, withholding of removal and protection under the "
            f"Convention Against Torture; {she} designated {case.nationality} as the country "
            "of removal.",
            "II. EVIDENCE",
            "The record contains the Notice to Appear (Exhibit 1), the application (Exhibit "
            "2), the respondent's brief (Exhibit 3) and country conditions evidence (Exhibit "
            f"4). The respondent testified in {case.language} through a court interpreter.",
            "III. SUMMARY OF THE TESTIMONY",
            *facts,
            "IV. FINDINGS AND ANALYSIS",
            *findings,
            "V. ORDERS",
            orders,
            f"{JUDGE_NAMES[planned.judge]}\nImmigration Judge\nDate: {_long(day)}",
        ]
        return "Decision_of_the_Immigration_Judge.pdf", title, paragraphs

    def absentia(self, planned: _Planned) -> tuple[str, str, list[str]]:
        case = self.case
        day = planned.day
        served = planned.served or day
        paragraphs = self.caption(day) + [
            "ORDER OF THE IMMIGRATION JUDGE (IN ABSENTIA)",
            f"This matter was scheduled for a master calendar hearing on {_long(day)} at "
            f"{_hour(planned.spec.time)}. The respondent did not appear.",
            f"The record shows that written notice of the time and place of the hearing was "
            f"sent by regular mail on {_long(served)} to the most recent address the "
            f"respondent provided to the court: {case.address}.",
            "The Department of Homeland Security submitted the Notice to Appear (Exhibit 1) "
            "and the notice of hearing with its certificate of service (Exhibit 2). The Court "
            "finds that the Department has established by clear and convincing evidence that "
            "written notice was provided and that the respondent is removable as charged. "
            "INA 240(b)(5)(A).",
            f"ORDERED that the respondent be removed from the United States to {case.nationality}.",
            "Notice: this order may be rescinded only upon a motion to reopen filed within "
            "180 days if the failure to appear was because of exceptional circumstances, or "
            "at any time if the respondent did not receive notice. INA 240(b)(5)(C).",
            f"{JUDGE_NAMES[planned.judge]}\nImmigration Judge\nDate: {_long(day)}",
        ]
        return "Order_In_Absentia.pdf", "Order of the immigration judge (in absentia)", paragraphs

    def reopen(self, day: dt.date) -> tuple[str, str, list[str]]:
        absentia = next(p for p in self.planned if p.spec.outcome == "in_absentia_order")
        served = absentia.served or absentia.day
        paragraphs = self.caption(day) + [
            "RESPONDENT'S MOTION TO REOPEN AND RESCIND IN ABSENTIA ORDER\n(no fee; lack of "
            "notice; automatic stay of removal requested)",
            f"The respondent moves to reopen these proceedings and rescind the order of "
            f"removal entered in absentia on {_long(absentia.day)}. A motion to rescind an in "
            "absentia order may be filed at any time if the respondent demonstrates that "
            f"{self.she} did not receive notice of the hearing. INA 240(b)(5)(C)(ii).",
            f"The notice of hearing mailed on {_long(served)} was returned to the court as "
            "undeliverable, as the record of proceedings itself shows. Before that mailing, "
            "the respondent had moved and filed a change of address on Form EOIR-33; a copy "
            "with proof of filing is attached (Tab A).",
            "Where the record shows that the notice was returned undeliverable, the "
            "respondent did not receive notice, and an in absentia order cannot rest on it. "
            "Matter of G-Y-R-, 23 I&N Dec. 181 (BIA 2001).",
            f"The respondent appeared at {self.her} first master calendar hearing, has no "
            "criminal record, and intends to apply for asylum based on a well-founded fear of "
            f"persecution. {self.she.capitalize()} has every incentive to appear.",
            "WHEREFORE the respondent asks the Court to reopen the proceedings, rescind the in "
            "absentia order, and set the case for a master calendar hearing.",
            self.counsel_block(day),
            self.service(day, self.case.attorney or self.name),
        ]
        return "Motion_to_Reopen.pdf", "Motion to reopen and rescind in absentia order", paragraphs

    def address_proof(self, day: dt.date) -> tuple[str, str, list[str]]:
        moved = self.day(-240)
        paragraphs = self.caption(day) + [
            "EXHIBITS IN SUPPORT OF MOTION TO REOPEN",
            f"Tab A: Copy of Form EOIR-33/IC, change of address, filed with the court on "
            f"{_long(moved)}, showing the respondent's new address, with the filing receipt.",
            f"Tab B: Declaration of the respondent: she moved in {moved:%B %Y}, filed the change "
            "of address the same week, and never received a notice of hearing at either "
            "address. She learned of the removal order from a community legal clinic.",
            "Tab C: Lease for the new address and utility bills in the respondent's name.",
            "Tab D: Copy of the returned envelope from the court's file, marked 'return to "
            "sender, not deliverable as addressed'.",
            self.counsel_block(day),
        ]
        return "Evidence_of_Change_of_Address.pdf", "Evidence of change of address", paragraphs


# -- filling the library ------------------------------------------------------------------

_DOC_TYPES = {
    "nta": ("notice_to_appear", "dhs"),
    "referral": ("other", "dhs"),
    "notice": ("hearing_notice", "court"),
    "continue": ("motion", "respondent"),
    "brief": ("brief", "respondent"),
    "evidence": ("evidence", "respondent"),
    "hardship": ("evidence", "respondent"),
    "grant": ("decision", "court"),
    "denial": ("decision", "court"),
    "absentia": ("order", "court"),
    "reopen": ("motion", "respondent"),
    "address_proof": ("evidence", "respondent"),
}


def _render(writer: _Writer, doc: _Doc) -> tuple[str, str, list[str], dt.date]:
    """File name, title, paragraphs and filed date of one planned document."""
    if doc.hearing is not None:
        planned = writer.planned[doc.hearing]
        if doc.key == "notice":
            day = planned.served or planned.day
            return (*writer.notice(planned), day)
        if doc.key == "absentia":
            return (*writer.absentia(planned), planned.day)
        return (*writer.decision(planned, granted=doc.key == "grant"), planned.day)
    day = writer.day(doc.day)
    make = {
        "nta": writer.nta,
        "referral": writer.referral,
        "continue": writer.motion_continue,
        "brief": writer.brief,
        "evidence": writer.evidence,
        "hardship": writer.hardship,
        "reopen": writer.reopen,
        "address_proof": writer.address_proof,
    }[doc.key]
    return (*make(day), day)


def _count(lib: Library, table: str) -> int:
    return int(next(iter(lib.db.query(f"SELECT COUNT(*) AS n FROM {table}")))["n"])


def create_demo(
    lib: Library,
    progress: ProgressCallback | None = None,
    *,
    today: dt.date | None = None,
) -> dict[str, int]:
    """Fill an empty library with the sample court and return counts of what was added.

    :param lib: an open, writable library with no cases yet.
    :param progress: called with a short line of text as each step starts.
    :param today: the day the dates are relative to (default: today).
    :raises CaseorgError: the library already has cases.
    """
    lib.require_writable()
    if _count(lib, "cases"):
        raise CaseorgError(
            "this library already has cases; the demo fills only an empty library "
            "(choose a new library folder for it)"
        )
    say = (lambda text: progress(Progress(text))) if progress else (lambda _text: None)
    today = today or dt.date.today()
    rng = random.Random(SEED)

    say(f"adding {len(JUDGES)} judges of {COURT}")
    for code, name, _room in JUDGES:
        if judges.find_judge(lib, code) is None:
            judges.add_judge(lib, code, name, court=COURT)

    with tempfile.TemporaryDirectory(prefix="caseorg-demo-") as tmp:
        for number, spec in enumerate(CASES, start=1):
            say(
                f"case {number} of {len(CASES)}: {format_a_number(spec.a_number)} {spec.respondent}"
            )
            _add_case(lib, spec, today, rng, Path(tmp) / f"case{number:02d}")

    say("tags, notes and saved searches")
    _add_workflow(lib)
    say("demo ready")
    return {
        "judges": _count(lib, "judges"),
        "cases": _count(lib, "cases"),
        "hearings": _count(lib, "hearings"),
        "notices": _count(lib, "notices"),
        "reassignments": _count(lib, "reassignments"),
        "deadlines": _count(lib, "deadlines"),
        "documents": _count(lib, "documents"),
        "pages": _count(lib, "pages"),
    }


def _add_workflow(lib: Library) -> None:
    """A few tags, notes and saved searches, so the sidebar and filters have something."""
    for a_number, tag_names in WORKFLOW_TAGS.items():
        case = cases.case_by_a_number(lib, a_number)
        for name in tag_names:
            tags.add_tag(lib, "case", case.id, name)
    for a_number, text in WORKFLOW_NOTES.items():
        notes.add_note(lib, "case", cases.case_by_a_number(lib, a_number).id, text)
    for name, query, filters in WORKFLOW_SEARCHES:
        saved_searches.save_search(lib, name, query, filters)


def _add_case(lib: Library, spec: _Case, today: dt.date, rng: random.Random, folder: Path) -> None:
    planned = _plan(spec, today)
    writer = _Writer(spec, planned, today, rng)
    case = cases.add_case(
        lib,
        spec.a_number,
        spec.respondent,
        judge_code=spec.judge,
        nationality=spec.nationality,
        language=spec.language,
        custody=spec.custody,
        case_type=spec.case_type,
        court=COURT,
        attorney=spec.attorney,
        dhs_counsel=spec.dhs_counsel,
        opened_on=writer.opened.isoformat(),
    )

    # documents: write the PDFs, import them through the normal pipeline, then set details
    folder.mkdir()
    rendered: dict[str, tuple[Path, str, dt.date]] = {}
    for doc in spec.docs:
        name, title, paragraphs, day = _render(writer, doc)
        path = folder / name
        write_text_pdf(path, title=title, paragraphs=paragraphs)
        rendered[doc.key] = (path, title, day)
    paths = [path for path, _title, _day in rendered.values()]
    report = import_files(lib, case.id, paths, workers=1)  # small files: one worker is quickest
    by_path = {outcome.path: outcome for outcome in report.outcomes}
    doc_ids: dict[str, int] = {}
    for key, (path, title, day) in rendered.items():
        outcome = by_path.get(str(path))
        if outcome is None or outcome.document_id is None or outcome.status != "imported":
            reason = outcome.message if outcome else "not imported"
            raise CaseorgError(f"the demo document {path.name} could not be imported: {reason}")
        doc_type, filer = _DOC_TYPES[key]
        documents.edit_document(
            lib,
            outcome.document_id,
            title=title,
            doc_type=doc_type,
            filed_on=day.isoformat(),
            filed_by=filer,
        )
        doc_ids[key] = outcome.document_id

    # hearings and reassignments, in the order they happened (a hearing's judge is the
    # case's judge at the time)
    events: list[tuple[dt.date, int, _Planned | _Move]] = [(p.day, 1, p) for p in planned]
    events += [
        (_weekday(today + dt.timedelta(days=m.day), forward=False), 0, m) for m in spec.moves
    ]
    events.sort(key=lambda event: (event[0], event[1]))
    for day, _order, event in events:
        if isinstance(event, _Move):
            reassignments.reassign(
                lib,
                case.id,
                event.to,
                event.reason,
                effective_on=day.isoformat(),
                ordered_by=event.ordered_by,
                midstream=event.midstream,
            )
        else:
            _add_hearing(lib, spec, case.id, event, doc_ids)

    for item in spec.deadlines:
        deadline = deadlines.add_deadline(
            lib, case.id, item.kind, writer.day(item.due).isoformat(), note=item.note
        )
        if item.done is not None:
            deadlines.mark_done(
                lib,
                deadline.id,
                writer.day(item.done).isoformat(),
                document_id=doc_ids.get(item.document) if item.document else None,
            )

    changes: dict[str, str] = {}
    if spec.status != "pending":
        changes["status"] = spec.status
    if spec.outcome:
        changes["outcome"] = spec.outcome
    if spec.completed is not None:
        changes["completed_on"] = writer.day(spec.completed).isoformat()
    if spec.final_custody:
        changes["custody"] = spec.final_custody
    if changes:
        cases.edit_case(lib, case.id, **changes)


def _add_hearing(
    lib: Library,
    spec: _Case,
    case_id: int,
    planned: _Planned,
    doc_ids: dict[str, int],
) -> None:
    h = planned.spec
    interpreter = None if spec.language == "English" else spec.language
    hearing = hearings.add_hearing(
        lib,
        case_id,
        f"{planned.day.isoformat()} {h.time}",
        kind=h.kind,
        courtroom=COURTROOMS[planned.judge],
        medium=h.medium,
        interpreter_language=interpreter,
        outcome=h.outcome,
        adjournment_reason=h.reason,
        notes=h.notes,
    )
    if planned.served is not None and h.notice is not None:
        notice_doc = next(
            (
                doc_ids.get(doc.key)
                for doc in spec.docs
                if doc.key == "notice" and doc.hearing == planned.index
            ),
            None,
        )
        if h.notice == "electronic" and spec.attorney:
            method, address = "electronic", f"counsel of record: {spec.attorney}"
        elif h.notice == "personal":
            method, address = "personal", spec.address
        else:
            method, address = "mail", spec.address
        hearings.add_notice(
            lib,
            hearing.id,
            planned.served.isoformat(),
            method=method,
            address=address,
            returned_undeliverable=h.notice == "returned",
            document_id=notice_doc,
            returned_on=(
                min(planned.served + dt.timedelta(days=12), planned.day).isoformat()
                if h.notice == "returned"
                else None
            ),
        )
    for key, label in h.exhibits:
        if key in doc_ids:
            hearings.link_document(lib, hearing.id, doc_ids[key], exhibit=label)
