-- The care-team workspace. What coaches record about a patient belongs to the recipient of the patient's grant
-- (one coach, or a care team: exactly one of coach_id and team_id), so only that coach or that team's members see
-- it; the author is kept by name as well, as the author's account may be erased.

-- A coach's review of a check-in: the triage queue holds check-ins without one, or whose check-in was edited after
-- it. Undo deletes the row; only its author may undo.
CREATE TABLE checkin_review (
    checkin_id    UUID                     NOT NULL,
    patient_id    UUID                     NOT NULL,
    reviewed_by   UUID,
    reviewer_name VARCHAR(200)             NOT NULL,
    reviewed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_checkin_review PRIMARY KEY (checkin_id),
    CONSTRAINT fk_review_checkin FOREIGN KEY (checkin_id) REFERENCES checkin (id) ON DELETE CASCADE,
    CONSTRAINT fk_review_patient FOREIGN KEY (patient_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_review_by FOREIGN KEY (reviewed_by) REFERENCES person (id) ON DELETE SET NULL
);
CREATE INDEX ix_review_patient ON checkin_review (patient_id, reviewed_at);

-- Feedback from a coach that the patient reads, on their dashboard and beside the check-in it answers.
CREATE TABLE coach_feedback (
    id          UUID                     NOT NULL,
    patient_id  UUID                     NOT NULL,
    checkin_id  UUID,
    author_id   UUID,
    author_name VARCHAR(200)             NOT NULL,
    body        VARCHAR(2000)            NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_coach_feedback PRIMARY KEY (id),
    CONSTRAINT fk_feedback_patient FOREIGN KEY (patient_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_feedback_checkin FOREIGN KEY (checkin_id) REFERENCES checkin (id) ON DELETE SET NULL,
    CONSTRAINT fk_feedback_author FOREIGN KEY (author_id) REFERENCES person (id) ON DELETE SET NULL
);
CREATE INDEX ix_feedback_patient ON coach_feedback (patient_id, created_at);

-- A private care-team note about a patient; the patient never sees its text (the consent terms say notes exist).
CREATE TABLE care_note (
    id          UUID                     NOT NULL,
    patient_id  UUID                     NOT NULL,
    coach_id    UUID,
    team_id     UUID,
    author_id   UUID,
    author_name VARCHAR(200)             NOT NULL,
    body        VARCHAR(4000)            NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_care_note PRIMARY KEY (id),
    CONSTRAINT fk_note_patient FOREIGN KEY (patient_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_note_coach FOREIGN KEY (coach_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_note_team FOREIGN KEY (team_id) REFERENCES care_team (id) ON DELETE CASCADE,
    CONSTRAINT fk_note_author FOREIGN KEY (author_id) REFERENCES person (id) ON DELETE SET NULL,
    CONSTRAINT ck_note_recipient CHECK ((coach_id IS NULL) <> (team_id IS NULL))
);
CREATE INDEX ix_note_patient ON care_note (patient_id, created_at);

-- A coach's own labels for the patients on their roster ("new", "diabetes programme").
CREATE TABLE patient_tag (
    coach_id   UUID                     NOT NULL,
    patient_id UUID                     NOT NULL,
    tag        VARCHAR(40)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_patient_tag PRIMARY KEY (coach_id, patient_id, tag),
    CONSTRAINT fk_tag_coach FOREIGN KEY (coach_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_tag_patient FOREIGN KEY (patient_id) REFERENCES person (id) ON DELETE CASCADE
);
CREATE INDEX ix_tag_patient ON patient_tag (patient_id);

-- When a coach or a care team wants to contact a patient: no check-in for checkin_gap_days days; fewer than
-- min_data_days days with readings in the last 30 (remote-monitoring programmes bill at 16); an alert left
-- unacknowledged for alert_hours hours. One row per coach or team; without one the defaults in code apply.
CREATE TABLE outreach_policy (
    id               UUID                     NOT NULL,
    coach_id         UUID,
    team_id          UUID,
    checkin_gap_days INTEGER                  NOT NULL,
    min_data_days    INTEGER                  NOT NULL,
    alert_hours      INTEGER                  NOT NULL,
    updated_by       UUID,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_outreach_policy PRIMARY KEY (id),
    CONSTRAINT fk_policy_coach FOREIGN KEY (coach_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_policy_team FOREIGN KEY (team_id) REFERENCES care_team (id) ON DELETE CASCADE,
    CONSTRAINT fk_policy_updated_by FOREIGN KEY (updated_by) REFERENCES person (id) ON DELETE SET NULL,
    CONSTRAINT uq_policy_coach UNIQUE (coach_id),
    CONSTRAINT uq_policy_team UNIQUE (team_id),
    CONSTRAINT ck_policy_owner CHECK ((coach_id IS NULL) <> (team_id IS NULL)),
    CONSTRAINT ck_policy_gap CHECK (checkin_gap_days BETWEEN 1 AND 90),
    CONSTRAINT ck_policy_data CHECK (min_data_days BETWEEN 1 AND 30),
    CONSTRAINT ck_policy_alert CHECK (alert_hours BETWEEN 1 AND 720)
);

-- The outreach log: each contact attempt, how and with what outcome, and the reasons the patient was listed.
CREATE TABLE outreach_contact (
    id           UUID                     NOT NULL,
    patient_id   UUID                     NOT NULL,
    coach_id     UUID,
    team_id      UUID,
    author_id    UUID,
    author_name  VARCHAR(200)             NOT NULL,
    contacted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    channel      VARCHAR(16)              NOT NULL,
    outcome      VARCHAR(16)              NOT NULL,
    reasons      VARCHAR(200)             NOT NULL,
    note         VARCHAR(1000),
    CONSTRAINT pk_outreach_contact PRIMARY KEY (id),
    CONSTRAINT fk_contact_patient FOREIGN KEY (patient_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_contact_coach FOREIGN KEY (coach_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_contact_team FOREIGN KEY (team_id) REFERENCES care_team (id) ON DELETE CASCADE,
    CONSTRAINT fk_contact_author FOREIGN KEY (author_id) REFERENCES person (id) ON DELETE SET NULL,
    CONSTRAINT ck_contact_recipient CHECK ((coach_id IS NULL) <> (team_id IS NULL)),
    CONSTRAINT ck_contact_channel CHECK (channel IN ('PHONE', 'VIDEO', 'MESSAGE', 'EMAIL', 'IN_PERSON')),
    CONSTRAINT ck_contact_outcome CHECK (outcome IN ('REACHED', 'LEFT_MESSAGE', 'NO_ANSWER', 'DECLINED',
                                                     'SCHEDULED'))
);
CREATE INDEX ix_contact_patient ON outreach_contact (patient_id, contacted_at);
