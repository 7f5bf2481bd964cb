-- A reading outside a limit in force when it arrived. At most one alert per rule per reading. It names the sample
-- without a foreign key: an acknowledged alert stays when its manual reading is deleted.
CREATE TABLE alert (
    id              UUID                     NOT NULL,
    person_id       UUID                     NOT NULL,
    rule_code       VARCHAR(32)              NOT NULL,
    limit_code      VARCHAR(32)              NOT NULL,
    metric          VARCHAR(32)              NOT NULL,
    sample_id       UUID                     NOT NULL,
    reading_id      UUID                     NOT NULL,
    alert_value     DOUBLE PRECISION         NOT NULL,
    threshold_value DOUBLE PRECISION         NOT NULL,
    measured_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    utc_offset      INTEGER                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    acknowledged_by UUID,
    CONSTRAINT pk_alert PRIMARY KEY (id),
    CONSTRAINT fk_alert_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_alert_acknowledged_by FOREIGN KEY (acknowledged_by) REFERENCES person (id) ON DELETE SET NULL,
    CONSTRAINT uq_alert_reading_rule UNIQUE (reading_id, rule_code)
);
CREATE INDEX ix_alert_person_open ON alert (person_id, acknowledged_at, created_at);
