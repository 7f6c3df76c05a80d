-- What a published story's page shows besides its row, computed when the
-- story changes instead of on every request (issue: fast for real traffic):
-- its parts as sanitized HTML (`page_html`, JSON, made from the content of
-- `page_version` = the row's `updated_at` then), and its related stories.
-- A page whose HTML is missing or older than the row is rendered on the
-- request, so a lag here never shows old text.

ALTER TABLE stories ADD COLUMN page_html TEXT;
ALTER TABLE stories ADD COLUMN page_version BIGINT;
ALTER TABLE stories ADD COLUMN related_at BIGINT;

CREATE TABLE story_related (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    related_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, position)
);
CREATE INDEX story_related_related ON story_related(related_id);
