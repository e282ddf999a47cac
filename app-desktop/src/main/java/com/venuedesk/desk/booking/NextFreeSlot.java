package com.venuedesk.desk.booking;

import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.rules.Availability;
import com.venuedesk.model.rules.ConflictRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a new booking starts when the clerk asks for one without picking a time (Ctrl+N): the first start on the
 * step grid at or after {@code from} at which the resource is open and free for {@code length}. Never the past.
 */
public final class NextFreeSlot {
    public static final Duration STEP = Duration.ofMinutes(15);
    private static final Duration HORIZON = Duration.ofDays(7);

    private NextFreeSlot() {
    }

    /** Reads the store; run in the background. Empty when the resource has no free time in the coming week. */
    public static Optional<TimeRange> find(LocalBookings bookings, Resource resource, Instant from, Duration length) {
        List<AvailabilityRule> rules = bookings.rules(resource.id());
        List<Blackout> blackouts = bookings.blackouts();
        List<Booking> held = bookings.bookingsBetween(from, from.plus(HORIZON).plus(length));
        return find(resource, from, length, rules, blackouts, held);
    }

    static Optional<TimeRange> find(Resource resource, Instant from, Duration length, List<AvailabilityRule> rules,
                                    List<Blackout> blackouts, List<Booking> held) {
        Instant start = ceil(from);
        Instant last = from.plus(HORIZON);
        while (!start.isAfter(last)) {
            TimeRange candidate = new TimeRange(start, start.plus(length));
            if (Availability.check(resource, candidate, rules, blackouts).isBookable()
                    && ConflictRules.isFree(resource.id(), candidate, null, held)) {
                return Optional.of(candidate);
            }
            start = start.plus(STEP);
        }
        return Optional.empty();
    }

    /** The next quarter hour at or after {@code instant} (zone-independent for whole-quarter offsets). */
    public static Instant ceil(Instant instant) {
        long step = STEP.toSeconds();
        long seconds = instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
        return Instant.ofEpochSecond(((seconds + step - 1) / step) * step);
    }
}
