package com.venuedesk.model.rules;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.TimeRange;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Invariant 1 as a pure function: which active bookings (PENDING holds and CONFIRMED) of a resource stand in the way
 * of a time range. Ranges are half-open, so a booking ending at 10:00 never clashes with one starting at 10:00.
 * The server checks this before the database constraint does, and the desk checks it offline.
 */
public final class ConflictRules {

    /** Earliest first; ties broken by end and id so that answers are stable between desk and server. */
    public static final Comparator<Booking> BY_START = Comparator
            .comparing((Booking b) -> b.range().start())
            .thenComparing(b -> b.range().end())
            .thenComparing(Booking::id);

    private ConflictRules() {
    }

    /**
     * The active bookings of {@code resourceId} that overlap {@code range}, sorted by start.
     *
     * @param ignoreBookingId the booking being rescheduled (it cannot clash with itself); null when creating
     */
    public static List<Booking> conflictsWith(UUID resourceId, TimeRange range, UUID ignoreBookingId,
                                              Collection<Booking> existing) {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(range, "range");
        return existing.stream()
                .filter(b -> blocks(b, resourceId, range, ignoreBookingId))
                .sorted(BY_START)
                .toList();
    }

    /** True when no active booking of {@code resourceId} other than {@code ignoreBookingId} overlaps {@code range}. */
    public static boolean isFree(UUID resourceId, TimeRange range, UUID ignoreBookingId, Collection<Booking> existing) {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(range, "range");
        return existing.stream().noneMatch(b -> blocks(b, resourceId, range, ignoreBookingId));
    }

    private static boolean blocks(Booking booking, UUID resourceId, TimeRange range, UUID ignoreBookingId) {
        return booking.isActive()
                && booking.resourceId().equals(resourceId)
                && !booking.id().equals(ignoreBookingId)
                && booking.range().overlaps(range);
    }
}
