-- The podcast: one series (a single row, id 'podcast', with defaults an
-- editor changes) and its episodes. An episode's audio is in storage under
-- audio_key; a row exists only once its audio is stored.
CREATE TABLE podcast_series (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    author TEXT NOT NULL,
    owner_name TEXT NOT NULL,
    owner_email TEXT NOT NULL,
    category TEXT NOT NULL,
    language TEXT NOT NULL,
    explicit BIGINT NOT NULL DEFAULT 0,
    kind TEXT NOT NULL DEFAULT 'episodic',
    cover_key TEXT NOT NULL DEFAULT '',
    cover_ext TEXT NOT NULL DEFAULT '',
    cover_size INTEGER NOT NULL DEFAULT 0,
    web_cover_key TEXT NOT NULL DEFAULT '',
    web_cover_size INTEGER NOT NULL DEFAULT 0,
    cover_alt TEXT NOT NULL DEFAULT '',
    updated_at BIGINT NOT NULL DEFAULT 0
);
INSERT INTO podcast_series (id, title, description, author, owner_name, owner_email, category, language)
VALUES ('podcast', 'Podcast', '', '', '', '', 'Education', 'nl');

CREATE TABLE episodes (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    guid TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    notes TEXT NOT NULL,
    guests TEXT NOT NULL DEFAULT '',
    season INTEGER,
    number INTEGER,
    kind TEXT NOT NULL DEFAULT 'full',
    release_date TEXT NOT NULL,
    chapters TEXT NOT NULL DEFAULT '',
    transcript TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'concept',
    audio_key TEXT NOT NULL,
    audio_size BIGINT NOT NULL,
    audio_format TEXT NOT NULL,
    duration_ms BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    published_at BIGINT,
    CONSTRAINT episodes_status CHECK (status IN ('concept', 'gepubliceerd', 'ingetrokken')),
    CONSTRAINT episodes_transcript CHECK (status <> 'gepubliceerd' OR transcript <> '')
);
CREATE INDEX episodes_published ON episodes(status, release_date);
