package com.venuedesk.model.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.UUID;

/**
 * Opening hours (available = true) or a recurring closure (available = false) of one resource on one weekday,
 * in the venue's local time, optionally only between validFrom and validTo (inclusive dates).
 * An end of 00:00 means midnight at the end of the day.
 */
public record AvailabilityRule(
        UUID id,
        UUID resourceId,
        DayOfWeek dayOfWeek,
        LocalTime startTime,
        LocalTime endTime,
        boolean available,
        LocalDate validFrom,
        LocalDate validTo,
        long revision) implements SyncedEntity {

    public AvailabilityRule {
        Objects.requireNonNull(id, "id");
        if (resourceId == null) {
            throw new DomainException("resourceId", "resourceId is required");
        }
        if (dayOfWeek == null) {
            throw new DomainException("dayOfWeek", "dayOfWeek is required");
        }
        if (startTime == null) {
            throw new DomainException("startTime", "startTime is required");
        }
        if (endTime == null) {
            throw new DomainException("endTime", "endTime is required");
        }
        if (!endTime.equals(LocalTime.MIDNIGHT) && !endTime.isAfter(startTime)) {
            throw new DomainException("endTime", "endTime must be after startTime");
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw new DomainException("validTo", "validTo must not be before validFrom");
        }
    }

    public boolean appliesOn(LocalDate date) {
        return date.getDayOfWeek() == dayOfWeek
                && (validFrom == null || !date.isBefore(validFrom))
                && (validTo == null || !date.isAfter(validTo));
    }

    public boolean endsAtMidnight() {
        return endTime.equals(LocalTime.MIDNIGHT);
    }
}
