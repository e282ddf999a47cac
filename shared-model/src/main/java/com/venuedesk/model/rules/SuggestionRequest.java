package com.venuedesk.model.rules;

import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.DomainException;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What {@link SlotSuggester} needs to offer alternatives to a slot that is taken or closed.
 *
 * @param requested       the resource the guest asked for
 * @param wanted          the time the guest asked for
 * @param allResources    candidates for "the same time elsewhere" (the requested one may be among them)
 * @param rulesByResource availability rules per resource id; a missing entry means no rules (open around the clock)
 * @param blackouts       all blackouts (those with a null resource apply to every resource)
 * @param bookings        existing bookings of any resource; only active ones block
 * @param maxResults      at most this many suggestions
 * @param searchHorizon   how far before and after the wanted start to look on the requested resource, e.g. 7 days
 * @param step            candidate starts are the wanted start plus or minus whole multiples of this, e.g. 15 minutes
 * @param notBefore       no suggestion starts before this instant (pass "now" from the caller's clock); null for none
 */
public record SuggestionRequest(
        Resource requested,
        TimeRange wanted,
        Collection<Resource> allResources,
        Map<UUID, List<AvailabilityRule>> rulesByResource,
        Collection<Blackout> blackouts,
        Collection<Booking> bookings,
        int maxResults,
        Duration searchHorizon,
        Duration step,
        Instant notBefore) {

    public SuggestionRequest {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(wanted, "wanted");
        allResources = allResources == null ? List.of() : List.copyOf(allResources);
        rulesByResource = rulesByResource == null ? Map.of() : Map.copyOf(rulesByResource);
        blackouts = blackouts == null ? List.of() : List.copyOf(blackouts);
        bookings = bookings == null ? List.of() : List.copyOf(bookings);
        if (maxResults < 0) {
            throw new DomainException("maxResults", "maxResults must not be negative");
        }
        if (searchHorizon == null || searchHorizon.isNegative()) {
            throw new DomainException("searchHorizon", "searchHorizon must not be negative");
        }
        if (step == null || step.isNegative() || step.isZero()) {
            throw new DomainException("step", "step must be positive");
        }
    }

    /** A request with no lower bound on suggested starts. */
    public SuggestionRequest(Resource requested, TimeRange wanted, Collection<Resource> allResources,
                             Map<UUID, List<AvailabilityRule>> rulesByResource, Collection<Blackout> blackouts,
                             Collection<Booking> bookings, int maxResults, Duration searchHorizon, Duration step) {
        this(requested, wanted, allResources, rulesByResource, blackouts, bookings, maxResults, searchHorizon, step, null);
    }

    /** The rules of one resource, empty when it has none. */
    public List<AvailabilityRule> rulesOf(UUID resourceId) {
        List<AvailabilityRule> rules = rulesByResource.get(resourceId);
        return rules == null ? List.of() : rules;
    }
}
