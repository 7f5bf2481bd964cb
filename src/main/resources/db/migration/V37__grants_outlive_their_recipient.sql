-- A patient's grants, and so their consent receipts, outlive the coach or care team they went to. Deleting a team or
-- erasing a coach used to delete the grants to them and, with those, the patient's record of what they had agreed
-- to. The grants are now ended (with an ENDED receipt) and lose their recipient instead: a grant with no recipient
-- reaches no one, as every reader is found through coach_id or team_id.
ALTER TABLE consent_grant DROP CONSTRAINT fk_grant_coach;
ALTER TABLE consent_grant DROP CONSTRAINT fk_grant_team;
ALTER TABLE consent_grant DROP CONSTRAINT ck_grant_recipient;
ALTER TABLE consent_grant ADD CONSTRAINT fk_grant_coach FOREIGN KEY (coach_id) REFERENCES person (id)
    ON DELETE SET NULL;
ALTER TABLE consent_grant ADD CONSTRAINT fk_grant_team FOREIGN KEY (team_id) REFERENCES care_team (id)
    ON DELETE SET NULL;
ALTER TABLE consent_grant ADD CONSTRAINT ck_grant_recipient CHECK (coach_id IS NULL OR team_id IS NULL);
ALTER TABLE consent_receipt DROP CONSTRAINT ck_receipt_action;
ALTER TABLE consent_receipt ADD CONSTRAINT ck_receipt_action
    CHECK (action IN ('GRANTED', 'CHANGED', 'REVOKED', 'ENDED'));
