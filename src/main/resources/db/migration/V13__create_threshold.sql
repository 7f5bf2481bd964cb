-- A patient's own limit for one monitoring rule, replacing the default kept in code (vitals.Limit). Who set it and
-- when are kept because a coach may set limits too; set_by becomes NULL if that person's account is erased.
CREATE TABLE threshold (
    id          UUID                     NOT NULL,
    person_id   UUID                     NOT NULL,
    limit_code  VARCHAR(32)              NOT NULL,
    limit_value DOUBLE PRECISION         NOT NULL,
    set_by      UUID,
    set_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_threshold PRIMARY KEY (id),
    CONSTRAINT fk_threshold_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_threshold_set_by FOREIGN KEY (set_by) REFERENCES person (id) ON DELETE SET NULL,
    CONSTRAINT uq_threshold_person_limit UNIQUE (person_id, limit_code)
);
