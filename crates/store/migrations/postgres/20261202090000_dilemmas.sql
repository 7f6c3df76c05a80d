-- Dilemma sessions of a learning group. A position given "zonder namen"
-- has no author and no time: nothing in its row links it to who gave it or
-- when. Who has chosen is kept, to allow one position per member, as a
-- sorted list on the dilemma's own row (`chosen_by`): sorted, it says
-- nothing about the order positions came in, and a separate row per
-- member would (rows are stored in the order they are written).
CREATE TABLE dilemmas (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES learning_groups(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    situation TEXT NOT NULL,
    names TEXT NOT NULL,
    phase TEXT NOT NULL,
    -- Counts every change, so live viewers on any node see one happened.
    -- Deliberately no updated_at: it would date the newest position.
    version BIGINT NOT NULL DEFAULT 0,
    -- Ids of the members who chose, sorted, separated by commas.
    chosen_by TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '',
    follow_up_on TEXT,
    follow_up TEXT NOT NULL DEFAULT '',
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    decided_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    revealed_at BIGINT,
    decided_at BIGINT,
    followed_up_at BIGINT,
    CONSTRAINT dilemmas_phase CHECK (phase IN ('kiezen', 'bespreken', 'besloten')),
    CONSTRAINT dilemmas_names CHECK (names IN ('met-namen', 'zonder-namen'))
);
CREATE INDEX dilemmas_group ON dilemmas(group_id, created_at);

CREATE TABLE dilemma_perspectives (
    id TEXT PRIMARY KEY,
    dilemma_id TEXT NOT NULL REFERENCES dilemmas(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label TEXT NOT NULL
);
CREATE INDEX dilemma_perspectives_dilemma ON dilemma_perspectives(dilemma_id, position);

-- A position: author_id only in a session "met namen" (one per member
-- there, which the member may change until the reveal).
CREATE TABLE dilemma_positions (
    id TEXT PRIMARY KEY,
    dilemma_id TEXT NOT NULL REFERENCES dilemmas(id) ON DELETE CASCADE,
    perspective_id TEXT NOT NULL REFERENCES dilemma_perspectives(id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    author_id TEXT REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX dilemma_positions_dilemma ON dilemma_positions(dilemma_id);
CREATE UNIQUE INDEX dilemma_positions_author ON dilemma_positions(dilemma_id, author_id);
