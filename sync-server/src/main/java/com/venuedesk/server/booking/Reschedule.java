package com.venuedesk.server.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * Move a booking in time and optionally to another resource (null: the same), valid only while the stored revision
 * is {@code expectedRevision}.
 */
public record Reschedule(UUID bookingId, Long expectedRevision, UUID resourceId, Instant start, Instant end) { }
