-- Days are counted in the person's own time zone (check-ins, daily totals, reminders).
ALTER TABLE person ADD COLUMN time_zone VARCHAR(64) DEFAULT 'UTC' NOT NULL;
