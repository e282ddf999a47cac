package com.venuedesk.desk.dashboard;

import com.venuedesk.desk.dashboard.DashboardFigures.BookedVsUsed;
import com.venuedesk.desk.dashboard.DashboardFigures.HeatCell;
import com.venuedesk.desk.dashboard.DashboardFigures.Kpis;
import com.venuedesk.desk.dashboard.DashboardFigures.ResourceBar;
import com.venuedesk.desk.dashboard.DashboardFigures.TrendPoint;
import com.venuedesk.desk.sync.ServerUnreachableException;
import com.venuedesk.model.domain.Location;
import com.venuedesk.model.domain.Money;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.model.domain.ResourceType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.function.DoubleConsumer;

/** Figures for the dashboard's tests, and a client that answers what the test queues (or is offline). */
final class DashboardFixtures {
    static final Instant AS_OF = Instant.parse("2026-10-25T09:30:00Z");
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    static final List<Resource> RESOURCES = List.of(
            new Resource(UUID.nameUUIDFromBytes("a".getBytes()), "Room A", "", ResourceType.MEETING_ROOM, 10,
                    Money.of("40.00", "EUR"), Location.none(), List.of(), true, null, ZONE, 1),
            new Resource(UUID.nameUUIDFromBytes("p".getBytes()), "Projector", "", ResourceType.EQUIPMENT, 1,
                    Money.of("5.00", "EUR"), Location.none(), List.of(), true, null, ZONE, 1));

    private DashboardFixtures() {
    }

    static DashboardFigures venue(DashboardPeriod period, ResourceType type) {
        LocalDate to = LocalDate.of(2026, 10, 25);
        List<TrendPoint> trend = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            trend.add(new TrendPoint(to.minusDays(29 - i), 10 + (i * 7) % 13, BigDecimal.valueOf(400 + (i * 37) % 300)));
        }
        List<ResourceBar> bars = List.of(
                new ResourceBar(1, "Main hall", "VENUE", 41, new BigDecimal("6150.00"), "EUR", 0.62, 2),
                new ResourceBar(2, "Room A", "MEETING_ROOM", 88, new BigDecimal("3520.00"), "EUR", 0.48, 5),
                new ResourceBar(3, "=cmd|' /C calc'!A0", "MEETING_ROOM", 30, new BigDecimal("1200.00"), "EUR", 0.21, 1),
                new ResourceBar(4, "Projector", "EQUIPMENT", 12, new BigDecimal("180.00"), "EUR", 0.09, 0));
        List<HeatCell> cells = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                boolean open = hour >= 8 && hour < 20 && day < 7;
                cells.add(new HeatCell(day, hour, open ? ((day * 31 + hour * 17) % 90) / 100.0 : null));
            }
        }
        Kpis kpis = new Kpis(14, "610.00 EUR", 312, "11050.00 EUR", 171, "11050.00 EUR", "64.62 EUR", 0.4412, 0.0877,
                0.0468, 6, 52.5, new BookedVsUsed(10_260, 60, 9_000, 480, 120));
        return new DashboardFigures(AS_OF, period, type, null, to.minusDays(29), to, kpis, trend, bars, cells);
    }

    static DashboardFigures emptyVenue(DashboardPeriod period) {
        Kpis kpis = new Kpis(0, "–", 0, "–", 0, "–", "–", null, null, null, 1, null, BookedVsUsed.NONE);
        return new DashboardFigures(AS_OF, period, null, null, LocalDate.of(2026, 9, 26), LocalDate.of(2026, 10, 25), kpis,
                List.of(), List.of(), List.of());
    }

    /** Answers the queued figures in turn; a null in the queue is the server out of reach. */
    static final class QueuedClient extends AnalyticsClient {
        final Deque<DashboardFigures> answers = new java.util.LinkedList<>();
        final List<String> asked = new ArrayList<>();

        QueuedClient() {
            super(null, java.time.Clock.systemUTC());
        }

        @Override
        public DashboardFigures fetch(DashboardPeriod period, ResourceType type, UUID resourceId, ZoneId zone,
                                      DoubleConsumer progress) {
            asked.add(period + "/" + type + (resourceId == null ? "" : "/" + resourceId));
            progress.accept(0.5);
            DashboardFigures next = answers.isEmpty() ? null : answers.poll();
            if (next == null) {
                throw new ServerUnreachableException("offline", new IOException("connection refused"));
            }
            progress.accept(1.0);
            return next;
        }
    }
}
