-- The access log: every read of a patient's data by someone else, permitted or denied. Append-only and
-- hash-chained per patient; the hash covers keyed pseudonyms (actor_ref, patient_ref) rather than the person ids,
-- so erasing a person can null the ids without breaking the chain.
CREATE TABLE audit_chain (
    chain_key VARCHAR(64) NOT NULL,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    CONSTRAINT pk_audit_chain PRIMARY KEY (chain_key)
);

CREATE TABLE audit_event (
    id          UUID                     NOT NULL,
    chain_key   VARCHAR(64)              NOT NULL,
    seq         BIGINT                   NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id    UUID,
    actor_ref   VARCHAR(64)              NOT NULL,
    actor_role  VARCHAR(16)              NOT NULL,
    patient_id  UUID,
    patient_ref VARCHAR(64)              NOT NULL,
    category    VARCHAR(32),
    grant_id    UUID,
    purpose     VARCHAR(32)              NOT NULL,
    outcome     VARCHAR(8)               NOT NULL,
    reason      VARCHAR(32),
    prev_hash   VARCHAR(64)              NOT NULL,
    hash        VARCHAR(64)              NOT NULL,
    CONSTRAINT pk_audit_event PRIMARY KEY (id),
    CONSTRAINT uq_audit_event_seq UNIQUE (chain_key, seq),
    CONSTRAINT ck_audit_outcome CHECK (outcome IN ('PERMIT', 'DENY'))
);
CREATE INDEX ix_audit_patient_time ON audit_event (patient_id, occurred_at);
CREATE INDEX ix_audit_actor ON audit_event (actor_id);
