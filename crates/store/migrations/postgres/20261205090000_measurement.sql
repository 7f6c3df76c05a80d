-- Measuring behaviour change (issue 17). A programme of an organisation:
-- its core values, its KPIs, the desired behaviours tied to both, the
-- respondent groups (teams), and rounds: a 0-meting, then 1-meting, ...
CREATE TABLE measurement_programmes (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    owner_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    -- No figure for fewer answers than this (never below 3).
    threshold BIGINT NOT NULL DEFAULT 5,
    created_at BIGINT NOT NULL,
    CONSTRAINT measurement_programmes_threshold CHECK (threshold >= 3)
);
CREATE INDEX measurement_programmes_organisation ON measurement_programmes(organisation_id);

CREATE TABLE measurement_values (
    id TEXT PRIMARY KEY,
    programme_id TEXT NOT NULL REFERENCES measurement_programmes(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position BIGINT NOT NULL
);
CREATE INDEX measurement_values_programme ON measurement_values(programme_id, position);

CREATE TABLE measurement_kpis (
    id TEXT PRIMARY KEY,
    programme_id TEXT NOT NULL REFERENCES measurement_programmes(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    direction TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    position BIGINT NOT NULL,
    CONSTRAINT measurement_kpis_direction CHECK (direction IN ('hoger', 'lager'))
);
CREATE INDEX measurement_kpis_programme ON measurement_kpis(programme_id, position);

CREATE TABLE measurement_behaviours (
    id TEXT PRIMARY KEY,
    programme_id TEXT NOT NULL REFERENCES measurement_programmes(id) ON DELETE CASCADE,
    statement TEXT NOT NULL,
    position BIGINT NOT NULL
);
CREATE INDEX measurement_behaviours_programme ON measurement_behaviours(programme_id, position);

-- Which values and KPIs a behaviour serves.
CREATE TABLE measurement_behaviour_links (
    behaviour_id TEXT NOT NULL REFERENCES measurement_behaviours(id) ON DELETE CASCADE,
    value_id TEXT REFERENCES measurement_values(id) ON DELETE CASCADE,
    kpi_id TEXT REFERENCES measurement_kpis(id) ON DELETE CASCADE,
    CONSTRAINT measurement_behaviour_links_one CHECK ((value_id IS NULL) <> (kpi_id IS NULL))
);
CREATE INDEX measurement_behaviour_links_behaviour ON measurement_behaviour_links(behaviour_id);

-- Teams or departments that answer; the same group across rounds, so
-- their change can be followed.
CREATE TABLE measurement_groups (
    id TEXT PRIMARY KEY,
    programme_id TEXT NOT NULL REFERENCES measurement_programmes(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    position BIGINT NOT NULL
);
CREATE INDEX measurement_groups_programme ON measurement_groups(programme_id, position);

CREATE TABLE measurement_rounds (
    id TEXT PRIMARY KEY,
    programme_id TEXT NOT NULL REFERENCES measurement_programmes(id) ON DELETE CASCADE,
    -- 0 for the 0-meting, then 1, 2, ...
    number BIGINT NOT NULL,
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    state TEXT NOT NULL,
    -- Open questions, one per line.
    questions TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    UNIQUE (programme_id, number),
    CONSTRAINT measurement_rounds_state CHECK (state IN ('concept', 'open', 'gesloten'))
);

-- A group taking part in a round: how many were invited and answered
-- (the response rate while open), and its public link if it has one.
CREATE TABLE measurement_participation (
    round_id TEXT NOT NULL REFERENCES measurement_rounds(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES measurement_groups(id) ON DELETE CASCADE,
    invited BIGINT NOT NULL DEFAULT 0,
    answered BIGINT NOT NULL DEFAULT 0,
    public_token TEXT UNIQUE,
    PRIMARY KEY (round_id, group_id)
);

-- A respondent's one-time link: the link is derived from the id with the
-- server secret (app `tokens::link_token`), so the table holds nothing
-- that opens it. `used` is all that is kept of an answer here; no time.
-- The address is deleted when the round closes.
CREATE TABLE measurement_invitees (
    id TEXT PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES measurement_rounds(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES measurement_groups(id) ON DELETE CASCADE,
    email TEXT,
    used BIGINT NOT NULL DEFAULT 0,
    UNIQUE (round_id, email)
);
CREATE INDEX measurement_invitees_round ON measurement_invitees(round_id, used);

-- Answers on their way: no time, no token, a random id. Housekeeping
-- moves them into the results in shuffled batches of at least the
-- threshold, and the rest when the round closes.
CREATE TABLE measurement_holding (
    id TEXT PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES measurement_rounds(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES measurement_groups(id) ON DELETE CASCADE,
    answer TEXT NOT NULL
);
CREATE INDEX measurement_holding_round ON measurement_holding(round_id);

-- The results: how many in a group gave each score to a behaviour. Only
-- counts are kept, never one respondent's set of scores.
CREATE TABLE measurement_counts (
    round_id TEXT NOT NULL REFERENCES measurement_rounds(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES measurement_groups(id) ON DELETE CASCADE,
    behaviour_id TEXT NOT NULL REFERENCES measurement_behaviours(id) ON DELETE CASCADE,
    score BIGINT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (round_id, group_id, behaviour_id, score),
    CONSTRAINT measurement_counts_score CHECK (score BETWEEN 1 AND 5)
);

-- Examples and answers to open questions, each on its own (not tied to
-- the scores or to each other), with the day they were moved in.
-- behaviour_id for an example, question for an open answer (0-based).
CREATE TABLE measurement_texts (
    id TEXT PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES measurement_rounds(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES measurement_groups(id) ON DELETE CASCADE,
    behaviour_id TEXT REFERENCES measurement_behaviours(id) ON DELETE CASCADE,
    question BIGINT,
    body TEXT NOT NULL,
    day TEXT NOT NULL
);
CREATE INDEX measurement_texts_round ON measurement_texts(round_id);

-- The KPI figures of a round, as the owner enters them.
CREATE TABLE measurement_kpi_values (
    round_id TEXT NOT NULL REFERENCES measurement_rounds(id) ON DELETE CASCADE,
    kpi_id TEXT NOT NULL REFERENCES measurement_kpis(id) ON DELETE CASCADE,
    value DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (round_id, kpi_id)
);
