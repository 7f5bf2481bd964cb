-- Files finished before exports were kept in chunks move into export_chunk as one chunk each, stored as they were
-- (not compressed), and the column that held them whole goes.
INSERT INTO export_chunk (export_id, attempt, seq, data)
SELECT id, attempts, 0, content FROM export_job WHERE content IS NOT NULL;
UPDATE export_job SET size_bytes = OCTET_LENGTH(content) WHERE content IS NOT NULL;
ALTER TABLE export_job DROP COLUMN content;
