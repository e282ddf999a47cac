package com.venuedesk.model.rules;

import com.venuedesk.model.domain.DomainException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A venue's price surcharges. Peak hours are read in the resource's time zone; an end of 00:00 means midnight at the
 * end of the day. Demand counts the other active bookings of the same resource that overlap the booking widened by
 * {@code demandWindow} on both sides: more than {@code highDemandThreshold} gives {@code highDemandMultiplier}, else
 * more than {@code mediumDemandThreshold} gives {@code mediumDemandMultiplier}.
 */
public record PricingPolicy(
        BigDecimal peakMultiplier,
        LocalTime peakStart,
        LocalTime peakEnd,
        Set<DayOfWeek> peakDays,
        Duration demandWindow,
        int highDemandThreshold,
        BigDecimal highDemandMultiplier,
        int mediumDemandThreshold,
        BigDecimal mediumDemandMultiplier) {

    public PricingPolicy {
        requirePositive("peakMultiplier", peakMultiplier);
        requirePositive("highDemandMultiplier", highDemandMultiplier);
        requirePositive("mediumDemandMultiplier", mediumDemandMultiplier);
        Objects.requireNonNull(peakStart, "peakStart");
        Objects.requireNonNull(peakEnd, "peakEnd");
        if (!peakEnd.equals(LocalTime.MIDNIGHT) && !peakEnd.isAfter(peakStart)) {
            throw new DomainException("peakEnd", "peak hours must end after they start");
        }
        peakDays = peakDays == null || peakDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(peakDays));
        if (demandWindow == null || demandWindow.isNegative()) {
            throw new DomainException("demandWindow", "demandWindow must not be negative");
        }
        if (mediumDemandThreshold < 0 || highDemandThreshold < mediumDemandThreshold) {
            throw new DomainException("highDemandThreshold", "demand thresholds must satisfy 0 <= medium <= high");
        }
    }

    /** The seed's rules: weekdays 09:00-17:00 x1.3; more than 10 bookings within 2 h either side x1.5, more than 5 x1.2. */
    public static PricingPolicy standard() {
        return new PricingPolicy(new BigDecimal("1.3"), LocalTime.of(9, 0), LocalTime.of(17, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Duration.ofHours(2),
                10, new BigDecimal("1.5"), 5, new BigDecimal("1.2"));
    }

    /** The demand multiplier for this many other active bookings nearby. */
    public BigDecimal demandMultiplier(int nearbyBookings) {
        if (nearbyBookings > highDemandThreshold) {
            return highDemandMultiplier;
        }
        if (nearbyBookings > mediumDemandThreshold) {
            return mediumDemandMultiplier;
        }
        return BigDecimal.ONE;
    }

    private static void requirePositive(String field, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            throw new DomainException(field, field + " must be positive");
        }
    }
}
