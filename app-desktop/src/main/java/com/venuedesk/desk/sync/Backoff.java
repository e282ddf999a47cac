package com.venuedesk.desk.sync;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter for retries while the server is unreachable: the n-th consecutive failure
 * waits {@code initial x 2^(n-1)}, capped at {@code max}, shortened by up to {@code jitter} (a fraction) at
 * random so that many desks coming back after an outage do not knock all at once.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final double jitter;
    private final DoubleSupplier random;

    public Backoff(Duration initial, Duration max, double jitter) {
        this(initial, max, jitter, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random values in [0, 1), injected so tests can pin the jitter */
    public Backoff(Duration initial, Duration max, double jitter, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter is a fraction between 0 and 1, got " + jitter);
        }
        this.initial = initial;
        this.max = max;
        this.jitter = jitter;
        this.random = random;
    }

    /** 1 s doubling up to 5 min, with 20 % jitter. */
    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 0.2);
    }

    /** The wait before retrying after {@code consecutiveFailures} failures in a row (at least 1). */
    public Duration delay(int consecutiveFailures) {
        int doublings = Math.min(Math.max(consecutiveFailures, 1) - 1, 40);
        long maxMillis = max.toMillis();
        long base = Math.min(maxMillis, initial.toMillis() * (1L << Math.min(doublings, 30)));
        if (doublings > 30) {
            base = maxMillis;
        }
        long shortened = Math.round(base * (1.0 - jitter * random.getAsDouble()));
        return Duration.ofMillis(Math.max(1, shortened));
    }
}
