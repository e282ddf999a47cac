package com.venuedesk.server.notifications;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A booking with what its messages tell: the resource, where it is and its time zone, and the guest's contacts. */
public record BookingFacts(UUID bookingId, long revision, String status, Instant start, Instant end, UUID resourceId,
                           String resourceName, String address, ZoneId zone, UUID customerId, String customerName,
                           String email, String phone) {
}
