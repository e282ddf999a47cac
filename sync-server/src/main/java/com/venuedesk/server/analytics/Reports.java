package com.venuedesk.server.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The shapes of the analytics reports, as the API answers them. Minutes are whole minutes; a utilization or rate is
 * a fraction (0.25 = 25 %), null where its denominator is zero (no open minutes, no bookings).
 */
public final class Reports {
    private Reports() {
    }

    /**
     * One resource in one period: minutes held by bookings (PENDING, CONFIRMED, COMPLETED, NO_SHOW) against the minutes
     * it was open, and what became of the booked minutes: checked in, completed, no-shows; and the minutes of
     * bookings cancelled late (less than 24 h before their start), which are not booked minutes any more.
     */
    public record Utilization(UUID resourceId, String resourceName, LocalDate period, long bookedMinutes,
                              long openMinutes, Double utilization, long checkedInMinutes, long completedMinutes,
                              long noShowMinutes, long lateCancelledMinutes) {
    }

    /** One cell of the weekday x hour heatmap (weekday 1 = Monday, hour 0-23 local). */
    public record HeatmapCell(int weekday, int hour, long bookedMinutes, long openMinutes, Double utilization) {
    }

    /**
     * Bookings starting in one period, in one currency: all of them, cancelled, no-shows; the revenue (the price of
     * those CONFIRMED, COMPLETED or NO_SHOW) and its average per such booking; the average lead time (made to start).
     */
    public record Revenue(LocalDate period, String currency, long bookings, long cancelled, long noShows,
                          BigDecimal revenue, BigDecimal averageValue, Double averageLeadTimeHours,
                          Double cancellationRate, Double noShowRate) {
    }

    /** One resource over the whole range, ranked by revenue, then bookings, then utilization. */
    public record ResourcePerformance(int rank, UUID resourceId, String name, String type, long bookings,
                                      BigDecimal revenue, String currency, long bookedMinutes, long openMinutes,
                                      Double utilization, long cancelled, long noShows, Double noShowRate) {
    }

    /** The venue's figures for a span of days. */
    public record Figures(LocalDate from, LocalDate to, long bookings, List<Money> revenue, List<Money> averageValue,
                          long bookedMinutes, long openMinutes, Double utilization, Double cancellationRate,
                          Double noShowRate, Double averageLeadTimeHours) {
    }

    /** An amount in a currency. */
    public record Money(BigDecimal amount, String currency) {
    }

    /**
     * Today and this month (the whole calendar month) in the venue's zone, the requested period when one was given
     * (else null), and staff who changed anything lately.
     */
    public record Summary(Instant asOf, String timeZone, Figures today, Figures thisMonth, Figures period,
                          long staffActiveLast24h) {
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }
}
