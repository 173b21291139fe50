-- CRM data the product owns. Kept portable: the same script runs on H2 (embedded default) and PostgreSQL.
-- Identifiers are the CRM's own, as text, so that imported ids survive unchanged and become business keys.

CREATE TABLE individual (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    first_name    VARCHAR(200) NOT NULL,
    last_name     VARCHAR(200) NOT NULL,
    email         VARCHAR(320) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at TIMESTAMP WITH TIME ZONE,
    deleted_at    TIMESTAMP WITH TIME ZONE,
    -- set only on the Anonymous individual that replaces deleted people in dossiers ('ANONYMOUS'); the unique
    -- constraint is what keeps it single when deletions run concurrently. It is never enrolled, never deleted.
    anonymous_key VARCHAR(80),
    CONSTRAINT uq_individual_anonymous_key UNIQUE (anonymous_key)
);

CREATE TABLE profile (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    profile_type  VARCHAR(40)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    -- 'ANONYMOUS:<type>' for the Anonymous profile of a type, so that each exists at most once
    anonymous_key VARCHAR(80),
    CONSTRAINT uq_profile_anonymous_key UNIQUE (anonymous_key)
);

CREATE TABLE membership (
    profile_id    VARCHAR(64) NOT NULL REFERENCES profile (id),
    individual_id VARCHAR(64) NOT NULL REFERENCES individual (id),
    PRIMARY KEY (profile_id, individual_id)
);

CREATE INDEX ix_membership_individual ON membership (individual_id);

CREATE TABLE scheme (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    -- null when the scheme's dossiers carry no profile; otherwise the type of profile they carry
    profile_type VARCHAR(40)
);

CREATE TABLE dossier (
    id             VARCHAR(64) NOT NULL PRIMARY KEY,
    scheme_id      VARCHAR(64) NOT NULL REFERENCES scheme (id),
    applicant_id   VARCHAR(64) NOT NULL REFERENCES individual (id),
    beneficiary_id VARCHAR(64) NOT NULL REFERENCES individual (id),
    profile_id     VARCHAR(64) REFERENCES profile (id),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_dossier_applicant ON dossier (applicant_id, updated_at);
CREATE INDEX ix_dossier_beneficiary ON dossier (beneficiary_id);
