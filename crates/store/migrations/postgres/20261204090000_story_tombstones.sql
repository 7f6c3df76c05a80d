-- A story deleted with its teller's account (the AVG right to erasure)
-- leaves only its id and address here, for a day: long enough for every
-- node to remove the rendered copy of its page, which is found by address.
CREATE TABLE story_tombstones (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL,
    deleted_at BIGINT NOT NULL
);
