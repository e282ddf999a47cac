package com.venuedesk.server.analytics;

import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.rules.Availability;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The minutes each resource was open, from the same rules that decide whether it can be booked
 * ({@link Availability#openWindows}): opening hours less closures and blackout days, in the resource's zone, so a
 * DST day's 08:00-20:00 is still 12 hours and a resource open around the clock has 23 or 25 hours that day. A resource
 * with no opening hours of its own is bookable at any time, so all its hours count as open (less its closures and
 * blackouts); an inactive resource is open for none. Seconds are kept per resource, local day and local hour, so that
 * periods and heatmap cells add up the same way the database cuts booked time.
 */
final class OpenMinutes {
    /** Open seconds of one resource in one local hour of one local day. */
    private record Slot(UUID resourceId, LocalDate day, int weekday, int hour) {
    }

    private final Map<Slot, Long> seconds = new HashMap<>();

    private OpenMinutes() {
    }

    static OpenMinutes of(Collection<Resource> resources, Map<UUID, List<AvailabilityRule>> rules,
                          List<Blackout> blackouts, LocalDate from, LocalDate to) {
        OpenMinutes open = new OpenMinutes();
        for (Resource resource : resources) {
            List<TimeRange> windows = Availability.openWindows(resource, from, to,
                    rules.getOrDefault(resource.id(), List.of()), blackouts);
            for (TimeRange window : windows) {
                open.add(resource.id(), resource.timeZone(), window);
            }
        }
        return open;
    }

    private void add(UUID resourceId, ZoneId zone, TimeRange window) {
        Instant t = window.start();
        while (t.isBefore(window.end())) {
            ZonedDateTime local = t.atZone(zone);
            Instant hourEnd = local.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
            Instant end = hourEnd.isBefore(window.end()) ? hourEnd : window.end();
            LocalDate day = local.toLocalDate();
            seconds.merge(new Slot(resourceId, day, day.getDayOfWeek().getValue(), local.getHour()),
                    end.getEpochSecond() - t.getEpochSecond(), Long::sum);
            t = end;
        }
    }

    /** Open minutes per resource and period. */
    Map<UUID, Map<LocalDate, Long>> byResourceAndPeriod(Granularity granularity) {
        Map<UUID, Map<LocalDate, Long>> all = new HashMap<>();
        seconds.forEach((slot, s) -> all.computeIfAbsent(slot.resourceId(), k -> new HashMap<>())
                .merge(granularity.periodOf(slot.day()), s, Long::sum));
        all.values().forEach(OpenMinutes::toMinutes);
        return all;
    }

    /** Open minutes per resource over the whole range. */
    Map<UUID, Long> byResource() {
        Map<UUID, Long> all = new HashMap<>();
        seconds.forEach((slot, s) -> all.merge(slot.resourceId(), s, Long::sum));
        toMinutes(all);
        return all;
    }

    /** Open minutes per heatmap cell, keyed {@code weekday * 100 + hour}. */
    Map<Integer, Long> byWeekdayAndHour() {
        Map<Integer, Long> all = new HashMap<>();
        seconds.forEach((slot, s) -> all.merge(slot.weekday() * 100 + slot.hour(), s, Long::sum));
        toMinutes(all);
        return all;
    }

    long total() {
        return Math.round(seconds.values().stream().mapToLong(Long::longValue).sum() / 60.0);
    }

    private static <K> void toMinutes(Map<K, Long> secondsByKey) {
        secondsByKey.replaceAll((k, s) -> Math.round(s / 60.0));
    }
}
