-- Werkwijzers (guides) and their steps, in order. A step's picture is in
-- storage under image_key (its web version); empty when it has none.
CREATE TABLE guides (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    goal TEXT NOT NULL,
    audience TEXT NOT NULL,
    duration TEXT NOT NULL,
    materials TEXT NOT NULL DEFAULT '',
    related TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'concept',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    published_at BIGINT,
    CONSTRAINT guides_status CHECK (status IN ('concept', 'gepubliceerd', 'ingetrokken'))
);
CREATE INDEX guides_published ON guides(status, published_at);

CREATE TABLE guide_steps (
    guide_id TEXT NOT NULL REFERENCES guides(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    image_key TEXT NOT NULL DEFAULT '',
    image_width INTEGER NOT NULL DEFAULT 0,
    image_height INTEGER NOT NULL DEFAULT 0,
    image_alt TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (guide_id, position)
);
