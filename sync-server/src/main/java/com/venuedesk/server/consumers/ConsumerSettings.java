package com.venuedesk.server.consumers;

import java.time.Duration;

/**
 * How consumers run.
 *
 * @param pollInterval how often an idle consumer looks for new events (and refreshes its metrics)
 * @param batchSize    events handled in one transaction at most
 * @param maxAttempts  failures of one event before it is parked
 * @param firstBackoff the wait after an event's first failure; doubled after each further one, up to {@code maxBackoff}
 */
public record ConsumerSettings(Duration pollInterval, int batchSize, int maxAttempts, Duration firstBackoff,
                               Duration maxBackoff) {
    public ConsumerSettings {
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("batchSize and maxAttempts must be positive");
        }
    }

    public static ConsumerSettings defaults() {
        return new ConsumerSettings(Duration.ofMillis(500), 200, 5, Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    /** The wait before attempt {@code failures + 1} of an event. */
    public Duration backoffAfter(int failures) {
        Duration wait = firstBackoff;
        for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
