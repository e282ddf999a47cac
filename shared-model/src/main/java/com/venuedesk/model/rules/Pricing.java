package com.venuedesk.model.rules;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.DomainException;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.TimeRange;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The price of booking a resource for a time range, with a breakdown.
 *
 * <ol>
 *   <li><b>Base</b>: hours x price per hour, hours counted in whole minutes (a partial minute is not charged).</li>
 *   <li><b>Peak</b>: prorated. Only the minutes of the booking that fall inside peak hours on peak days, in the venue's
 *       local time, cost {@code peakMultiplier} times the rate; a 16:00-18:00 weekday booking pays one peak hour and one
 *       normal hour. Prorating keeps a long booking that merely touches peak time from paying peak for all of it.</li>
 *   <li><b>Demand</b>: the multiplier for the number of other active bookings of the resource overlapping
 *       [start - window, end + window] applies to base + peak.</li>
 *   <li><b>Discounts</b>, last: every percentage is taken of the price after surcharges (percentages add up, they do
 *       not compound), then fixed amounts; the price never drops below zero.</li>
 * </ol>
 *
 * <p>All arithmetic is exact; money is rounded once, to the currency's scale with HALF_EVEN. Each line shows the
 * change its step makes to the rounded running total, so the lines add up exactly to the total.
 */
public final class Pricing {

    private static final MathContext EXACT = MathContext.DECIMAL128;
    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Pricing() {
    }

    /** The price of {@code range} on {@code resource}; see the class comment for the steps. */
    public static PriceQuote quote(Resource resource, TimeRange range, Collection<Booking> otherBookingsOfResourceNearby,
                                   List<Discount> discounts, PricingPolicy policy) {
        return quote(resource, range, null, otherBookingsOfResourceNearby, discounts, policy);
    }

    /**
     * As {@link #quote(Resource, TimeRange, Collection, List, PricingPolicy)}, not counting {@code ignoreBookingId}
     * (the booking being rescheduled) towards demand.
     */
    public static PriceQuote quote(Resource resource, TimeRange range, UUID ignoreBookingId,
                                   Collection<Booking> otherBookingsOfResourceNearby, List<Discount> discounts,
                                   PricingPolicy policy) {
        String currency = resource.pricePerHour().currency();
        BigDecimal rate = resource.pricePerHour().amount();
        Breakdown breakdown = new Breakdown(currency);

        BigDecimal hours = hours(range.duration());
        breakdown.add(hoursText(hours) + " h x " + resource.pricePerHour(), rate.multiply(hours, EXACT));

        BigDecimal peakHours = hours(peakDuration(range, resource.timeZone(), policy));
        if (peakHours.signum() > 0 && policy.peakMultiplier().compareTo(BigDecimal.ONE) != 0) {
            BigDecimal surcharge = rate.multiply(peakHours, EXACT)
                    .multiply(policy.peakMultiplier().subtract(BigDecimal.ONE), EXACT);
            breakdown.add("peak hours x" + plain(policy.peakMultiplier()) + " (" + hoursText(peakHours) + " h)", surcharge);
        }

        int nearby = countNearby(resource.id(), range, ignoreBookingId, otherBookingsOfResourceNearby, policy.demandWindow());
        BigDecimal demand = policy.demandMultiplier(nearby);
        if (demand.compareTo(BigDecimal.ONE) != 0) {
            breakdown.add("demand x" + plain(demand) + " (" + nearby + " other bookings nearby)",
                    breakdown.exactTotal().multiply(demand.subtract(BigDecimal.ONE), EXACT));
        }

        applyDiscounts(breakdown, discounts == null ? List.of() : discounts, currency);
        return breakdown.toQuote();
    }

    /** How much of {@code range} falls into peak hours on peak days, in the venue's local time. */
    public static Duration peakDuration(TimeRange range, ZoneId zone, PricingPolicy policy) {
        Duration total = Duration.ZERO;
        LocalDate last = range.end().minusNanos(1).atZone(zone).toLocalDate();
        for (LocalDate date = range.start().atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            if (!policy.peakDays().contains(date.getDayOfWeek())) {
                continue;
            }
            Instant peakStart = ZonedDateTime.of(date, policy.peakStart(), zone).toInstant();
            Instant peakEnd = policy.peakEnd().equals(LocalTime.MIDNIGHT)
                    ? date.plusDays(1).atStartOfDay(zone).toInstant()
                    : ZonedDateTime.of(date, policy.peakEnd(), zone).toInstant();
            Instant from = max(peakStart, range.start());
            Instant to = min(peakEnd, range.end());
            if (to.isAfter(from)) {
                total = total.plus(Duration.between(from, to));
            }
        }
        return total;
    }

    /** How many active bookings of the resource, other than the ignored one, overlap the widened range. */
    public static int countNearby(UUID resourceId, TimeRange range, UUID ignoreBookingId, Collection<Booking> bookings,
                                  Duration window) {
        TimeRange widened = new TimeRange(range.start().minus(window), range.end().plus(window));
        return ConflictRules.conflictsWith(resourceId, widened, ignoreBookingId, bookings).size();
    }

    private static void applyDiscounts(Breakdown breakdown, List<Discount> discounts, String currency) {
        BigDecimal beforeDiscounts = breakdown.exactTotal();
        List<Discount> ordered = new ArrayList<>(discounts.stream().filter(Discount::isPercentage).toList());
        ordered.addAll(discounts.stream().filter(d -> !d.isPercentage()).toList());
        for (Discount discount : ordered) {
            BigDecimal off;
            String label;
            if (discount.isPercentage()) {
                off = beforeDiscounts.multiply(discount.percentOff(), EXACT).divide(HUNDRED, EXACT);
                label = "discount " + discount.code() + " -" + plain(discount.percentOff()) + "%";
            } else {
                if (!discount.amountOff().currency().equals(currency)) {
                    throw new DomainException("discount.amountOff", "discount " + discount.code() + " is in "
                            + discount.amountOff().currency() + " but the price is in " + currency);
                }
                off = discount.amountOff().amount();
                label = "discount " + discount.code() + " -" + discount.amountOff();
            }
            breakdown.add(label, off.min(breakdown.exactTotal()).negate());
        }
    }

    private static BigDecimal hours(Duration duration) {
        return BigDecimal.valueOf(duration.toMinutes()).divide(MINUTES_PER_HOUR, EXACT);
    }

    private static String hoursText(BigDecimal hours) {
        BigDecimal shown = hours.setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return shown.scale() < 1 ? shown.setScale(1).toPlainString() : shown.toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Running exact total; a line's amount is the step it makes in the rounded running total. */
    private static final class Breakdown {
        private final String currency;
        private final List<PriceLine> lines = new ArrayList<>();
        private BigDecimal exact = BigDecimal.ZERO;
        private Money rounded;

        Breakdown(String currency) {
            this.currency = currency;
            this.rounded = Money.zero(currency);
        }

        void add(String label, BigDecimal exactAmount) {
            exact = exact.add(exactAmount, EXACT);
            Money next = new Money(exact, currency);
            lines.add(new PriceLine(label, next.minus(rounded)));
            rounded = next;
        }

        BigDecimal exactTotal() {
            return exact;
        }

        PriceQuote toQuote() {
            return new PriceQuote(rounded, lines);
        }
    }
}
