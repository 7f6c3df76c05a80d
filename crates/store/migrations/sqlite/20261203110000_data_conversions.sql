-- Conversions of stored data that code does once per database (the
-- first node to start after an upgrade), marked here when done.
CREATE TABLE data_conversions (
    name TEXT PRIMARY KEY,
    done_at BIGINT NOT NULL
);
