package com.venuedesk.desk.dashboard;

import com.venuedesk.model.domain.ResourceType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the dashboard shows, as fetched from the server's analytics at {@code asOf}: the venue's today and this month,
 * and for the chosen period its trend, its resources and its weekday x hour utilization. Kept on disk as the last
 * figures fetched, so that an offline desk still shows them, with their time.
 */
public record DashboardFigures(Instant asOf, DashboardPeriod period, ResourceType resourceType, UUID resourceId,
                               LocalDate from, LocalDate to, Kpis kpis, List<TrendPoint> trend, List<ResourceBar> resources,
                               List<HeatCell> heatmap) {

    public DashboardFigures {
        trend = List.copyOf(trend);
        resources = List.copyOf(resources);
        heatmap = List.copyOf(heatmap);
    }

    /**
     * The tiles: today, this month, and the chosen period. Rates and utilization are fractions, null when undefined;
     * the lead time (booking made to its start) in hours; {@code used} what became of the period's booked minutes.
     */
    public record Kpis(long bookingsToday, String revenueToday, long bookingsThisMonth, String revenueThisMonth,
                       long bookingsInPeriod, String revenueInPeriod, String averageValue, Double utilization,
                       Double cancellationRate, Double noShowRate, long staffActiveLast24h, Double leadTimeHours,
                       BookedVsUsed used) {
        public Kpis {
            used = used == null ? BookedVsUsed.NONE : used;
        }
    }

    /**
     * Booked versus used: of the minutes still booked, those checked in (guest arrived, still there), completed and
     * no-shows; and the minutes cancelled late (no longer booked, but lost to the venue).
     */
    public record BookedVsUsed(long bookedMinutes, long checkedInMinutes, long completedMinutes, long noShowMinutes,
                               long lateCancelledMinutes) {
        public static final BookedVsUsed NONE = new BookedVsUsed(0, 0, 0, 0, 0);

        /** The share of booked minutes the guests came for (checked in or completed); null when nothing was booked. */
        public Double usedShare() {
            return bookedMinutes == 0 ? null : (double) (checkedInMinutes + completedMinutes) / bookedMinutes;
        }

        /** The share of booked minutes lost to no-shows; null when nothing was booked. */
        public Double noShowShare() {
            return bookedMinutes == 0 ? null : (double) noShowMinutes / bookedMinutes;
        }
    }

    /** Bookings and revenue of one period (a day, week or month starting on {@code period}). */
    public record TrendPoint(LocalDate period, long bookings, BigDecimal revenue) {
    }

    /** One resource's performance, ranked. */
    public record ResourceBar(int rank, String name, String type, long bookings, BigDecimal revenue, String currency,
                              Double utilization, long noShows) {
    }

    /** Utilization of a weekday (1 = Monday) and local hour; null where the venue is never open. */
    public record HeatCell(int weekday, int hour, Double utilization) {
    }

    /** Nothing booked and nothing to rank: a new venue. */
    public boolean isEmpty() {
        return kpis.bookingsInPeriod() == 0 && kpis.bookingsThisMonth() == 0 && resources.stream().allMatch(r -> r.bookings() == 0);
    }
}
