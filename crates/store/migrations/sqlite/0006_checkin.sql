-- Attendance: when someone was checked in at the door.
ALTER TABLE registrations ADD COLUMN checked_in_at BIGINT;
