package com.venuedesk.model.rules;

import static com.venuedesk.model.rules.Venue.BERLIN;
import static com.venuedesk.model.rules.Venue.booking;
import static com.venuedesk.model.rules.Venue.local;
import static com.venuedesk.model.rules.Venue.room;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.DomainException;
import com.venuedesk.model.domain.Location;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.ResourceType;
import com.venuedesk.model.domain.TimeRange;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PricingTest {
    private final Resource boardroom = room("Boardroom", 12, "40.00", BERLIN);
    private final PricingPolicy standard = PricingPolicy.standard();
    // Tuesday 1 December 2026
    private final TimeRange tuesdayEvening = local(BERLIN, "2026-12-01T18:00", "2026-12-01T20:00");

    @Test
    void twoEveningHoursCostTwiceTheHourlyRate() {
        PriceQuote quote = Pricing.quote(boardroom, tuesdayEvening, List.of(), List.of(), standard);

        assertThat(quote.total()).isEqualTo(Money.of("80.00", "EUR"));
        assertThat(quote.lines()).containsExactly(new PriceLine("2.0 h x 40.00 EUR", Money.of("80.00", "EUR")));
    }

    @Test
    void aFourToSixMeetingPaysOnePeakHourAndOneNormalHour() {
        PriceQuote quote = Pricing.quote(boardroom, local(BERLIN, "2026-12-01T16:00", "2026-12-01T18:00"), List.of(),
                List.of(), standard);

        assertThat(quote.lines()).containsExactly(
                new PriceLine("2.0 h x 40.00 EUR", Money.of("80.00", "EUR")),
                new PriceLine("peak hours x1.3 (1.0 h)", Money.of("12.00", "EUR")));
        assertThat(quote.total()).isEqualTo(Money.of("92.00", "EUR"));
    }

    @Test
    void saturdayMorningIsNotPeakTime() {
        PriceQuote quote = Pricing.quote(boardroom, local(BERLIN, "2026-12-05T10:00", "2026-12-05T12:00"), List.of(),
                List.of(), standard);

        assertThat(quote.total()).isEqualTo(Money.of("80.00", "EUR"));
    }

    @Test
    void peakHoursAreReadInTheVenueTimeZoneNotUtc() {
        // 08:00-10:00 UTC is 09:00-11:00 in Berlin in winter: all peak.
        PriceQuote quote = Pricing.quote(boardroom, Venue.utc("2026-12-01T08:00:00Z", "2026-12-01T10:00:00Z"), List.of(),
                List.of(), standard);

        assertThat(quote.total()).isEqualTo(Money.of("104.00", "EUR"));
    }

    @Test
    void twentyMinutesCostAThirdOfAnHourRoundedToTheCent() {
        PriceQuote quote = Pricing.quote(boardroom, local(BERLIN, "2026-12-01T18:00", "2026-12-01T18:20"), List.of(),
                List.of(), standard);

        assertThat(quote.total()).isEqualTo(Money.of("13.33", "EUR"));
        assertThat(quote.lines().get(0).label()).isEqualTo("0.33 h x 40.00 EUR");
    }

    @Test
    void sixOtherBookingsWithinTwoHoursRaiseThePriceByAFifth() {
        PriceQuote quote = Pricing.quote(boardroom, tuesdayEvening, neighbours(6), List.of(), standard);

        assertThat(quote.total()).isEqualTo(Money.of("96.00", "EUR"));
        assertThat(quote.lines().get(1)).isEqualTo(new PriceLine("demand x1.2 (6 other bookings nearby)",
                Money.of("16.00", "EUR")));
    }

    @Test
    void elevenOtherBookingsRaiseThePriceByHalfAndFiveDoNothing() {
        assertThat(Pricing.quote(boardroom, tuesdayEvening, neighbours(11), List.of(), standard).total())
                .isEqualTo(Money.of("120.00", "EUR"));
        assertThat(Pricing.quote(boardroom, tuesdayEvening, neighbours(5), List.of(), standard).total())
                .isEqualTo(Money.of("80.00", "EUR"));
    }

    @Test
    void cancelledBookingsOtherRoomsAndBookingsFarAwayDoNotCountAsDemand() {
        List<Booking> others = new ArrayList<>();
        Resource studio = room("Studio", 4, "20.00", BERLIN);
        for (int i = 0; i < 6; i++) {
            others.add(booking("cancelled " + i, boardroom.id(), tuesdayEvening, BookingStatus.CANCELLED));
            others.add(booking("studio " + i, studio.id(), tuesdayEvening, BookingStatus.CONFIRMED));
            others.add(booking("next day " + i, boardroom.id(), tuesdayEvening.shift(Duration.ofDays(1)),
                    BookingStatus.CONFIRMED));
        }
        // Touching the widened range (ends exactly 2 h before the start) does not count either.
        others.add(booking(boardroom, local(BERLIN, "2026-12-01T15:00", "2026-12-01T16:00"), BookingStatus.CONFIRMED));

        assertThat(Pricing.quote(boardroom, tuesdayEvening, others, List.of(), standard).total())
                .isEqualTo(Money.of("80.00", "EUR"));
    }

    @Test
    void theBookingBeingRescheduledDoesNotCountAsItsOwnDemand() {
        List<Booking> others = neighbours(6);
        UUID moving = others.get(0).id();

        assertThat(Pricing.quote(boardroom, tuesdayEvening, moving, others, List.of(), standard).total())
                .isEqualTo(Money.of("80.00", "EUR"));
    }

    @Test
    void aSummerDiscountOfTenPercentComesOffAfterPeakAndDemand() {
        PriceQuote quote = Pricing.quote(boardroom, local(BERLIN, "2026-12-01T16:00", "2026-12-01T18:00"), neighbours(6),
                List.of(new Discount("SUMMER", "Summer offer", new BigDecimal("10"))), standard);

        // 80 + 12 peak = 92; x1.2 = 110.40; -10% = 99.36
        assertThat(quote.lines()).extracting(PriceLine::label).containsExactly(
                "2.0 h x 40.00 EUR", "peak hours x1.3 (1.0 h)", "demand x1.2 (6 other bookings nearby)",
                "discount SUMMER -10%");
        assertThat(quote.lines().get(3).amount()).isEqualTo(Money.of("-11.04", "EUR"));
        assertThat(quote.total()).isEqualTo(Money.of("99.36", "EUR"));
    }

    @Test
    void aFixedVoucherLargerThanThePriceMakesTheBookingFreeNotNegative() {
        PriceQuote quote = Pricing.quote(boardroom, tuesdayEvening, List.of(),
                List.of(Discount.fixed("GIFT100", "Gift voucher", Money.of("100.00", "EUR"))), standard);

        assertThat(quote.total()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(quote.lines().get(1)).isEqualTo(new PriceLine("discount GIFT100 -100.00 EUR", Money.of("-80.00", "EUR")));
    }

    @Test
    void percentagesAddUpAndStopAtFree() {
        PriceQuote quote = Pricing.quote(boardroom, tuesdayEvening, List.of(), List.of(
                Discount.percent("STAFF", "Staff", new BigDecimal("60")),
                Discount.percent("PARTNER", "Partner", new BigDecimal("60"))), standard);

        assertThat(quote.lines()).extracting(PriceLine::amount).containsExactly(
                Money.of("80.00", "EUR"), Money.of("-48.00", "EUR"), Money.of("-32.00", "EUR"));
        assertThat(quote.total()).isEqualTo(Money.of("0.00", "EUR"));
    }

    @Test
    void moneyIsRoundedOnceAndTheLinesStillAddUpToTheTotal() {
        // 7 minutes at 10.00 is 1.1666..; peak adds 0.35; exact 1.51666.. rounds to 1.52.
        Resource desk = room("Hot Desk", 1, "10.00", BERLIN);
        PriceQuote quote = Pricing.quote(desk, local(BERLIN, "2026-12-01T10:00", "2026-12-01T10:07"), List.of(),
                List.of(Discount.percent("ONE", "", new BigDecimal("1"))), standard);

        Money sum = quote.lines().stream().map(PriceLine::amount).reduce(Money.zero("EUR"), Money::plus);
        assertThat(sum).isEqualTo(quote.total());
        // exact 1.51666.. - 1% = 1.5015 -> 1.50
        assertThat(quote.total()).isEqualTo(Money.of("1.50", "EUR"));
    }

    @Test
    void yenPricesHaveNoCents() {
        Resource tokyo = new Resource(Venue.id("Sakura"), "Sakura", "", ResourceType.MEETING_ROOM, 8,
                Money.of("3333", "JPY"), Location.none(), List.of(), true, null, java.time.ZoneId.of("Asia/Tokyo"), 1);

        PriceQuote quote = Pricing.quote(tokyo, Venue.local(java.time.ZoneId.of("Asia/Tokyo"), "2026-12-05T10:00",
                "2026-12-05T10:30"), List.of(), List.of(), standard);

        assertThat(quote.total()).isEqualTo(new Money(new BigDecimal("1666"), "JPY"));
    }

    @Test
    void aDiscountMustBeBetweenZeroAndHundredPercentAndInThePriceCurrency() {
        assertThatThrownBy(() -> new Discount("GREEDY", "", new BigDecimal("120")))
                .isInstanceOf(DomainException.class).hasMessageContaining("between 0 and 100");
        assertThatThrownBy(() -> new Discount("NEGATIVE", "", new BigDecimal("-5")))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Pricing.quote(boardroom, tuesdayEvening, List.of(),
                List.of(Discount.fixed("USD5", "", Money.of("5.00", "USD"))), standard))
                .isInstanceOf(DomainException.class).hasMessageContaining("USD");
    }

    @Test
    void theStandardPolicyIsTheSeedsRules() {
        assertThat(standard.peakMultiplier()).isEqualByComparingTo("1.3");
        assertThat(standard.demandMultiplier(11)).isEqualByComparingTo("1.5");
        assertThat(standard.demandMultiplier(10)).isEqualByComparingTo("1.2");
        assertThat(standard.demandMultiplier(6)).isEqualByComparingTo("1.2");
        assertThat(standard.demandMultiplier(5)).isEqualByComparingTo("1");
    }

    private List<Booking> neighbours(int count) {
        List<Booking> others = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Back to back from 16:30, so up to eleven of them lie within two hours either side of 18:00-20:00.
            TimeRange range = local(BERLIN, "2026-12-01T16:30", "2026-12-01T17:00").shift(Duration.ofMinutes(30L * i));
            others.add(booking("neighbour " + i, boardroom.id(), range, BookingStatus.CONFIRMED));
        }
        return others;
    }
}
