package com.venuedesk.server.booking;

import java.time.Instant;
import java.util.UUID;

/** A request to book: the id is the client's (null: the server makes one); nulls elsewhere are missing input. */
public record NewBooking(UUID id, UUID resourceId, UUID customerId, Instant start, Instant end, String notes) { }
