package com.venuedesk.desk.booking;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** What the booking dialog opens with: a time picked in the calendar and, when known, the resource. */
public record NewBookingRequest(Optional<UUID> resourceId, Instant start, Instant end) {
    public NewBookingRequest {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
