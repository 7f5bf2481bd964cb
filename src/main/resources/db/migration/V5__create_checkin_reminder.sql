-- Optional e-mail reminders for the daily check-in, at a local time the person chooses.
CREATE TABLE checkin_reminder (
    person_id    UUID    NOT NULL,
    email_enabled BOOLEAN NOT NULL,
    local_time   TIME    NOT NULL,
    last_sent_on DATE,
    CONSTRAINT pk_checkin_reminder PRIMARY KEY (person_id),
    CONSTRAINT fk_checkin_reminder_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);
