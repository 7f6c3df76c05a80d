-- A learning group's own meetings: for its members only, never in the
-- public agenda.
CREATE TABLE learning_group_meetings (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES learning_groups(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    online_url TEXT NOT NULL DEFAULT '',
    agenda TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX learning_group_meetings_group ON learning_group_meetings(group_id, starts_at);
