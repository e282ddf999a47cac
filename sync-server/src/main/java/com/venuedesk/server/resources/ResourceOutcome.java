package com.venuedesk.server.resources;

import java.util.UUID;

/**
 * What a resource, availability-rule or blackout command did. The REST layer and the sync push map the same cases.
 *
 * @param <T> the record written
 */
public sealed interface ResourceOutcome<T> {

    /** Written; {@code created} when the record is new. */
    record Saved<T>(T value, boolean created) implements ResourceOutcome<T> { }

    /** The caller's expected revision is not the stored one; here is the current record. */
    record StaleRevision<T>(T current) implements ResourceOutcome<T> { }

    /** The input breaks a rule; {@code field} names it. */
    record Invalid<T>(String field, String reason) implements ResourceOutcome<T> { }

    /** The caller's role may not do this. */
    record Forbidden<T>(String reason) implements ResourceOutcome<T> { }

    /** No such record (or only its tombstone). */
    record NotFound<T>(String what, UUID id) implements ResourceOutcome<T> { }
}
