-- Agenda details: themes, questions for registrants (JSON array of
-- strings) and their answers, a registration window, and the report
-- (verslag) written after the event.
ALTER TABLE events ADD COLUMN themes TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN questions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN registration_opens_at BIGINT;
ALTER TABLE events ADD COLUMN registration_closes_at BIGINT;
ALTER TABLE events ADD COLUMN report TEXT NOT NULL DEFAULT '';
ALTER TABLE registrations ADD COLUMN answers TEXT NOT NULL DEFAULT '[]';
CREATE INDEX events_ends ON events(ends_at);
