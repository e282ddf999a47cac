-- Booking and customer JSON (a few hundred characters) kept in the row instead of H2's separate LOB storage: an
-- initial sync writes 100,000 of each pair, and inline strings insert more than twice as fast (InitialSyncBenchmark).
ALTER TABLE booking ALTER COLUMN payload SET DATA TYPE CHARACTER VARYING;
ALTER TABLE booking ALTER COLUMN server_payload SET DATA TYPE CHARACTER VARYING;
ALTER TABLE customer ALTER COLUMN payload SET DATA TYPE CHARACTER VARYING;
ALTER TABLE customer ALTER COLUMN server_payload SET DATA TYPE CHARACTER VARYING;
