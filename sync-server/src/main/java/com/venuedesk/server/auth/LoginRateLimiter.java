package com.venuedesk.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Limits login attempts per client address (a resilience4j rate limiter per address, kept in a Caffeine cache that
 * forgets quiet addresses). The limiters read time from the server clock, so the window moves with it.
 */
public final class LoginRateLimiter {
    private final Cache<String, AtomicRateLimiter> limiters;
    private final RateLimiterConfig config;
    private final Supplier<Long> nanoTime;

    public LoginRateLimiter(int attemptsPerWindow, Duration window, Clock clock) {
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(attemptsPerWindow)
                .limitRefreshPeriod(window)
                .timeoutDuration(Duration.ZERO)
                .build();
        this.nanoTime = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.limiters = Caffeine.newBuilder()
                .expireAfterAccess(window.multipliedBy(2))
                .maximumSize(100_000)
                .build();
    }

    /**
     * Counts one attempt from the address.
     *
     * @return empty when the attempt may go ahead, otherwise how many seconds the address must wait
     */
    public OptionalLong tryAcquire(String clientAddress) {
        AtomicRateLimiter limiter = limiters.get(clientAddress, address -> new AtomicRateLimiter("login-" + address, config,
                Map.of(), nanoTime));
        if (limiter.acquirePermission()) {
            return OptionalLong.empty();
        }
        long nanos = limiter.getDetailedMetrics().getNanosToWait();
        return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
}
