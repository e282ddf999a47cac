package com.venuedesk.model.rules;

/**
 * Whether a resource may be booked for a time range as far as opening hours, closures and blackouts go
 * (not whether another booking holds it: see {@link ConflictRules}). Handle both cases with {@code instanceof}.
 */
public sealed interface Bookability permits Bookability.Bookable, Bookability.NotBookable {

    /** The range lies inside the resource's opening hours and touches no blackout. */
    record Bookable() implements Bookability { }

    /**
     * The range cannot be booked.
     *
     * @param field  the request field to blame ("start", "end" or "resourceId"), for problem+json and the desk form
     * @param reason in the venue's words, e.g. "closed on Sundays" or "blackout: Christmas"
     */
    record NotBookable(String field, String reason) implements Bookability { }

    default boolean isBookable() {
        return this instanceof Bookable;
    }
}
