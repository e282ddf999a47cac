package com.venuedesk.server.booking;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.Slot;
import java.util.List;
import java.util.UUID;

/**
 * What a booking command did. The REST layer and the sync push ({@link BookingCommands}) map these same cases, so
 * a booking made at the desk online or pushed after an outage gets the same answer.
 */
public sealed interface BookingOutcome {

    /** Written; {@code created} is false when a repeated create found the same booking already stored. */
    record Saved(Booking booking, boolean created) implements BookingOutcome { }

    /** Active bookings hold (part of) the time; {@code alternatives} are free slots, best first. */
    record Overlap(List<UUID> conflicts, List<Slot> alternatives) implements BookingOutcome {
        public Overlap {
            conflicts = List.copyOf(conflicts);
            alternatives = List.copyOf(alternatives);
        }
    }

    /** The booking changed since the caller read it; here is the current one. */
    record StaleRevision(Booking current) implements BookingOutcome { }

    /** A create reused the id of a different booking. */
    record IdInUse(Booking existing) implements BookingOutcome { }

    /** The lifecycle does not allow this step from the booking's status; {@code reason} says why. */
    record RefusedTransition(Booking current, String reason) implements BookingOutcome { }

    /** The input breaks a rule (including: the resource is closed then); {@code field} names it. */
    record Invalid(String field, String reason) implements BookingOutcome { }

    /** The caller's role may not do this. */
    record Forbidden(String reason) implements BookingOutcome { }

    /** No such booking. */
    record NotFound(UUID id) implements BookingOutcome { }
}
