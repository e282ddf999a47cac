package com.venuedesk.desk.store;

import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.Slot;
import com.venuedesk.model.domain.TimeRange;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The booking rules the desk checks before it records a write: the same rules the server applies, so that a
 * booking the desk accepts offline is refused by the server only when someone else took the time meanwhile.
 */
interface BookingRules {

    /** Active bookings among {@code existing} that overlap {@code range} on the resource, except {@code ignoreBookingId}. */
    List<Booking> conflictsWith(UUID resourceId, TimeRange range, UUID ignoreBookingId, Collection<Booking> existing);

    /** Why the resource cannot be booked for the range (opening hours, blackouts), or empty when it can. */
    Optional<RuleViolation> availabilityProblem(Resource resource, TimeRange range, List<AvailabilityRule> rules,
                                                List<Blackout> blackouts);

    /** Free slots to offer instead of a taken one, best first. */
    List<Slot> alternatives(Resource resource, TimeRange wanted, Collection<Booking> existing,
                            List<AvailabilityRule> rules, List<Blackout> blackouts);

    /** A refused value and why. */
    record RuleViolation(String field, String reason) { }
}
