-- Readings of a person's body and activity. One row per reading; pages read daily_rollup instead. A reading is the
-- same reading when person, metric, source, interval and stage match: importing it again adds nothing.
CREATE TABLE sample (
    id          UUID                     NOT NULL,
    person_id   UUID                     NOT NULL,
    metric      VARCHAR(32)              NOT NULL,
    start_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    end_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    utc_offset  INTEGER                  NOT NULL,
    sample_value DOUBLE PRECISION        NOT NULL,
    stage       VARCHAR(16)              NOT NULL,
    source      VARCHAR(100)             NOT NULL,
    manual      BOOLEAN                  NOT NULL,
    reading_id  UUID                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sample PRIMARY KEY (id),
    CONSTRAINT fk_sample_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT uq_sample_identity UNIQUE (person_id, metric, source, start_at, end_at, stage),
    CONSTRAINT ck_sample_interval CHECK (end_at >= start_at),
    CONSTRAINT ck_sample_offset CHECK (utc_offset BETWEEN -64800 AND 64800)
);
CREATE INDEX ix_sample_person_metric_time ON sample (person_id, metric, start_at);
CREATE INDEX ix_sample_reading ON sample (reading_id);

-- Daily figures per metric (and sleep stage) in the person's time zone, kept in step with sample on every write
-- and rebuilt when the person's time zone changes.
CREATE TABLE daily_rollup (
    person_id    UUID             NOT NULL,
    metric       VARCHAR(32)      NOT NULL,
    stage        VARCHAR(16)      NOT NULL,
    local_date   DATE             NOT NULL,
    sample_count INTEGER          NOT NULL,
    total        DOUBLE PRECISION NOT NULL,
    minimum      DOUBLE PRECISION NOT NULL,
    maximum      DOUBLE PRECISION NOT NULL,
    latest       DOUBLE PRECISION NOT NULL,
    CONSTRAINT pk_daily_rollup PRIMARY KEY (person_id, metric, stage, local_date),
    CONSTRAINT fk_rollup_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);
