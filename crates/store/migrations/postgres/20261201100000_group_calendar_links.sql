-- A member's private calendar address for a group's meetings: calendar
-- programs cannot log in, so the address itself is the key. Only its
-- SHA-256 hash is kept; a new address replaces the old one, and it stops
-- working when the member leaves.
CREATE TABLE learning_group_calendar_links (
    token_hash TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES learning_groups(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    CONSTRAINT learning_group_calendar_links_one UNIQUE (group_id, user_id)
);
