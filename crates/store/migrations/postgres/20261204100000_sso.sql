-- Single sign-on (issue 21): an organisation logs its staff in with its
-- own OpenID Connect provider. The client secret is sealed with the
-- server secret (app `secret.rs`): a copy of the database alone opens
-- nothing.
CREATE TABLE organisation_sso (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
    issuer TEXT NOT NULL,
    client_id TEXT NOT NULL,
    client_secret_sealed TEXT NOT NULL,
    default_role TEXT NOT NULL,
    enabled BIGINT NOT NULL DEFAULT 1,
    updated_at BIGINT NOT NULL,
    CONSTRAINT organisation_sso_role CHECK (default_role IN ('lid', 'beheerder'))
);

-- A login on its way through the provider: found by the hash of its
-- state, removed when it comes back (so a state works once) or after ten
-- minutes.
CREATE TABLE sso_logins (
    state_hash TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    nonce TEXT NOT NULL,
    verifier TEXT NOT NULL,
    back TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Who an account is at its organisation's provider (issuer + subject).
CREATE TABLE user_identities (
    issuer TEXT NOT NULL,
    subject TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_login_at BIGINT NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX user_identities_user ON user_identities(user_id);
