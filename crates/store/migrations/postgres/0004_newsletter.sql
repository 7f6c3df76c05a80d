-- Newsletter subscribers with double opt-in. Nothing is sent to an address
-- before it is confirmed; the confirmation link expires.
CREATE TABLE newsletter_subscribers (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    themes TEXT NOT NULL DEFAULT '',
    lang TEXT NOT NULL DEFAULT 'nl',
    status TEXT NOT NULL,
    confirm_token_hash TEXT UNIQUE,
    confirm_expires_at BIGINT,
    unsubscribe_token TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT,
    unsubscribed_at BIGINT
);
CREATE INDEX newsletter_subscribers_status ON newsletter_subscribers(status);
