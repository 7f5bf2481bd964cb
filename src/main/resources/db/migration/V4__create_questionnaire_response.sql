-- Answers to validated instruments (PHQ-2, GAD-2, PHQ-9, GAD-7) with the score and band computed on submission.
CREATE TABLE questionnaire_response (
    id             UUID                     NOT NULL,
    person_id      UUID                     NOT NULL,
    instrument     VARCHAR(32)              NOT NULL,
    local_date     DATE                     NOT NULL,
    authored_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    answers        VARCHAR(200)             NOT NULL,
    total_score    SMALLINT                 NOT NULL,
    band           VARCHAR(32)              NOT NULL,
    urgent         BOOLEAN                  NOT NULL,
    follows_id     UUID,
    submission_key UUID                     NOT NULL,
    CONSTRAINT pk_questionnaire_response PRIMARY KEY (id),
    CONSTRAINT fk_qr_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_qr_follows FOREIGN KEY (follows_id) REFERENCES questionnaire_response (id) ON DELETE SET NULL,
    CONSTRAINT uq_qr_submission UNIQUE (person_id, submission_key)
);
CREATE INDEX ix_qr_person_date ON questionnaire_response (person_id, local_date);
