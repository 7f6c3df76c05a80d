-- A publication's cover: the web version of a picture the editor uploaded
-- (the original is kept under original_cover_key) or of the PDF's first
-- page; cover_key is empty when there is none (a generic cover is shown).
ALTER TABLE publications ADD COLUMN cover_key TEXT NOT NULL DEFAULT '';
ALTER TABLE publications ADD COLUMN cover_width INTEGER NOT NULL DEFAULT 0;
ALTER TABLE publications ADD COLUMN cover_height INTEGER NOT NULL DEFAULT 0;
ALTER TABLE publications ADD COLUMN cover_alt TEXT NOT NULL DEFAULT '';
ALTER TABLE publications ADD COLUMN original_cover_key TEXT NOT NULL DEFAULT '';
