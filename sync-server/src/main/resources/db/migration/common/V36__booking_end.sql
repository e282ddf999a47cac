-- The managers' reports read the bookings of a span of days for the whole venue: "ends after the span starts and
-- starts before it ends". booking_resource_end serves that one resource at a time; across the venue PostgreSQL read
-- the whole table for each report (a summary reads four spans: 0.8 s with 1,000,000 bookings; with this index 0.3 s,
-- AnalyticsBenchmark). The creates' rate did not move measurably with it (see docs/ARCHITECTURE.md, "Analytics").
CREATE INDEX booking_end ON booking (end_at);
