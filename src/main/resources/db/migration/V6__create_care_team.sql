-- Care teams: coaches working together; a patient can share with a whole team.
CREATE TABLE care_team (
    id         UUID                     NOT NULL,
    name       VARCHAR(120)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_care_team PRIMARY KEY (id)
);

CREATE TABLE care_team_member (
    team_id   UUID                     NOT NULL,
    person_id UUID                     NOT NULL,
    joined_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_care_team_member PRIMARY KEY (team_id, person_id),
    CONSTRAINT fk_ctm_team FOREIGN KEY (team_id) REFERENCES care_team (id) ON DELETE CASCADE,
    CONSTRAINT fk_ctm_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);
CREATE INDEX ix_ctm_person ON care_team_member (person_id);
