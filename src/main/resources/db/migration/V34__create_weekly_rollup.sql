-- Each ISO week (Monday to Sunday) of a metric and stage of a person, summed from its days and kept with them:
-- pages over more than 90 days show weeks, and read a row a week instead of seven (or, for sleep, one a stage and
-- night). day_mask says which days of the week have figures: bit 0 Monday to bit 6 Sunday, so the days (or nights)
-- of a week across stages, or across systolic and diastolic, are the OR of their masks. latest is that of the week's
-- last day with figures.
CREATE TABLE weekly_rollup (
    person_id    UUID             NOT NULL,
    metric       VARCHAR(32)      NOT NULL,
    stage        VARCHAR(16)      NOT NULL,
    week_start   DATE             NOT NULL,
    day_mask     INTEGER          NOT NULL,
    sample_count INTEGER          NOT NULL,
    total        DOUBLE PRECISION NOT NULL,
    minimum      DOUBLE PRECISION NOT NULL,
    maximum      DOUBLE PRECISION NOT NULL,
    latest       DOUBLE PRECISION NOT NULL,
    CONSTRAINT pk_weekly_rollup PRIMARY KEY (person_id, metric, stage, week_start),
    CONSTRAINT fk_weekly_rollup_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);

-- The weeks of the figures already stored. The same SQL on PostgreSQL and H2: a day's Monday is the day minus its
-- ISO day of the week, plus one.
INSERT INTO weekly_rollup (person_id, metric, stage, week_start, day_mask, sample_count, total, minimum, maximum,
                           latest)
SELECT w.person_id, w.metric, w.stage, w.week_start, w.day_mask, w.sample_count, w.total, w.minimum, w.maximum,
       d.latest
FROM (SELECT person_id, metric, stage,
             local_date - CAST(EXTRACT(ISODOW FROM local_date) AS INTEGER) + 1 AS week_start,
             SUM(CAST(POWER(2, CAST(EXTRACT(ISODOW FROM local_date) AS INTEGER) - 1) AS INTEGER)) AS day_mask,
             SUM(sample_count) AS sample_count, SUM(total) AS total, MIN(minimum) AS minimum,
             MAX(maximum) AS maximum, MAX(local_date) AS last_day
      FROM daily_rollup
      GROUP BY person_id, metric, stage, local_date - CAST(EXTRACT(ISODOW FROM local_date) AS INTEGER) + 1) w
JOIN daily_rollup d ON d.person_id = w.person_id AND d.metric = w.metric AND d.stage = w.stage
    AND d.local_date = w.last_day;
