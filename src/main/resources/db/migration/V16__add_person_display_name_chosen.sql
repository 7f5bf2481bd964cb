-- A name the person chose on their profile page; while it is set, signing in no longer copies the name from the
-- identity provider over it.
ALTER TABLE person ADD COLUMN display_name_chosen BOOLEAN DEFAULT FALSE NOT NULL;
