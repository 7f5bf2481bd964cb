-- The latest day with figures of each metric of a person, kept with the figures: the dashboard and the trends index
-- read every metric's latest day in one query instead of one per metric.
CREATE TABLE latest_day (
    person_id  UUID        NOT NULL,
    metric     VARCHAR(32) NOT NULL,
    local_date DATE        NOT NULL,
    CONSTRAINT pk_latest_day PRIMARY KEY (person_id, metric),
    CONSTRAINT fk_latest_day_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);
INSERT INTO latest_day (person_id, metric, local_date)
    SELECT person_id, metric, MAX(local_date) FROM daily_rollup GROUP BY person_id, metric;
