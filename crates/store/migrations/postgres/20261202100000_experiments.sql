-- Experiments of a learning group, from idea to standard: the idea with
-- its supporters, then (once started) the hypothesis, what is measured,
-- the period and the owner, progress notes, and the evaluation.
CREATE TABLE experiments (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES learning_groups(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    phase TEXT NOT NULL,
    proposed_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    hypothesis TEXT NOT NULL DEFAULT '',
    measure TEXT NOT NULL DEFAULT '',
    starts_on TEXT,
    ends_on TEXT,
    owner_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    started_at BIGINT,
    evaluation TEXT NOT NULL DEFAULT '',
    -- For a standard: the way of working it replaced.
    replaces TEXT NOT NULL DEFAULT '',
    evaluated_at BIGINT,
    CONSTRAINT experiments_phase CHECK (phase IN ('idee', 'loopt', 'standaard', 'gestopt'))
);
CREATE INDEX experiments_group ON experiments(group_id, phase);

-- One support per member per idea.
CREATE TABLE experiment_supports (
    experiment_id TEXT NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (experiment_id, user_id)
);

CREATE TABLE experiment_notes (
    id TEXT PRIMARY KEY,
    experiment_id TEXT NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
    author_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX experiment_notes_experiment ON experiment_notes(experiment_id, created_at);
