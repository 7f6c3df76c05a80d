-- Organisations (gemeente, zorgaanbieder, ...), their e-mail domains, their
-- members with a role there, and invitations by e-mail.
-- From here on migrations are named by the time they were written
-- (YYYYMMDDhhmmss), so two branches never claim the same number.

CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('gemeente', 'zorgaanbieder', 'welzijnsorganisatie',
        'onderwijs', 'overheid', 'netwerk', 'anders')),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- A domain belongs to one organisation: a verified address there may join it.
CREATE TABLE organisation_domains (
    domain TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE
);
CREATE INDEX organisation_domains_org ON organisation_domains(organisation_id);

CREATE TABLE organisation_members (
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('lid', 'beheerder')),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX organisation_members_user ON organisation_members(user_id);

-- The token in the mailed link is stored as a SHA-256 hash only.
CREATE TABLE organisation_invitations (
    token_hash TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('lid', 'beheerder')),
    invited_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    accepted_at BIGINT
);
CREATE INDEX organisation_invitations_org ON organisation_invitations(organisation_id);
