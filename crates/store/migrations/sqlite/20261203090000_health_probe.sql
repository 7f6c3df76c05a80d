-- One row that /healthz writes (at most once a second per node), so a node
-- reports itself unhealthy while the database cannot take writes: a full
-- disk, a read-only file system, a database that is down.
CREATE TABLE health_probe (
    id INTEGER PRIMARY KEY,
    checked_at BIGINT NOT NULL
);
INSERT INTO health_probe (id, checked_at) VALUES (1, 0);
