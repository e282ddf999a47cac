package com.venuedesk.model.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open interval [start, end) on the timeline. A range whose end is not after its start cannot exist,
 * so a booking ending at 10:00 never clashes with one starting at 10:00.
 */
public record TimeRange(Instant start, Instant end) {

    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new DomainException("end", "end must be after start");
        }
    }

    public static TimeRange of(Instant start, Duration length) {
        return new TimeRange(start, start.plus(length));
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** Half-open overlap: touching ranges do not overlap. */
    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(TimeRange other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    public TimeRange shift(Duration by) {
        return new TimeRange(start.plus(by), end.plus(by));
    }
}
