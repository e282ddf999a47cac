package com.venuedesk.model.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * A booking's lifecycle: PENDING -> CONFIRMED -> COMPLETED, or CANCELLED, or NO_SHOW.
 * PENDING and CONFIRMED are active: they hold the resource's time.
 */
public enum BookingStatus {
    PENDING, CONFIRMED, COMPLETED, CANCELLED, NO_SHOW;

    public boolean isActive() {
        return this == PENDING || this == CONFIRMED;
    }

    public Set<BookingStatus> allowedNext() {
        return switch (this) {
            case PENDING -> EnumSet.of(CONFIRMED, CANCELLED);
            case CONFIRMED -> EnumSet.of(COMPLETED, CANCELLED, NO_SHOW);
            case COMPLETED, CANCELLED, NO_SHOW -> EnumSet.noneOf(BookingStatus.class);
        };
    }

    /** The transition to {@code next}, or the reason it is refused. */
    public Transition transitionTo(BookingStatus next) {
        if (allowedNext().contains(next)) {
            return new Transition.Allowed(this, next);
        }
        String why = allowedNext().isEmpty()
                ? "a " + name() + " booking is final and cannot become " + next
                : "a " + name() + " booking can become " + allowedNext() + ", not " + next;
        return new Transition.Refused(this, next, why);
    }

    /** Outcome of asking for a status change. */
    public sealed interface Transition {
        record Allowed(BookingStatus from, BookingStatus to) implements Transition { }

        record Refused(BookingStatus from, BookingStatus to, String reason) implements Transition { }
    }
}
