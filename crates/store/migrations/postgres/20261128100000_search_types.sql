-- Search covers every kind of published content, not only stories: the
-- outbox says which kind changed, and publications keep the text of their
-- PDF for the index (read once, at upload).
ALTER TABLE search_outbox RENAME COLUMN story_id TO doc_id;
ALTER TABLE search_outbox ADD COLUMN doc_type TEXT NOT NULL DEFAULT 'verhaal';
ALTER TABLE publications ADD COLUMN text TEXT NOT NULL DEFAULT '';
