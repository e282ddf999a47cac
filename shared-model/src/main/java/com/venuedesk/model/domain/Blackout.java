package com.venuedesk.model.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * Whole days on which a resource (or, with a null resourceId, every resource of the venue) cannot be booked,
 * from startDate to endDate inclusive, in the venue's local dates.
 */
public record Blackout(UUID id, UUID resourceId, LocalDate startDate, LocalDate endDate, String reason, long revision) implements SyncedEntity {

    public Blackout {
        Objects.requireNonNull(id, "id");
        if (startDate == null) {
            throw new DomainException("startDate", "startDate is required");
        }
        if (endDate == null) {
            throw new DomainException("endDate", "endDate is required");
        }
        if (endDate.isBefore(startDate)) {
            throw new DomainException("endDate", "endDate must not be before startDate");
        }
        reason = reason == null ? "" : reason;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate);
    }

    public boolean appliesTo(UUID resource) {
        return resourceId == null || resourceId.equals(resource);
    }
}
