package com.venuedesk.desk.booking;

import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.Slot;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.rules.Availability;
import com.venuedesk.model.rules.Bookability;
import com.venuedesk.model.rules.ConflictRules;
import com.venuedesk.model.rules.PriceQuote;
import com.venuedesk.model.rules.Pricing;
import com.venuedesk.model.rules.PricingPolicy;
import com.venuedesk.model.rules.SlotSuggester;
import com.venuedesk.model.rules.SuggestionRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the booking dialog shows before saving: whether the slot is open and free on this desk's copy, the price
 * quote, and when it is taken the ranked free alternatives. Uses the shared rules, as the store and server do.
 *
 * @param closedReason why the resource is not open then (opening hours, blackout), if it is not
 * @param conflicts    active bookings in the way
 */
public record BookingPreview(Optional<String> closedReason, List<Booking> conflicts, List<Slot> alternatives,
                             Optional<PriceQuote> quote) {
    private static final Duration NEARBY = Duration.ofDays(1);
    private static final int ALTERNATIVES = 5;

    public boolean bookable() {
        return closedReason.isEmpty() && conflicts.isEmpty();
    }

    /** As {@link #of(LocalBookings, Resource, TimeRange, UUID, Instant)} for a new booking. */
    public static BookingPreview of(LocalBookings bookings, Resource resource, TimeRange range, Instant now) {
        return of(bookings, resource, range, null, now);
    }

    /**
     * Reads what the rules need from the local store; run in the background. {@code changing} is the booking being
     * changed (it does not clash with itself), null for a new one; no alternative starts before {@code now}.
     */
    public static BookingPreview of(LocalBookings bookings, Resource resource, TimeRange range, UUID changing, Instant now) {
        List<AvailabilityRule> rules = bookings.rules(resource.id());
        List<Blackout> blackouts = bookings.blackouts();
        List<Booking> nearby = bookings.bookingsBetween(range.start().minus(NEARBY), range.end().plus(NEARBY));
        Optional<String> closed = Optional.empty();
        if (Availability.check(resource, range, rules, blackouts) instanceof Bookability.NotBookable notBookable) {
            closed = Optional.of(notBookable.reason());
        }
        List<Booking> conflicts = ConflictRules.conflictsWith(resource.id(), range, changing, nearby);
        List<Slot> alternatives = List.of();
        if (!conflicts.isEmpty() || closed.isPresent()) {
            List<Resource> all = bookings.resources();
            Map<UUID, List<AvailabilityRule>> rulesByResource = new HashMap<>();
            for (Resource other : all) {
                rulesByResource.put(other.id(), bookings.rules(other.id()));
            }
            List<Booking> around = bookings.bookingsBetween(range.start().minus(Duration.ofDays(7)), range.end().plus(Duration.ofDays(7)))
                    .stream().filter(b -> !b.id().equals(changing)).toList();
            alternatives = SlotSuggester.suggest(new SuggestionRequest(resource, range, all, rulesByResource, blackouts,
                    around, ALTERNATIVES, Duration.ofDays(7), Duration.ofMinutes(15), now));
        }
        List<Booking> sameResource = nearby.stream().filter(b -> b.resourceId().equals(resource.id()))
                .filter(b -> !b.id().equals(changing)).toList();
        PriceQuote quote = Pricing.quote(resource, range, sameResource, List.of(), PricingPolicy.standard());
        return new BookingPreview(closed, conflicts, alternatives, Optional.of(quote));
    }
}
