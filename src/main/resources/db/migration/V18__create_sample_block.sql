-- Readings from devices and imports, packed (vitals.Series): one row holds a person's readings of one metric and
-- stage from one source on one UTC day, as one batch (an import) brought them. Readings typed in by hand stay in
-- sample, a row each. The batch of readings that came one by one (the device API, demo data) is the nil UUID.
CREATE TABLE sample_block (
    id           UUID                     NOT NULL,
    person_id    UUID                     NOT NULL,
    metric       VARCHAR(32)              NOT NULL,
    stage        VARCHAR(16)              NOT NULL,
    source       VARCHAR(100)             NOT NULL,
    utc_day      DATE                     NOT NULL,
    batch_id     UUID                     NOT NULL,
    sample_count INTEGER                  NOT NULL,
    first_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_end     TIMESTAMP WITH TIME ZONE NOT NULL,
    samples      BYTEA                    NOT NULL,
    CONSTRAINT pk_sample_block PRIMARY KEY (id),
    CONSTRAINT fk_sample_block_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT uq_sample_block_key UNIQUE (person_id, metric, stage, source, utc_day, batch_id)
);
CREATE INDEX ix_sample_block_day ON sample_block (person_id, metric, utc_day);
CREATE INDEX ix_sample_block_batch ON sample_block (batch_id);

-- Readings of a batch that is still being read (an import in progress), in the same packed form: invisible to every
-- page, published into sample_block in one transaction when the batch is complete, or dropped with it.
CREATE TABLE staged_block (
    id           UUID        NOT NULL,
    batch_id     UUID        NOT NULL,
    attempt      INTEGER     NOT NULL,
    person_id    UUID        NOT NULL,
    metric       VARCHAR(32) NOT NULL,
    stage        VARCHAR(16) NOT NULL,
    source       VARCHAR(100) NOT NULL,
    utc_day      DATE        NOT NULL,
    sample_count INTEGER     NOT NULL,
    samples      BYTEA       NOT NULL,
    CONSTRAINT pk_staged_block PRIMARY KEY (id),
    CONSTRAINT fk_staged_block_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);
CREATE INDEX ix_staged_block_batch ON staged_block (batch_id, attempt, metric, stage, source, utc_day);

-- Every write of a person's readings locks their row here first, so two writers (an import publishing, a reading
-- typed in) never count the same day's figures from different snapshots.
CREATE TABLE vitals_lock (
    person_id UUID NOT NULL,
    CONSTRAINT pk_vitals_lock PRIMARY KEY (person_id),
    CONSTRAINT fk_vitals_lock_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);
