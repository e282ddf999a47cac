-- The last line of defence for invariant 1: PostgreSQL itself refuses two active bookings of one resource that
-- overlap in time ([) ranges: touching bookings are fine). The service checks first to give a useful answer.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE booking ADD CONSTRAINT booking_no_overlap
    EXCLUDE USING gist (resource_id WITH =, tstzrange(start_at, end_at, '[)') WITH &&)
    WHERE (status IN ('PENDING', 'CONFIRMED'));
