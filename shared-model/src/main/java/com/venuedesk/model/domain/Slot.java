package com.venuedesk.model.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A free time on one resource, offered as an alternative when the asked-for slot is taken. */
public record Slot(UUID resourceId, Instant start, Instant end) {
    public Slot {
        Objects.requireNonNull(resourceId, "resourceId");
        new TimeRange(start, end);
    }

    public static Slot of(UUID resourceId, TimeRange range) {
        return new Slot(resourceId, range.start(), range.end());
    }

    public TimeRange range() {
        return new TimeRange(start, end);
    }
}
