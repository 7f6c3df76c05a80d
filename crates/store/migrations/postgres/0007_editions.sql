-- Newsletter editions and their deliveries. Starting a send writes one
-- delivery row per confirmed subscriber in the same transaction that fixes
-- the edition; the sender then works through the rows one at a time. The
-- primary key makes a second row for one subscriber impossible, and a restart
-- resumes with the rows not yet marked as sent.
CREATE TABLE newsletter_editions (
    id TEXT PRIMARY KEY,
    slug TEXT UNIQUE,
    subject TEXT NOT NULL,
    intro TEXT NOT NULL DEFAULT '',
    items TEXT NOT NULL DEFAULT '[]',
    -- Comma-separated theme slugs: when set, only subscribers who chose one
    -- of them (or chose no themes at all) get this edition.
    themes TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'concept',
    recipients BIGINT NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    send_started_at BIGINT,
    sent_at BIGINT
);
CREATE INDEX newsletter_editions_status ON newsletter_editions(status, sent_at);

CREATE TABLE newsletter_deliveries (
    edition_id TEXT NOT NULL REFERENCES newsletter_editions(id),
    subscriber_id TEXT NOT NULL REFERENCES newsletter_subscribers(id),
    -- wacht (waiting), bezig (handed to SMTP, not yet confirmed),
    -- verstuurd (sent), overgeslagen (unsubscribed meanwhile), mislukt (refused)
    status TEXT NOT NULL DEFAULT 'wacht',
    attempts BIGINT NOT NULL DEFAULT 0,
    done_at BIGINT,
    error TEXT,
    PRIMARY KEY (edition_id, subscriber_id)
);
CREATE INDEX newsletter_deliveries_next ON newsletter_deliveries(edition_id, status, subscriber_id);
CREATE INDEX newsletter_subscribers_email ON newsletter_subscribers(status, email);
