-- "The latest day of a metric" across all its stages (sleep has several) is asked on every dashboard.
CREATE INDEX ix_rollup_person_metric_date ON daily_rollup (person_id, metric, local_date);
