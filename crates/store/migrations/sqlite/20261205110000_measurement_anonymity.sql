-- Behaviour measurement, tighter anonymity (review of issue 17):
-- * "this link was used" moves out of the invitee row (which holds the
--   address) into a mark made with the server secret, so a database
--   reader cannot join an address to the answer written in the same
--   transaction;
-- * held answers, marks and texts are ordered by their random ids, not by
--   arrival (WITHOUT ROWID: no insertion-ordered rowid);
-- * texts no longer name their group: they are shown for everyone only.
CREATE TABLE measurement_used (
    round_id TEXT NOT NULL REFERENCES measurement_rounds(id) ON DELETE CASCADE,
    mark TEXT NOT NULL,
    PRIMARY KEY (round_id, mark)
) WITHOUT ROWID;

DROP INDEX measurement_invitees_round;
ALTER TABLE measurement_invitees DROP COLUMN used;
CREATE INDEX measurement_invitees_round ON measurement_invitees(round_id);

CREATE TABLE measurement_holding_new (
    id TEXT PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES measurement_rounds(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES measurement_groups(id) ON DELETE CASCADE,
    answer TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO measurement_holding_new (id, round_id, group_id, answer)
    SELECT id, round_id, group_id, answer FROM measurement_holding;
DROP TABLE measurement_holding;
ALTER TABLE measurement_holding_new RENAME TO measurement_holding;
CREATE INDEX measurement_holding_round ON measurement_holding(round_id);

CREATE TABLE measurement_texts_new (
    id TEXT PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES measurement_rounds(id) ON DELETE CASCADE,
    behaviour_id TEXT REFERENCES measurement_behaviours(id) ON DELETE CASCADE,
    question BIGINT,
    body TEXT NOT NULL,
    day TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO measurement_texts_new (id, round_id, behaviour_id, question, body, day)
    SELECT id, round_id, behaviour_id, question, body, day FROM measurement_texts;
DROP TABLE measurement_texts;
ALTER TABLE measurement_texts_new RENAME TO measurement_texts;
CREATE INDEX measurement_texts_round ON measurement_texts(round_id);
-- A sample of examples per behaviour or question is one index seek.
CREATE INDEX measurement_texts_sample ON measurement_texts(round_id, behaviour_id, question, id);
