-- The editors' tabs (one status, newest change first) and the magazine's
-- candidates (several statuses, newest change first) stop at their page
-- size: with these indexes they read a page, not every story.
CREATE INDEX stories_status_updated ON stories(status, updated_at);
CREATE INDEX stories_updated ON stories(updated_at);
