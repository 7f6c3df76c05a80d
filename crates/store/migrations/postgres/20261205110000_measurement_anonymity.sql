-- Behaviour measurement, tighter anonymity (review of issue 17):
-- * "this link was used" moves out of the invitee row (which holds the
--   address) into a mark made with the server secret: the invitee row is
--   no longer written by the transaction that writes the answer, so no
--   system column (xmin) joins an address to an answer;
-- * texts no longer name their group: they are shown for everyone only.
CREATE TABLE measurement_used (
    round_id TEXT NOT NULL REFERENCES measurement_rounds(id) ON DELETE CASCADE,
    mark TEXT NOT NULL,
    PRIMARY KEY (round_id, mark)
);

DROP INDEX measurement_invitees_round;
ALTER TABLE measurement_invitees DROP COLUMN used;
CREATE INDEX measurement_invitees_round ON measurement_invitees(round_id);

ALTER TABLE measurement_texts DROP COLUMN group_id;
-- A sample of examples per behaviour or question is one index seek.
CREATE INDEX measurement_texts_sample ON measurement_texts(round_id, behaviour_id, question, id);
