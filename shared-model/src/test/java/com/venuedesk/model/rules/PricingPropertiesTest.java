package com.venuedesk.model.rules;

import static com.venuedesk.model.rules.Venue.BERLIN;
import static com.venuedesk.model.rules.Venue.NEW_YORK;
import static com.venuedesk.model.rules.Venue.booking;
import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.TimeRange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** Pricing over random bookings, neighbours and discounts drawn from {@code new Random(n)} for repetition n. */
class PricingPropertiesTest {
    private static final String SEEDED = "{displayName} [seed {currentRepetition}]";

    @RepeatedTest(value = 300, name = SEEDED)
    void theLinesAddUpToTheTotalWhichIsNeverNegativeAndNeverAboveTheSurchargedPrice(RepetitionInfo seed) {
        Random random = new Random(seed.getCurrentRepetition());
        ZoneId zone = random.nextBoolean() ? BERLIN : NEW_YORK;
        Resource room = Venue.room("Room", 6, random.nextInt(20000) / 100 + "." + String.format("%02d", random.nextInt(100)), zone);
        Instant start = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
        TimeRange range = TimeRange.of(start, Duration.ofMinutes(1 + random.nextInt(48 * 60)));
        List<Booking> nearby = new ArrayList<>();
        int count = random.nextInt(15);
        for (int i = 0; i < count; i++) {
            nearby.add(booking("n" + i, room.id(), range.shift(Duration.ofMinutes(random.nextInt(600) - 300)),
                    BookingStatus.CONFIRMED));
        }
        List<Discount> discounts = new ArrayList<>();
        int discountCount = random.nextInt(3);
        for (int i = 0; i < discountCount; i++) {
            discounts.add(random.nextBoolean()
                    ? Discount.percent("P" + i, "", BigDecimal.valueOf(random.nextInt(10001), 2))
                    : Discount.fixed("F" + i, "", new Money(BigDecimal.valueOf(random.nextInt(20000), 2), "EUR")));
        }

        PriceQuote quote = Pricing.quote(room, range, nearby, discounts, PricingPolicy.standard());
        PriceQuote undiscounted = Pricing.quote(room, range, nearby, List.of(), PricingPolicy.standard());

        Money sum = quote.lines().stream().map(PriceLine::amount).reduce(Money.zero("EUR"), Money::plus);
        assertThat(sum).isEqualTo(quote.total());
        assertThat(quote.total().isNegative()).isFalse();
        assertThat(quote.total().amount()).isLessThanOrEqualTo(undiscounted.total().amount());
        BigDecimal minimum = room.pricePerHour().amount().multiply(BigDecimal.valueOf(range.duration().toMinutes()))
                .divide(BigDecimal.valueOf(60), 10, RoundingMode.HALF_EVEN);
        assertThat(undiscounted.total().amount()).isGreaterThanOrEqualTo(minimum.setScale(2, RoundingMode.FLOOR));
    }
}
