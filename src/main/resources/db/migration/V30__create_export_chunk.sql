-- An export's file in chunks of 256 KiB, each written in a short transaction of its own, so that no file of any
-- size is held whole in memory or in one row. Every claim of the job writes its own file under its attempt number
-- (the claim's fence); only the file of the attempt that finished is kept. The job keeps the file's stored length
-- and how it is encoded ('gzip', or NULL for a file stored as the patient saves it).
CREATE TABLE export_chunk (
    export_id UUID    NOT NULL,
    attempt   INTEGER NOT NULL,
    seq       INTEGER NOT NULL,
    data      BYTEA   NOT NULL,
    CONSTRAINT pk_export_chunk PRIMARY KEY (export_id, attempt, seq),
    CONSTRAINT fk_export_chunk_job FOREIGN KEY (export_id) REFERENCES export_job (id) ON DELETE CASCADE
);
ALTER TABLE export_job ADD COLUMN size_bytes BIGINT;
ALTER TABLE export_job ADD COLUMN content_encoding VARCHAR(16);
