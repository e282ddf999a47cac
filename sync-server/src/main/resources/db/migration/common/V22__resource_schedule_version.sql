-- Counts changes to what decides whether a resource can be booked: its opening hours, its blackouts and the venue's.
-- A booking reads it under the resource's row lock, so the server may reuse the schedule it read at the same version.
ALTER TABLE resource ADD COLUMN schedule_version BIGINT NOT NULL DEFAULT 0;
