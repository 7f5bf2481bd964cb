-- What the triage queue ranks, one row per recent check-in awaiting review: kept up to date as check-ins,
-- answers and reviews are written, so the queue of a thousand patients is one ranked, paged statement over a few
-- thousand short rows instead of their check-ins, reviews and answers. Rows are derived: a patient's rows are
-- rewritten after each change (app.wellkeep.coach.TriageEntries), and a loader that writes check-ins around the
-- application rewrites them too.
--
-- Kept: check-ins of the 16 days up to the patient's latest one that have no review, or were edited after it.
-- What depends on who reads (the grant's window, shared alerts) is decided by the query: previous_date tells
-- whether the check-in before lies inside the reader's window, fresh whether this one has symptoms that one had not.
CREATE TABLE triage_entry (
    checkin_id          UUID         NOT NULL,
    person_id           UUID         NOT NULL,
    local_date          DATE         NOT NULL,
    mood                SMALLINT     NOT NULL,
    symptoms            VARCHAR(400) NOT NULL,
    previous_symptoms   VARCHAR(400),
    previous_date       DATE,
    fresh               BOOLEAN      NOT NULL,
    urgent              BOOLEAN      NOT NULL,
    phq2                SMALLINT     NOT NULL,
    gad2                SMALLINT     NOT NULL,
    edited_after_review BOOLEAN      NOT NULL,
    CONSTRAINT pk_triage_entry PRIMARY KEY (checkin_id),
    CONSTRAINT fk_triage_entry_checkin FOREIGN KEY (checkin_id) REFERENCES checkin (id) ON DELETE CASCADE,
    CONSTRAINT fk_triage_entry_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);
CREATE INDEX ix_triage_entry_person_date ON triage_entry (person_id, local_date);

-- The entries of the check-ins already stored: the statement TriageEntries runs for one patient, for everyone.
-- A check-in before the 7 days ahead of the kept ones never counts as the previous one, so it is not looked at.
INSERT INTO triage_entry (checkin_id, person_id, local_date, mood, symptoms, previous_symptoms, previous_date, fresh,
                          urgent, phq2, gad2, edited_after_review)
SELECT q.id, q.person_id, q.local_date, q.mood, q.symptoms, q.previous_symptoms, q.previous_date,
       CASE WHEN (',' || q.symptoms || ',' LIKE '%,HEADACHE,%' AND ',' || COALESCE(q.previous_symptoms, '') || ',' NOT LIKE '%,HEADACHE,%')
              OR (',' || q.symptoms || ',' LIKE '%,FATIGUE,%' AND ',' || COALESCE(q.previous_symptoms, '') || ',' NOT LIKE '%,FATIGUE,%')
              OR (',' || q.symptoms || ',' LIKE '%,DIZZINESS,%' AND ',' || COALESCE(q.previous_symptoms, '') || ',' NOT LIKE '%,DIZZINESS,%')
              OR (',' || q.symptoms || ',' LIKE '%,SHORTNESS\_OF\_BREATH,%' AND ',' || COALESCE(q.previous_symptoms, '') || ',' NOT LIKE '%,SHORTNESS\_OF\_BREATH,%')
              OR (',' || q.symptoms || ',' LIKE '%,CHEST\_PAIN,%' AND ',' || COALESCE(q.previous_symptoms, '') || ',' NOT LIKE '%,CHEST\_PAIN,%')
              OR (',' || q.symptoms || ',' LIKE '%,PALPITATIONS,%' AND ',' || COALESCE(q.previous_symptoms, '') || ',' NOT LIKE '%,PALPITATIONS,%')
              OR (',' || q.symptoms || ',' LIKE '%,NAUSEA,%' AND ',' || COALESCE(q.previous_symptoms, '') || ',' NOT LIKE '%,NAUSEA,%')
              OR (',' || q.symptoms || ',' LIKE '%,PAIN,%' AND ',' || COALESCE(q.previous_symptoms, '') || ',' NOT LIKE '%,PAIN,%')
              OR (',' || q.symptoms || ',' LIKE '%,COUGH,%' AND ',' || COALESCE(q.previous_symptoms, '') || ',' NOT LIKE '%,COUGH,%')
              OR (',' || q.symptoms || ',' LIKE '%,FEVER,%' AND ',' || COALESCE(q.previous_symptoms, '') || ',' NOT LIKE '%,FEVER,%')
              OR (',' || q.symptoms || ',' LIKE '%,POOR\_APPETITE,%' AND ',' || COALESCE(q.previous_symptoms, '') || ',' NOT LIKE '%,POOR\_APPETITE,%')
              OR (',' || q.symptoms || ',' LIKE '%,TROUBLE\_SLEEPING,%' AND ',' || COALESCE(q.previous_symptoms, '') || ',' NOT LIKE '%,TROUBLE\_SLEEPING,%')
            THEN TRUE ELSE FALSE END,
       COALESCE(s.urgent, 0) > 0, COALESCE(s.phq2, 0), COALESCE(s.gad2, 0), q.reviewed_at IS NOT NULL
FROM (SELECT c.id, c.person_id, c.local_date, c.mood, c.symptoms, c.updated_at, r.reviewed_at,
             LAG(c.symptoms) OVER (PARTITION BY c.person_id ORDER BY c.local_date) AS previous_symptoms,
             LAG(c.local_date) OVER (PARTITION BY c.person_id ORDER BY c.local_date) AS previous_date,
             MAX(c.local_date) OVER (PARTITION BY c.person_id) AS last_date
      FROM checkin c
      LEFT JOIN checkin_review r ON r.checkin_id = c.id
      WHERE c.local_date > (SELECT MAX(l.local_date) FROM checkin l WHERE l.person_id = c.person_id) - 23) q
LEFT JOIN (SELECT person_id, local_date,
                  MAX(CASE WHEN instrument = 'phq-2' THEN total_score ELSE 0 END) AS phq2,
                  MAX(CASE WHEN instrument = 'gad-2' THEN total_score ELSE 0 END) AS gad2,
                  MAX(CASE WHEN urgent THEN 1 ELSE 0 END) AS urgent
           FROM questionnaire_response
           GROUP BY person_id, local_date) s ON s.person_id = q.person_id AND s.local_date = q.local_date
WHERE q.local_date > q.last_date - 16
  AND (q.reviewed_at IS NULL OR q.reviewed_at < q.updated_at);
