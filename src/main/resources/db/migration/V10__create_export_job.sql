-- "Export all my data": queued by the patient, run by one worker at a time, the file kept until it expires.
CREATE TABLE export_job (
    id             UUID                     NOT NULL,
    person_id      UUID                     NOT NULL,
    format         VARCHAR(16)              NOT NULL,
    status         VARCHAR(16)              NOT NULL,
    sections_done  INTEGER                  NOT NULL,
    sections_total INTEGER                  NOT NULL,
    attempts       INTEGER                  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at   TIMESTAMP WITH TIME ZONE,
    finished_at    TIMESTAMP WITH TIME ZONE,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    content        BYTEA,
    CONSTRAINT pk_export_job PRIMARY KEY (id),
    CONSTRAINT fk_export_job_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT ck_export_job_format CHECK (format IN ('FHIR_BUNDLE', 'NDJSON', 'CSV')),
    CONSTRAINT ck_export_job_status CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))
);
CREATE INDEX ix_export_job_person ON export_job (person_id, created_at);
CREATE INDEX ix_export_job_status ON export_job (status, created_at);
