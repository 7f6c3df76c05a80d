-- Publications: PDFs with what a reader needs to choose one. The file is
-- in storage under file_key; a row exists only once its file is stored.
CREATE TABLE publications (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    publisher TEXT NOT NULL,
    year INTEGER NOT NULL,
    summary TEXT NOT NULL,
    themes TEXT NOT NULL DEFAULT '',
    sectors TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'concept',
    file_key TEXT NOT NULL,
    file_size BIGINT NOT NULL,
    page_count INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    published_at BIGINT,
    CONSTRAINT publications_status CHECK (status IN ('concept', 'gepubliceerd', 'ingetrokken'))
);
CREATE INDEX publications_published ON publications(status, published_at);

-- Files being put into storage: recorded before the put, removed with the
-- row that refers to them. What is left after a crash, the sweeper removes.
CREATE TABLE pending_files (
    file_key TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL
);
