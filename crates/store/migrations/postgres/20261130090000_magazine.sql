-- The magazine: numbered issues and their articles. An article is a story
-- (one story is in at most one issue); the issue keeps its section (an
-- index into the section titles, one per line), its place and whether the
-- editors marked it ready. The printed issue's PDF is in storage under
-- pdf_key; empty when there is none.
CREATE TABLE magazine_issues (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    number BIGINT NOT NULL,
    issue_date TEXT NOT NULL,
    theme TEXT NOT NULL DEFAULT '',
    foreword TEXT NOT NULL DEFAULT '',
    colophon TEXT NOT NULL DEFAULT '',
    sections TEXT NOT NULL DEFAULT '',
    pdf_key TEXT NOT NULL DEFAULT '',
    pdf_size BIGINT NOT NULL DEFAULT 0,
    pdf_pages BIGINT NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'concept',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    published_at BIGINT,
    CONSTRAINT magazine_issues_number UNIQUE (name, number),
    CONSTRAINT magazine_issues_status CHECK (status IN ('concept', 'gepubliceerd', 'ingetrokken'))
);
CREATE INDEX magazine_issues_published ON magazine_issues(status, published_at);

CREATE TABLE magazine_articles (
    story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
    issue_id TEXT NOT NULL REFERENCES magazine_issues(id) ON DELETE CASCADE,
    section BIGINT NOT NULL,
    position BIGINT NOT NULL,
    ready BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX magazine_articles_issue ON magazine_articles(issue_id, position);
