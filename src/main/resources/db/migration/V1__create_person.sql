-- Everyone who signs in; Keycloak owns the credentials, this row is what the rest of the schema links to.
CREATE TABLE person (
    id           UUID                     NOT NULL,
    subject      VARCHAR(255)             NOT NULL,
    display_name VARCHAR(200)             NOT NULL,
    email        VARCHAR(320),
    role         VARCHAR(16)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_person PRIMARY KEY (id),
    CONSTRAINT uq_person_subject UNIQUE (subject),
    CONSTRAINT ck_person_role CHECK (role IN ('PATIENT', 'COACH', 'ADMIN'))
);
