-- A full reindex walks published stories in id order.
CREATE INDEX stories_status_id ON stories(status, id);
