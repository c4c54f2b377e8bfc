"""The court's records, one module per entity: each validates, writes and audits."""

from typing import TYPE_CHECKING

from caseorg.exports import lazy_exports

if TYPE_CHECKING:  # what the package offers (each module loads when a name is first used)
    from caseorg.records.addresses import (
        add_address as add_address,
        address_on as address_on,
        clean_address as clean_address,
        list_addresses as list_addresses,
        same_address as same_address,
    )
    from caseorg.records.appeals import (
        add_appeal as add_appeal,
        decide_appeal as decide_appeal,
        list_appeals as list_appeals,
    )
    from caseorg.records.audited import get_row as get_row, record_import as record_import
    from caseorg.records.case_list import (
        CaseListRow as CaseListRow,
        case_list_ids as case_list_ids,
        case_list_rows as case_list_rows,
        count_cases as count_cases,
    )
    from caseorg.records.cases import (
        EDITABLE as EDITABLE,
        add_case as add_case,
        add_case_row as add_case_row,
        case_by_a_number as case_by_a_number,
        edit_case as edit_case,
        find_case as find_case,
        get_case as get_case,
        link_eoir_case as link_eoir_case,
        list_cases as list_cases,
        update_case_row as update_case_row,
    )
    from caseorg.records.custody import (
        add_custody as add_custody,
        detained_on as detained_on,
        list_custody as list_custody,
        respondent_facts as respondent_facts,
        set_respondent_facts as set_respondent_facts,
    )
    from caseorg.records.deadlines import (
        add_deadline as add_deadline,
        get_deadline as get_deadline,
        list_deadlines as list_deadlines,
        mark_done as mark_done,
    )
    from caseorg.records.documents import (
        document_path as document_path,
        edit_document as edit_document,
        edit_documents as edit_documents,
        get_document as get_document,
        guess_doc_type as guess_doc_type,
        list_documents as list_documents,
        title_from_name as title_from_name,
    )
    from caseorg.records.eoir_details import (
        eoir_case_details as eoir_case_details,
        eoir_hearing_codes as eoir_hearing_codes,
        eoir_transfers as eoir_transfers,
        save_eoir_case_details as save_eoir_case_details,
        save_eoir_hearing_codes as save_eoir_hearing_codes,
        save_eoir_transfer as save_eoir_transfer,
    )
    from caseorg.records.exhibit_marks import (
        exhibit_list as exhibit_list,
        mark_exhibit as mark_exhibit,
        set_exhibit_status as set_exhibit_status,
    )
    from caseorg.records.exhibits import (
        exhibits_for as exhibits_for,
        link_document as link_document,
    )
    from caseorg.records.external_keys import (
        find_keys as find_keys,
        find_keys_under as find_keys_under,
        imported_keys as imported_keys,
        key_names as key_names,
        remember_key as remember_key,
        remember_keys as remember_keys,
    )
    from caseorg.records.hearings import (
        add_hearing as add_hearing,
        add_hearing_row as add_hearing_row,
        add_hearing_rows as add_hearing_rows,
        before_opening as before_opening,
        edit_hearing as edit_hearing,
        get_hearing as get_hearing,
        list_hearings as list_hearings,
        notice_proof as notice_proof,
        same_minute_problem as same_minute_problem,
        save_hearing as save_hearing,
        update_hearing_row as update_hearing_row,
    )
    from caseorg.records.history import case_history as case_history
    from caseorg.records.judges import (
        add_judge as add_judge,
        find_judge as find_judge,
        get_judge as get_judge,
        judge_by_code as judge_by_code,
        list_judges as list_judges,
        update_judge_row as update_judge_row,
    )
    from caseorg.records.life_models import (
        ADDRESS_SOURCES as ADDRESS_SOURCES,
        APPEAL_OUTCOMES as APPEAL_OUTCOMES,
        CUSTODY_STATUSES as CUSTODY_STATUSES,
        DECISIONS as DECISIONS,
        EXHIBIT_STATUSES as EXHIBIT_STATUSES,
        MOTION_GROUNDS as MOTION_GROUNDS,
        MOTION_KINDS as MOTION_KINDS,
        NTA_METHODS as NTA_METHODS,
        OFFERED_BY as OFFERED_BY,
        PARTIES as PARTIES,
        RELIEF_KINDS as RELIEF_KINDS,
        RELIEF_OUTCOMES as RELIEF_OUTCOMES,
        RULINGS as RULINGS,
        SERVED_TO as SERVED_TO,
        Address as Address,
        Appeal as Appeal,
        Counsel as Counsel,
        CustodySpell as CustodySpell,
        Motion as Motion,
        NtaService as NtaService,
        Proceeding as Proceeding,
        ReliefApplication as ReliefApplication,
    )
    from caseorg.records.life_rows import (
        add_life_rows as add_life_rows,
        update_life_row as update_life_row,
    )
    from caseorg.records.lookups import (
        case_choices as case_choices,
        cases_stamp as cases_stamp,
        court_names as court_names,
        courtrooms as courtrooms,
        used_case_values as used_case_values,
    )
    from caseorg.records.models import (
        CASE_STATUSES as CASE_STATUSES,
        CASE_TYPES as CASE_TYPES,
        CUSTODY as CUSTODY,
        DEADLINE_KINDS as DEADLINE_KINDS,
        DOC_TYPES as DOC_TYPES,
        FILERS as FILERS,
        HEARING_KINDS as HEARING_KINDS,
        MEDIA as MEDIA,
        NOTICE_METHODS as NOTICE_METHODS,
        OUTCOMES as OUTCOMES,
        AuditEvent as AuditEvent,
        Case as Case,
        Deadline as Deadline,
        Document as Document,
        Hearing as Hearing,
        Judge as Judge,
        Reassignment as Reassignment,
        Record as Record,
    )
    from caseorg.records.motions import (
        add_motion as add_motion,
        list_motions as list_motions,
        rule_on_motion as rule_on_motion,
    )
    from caseorg.records.notes import (
        MAX_NOTE as MAX_NOTE,
        Note as Note,
        add_note as add_note,
        delete_note as delete_note,
        edit_note as edit_note,
        list_notes as list_notes,
        search_notes as search_notes,
    )
    from caseorg.records.notice_inputs import (
        NoticeFacts as NoticeFacts,
        notice_facts as notice_facts,
    )
    from caseorg.records.notice_rules import (
        Finding as Finding,
        NoticeProof as NoticeProof,
        hearing_warning as hearing_warning,
        judge_notice as judge_notice,
    )
    from caseorg.records.notices import (
        MIN_NOTICE_DAYS as MIN_NOTICE_DAYS,
        add_notice as add_notice,
        add_notice_row as add_notice_row,
        late_notice as late_notice,
        mark_notice_returned as mark_notice_returned,
        notice_problem as notice_problem,
        notices_for as notices_for,
        served_after as served_after,
        update_notice_row as update_notice_row,
    )
    from caseorg.records.nta import (
        add_nta_service as add_nta_service,
        list_nta_service as list_nta_service,
    )
    from caseorg.records.oddities import unusual_records as unusual_records
    from caseorg.records.proceedings import (
        add_proceeding as add_proceeding,
        edit_proceeding as edit_proceeding,
        get_proceeding as get_proceeding,
        list_proceedings as list_proceedings,
        parse_charges as parse_charges,
    )
    from caseorg.records.races import unique_failed as unique_failed
    from caseorg.records.reassignment_orders import (
        DEFAULT_REASONS as DEFAULT_REASONS,
        ORDERER_ROLES as ORDERER_ROLES,
        RECEIVING_ROLES as RECEIVING_ROLES,
        ReassignmentOrder as ReassignmentOrder,
        certify_familiarity as certify_familiarity,
        familiarity_certified as familiarity_certified,
        get_order as get_order,
        order_reasons as order_reasons,
        orders_by_id as orders_by_id,
        reason_kind_of as reason_kind_of,
        record_order as record_order,
        set_order_reasons as set_order_reasons,
    )
    from caseorg.records.reassignments import (
        get_reassignment as get_reassignment,
        list_reassignments as list_reassignments,
        reassign as reassign,
        record_reassignment as record_reassignment,
        set_case_judge as set_case_judge,
    )
    from caseorg.records.relief import (
        add_relief as add_relief,
        decide_relief as decide_relief,
        list_relief as list_relief,
    )
    from caseorg.records.representation import (
        add_counsel as add_counsel,
        counsel_on as counsel_on,
        end_counsel as end_counsel,
        list_counsel as list_counsel,
    )
    from caseorg.records.saved_searches import (
        MAX_NAME as MAX_NAME,
        SavedSearch as SavedSearch,
        clean_filters as clean_filters,
        delete_saved_search as delete_saved_search,
        get_saved_search as get_saved_search,
        list_saved_searches as list_saved_searches,
        save_search as save_search,
    )
    from caseorg.records.tags import (
        add_tag as add_tag,
        all_tags as all_tags,
        normalise_tag as normalise_tag,
        remove_tag as remove_tag,
        tags_of as tags_of,
    )
    from caseorg.records.totals import library_totals as library_totals

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "audited": "get_row record_import",
        "races": "unique_failed",
        "case_list": "CaseListRow case_list_ids case_list_rows count_cases",
        "cases": (
            "EDITABLE add_case add_case_row case_by_a_number edit_case find_case "
            "get_case link_eoir_case list_cases update_case_row"
        ),
        "deadlines": "add_deadline get_deadline list_deadlines mark_done",
        "documents": (
            "document_path edit_document edit_documents get_document guess_doc_type "
            "list_documents title_from_name"
        ),
        "exhibits": "exhibits_for link_document",
        "eoir_details": (
            "eoir_case_details eoir_hearing_codes eoir_transfers save_eoir_case_details "
            "save_eoir_hearing_codes save_eoir_transfer"
        ),
        "external_keys": (
            "find_keys find_keys_under imported_keys key_names remember_key remember_keys"
        ),
        "hearings": (
            "add_hearing add_hearing_row add_hearing_rows before_opening edit_hearing get_hearing "
            "list_hearings notice_proof same_minute_problem save_hearing update_hearing_row"
        ),
        "history": "case_history",
        "judges": ("add_judge find_judge get_judge judge_by_code list_judges update_judge_row"),
        "lookups": "case_choices cases_stamp court_names courtrooms used_case_values",
        "models": (
            "AuditEvent CASE_STATUSES CASE_TYPES CUSTODY Case DEADLINE_KINDS "
            "DOC_TYPES Deadline Document FILERS HEARING_KINDS Hearing Judge MEDIA "
            "NOTICE_METHODS OUTCOMES Reassignment Record"
        ),
        "oddities": "unusual_records",
        "notes": "MAX_NOTE Note add_note delete_note edit_note list_notes search_notes",
        "notices": (
            "MIN_NOTICE_DAYS add_notice add_notice_row late_notice mark_notice_returned "
            "notice_problem notices_for served_after update_notice_row"
        ),
        "reassignments": (
            "get_reassignment list_reassignments reassign record_reassignment set_case_judge"
        ),
        "reassignment_orders": (
            "DEFAULT_REASONS ORDERER_ROLES RECEIVING_ROLES ReassignmentOrder "
            "certify_familiarity familiarity_certified get_order order_reasons orders_by_id "
            "reason_kind_of record_order set_order_reasons"
        ),
        "saved_searches": (
            "MAX_NAME SavedSearch clean_filters delete_saved_search get_saved_search "
            "list_saved_searches save_search"
        ),
        "tags": "add_tag all_tags normalise_tag remove_tag tags_of",
        "totals": "library_totals",
        "notice_rules": "Finding NoticeProof hearing_warning judge_notice",
        "notice_inputs": "NoticeFacts notice_facts",
        "addresses": "add_address address_on clean_address list_addresses same_address",
        "appeals": "add_appeal decide_appeal list_appeals",
        "custody": "add_custody detained_on list_custody respondent_facts set_respondent_facts",
        "exhibit_marks": "exhibit_list mark_exhibit set_exhibit_status",
        "life_rows": "add_life_rows update_life_row",
        "life_models": (
            "ADDRESS_SOURCES APPEAL_OUTCOMES CUSTODY_STATUSES DECISIONS EXHIBIT_STATUSES "
            "MOTION_GROUNDS MOTION_KINDS NTA_METHODS OFFERED_BY PARTIES RELIEF_KINDS "
            "RELIEF_OUTCOMES RULINGS SERVED_TO Address Appeal Counsel CustodySpell Motion "
            "NtaService Proceeding ReliefApplication"
        ),
        "motions": "add_motion list_motions rule_on_motion",
        "nta": "add_nta_service list_nta_service",
        "proceedings": (
            "add_proceeding edit_proceeding get_proceeding list_proceedings parse_charges"
        ),
        "relief": "add_relief decide_relief list_relief",
        "representation": "add_counsel counsel_on end_counsel list_counsel",
    },
)
