-- Agenda: events and registrations with a waiting list.
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    online_url TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    organiser TEXT NOT NULL DEFAULT '',
    capacity BIGINT NOT NULL,
    status TEXT NOT NULL DEFAULT 'gepland',
    sequence BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX events_starts ON events(starts_at);

CREATE TABLE registrations (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    lang TEXT NOT NULL DEFAULT 'nl',
    status TEXT NOT NULL,
    cancel_token TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    cancelled_at BIGINT
);
CREATE INDEX registrations_event ON registrations(event_id, status, created_at);
