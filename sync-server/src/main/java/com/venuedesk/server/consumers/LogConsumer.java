package com.venuedesk.server.consumers;

import com.venuedesk.server.history.ChangeFeed;
import org.hibernate.Session;

/**
 * A named server-side reader of the venue's history (notifications, payment jobs, rollups, business counters), run by
 * {@link LogConsumers}: every event once per consumer, in commit order, never skipping a late commit.
 *
 * <p>{@link #handle} runs inside the transaction that also moves the consumer's cursor past the event. What a handler
 * writes to the database therefore happens exactly once (the event counts, the cursor moves, or neither). An effect
 * outside the database (an e-mail, a gateway call) can happen again when the transaction fails after it, so a handler
 * does not perform one directly: it records the intent in the database (a notification row, a payment job) under a key
 * derived from the event, and a sender delivers it with that key as its idempotency key. Handlers use plain SQL on the
 * session (no managed entities), because a failed event is rolled back to a savepoint.
 */
public interface LogConsumer {

    /** Stable name: the key of the consumer's cursor row; renaming a consumer starts it from the beginning again. */
    String name();

    /** Handles one event; an exception means "not done", and the event is retried with backoff, then parked. */
    void handle(Session session, ChangeFeed.Row event) throws Exception;

    /** Called after each round in every server instance, whichever ran the batch (e.g. to refresh what it shows). */
    default void afterRound() {
    }
}
