package com.venuedesk.server.analytics;

import com.venuedesk.model.domain.ResourceType;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * What a report covers: the venue days {@code from} to {@code to} (both included, read in each resource's time zone),
 * grouped by {@code granularity}, optionally one resource or one type of resource.
 */
public record AnalyticsFilter(LocalDate from, LocalDate to, Granularity granularity, UUID resourceId,
                              ResourceType resourceType) {
    /** Long enough for three years of history and a year ahead. */
    public static final int MAX_DAYS = 1830;

    public AnalyticsFilter {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(granularity, "granularity");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("a report covers at most " + MAX_DAYS + " days");
        }
    }

    public static AnalyticsFilter days(LocalDate from, LocalDate to) {
        return new AnalyticsFilter(from, to, Granularity.DAY, null, null);
    }

    public AnalyticsFilter withGranularity(Granularity g) {
        return new AnalyticsFilter(from, to, g, resourceId, resourceType);
    }

    public AnalyticsFilter between(LocalDate newFrom, LocalDate newTo) {
        return new AnalyticsFilter(newFrom, newTo, granularity, resourceId, resourceType);
    }
}
