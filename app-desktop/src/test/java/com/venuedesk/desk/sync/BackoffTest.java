package com.venuedesk.desk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theWaitDoublesWithEachFailureUntilTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2, () -> 0.0);

        assertThat(IntStream.rangeClosed(1, 8).mapToObj(backoff::delay).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(backoff.delay(10_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterShortensTheWaitByAtMostItsFraction() {
        Backoff jittered = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 0.25, () -> 0.999);

        assertThat(jittered.delay(3)).isBetween(Duration.ofMillis(3000), Duration.ofMillis(4000));
        assertThat(jittered.delay(20)).isBetween(Duration.ofMillis(225_000), Duration.ofMinutes(5));
    }

    @Test
    void nonsensicalSettingsAreRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
