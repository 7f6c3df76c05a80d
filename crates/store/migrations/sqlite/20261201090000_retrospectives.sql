-- The terugblik (retrospective) of a learning group, its cards, votes and
-- actions. An anonymous card has no author and no time of its own: nothing
-- in a row links it to who wrote it or when (the terugblik's own times are
-- the finest there are).
CREATE TABLE retrospectives (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES learning_groups(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    subject TEXT NOT NULL,
    phase TEXT NOT NULL,
    votes_per_member INTEGER NOT NULL,
    -- Counts every change, so live viewers on any node see one happened.
    -- Deliberately no updated_at: it would date the newest card.
    version BIGINT NOT NULL DEFAULT 0,
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    revealed_at BIGINT,
    closed_at BIGINT,
    CONSTRAINT retrospectives_phase CHECK (phase IN ('schrijven', 'bespreken', 'afgerond')),
    CONSTRAINT retrospectives_subject CHECK (subject IN ('bijeenkomst', 'project', 'periode'))
);
CREATE INDEX retrospectives_group ON retrospectives(group_id, created_at);

-- A card: author_id is NULL for an anonymous card (and for a named one
-- whose author's account is gone). stack_on is the card it lies on.
CREATE TABLE retrospective_cards (
    id TEXT PRIMARY KEY,
    retro_id TEXT NOT NULL REFERENCES retrospectives(id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    body TEXT NOT NULL,
    anonymous INTEGER NOT NULL,
    author_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    stack_on TEXT,
    CONSTRAINT retrospective_cards_question CHECK (question IN ('goed', 'beter', 'nodig', 'benutten')),
    CONSTRAINT retrospective_cards_anonymous CHECK (anonymous = 0 OR author_id IS NULL)
) WITHOUT ROWID;
CREATE INDEX retrospective_cards_retro ON retrospective_cards(retro_id);

-- Votes given: how many each member put on each card, and how many of
-- their votes each member has used (one row, updated atomically, so two
-- votes at once cannot both take the last one).
CREATE TABLE retrospective_votes (
    card_id TEXT NOT NULL REFERENCES retrospective_cards(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    votes INTEGER NOT NULL,
    PRIMARY KEY (card_id, user_id)
);
CREATE TABLE retrospective_voters (
    retro_id TEXT NOT NULL REFERENCES retrospectives(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    used INTEGER NOT NULL,
    PRIMARY KEY (retro_id, user_id)
);

CREATE TABLE retrospective_actions (
    id TEXT PRIMARY KEY,
    retro_id TEXT NOT NULL REFERENCES retrospectives(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    owner_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    due_on TEXT NOT NULL,
    done_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX retrospective_actions_retro ON retrospective_actions(retro_id);
