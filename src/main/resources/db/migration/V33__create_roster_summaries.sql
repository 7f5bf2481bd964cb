-- What a coach's roster shows of each patient, kept up to date as check-ins and reviews are written, so that a
-- roster of a thousand patients reads a thousand short rows instead of a year of check-ins and reviews of each.
-- Rows are derived: the application fills missing ones at start and rewrites a patient's row after each change.

-- The patient's latest check-in day and, as bits, which of the 63 days up to it have one (bit i: that day minus i).
CREATE TABLE checkin_summary (
    person_id    UUID   NOT NULL,
    last_checkin DATE   NOT NULL,
    checkin_days BIGINT NOT NULL,
    CONSTRAINT pk_checkin_summary PRIMARY KEY (person_id),
    CONSTRAINT fk_checkin_summary_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);

-- The latest review of any of the patient's check-ins, and the day of the check-in it reviewed.
CREATE TABLE review_summary (
    patient_id    UUID                     NOT NULL,
    reviewed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    checkin_date  DATE                     NOT NULL,
    CONSTRAINT pk_review_summary PRIMARY KEY (patient_id),
    CONSTRAINT fk_review_summary_person FOREIGN KEY (patient_id) REFERENCES person (id) ON DELETE CASCADE
);
