"""The tables of migration m007_case_life (issue 14), kept apart so the migrations module
stays one screenful per migration: proceedings, respondent facts, addresses,
representation, NTA service, relief, motions, appeals, custody; exhibit marks; notices
rebuilt with certified mail and who was served; one proceeding per existing case.

Part of a migration: never edited once released.
"""

CASE_LIFE_SQL = """
        CREATE TABLE proceedings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            court TEXT,
            judge_id INTEGER REFERENCES judges(id),
            case_type TEXT NOT NULL DEFAULT 'removal'
                CHECK (case_type IN ('removal','asylum_only','withholding_only','bond','other')),
            custody TEXT NOT NULL DEFAULT 'non_detained'
                CHECK (custody IN ('detained','released','non_detained')),
            opened_on TEXT,
            charges TEXT,
            decision TEXT CHECK (decision IN ('removal_ordered','relief_granted','terminated',
                'voluntary_departure','administratively_closed','other')),
            decision_note TEXT,
            completed_on TEXT,
            absentia INTEGER NOT NULL DEFAULT 0 CHECK (absentia IN (0, 1)),
            ten_day_waiver_on TEXT,
            CHECK (completed_on IS NULL OR opened_on IS NULL OR completed_on >= opened_on)
        );
        CREATE INDEX proceedings_case ON proceedings(case_id);

        ALTER TABLE hearings ADD COLUMN proceeding_id INTEGER REFERENCES proceedings(id);
        CREATE INDEX hearings_proceeding ON hearings(proceeding_id);

        CREATE TABLE respondent_facts (
            case_id INTEGER PRIMARY KEY REFERENCES cases(id),
            born_on TEXT,
            unaccompanied INTEGER NOT NULL DEFAULT 0 CHECK (unaccompanied IN (0, 1))
        );

        CREATE TABLE addresses (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            address TEXT,
            received_on TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT 'eoir33'
                CHECK (source IN ('nta','eoir33','other','none_provided')),
            document_id INTEGER REFERENCES documents(id),
            CHECK ((address IS NULL) = (source = 'none_provided'))
        );
        CREATE INDEX addresses_case ON addresses(case_id, received_on);

        CREATE TABLE representation (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            counsel TEXT NOT NULL,
            eoir_id TEXT,
            from_on TEXT NOT NULL,
            to_on TEXT,
            document_id INTEGER REFERENCES documents(id),
            CHECK (to_on IS NULL OR to_on >= from_on)
        );
        CREATE INDEX representation_case ON representation(case_id);

        CREATE TABLE nta_service (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            proceeding_id INTEGER REFERENCES proceedings(id),
            served_on TEXT NOT NULL,
            method TEXT NOT NULL CHECK (method IN ('personal','mail')),
            time_and_place INTEGER NOT NULL DEFAULT 0 CHECK (time_and_place IN (0, 1)),
            document_id INTEGER REFERENCES documents(id)
        );
        CREATE INDEX nta_service_case ON nta_service(case_id);

        CREATE TABLE relief_applications (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            proceeding_id INTEGER REFERENCES proceedings(id),
            kind TEXT NOT NULL CHECK (kind IN ('asylum','withholding','cat','cancellation_lpr',
                'cancellation_nonlpr','adjustment','voluntary_departure')),
            filed_on TEXT NOT NULL,
            outcome TEXT NOT NULL DEFAULT 'pending'
                CHECK (outcome IN ('pending','granted','denied','withdrawn','abandoned')),
            decided_on TEXT,
            document_id INTEGER REFERENCES documents(id),
            CHECK (decided_on IS NULL OR decided_on >= filed_on)
        );
        CREATE INDEX relief_case ON relief_applications(case_id);

        CREATE TABLE motions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            proceeding_id INTEGER REFERENCES proceedings(id),
            kind TEXT NOT NULL
                CHECK (kind IN ('reopen','rescind_in_absentia','continue','change_venue')),
            filed_on TEXT NOT NULL,
            filed_by TEXT NOT NULL DEFAULT 'respondent' CHECK (filed_by IN ('respondent','dhs')),
            ground TEXT CHECK (ground IN ('lack_of_notice','exceptional_circumstances',
                'in_custody','other')),
            ruling TEXT NOT NULL DEFAULT 'pending'
                CHECK (ruling IN ('pending','granted','denied')),
            ruled_on TEXT,
            document_id INTEGER REFERENCES documents(id),
            CHECK (ruled_on IS NULL OR ruled_on >= filed_on)
        );
        CREATE INDEX motions_case ON motions(case_id);

        CREATE TABLE appeals (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            proceeding_id INTEGER REFERENCES proceedings(id),
            filed_on TEXT NOT NULL,
            filed_by TEXT NOT NULL DEFAULT 'respondent' CHECK (filed_by IN ('respondent','dhs')),
            outcome TEXT NOT NULL DEFAULT 'pending'
                CHECK (outcome IN ('pending','dismissed','sustained','remanded')),
            decided_on TEXT,
            document_id INTEGER REFERENCES documents(id),
            CHECK (decided_on IS NULL OR decided_on >= filed_on)
        );
        CREATE INDEX appeals_case ON appeals(case_id);

        CREATE TABLE custody (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            status TEXT NOT NULL CHECK (status IN ('detained','released')),
            from_on TEXT NOT NULL,
            to_on TEXT,
            facility TEXT,
            CHECK (to_on IS NULL OR to_on >= from_on)
        );
        CREATE INDEX custody_case ON custody(case_id);

        ALTER TABLE hearing_documents ADD COLUMN offered_by TEXT
            CHECK (offered_by IN ('respondent','dhs','court'));
        ALTER TABLE hearing_documents ADD COLUMN status TEXT NOT NULL DEFAULT 'marked'
            CHECK (status IN ('marked','admitted','excluded','withdrawn'));

        CREATE TABLE notices_new (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            hearing_id INTEGER NOT NULL REFERENCES hearings(id),
            served_on TEXT NOT NULL,
            method TEXT NOT NULL DEFAULT 'mail'
                CHECK (method IN ('personal','mail','certified_mail','electronic')),
            address TEXT,
            returned_undeliverable INTEGER NOT NULL DEFAULT 0,
            document_id INTEGER REFERENCES documents(id),
            returned_on TEXT,
            served_to TEXT NOT NULL DEFAULT 'respondent'
                CHECK (served_to IN ('respondent','counsel','custodian'))
        );
        INSERT INTO notices_new (id, hearing_id, served_on, method, address,
                                 returned_undeliverable, document_id, returned_on)
            SELECT id, hearing_id, served_on, method, address, returned_undeliverable,
                   document_id, returned_on FROM notices;
        DROP TABLE notices;
        ALTER TABLE notices_new RENAME TO notices;
        CREATE INDEX notices_hearing ON notices(hearing_id);

        INSERT INTO proceedings (case_id, court, judge_id, case_type, custody, opened_on,
                                 decision_note, completed_on, absentia)
            SELECT c.id, c.court, c.judge_id, c.case_type, c.custody, c.opened_on, c.outcome,
                   CASE WHEN c.completed_on >= c.opened_on OR c.opened_on IS NULL
                        THEN c.completed_on END,
                   EXISTS (SELECT 1 FROM hearings h WHERE h.case_id = c.id
                           AND h.outcome = 'in_absentia_order')
            FROM cases c ORDER BY c.id;
"""
