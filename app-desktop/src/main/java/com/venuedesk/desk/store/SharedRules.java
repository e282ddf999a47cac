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
 * {@link BookingRules} for the desk. Interim implementation, to be replaced by calls to the shared-model rules
 * ({@code com.venuedesk.model.rules}: {@code ConflictRules.conflictsWith}, {@code Availability.check},
 * {@code SlotSuggester.suggest}) when that branch is merged: until then it checks half-open overlap of active
 * bookings exactly as the server does, treats every resource as bookable at any time, and suggests no
 * alternatives (the server's conflict answer still brings its alternatives to the conflict inbox).
 */
final class SharedRules implements BookingRules {

    @Override
    public List<Booking> conflictsWith(UUID resourceId, TimeRange range, UUID ignoreBookingId, Collection<Booking> existing) {
        return existing.stream()
                .filter(b -> !b.id().equals(ignoreBookingId))
                .filter(Booking::isActive)
                .filter(b -> b.resourceId().equals(resourceId))
                .filter(b -> b.range().overlaps(range))
                .toList();
    }

    @Override
    public Optional<RuleViolation> availabilityProblem(Resource resource, TimeRange range, List<AvailabilityRule> rules,
                                                       List<Blackout> blackouts) {
        return Optional.empty();
    }

    @Override
    public List<Slot> alternatives(Resource resource, TimeRange wanted, Collection<Booking> existing,
                                   List<AvailabilityRule> rules, List<Blackout> blackouts) {
        return List.of();
    }
}
