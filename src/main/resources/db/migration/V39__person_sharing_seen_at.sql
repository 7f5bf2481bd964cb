-- When the patient last had their sharing page in front of them. Sharing can end without them (a coach's account or a
-- care team closed); the dashboard tells them of each such ending recorded since, until they have seen the page.
ALTER TABLE person ADD COLUMN sharing_seen_at TIMESTAMP WITH TIME ZONE;
