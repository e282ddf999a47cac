package com.venuedesk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.server.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final LoginRateLimiter limiter = new LoginRateLimiter(3, Duration.ofMinutes(1), clock);

    @Test
    void anAddressGetsItsAttemptsPerWindowThenMustWaitForTheNextWindow() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("10.0.0.1")).as("attempt %d", i + 1).isEmpty();
        }
        assertThat(limiter.tryAcquire("10.0.0.1").orElseThrow()).isBetween(1L, 60L);

        clock.advance(Duration.ofSeconds(61));
        assertThat(limiter.tryAcquire("10.0.0.1")).isEmpty();
    }

    @Test
    void oneBusyAddressDoesNotLimitAnother() {
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire("10.0.0.1");
        }
        assertThat(limiter.tryAcquire("10.0.0.1")).isPresent();
        assertThat(limiter.tryAcquire("10.0.0.2")).isEmpty();
    }

    @Test
    void theWaitShrinksAsTheWindowRunsOut() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("10.0.0.1");
        }
        long first = limiter.tryAcquire("10.0.0.1").orElseThrow();
        clock.advance(Duration.ofSeconds(40));
        long later = limiter.tryAcquire("10.0.0.1").orElseThrow();

        assertThat(later).isLessThan(first).isLessThanOrEqualTo(21L);
    }
}
