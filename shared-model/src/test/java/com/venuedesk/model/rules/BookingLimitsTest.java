package com.venuedesk.model.rules;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.venuedesk.model.domain.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BookingLimitsTest {
    private static final Instant NINE = Instant.parse("2026-12-06T09:00:00Z");
    private final BookingLimits limits = BookingLimits.standard();

    @Test
    void aBookingOfAtMostTheLongestLengthInsideTheCalendarPasses() {
        assertThatCode(() -> limits.checkBooking("start", NINE, "end", NINE.plus(Duration.ofDays(28))))
                .doesNotThrowAnyException();
    }

    @Test
    void aBookingLongerThanTheVenueTakesIsRefusedNamingTheEnd() {
        assertThatThrownBy(() -> limits.checkBooking("start", NINE, "end", NINE.plus(Duration.ofDays(28)).plusSeconds(1)))
                .isInstanceOfSatisfying(DomainException.class, e -> org.assertj.core.api.Assertions.assertThat(e.field())
                        .isEqualTo("end")).hasMessageContaining("28 days");
        assertThatThrownBy(() -> limits.withMaxBookingLength(Duration.ofHours(4))
                .checkBooking("start", NINE, "end", NINE.plus(Duration.ofHours(5)))).hasMessageContaining("4 hours");
    }

    @Test
    void timesOutsideTheCalendarWindowAreRefusedNamingTheirField() {
        assertThatThrownBy(() -> limits.checkBooking("start", Instant.parse("1999-12-31T23:00:00Z"), "end", NINE))
                .isInstanceOfSatisfying(DomainException.class, e -> org.assertj.core.api.Assertions.assertThat(e.field())
                        .isEqualTo("start"));
        assertThatThrownBy(() -> limits.checkQuery("from", NINE, "to", Instant.parse("+99999-01-01T00:00:00Z")))
                .isInstanceOfSatisfying(DomainException.class, e -> org.assertj.core.api.Assertions.assertThat(e.field())
                        .isEqualTo("to"));
        assertThatThrownBy(() -> limits.checkDay("startDate", LocalDate.of(2100, 1, 2))).isInstanceOf(DomainException.class);
        assertThatCode(() -> limits.checkInstant("at", null)).doesNotThrowAnyException();
    }

    @Test
    void aReadSpansAtMostTheQuerySpanAndTheEndComesAfterTheStart() {
        assertThatCode(() -> limits.checkQuery("from", NINE, "to", NINE.plus(Duration.ofDays(93)))).doesNotThrowAnyException();
        assertThatThrownBy(() -> limits.checkQuery("from", NINE, "to", NINE.plus(Duration.ofDays(94))))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> limits.checkBooking("start", NINE, "end", NINE)).hasMessageContaining("after");
    }
}
