-- Reads of a resource's bookings around a time ("start_at < window end and end_at > window start": the create path,
-- a move, a quote, free time, the calendar list) walked booking_resource_start from the resource's first booking ever
-- up to the window: a cost that grew with the venue's whole history. Found by end_at instead, they read only what ends
-- after the window starts: the resource's upcoming bookings, however old the venue. The start index served nothing
-- else, so it goes, and a booking insert keeps updating as many indexes as before.
CREATE INDEX booking_resource_end ON booking (resource_id, end_at);
DROP INDEX booking_resource_start;
