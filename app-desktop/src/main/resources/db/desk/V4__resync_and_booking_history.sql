-- Set while the desk pulls the whole venue afresh after the server answered its cursor with a cursor reset (a restore
-- from a backup, or another database): a desk restarted meanwhile begins that full pull again, since only a complete
-- one tells which local records the server no longer has.
ALTER TABLE sync_state ADD COLUMN resync_started_at TIMESTAMP(6) WITH TIME ZONE;

-- The last history of a booking this desk fetched from the server (GET /api/v1/audit), shown offline with its date.
-- entries: the AuditEntry list as wire JSON, newest first.
CREATE TABLE booking_history (
    booking_id UUID PRIMARY KEY,
    fetched_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    entries CHARACTER VARYING NOT NULL,
    complete BOOLEAN NOT NULL
);
