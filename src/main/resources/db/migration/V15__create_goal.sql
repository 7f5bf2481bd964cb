-- The goals a patient sets for themself. No row means the defaults (8,000 steps, 7.5 hours of sleep, no target
-- weight); the target weight is stored in kilograms whatever unit the person reads it in.
CREATE TABLE goal (
    person_id        UUID                     NOT NULL,
    daily_steps      INTEGER                  NOT NULL,
    sleep_minutes    INTEGER                  NOT NULL,
    target_weight_kg DOUBLE PRECISION,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_goal PRIMARY KEY (person_id),
    CONSTRAINT fk_goal_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT ck_goal_steps CHECK (daily_steps BETWEEN 100 AND 100000),
    CONSTRAINT ck_goal_sleep CHECK (sleep_minutes BETWEEN 180 AND 840)
);
