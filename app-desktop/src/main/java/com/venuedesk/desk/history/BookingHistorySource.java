package com.venuedesk.desk.history;

import java.util.UUID;

/** Where the history dialog gets a booking's history from. Blocking (HTTP and the store): call off the UI thread. */
@FunctionalInterface
public interface BookingHistorySource {
    BookingHistory load(UUID bookingId);
}
