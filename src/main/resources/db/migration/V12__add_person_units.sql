-- How a person wants to read their numbers; readings are stored in UCUM base units whatever is chosen here.
ALTER TABLE person ADD COLUMN weight_unit VARCHAR(16) DEFAULT 'kg' NOT NULL;
ALTER TABLE person ADD COLUMN glucose_unit VARCHAR(16) DEFAULT 'mg/dL' NOT NULL;
ALTER TABLE person ADD COLUMN temperature_unit VARCHAR(16) DEFAULT 'Cel' NOT NULL;
