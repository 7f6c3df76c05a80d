-- Typed states: every state and kind is one Dutch word, the same in the
-- code (a domain enum), the API and here, where a CHECK constraint refuses
-- any other value. Values that were English become Dutch:
--   users.role: member, editor, admin -> lid, redacteur, beheerder
--   account_tokens.purpose: verify, reset -> bevestigen, herstellen
--   story_messages.author: teller, editor -> verteller, redactie
--   newsletter_subscribers.status: pending, confirmed, unsubscribed
--     -> onbevestigd, bevestigd, afgemeld

-- SQLite cannot add a CHECK to an existing table: each table is rebuilt
-- (a new table, its rows copied, the old one dropped, the new one renamed,
-- its indexes made again). Dropping a table that others reference would
-- cascade with foreign keys on, and PRAGMA foreign_keys cannot change inside
-- the transaction sqlx runs a migration in. So this migration ends that
-- transaction, turns foreign keys off, does the rebuild in a transaction of
-- its own that fails unless every reference still holds, turns foreign keys
-- on again and opens a transaction for sqlx to record the migration in.
-- A crash before the end leaves the old tables untouched (the rebuild is
-- one transaction); run again, the migration does the same work again.
COMMIT;
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- users
CREATE TABLE users_new (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    email_verified_at BIGINT,
    created_at BIGINT NOT NULL,
    CONSTRAINT users_role CHECK (role IN ('lid', 'redacteur', 'beheerder'))
);
INSERT INTO users_new (id, email, name, password_hash, role, email_verified_at, created_at)
    SELECT id, email, name, password_hash, CASE role WHEN 'member' THEN 'lid' WHEN 'editor' THEN 'redacteur' WHEN 'admin' THEN 'beheerder' ELSE role END, email_verified_at, created_at FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

-- account_tokens
CREATE TABLE account_tokens_new (
    token_hash TEXT PRIMARY KEY,
    purpose TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    CONSTRAINT account_tokens_purpose CHECK (purpose IN ('bevestigen', 'herstellen'))
);
INSERT INTO account_tokens_new (token_hash, purpose, user_id, expires_at, used_at)
    SELECT token_hash, CASE purpose WHEN 'verify' THEN 'bevestigen' WHEN 'reset' THEN 'herstellen' ELSE purpose END, user_id, expires_at, used_at FROM account_tokens;
DROP TABLE account_tokens;
ALTER TABLE account_tokens_new RENAME TO account_tokens;
CREATE INDEX account_tokens_user ON account_tokens(user_id);

-- stories
CREATE TABLE stories_new (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    context TEXT NOT NULL DEFAULT '',
    aim TEXT NOT NULL DEFAULT '',
    approach TEXT NOT NULL DEFAULT '',
    what_differed TEXT NOT NULL DEFAULT '',
    lessons TEXT NOT NULL DEFAULT '[]',
    tips TEXT NOT NULL DEFAULT '',
    do_differently TEXT NOT NULL DEFAULT '',
    themes TEXT NOT NULL DEFAULT '',
    sectors TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    teller_name TEXT NOT NULL DEFAULT '',
    teller_org TEXT NOT NULL DEFAULT '',
    show_name BIGINT NOT NULL DEFAULT 0,
    show_org BIGINT NOT NULL DEFAULT 0,
    contact_email TEXT NOT NULL DEFAULT '',
    no_client_info BIGINT NOT NULL DEFAULT 0,
    consent_at BIGINT,
    lang TEXT NOT NULL DEFAULT 'nl',
    author_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    status_token TEXT UNIQUE,
    reject_reason TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    submitted_at BIGINT,
    published_at BIGINT,
    CONSTRAINT stories_status CHECK (status IN ('concept', 'ingediend', 'in_redactie', 'vraag_aan_verteller', 'gepubliceerd', 'gearchiveerd', 'afgewezen')),
    CONSTRAINT stories_kind CHECK (kind IN ('falend-vooruit', 'koploper', 'interview', 'case', 'column')),
    CONSTRAINT stories_lang CHECK (lang IN ('nl', 'en'))
);
INSERT INTO stories_new (id, slug, status, kind, title, summary, context, aim, approach, what_differed, lessons, tips, do_differently, themes, sectors, region, teller_name, teller_org, show_name, show_org, contact_email, no_client_info, consent_at, lang, author_id, status_token, reject_reason, created_at, updated_at, submitted_at, published_at)
    SELECT id, slug, status, kind, title, summary, context, aim, approach, what_differed, lessons, tips, do_differently, themes, sectors, region, teller_name, teller_org, show_name, show_org, contact_email, no_client_info, consent_at, lang, author_id, status_token, reject_reason, created_at, updated_at, submitted_at, published_at FROM stories;
DROP TABLE stories;
ALTER TABLE stories_new RENAME TO stories;
CREATE INDEX stories_status_published ON stories(status, published_at);
CREATE INDEX stories_author ON stories(author_id);
CREATE INDEX stories_status_id ON stories(status, id);

-- story_messages
CREATE TABLE story_messages_new (
    id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    CONSTRAINT story_messages_author CHECK (author IN ('verteller', 'redactie'))
);
INSERT INTO story_messages_new (id, story_id, author, body, created_at)
    SELECT id, story_id, CASE author WHEN 'teller' THEN 'verteller' WHEN 'editor' THEN 'redactie' ELSE author END, body, created_at FROM story_messages;
DROP TABLE story_messages;
ALTER TABLE story_messages_new RENAME TO story_messages;
CREATE INDEX story_messages_story ON story_messages(story_id, created_at);

-- events
CREATE TABLE events_new (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    online_url TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    organiser TEXT NOT NULL DEFAULT '',
    capacity BIGINT NOT NULL,
    status TEXT NOT NULL DEFAULT 'gepland',
    sequence BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    themes TEXT NOT NULL DEFAULT '',
    questions TEXT NOT NULL DEFAULT '[]',
    registration_opens_at BIGINT,
    registration_closes_at BIGINT,
    report TEXT NOT NULL DEFAULT '',
    CONSTRAINT events_kind CHECK (kind IN ('training', 'bijeenkomst', 'inspiratielab', 'congres', 'webinar')),
    CONSTRAINT events_status CHECK (status IN ('gepland', 'geannuleerd'))
);
INSERT INTO events_new (id, slug, kind, title, description, starts_at, ends_at, location, online_url, region, organiser, capacity, status, sequence, created_at, updated_at, themes, questions, registration_opens_at, registration_closes_at, report)
    SELECT id, slug, kind, title, description, starts_at, ends_at, location, online_url, region, organiser, capacity, status, sequence, created_at, updated_at, themes, questions, registration_opens_at, registration_closes_at, report FROM events;
DROP TABLE events;
ALTER TABLE events_new RENAME TO events;
CREATE INDEX events_starts ON events(starts_at);
CREATE INDEX events_ends ON events(ends_at);

-- registrations
CREATE TABLE registrations_new (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    lang TEXT NOT NULL DEFAULT 'nl',
    status TEXT NOT NULL,
    cancel_token TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    cancelled_at BIGINT,
    checked_in_at BIGINT,
    answers TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT registrations_status CHECK (status IN ('bevestigd', 'wachtlijst', 'afgemeld')),
    CONSTRAINT registrations_lang CHECK (lang IN ('nl', 'en'))
);
INSERT INTO registrations_new (id, event_id, name, email, organisation, note, lang, status, cancel_token, created_at, cancelled_at, checked_in_at, answers)
    SELECT id, event_id, name, email, organisation, note, lang, status, cancel_token, created_at, cancelled_at, checked_in_at, answers FROM registrations;
DROP TABLE registrations;
ALTER TABLE registrations_new RENAME TO registrations;
CREATE INDEX registrations_event ON registrations(event_id, status, created_at);

-- newsletter_subscribers
CREATE TABLE newsletter_subscribers_new (
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
    unsubscribed_at BIGINT,
    CONSTRAINT newsletter_subscribers_status CHECK (status IN ('onbevestigd', 'bevestigd', 'afgemeld')),
    CONSTRAINT newsletter_subscribers_lang CHECK (lang IN ('nl', 'en'))
);
INSERT INTO newsletter_subscribers_new (id, email, themes, lang, status, confirm_token_hash, confirm_expires_at, unsubscribe_token, created_at, confirmed_at, unsubscribed_at)
    SELECT id, email, themes, lang, CASE status WHEN 'pending' THEN 'onbevestigd' WHEN 'confirmed' THEN 'bevestigd' WHEN 'unsubscribed' THEN 'afgemeld' ELSE status END, confirm_token_hash, confirm_expires_at, unsubscribe_token, created_at, confirmed_at, unsubscribed_at FROM newsletter_subscribers;
DROP TABLE newsletter_subscribers;
ALTER TABLE newsletter_subscribers_new RENAME TO newsletter_subscribers;
CREATE INDEX newsletter_subscribers_status ON newsletter_subscribers(status);
CREATE INDEX newsletter_subscribers_email ON newsletter_subscribers(status, email);

-- newsletter_editions
CREATE TABLE newsletter_editions_new (
    id TEXT PRIMARY KEY,
    slug TEXT UNIQUE,
    subject TEXT NOT NULL,
    intro TEXT NOT NULL DEFAULT '',
    items TEXT NOT NULL DEFAULT '[]',
            themes TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'concept',
    recipients BIGINT NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    send_started_at BIGINT,
    sent_at BIGINT,
    CONSTRAINT newsletter_editions_status CHECK (status IN ('concept', 'verzenden', 'verzonden'))
);
INSERT INTO newsletter_editions_new (id, slug, subject, intro, items, themes, status, recipients, created_by, created_at, updated_at, send_started_at, sent_at)
    SELECT id, slug, subject, intro, items, themes, status, recipients, created_by, created_at, updated_at, send_started_at, sent_at FROM newsletter_editions;
DROP TABLE newsletter_editions;
ALTER TABLE newsletter_editions_new RENAME TO newsletter_editions;
CREATE INDEX newsletter_editions_status ON newsletter_editions(status, sent_at);

-- newsletter_deliveries
CREATE TABLE newsletter_deliveries_new (
    edition_id TEXT NOT NULL REFERENCES newsletter_editions(id),
    subscriber_id TEXT NOT NULL REFERENCES newsletter_subscribers(id),
            status TEXT NOT NULL DEFAULT 'wacht',
    attempts BIGINT NOT NULL DEFAULT 0,
    done_at BIGINT,
    error TEXT,
    PRIMARY KEY (edition_id, subscriber_id),
    CONSTRAINT newsletter_deliveries_status CHECK (status IN ('wacht', 'bezig', 'verstuurd', 'overgeslagen', 'mislukt'))
);
INSERT INTO newsletter_deliveries_new (edition_id, subscriber_id, status, attempts, done_at, error)
    SELECT edition_id, subscriber_id, status, attempts, done_at, error FROM newsletter_deliveries;
DROP TABLE newsletter_deliveries;
ALTER TABLE newsletter_deliveries_new RENAME TO newsletter_deliveries;
CREATE INDEX newsletter_deliveries_next ON newsletter_deliveries(edition_id, status, subscriber_id);

-- Every reference still holds, or this fails and nothing changed.
CREATE TEMP TABLE foreign_key_violations (n BIGINT CHECK (n = 0));
INSERT INTO foreign_key_violations SELECT COUNT(*) FROM pragma_foreign_key_check;
DROP TABLE foreign_key_violations;
COMMIT;
PRAGMA foreign_keys = ON;
BEGIN;
