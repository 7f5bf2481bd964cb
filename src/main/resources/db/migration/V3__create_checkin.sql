-- One daily check-in per person and local day; editable on that day only.
CREATE TABLE checkin (
    id            UUID                     NOT NULL,
    person_id     UUID                     NOT NULL,
    local_date    DATE                     NOT NULL,
    time_zone     VARCHAR(64)              NOT NULL,
    mood          SMALLINT                 NOT NULL,
    energy        SMALLINT                 NOT NULL,
    stress        SMALLINT                 NOT NULL,
    sleep_quality SMALLINT                 NOT NULL,
    medication    VARCHAR(16)              NOT NULL,
    symptoms      VARCHAR(400)             NOT NULL,
    symptom_note  VARCHAR(500),
    note          VARCHAR(1000),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_checkin PRIMARY KEY (id),
    CONSTRAINT fk_checkin_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT uq_checkin_person_day UNIQUE (person_id, local_date),
    CONSTRAINT ck_checkin_mood CHECK (mood BETWEEN 1 AND 5),
    CONSTRAINT ck_checkin_energy CHECK (energy BETWEEN 1 AND 5),
    CONSTRAINT ck_checkin_stress CHECK (stress BETWEEN 1 AND 5),
    CONSTRAINT ck_checkin_sleep CHECK (sleep_quality BETWEEN 1 AND 5),
    CONSTRAINT ck_checkin_medication CHECK (medication IN ('TAKEN', 'NOT_TAKEN', 'NOT_APPLICABLE'))
);
CREATE INDEX ix_checkin_person_date ON checkin (person_id, local_date);
