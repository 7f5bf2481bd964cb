-- A file a patient brought in (an Apple Health export, a FHIR bundle, a wearable's archive, a CSV): received in
-- chunks, queued, read by one worker at a time, and published at once with its counts, or failed with a reason.
CREATE TABLE import_job (
    id             UUID                     NOT NULL,
    person_id      UUID                     NOT NULL,
    file_name      VARCHAR(255)             NOT NULL,
    size_bytes     BIGINT                   NOT NULL,
    status         VARCHAR(16)              NOT NULL,
    formats        VARCHAR(200),
    attempts       INTEGER                  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE,
    bytes_read     BIGINT                   NOT NULL,
    entries_read   BIGINT                   NOT NULL,
    added          BIGINT                   NOT NULL,
    duplicates     BIGINT                   NOT NULL,
    repeated       BIGINT                   NOT NULL,
    rejected       BIGINT                   NOT NULL,
    skipped        BIGINT                   NOT NULL,
    problem        VARCHAR(32),
    problem_detail VARCHAR(300),
    CONSTRAINT pk_import_job PRIMARY KEY (id),
    CONSTRAINT fk_import_job_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT ck_import_job_status CHECK (status IN ('RECEIVING', 'QUEUED', 'RUNNING', 'DONE', 'FAILED'))
);
CREATE INDEX ix_import_job_person ON import_job (person_id, created_at);
CREATE INDEX ix_import_job_status ON import_job (status, created_at);

-- The uploaded file, in chunks of 256 KiB, until the import is done: any app instance can read it, and a restart
-- loses nothing.
CREATE TABLE import_chunk (
    import_id UUID    NOT NULL,
    seq       INTEGER NOT NULL,
    data      BYTEA   NOT NULL,
    CONSTRAINT pk_import_chunk PRIMARY KEY (import_id, seq),
    CONSTRAINT fk_import_chunk_job FOREIGN KEY (import_id) REFERENCES import_job (id) ON DELETE CASCADE
);

-- Counts of an import by kind: entries rejected by reason, record types skipped, files nobody reads.
CREATE TABLE import_tally (
    import_id   UUID         NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    label       VARCHAR(120) NOT NULL,
    tally_count BIGINT       NOT NULL,
    CONSTRAINT pk_import_tally PRIMARY KEY (import_id, kind, label),
    CONSTRAINT fk_import_tally_job FOREIGN KEY (import_id) REFERENCES import_job (id) ON DELETE CASCADE,
    CONSTRAINT ck_import_tally_kind CHECK (kind IN ('REJECTED', 'SKIPPED', 'FILE_SKIPPED'))
);

-- The rejected entries themselves (the first ones of an import), for the patient to download and look at.
CREATE TABLE import_rejection (
    import_id UUID         NOT NULL,
    seq       INTEGER      NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    position  BIGINT       NOT NULL,
    position_kind VARCHAR(8) NOT NULL,
    reason    VARCHAR(32)  NOT NULL,
    detail    VARCHAR(200) NOT NULL,
    CONSTRAINT pk_import_rejection PRIMARY KEY (import_id, seq),
    CONSTRAINT fk_import_rejection_job FOREIGN KEY (import_id) REFERENCES import_job (id) ON DELETE CASCADE
);

-- Readings sent by a device through the API, by the id the device gave each (as Health Connect's clientRecordId):
-- sending one again is recognised and adds nothing.
CREATE TABLE device_reading (
    person_id   UUID                     NOT NULL,
    device      VARCHAR(100)             NOT NULL,
    client_id   VARCHAR(100)             NOT NULL,
    fingerprint VARCHAR(64)              NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_device_reading PRIMARY KEY (person_id, device, client_id),
    CONSTRAINT fk_device_reading_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);
