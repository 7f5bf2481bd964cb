-- Share codes let a patient find a coach or a care team; nothing about a patient is reachable through them.
CREATE TABLE share_code (
    code       VARCHAR(16)              NOT NULL,
    coach_id   UUID,
    team_id    UUID,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_share_code PRIMARY KEY (code),
    CONSTRAINT fk_share_code_coach FOREIGN KEY (coach_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_share_code_team FOREIGN KEY (team_id) REFERENCES care_team (id) ON DELETE CASCADE,
    CONSTRAINT uq_share_code_coach UNIQUE (coach_id),
    CONSTRAINT uq_share_code_team UNIQUE (team_id),
    CONSTRAINT ck_share_code_owner CHECK ((coach_id IS NULL) <> (team_id IS NULL))
);

-- A patient's consent to one recipient (a coach or a care team): the categories, the history window and the
-- expiry. Revocation keeps the row (the receipts and the access log refer to it) but ends it at once.
CREATE TABLE consent_grant (
    id            UUID                     NOT NULL,
    patient_id    UUID                     NOT NULL,
    coach_id      UUID,
    team_id       UUID,
    categories    VARCHAR(200)             NOT NULL,
    window_kind   VARCHAR(16)              NOT NULL,
    window_from   DATE,
    window_days   INTEGER,
    expires_on    DATE,
    expires_at    TIMESTAMP WITH TIME ZONE,
    terms_version VARCHAR(16)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_consent_grant PRIMARY KEY (id),
    CONSTRAINT fk_grant_patient FOREIGN KEY (patient_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_grant_coach FOREIGN KEY (coach_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_grant_team FOREIGN KEY (team_id) REFERENCES care_team (id) ON DELETE CASCADE,
    CONSTRAINT ck_grant_recipient CHECK ((coach_id IS NULL) <> (team_id IS NULL)),
    CONSTRAINT ck_grant_window CHECK (window_kind IN ('ALL', 'FROM', 'LAST_DAYS')),
    CONSTRAINT ck_grant_days CHECK (window_days IS NULL OR window_days BETWEEN 1 AND 3650)
);
CREATE INDEX ix_grant_patient ON consent_grant (patient_id);
CREATE INDEX ix_grant_coach ON consent_grant (coach_id);
CREATE INDEX ix_grant_team ON consent_grant (team_id);

-- What the patient agreed to, at each grant, change and revocation: a snapshot, so later changes never rewrite it.
CREATE TABLE consent_receipt (
    id             UUID                     NOT NULL,
    grant_id       UUID                     NOT NULL,
    patient_id     UUID                     NOT NULL,
    action         VARCHAR(16)              NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    recipient_name VARCHAR(200)             NOT NULL,
    recipient_kind VARCHAR(8)               NOT NULL,
    categories     VARCHAR(200)             NOT NULL,
    window_kind    VARCHAR(16)              NOT NULL,
    window_from    DATE,
    window_days    INTEGER,
    expires_on     DATE,
    terms_version  VARCHAR(16)              NOT NULL,
    CONSTRAINT pk_consent_receipt PRIMARY KEY (id),
    CONSTRAINT fk_receipt_grant FOREIGN KEY (grant_id) REFERENCES consent_grant (id) ON DELETE CASCADE,
    CONSTRAINT fk_receipt_patient FOREIGN KEY (patient_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT ck_receipt_action CHECK (action IN ('GRANTED', 'CHANGED', 'REVOKED'))
);
CREATE INDEX ix_receipt_patient ON consent_receipt (patient_id, recorded_at);
