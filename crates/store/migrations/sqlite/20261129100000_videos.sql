-- Videos: an uploaded file (file_key, with its poster and captions) or one
-- on an outside platform (platform, platform_id; file_key empty). A row
-- with a file exists only once its file is stored.
CREATE TABLE videos (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    transcript TEXT NOT NULL DEFAULT '',
    captions_nl TEXT NOT NULL DEFAULT '',
    captions_en TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'concept',
    file_key TEXT NOT NULL DEFAULT '',
    file_size BIGINT NOT NULL DEFAULT 0,
    file_format TEXT NOT NULL DEFAULT '',
    duration_ms BIGINT NOT NULL DEFAULT 0,
    poster_key TEXT NOT NULL DEFAULT '',
    poster_width INTEGER NOT NULL DEFAULT 0,
    poster_height INTEGER NOT NULL DEFAULT 0,
    platform TEXT NOT NULL DEFAULT '',
    platform_id TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    published_at BIGINT,
    CONSTRAINT videos_status CHECK (status IN ('concept', 'gepubliceerd', 'ingetrokken')),
    CONSTRAINT videos_transcript CHECK (status <> 'gepubliceerd' OR transcript <> ''),
    CONSTRAINT videos_source CHECK ((file_key <> '' AND captions_nl <> '') OR platform <> '')
);
CREATE INDEX videos_published ON videos(status, published_at);
