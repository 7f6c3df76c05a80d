-- Foundation: accounts, sessions, throttling, stories and the jobs queue.
-- Times are unix milliseconds (UTC). Flags are 0/1 integers so the SQL is the
-- same on SQLite and PostgreSQL.

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    email_verified_at BIGINT,
    created_at BIGINT NOT NULL
);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE account_tokens (
    token_hash TEXT PRIMARY KEY,
    purpose TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX account_tokens_user ON account_tokens(user_id);

CREATE TABLE throttle_events (
    bucket TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX throttle_bucket_at ON throttle_events(bucket, at);

CREATE TABLE stories (
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
    published_at BIGINT
);
CREATE INDEX stories_status_published ON stories(status, published_at);
CREATE INDEX stories_author ON stories(author_id);

CREATE TABLE story_revisions (
    id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    editor_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    content TEXT NOT NULL
);
CREATE INDEX story_revisions_story ON story_revisions(story_id, created_at);

CREATE TABLE story_messages (
    id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX story_messages_story ON story_messages(story_id, created_at);

CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    run_after BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    locked_until BIGINT,
    done_at BIGINT,
    last_error TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX jobs_pending ON jobs(done_at, run_after);
