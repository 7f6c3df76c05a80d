-- Every change to a story adds a row here, in the same transaction as the
-- change. Each node's search index tails this table, so no change is missed
-- after a crash and every node sees every change.
CREATE TABLE search_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    story_id TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
