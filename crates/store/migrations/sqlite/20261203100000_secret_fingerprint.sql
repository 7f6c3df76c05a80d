-- A keyed hash that tells whether a node has the same server secret as the
-- others on this database (the secret itself is never stored here).
CREATE TABLE secret_fingerprint (
    id INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL
);
