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
 *       one first when two are equally far. The wanted slot itself is never offered, and no two of these overlap:
 *       a clerk offers a guest real choices (9:00 or 11:00), not 11:00, 11:15 and 11:30.</li>
 *   <li>Then the wanted time on similar resources: other active resources of the same type with at least the requested
 *       capacity, ordered by capacity closest to the requested one, then name, then id. When such resources are free,
 *       up to half of {@code maxResults} (rounded down) is kept for them, so the list is not all one room.</li>
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
        int max = request.maxResults();
        if (max == 0) {
            return new ArrayList<>();
        }
        Map<UUID, List<TimeRange>> busy = busyTimesByResource(request.bookings());
        List<Slot> elsewhere = similarResourceSlots(request, busy, max);
        int keptForElsewhere = Math.min(elsewhere.size(), max / 2);
        List<Slot> slots = sameResourceSlots(request, busy.getOrDefault(request.requested().id(), List.of()),
                max - keptForElsewhere);
        slots.addAll(elsewhere.subList(0, Math.min(elsewhere.size(), max - slots.size())));
        return slots;
    }

    private static List<Slot> sameResourceSlots(SuggestionRequest request, List<TimeRange> busy, int limit) {
        List<Slot> slots = new ArrayList<>();
        Resource resource = request.requested();
        if (!resource.active() || limit <= 0) {
            return slots;
        }
        TimeRange wanted = request.wanted();
        ZoneId zone = resource.timeZone();
        List<TimeRange> open = Availability.openWindows(resource,
                Availability.localDate(wanted.start().minus(request.searchHorizon()), zone),
                Availability.localDate(wanted.end().plus(request.searchHorizon()), zone),
                request.rulesOf(resource.id()), request.blackouts());
        List<TimeRange> offered = new ArrayList<>();
        long steps = request.searchHorizon().toNanos() / request.step().toNanos();
        for (long k = 1; k <= steps && slots.size() < limit; k++) {
            Duration offset = request.step().multipliedBy(k);
            offerIfFree(request, wanted.shift(offset.negated()), open, busy, offered, slots);
            if (slots.size() < limit) {
                offerIfFree(request, wanted.shift(offset), open, busy, offered, slots);
            }
        }
        return slots;
    }

    /** Adds the candidate when it is open, free, and overlaps none of the slots already offered. */
    private static void offerIfFree(SuggestionRequest request, TimeRange candidate, List<TimeRange> open,
                                    List<TimeRange> busy, List<TimeRange> offered, List<Slot> slots) {
        if (startsEarlyEnough(request, candidate) && Intervals.anyContains(open, candidate)
                && !Intervals.anyOverlaps(busy, candidate) && offered.stream().noneMatch(candidate::overlaps)) {
            offered.add(candidate);
            slots.add(Slot.of(request.requested().id(), candidate));
        }
    }

    private static List<Slot> similarResourceSlots(SuggestionRequest request, Map<UUID, List<TimeRange>> busy, int limit) {
        List<Slot> slots = new ArrayList<>();
        if (!startsEarlyEnough(request, request.wanted())) {
            return slots;
        }
        for (Resource candidate : similarResources(request)) {
            boolean bookable = Availability.check(candidate, request.wanted(), request.rulesOf(candidate.id()),
                    request.blackouts()).isBookable();
            if (bookable && !Intervals.anyOverlaps(busy.getOrDefault(candidate.id(), List.of()), request.wanted())) {
                slots.add(Slot.of(candidate.id(), request.wanted()));
                if (slots.size() >= limit) {
                    break;
                }
            }
        }
        return slots;
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
