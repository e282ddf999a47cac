package com.venuedesk.model.rules;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.Slot;
import com.venuedesk.model.domain.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Alternatives to offer when the wanted slot is taken or closed, best first. Deterministic: no clock, no randomness.
 *
 * <ol>
 *   <li>The same resource, same length, at the nearest free and bookable starts: wanted start plus or minus whole
 *       multiples of {@code step} within {@code searchHorizon}, ordered by distance from the wanted start, the earlier
 *       one first when two are equally far. The wanted slot itself is never offered.</li>
 *   <li>Then the wanted time on similar resources: other active resources of the same type with at least the requested
 *       capacity, ordered by capacity closest to the requested one, then name, then id.</li>
 * </ol>
 *
 * Every suggestion is {@link Bookability.Bookable} per {@link Availability#check} and free per {@link ConflictRules}.
 * The bookings are grouped and sorted once; each candidate then costs two binary searches.
 */
public final class SlotSuggester {

    private SlotSuggester() {
    }

    /** Up to {@code request.maxResults()} distinct suggestions, best first. */
    public static List<Slot> suggest(SuggestionRequest request) {
        List<Slot> slots = new ArrayList<>();
        if (request.maxResults() == 0) {
            return slots;
        }
        Map<UUID, List<TimeRange>> busy = busyTimesByResource(request.bookings());
        addSameResourceSlots(request, busy.getOrDefault(request.requested().id(), List.of()), slots);
        addSimilarResourceSlots(request, busy, slots);
        return slots;
    }

    private static void addSameResourceSlots(SuggestionRequest request, List<TimeRange> busy, List<Slot> slots) {
        Resource resource = request.requested();
        if (!resource.active()) {
            return;
        }
        TimeRange wanted = request.wanted();
        ZoneId zone = resource.timeZone();
        List<TimeRange> open = Availability.openWindows(resource,
                Availability.localDate(wanted.start().minus(request.searchHorizon()), zone),
                Availability.localDate(wanted.end().plus(request.searchHorizon()), zone),
                request.rulesOf(resource.id()), request.blackouts());
        long steps = request.searchHorizon().toNanos() / request.step().toNanos();
        for (long k = 1; k <= steps; k++) {
            Duration offset = request.step().multipliedBy(k);
            if (offerIfFree(request, wanted.shift(offset.negated()), open, busy, slots)
                    || offerIfFree(request, wanted.shift(offset), open, busy, slots)) {
                return;
            }
        }
    }

    /** Adds the candidate when it fits; true once the list is full. */
    private static boolean offerIfFree(SuggestionRequest request, TimeRange candidate, List<TimeRange> open,
                                       List<TimeRange> busy, List<Slot> slots) {
        if (startsEarlyEnough(request, candidate) && Intervals.anyContains(open, candidate)
                && !Intervals.anyOverlaps(busy, candidate)) {
            slots.add(Slot.of(request.requested().id(), candidate));
        }
        return slots.size() >= request.maxResults();
    }

    private static void addSimilarResourceSlots(SuggestionRequest request, Map<UUID, List<TimeRange>> busy,
                                                List<Slot> slots) {
        if (slots.size() >= request.maxResults() || !startsEarlyEnough(request, request.wanted())) {
            return;
        }
        for (Resource candidate : similarResources(request)) {
            boolean bookable = Availability.check(candidate, request.wanted(), request.rulesOf(candidate.id()),
                    request.blackouts()).isBookable();
            if (bookable && !Intervals.anyOverlaps(busy.getOrDefault(candidate.id(), List.of()), request.wanted())) {
                slots.add(Slot.of(candidate.id(), request.wanted()));
                if (slots.size() >= request.maxResults()) {
                    return;
                }
            }
        }
    }

    /** Other active resources of the same type that seat at least as many, closest capacity first. */
    static List<Resource> similarResources(SuggestionRequest request) {
        Resource requested = request.requested();
        Map<UUID, Resource> distinct = new LinkedHashMap<>();
        for (Resource r : request.allResources()) {
            if (r.active() && !r.id().equals(requested.id()) && r.type() == requested.type()
                    && r.capacity() >= requested.capacity()) {
                distinct.putIfAbsent(r.id(), r);
            }
        }
        List<Resource> similar = new ArrayList<>(distinct.values());
        similar.sort(Comparator.comparingInt((Resource r) -> r.capacity() - requested.capacity())
                .thenComparing(Resource::name)
                .thenComparing(Resource::id));
        return similar;
    }

    private static boolean startsEarlyEnough(SuggestionRequest request, TimeRange candidate) {
        Instant notBefore = request.notBefore();
        return notBefore == null || !candidate.start().isBefore(notBefore);
    }

    /** Per resource, the times its active bookings hold, merged and sorted. */
    private static Map<UUID, List<TimeRange>> busyTimesByResource(Iterable<Booking> bookings) {
        Map<UUID, List<TimeRange>> byResource = new HashMap<>();
        for (Booking booking : bookings) {
            if (booking.isActive()) {
                byResource.computeIfAbsent(booking.resourceId(), id -> new ArrayList<>()).add(booking.range());
            }
        }
        byResource.replaceAll((id, ranges) -> Intervals.merge(ranges));
        return byResource;
    }
}
