package com.venuedesk.desk.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.venuedesk.desk.dashboard.DashboardFigures.BookedVsUsed;
import com.venuedesk.desk.dashboard.DashboardFigures.HeatCell;
import com.venuedesk.desk.dashboard.DashboardFigures.Kpis;
import com.venuedesk.desk.dashboard.DashboardFigures.ResourceBar;
import com.venuedesk.desk.dashboard.DashboardFigures.TrendPoint;
import com.venuedesk.desk.sync.Problem;
import com.venuedesk.desk.sync.ProblemException;
import com.venuedesk.desk.sync.SyncClient;
import com.venuedesk.model.domain.ResourceType;
import com.venuedesk.server.wire.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.DoubleConsumer;

/**
 * The server's analytics ({@code /api/v1/analytics/...}) read into {@link DashboardFigures}: five calls, each one
 * reported to {@code progress} as it ends. Through the desk's {@link SyncClient#callJson} (session and refresh in one
 * place). Blocking: call through the task executor.
 */
public class AnalyticsClient {
    private final SyncClient sessions;
    private final Clock clock;
    private final ObjectMapper mapper = Json.newMapper();

    public AnalyticsClient(SyncClient sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * The figures of the period up to today, for all resources, one type ({@code type}) or one resource
     * ({@code resourceId}); both null for the whole venue.
     */
    public DashboardFigures fetch(DashboardPeriod period, ResourceType type, UUID resourceId, ZoneId zone,
                                  DoubleConsumer progress) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate from = period.from(today);
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("from", from.toString());
        filter.put("to", today.toString());
        filter.put("granularity", period.granularity());
        if (type != null) {
            filter.put("resourceType", type.name());
        }
        if (resourceId != null) {
            filter.put("resourceId", resourceId.toString());
        }
        JsonNode summary = get("api/v1/analytics/summary", filter);
        progress.accept(0.2);
        JsonNode revenue = get("api/v1/analytics/revenue", filter).path("items");
        progress.accept(0.4);
        JsonNode resources = get("api/v1/analytics/resources", filter).path("items");
        progress.accept(0.6);
        JsonNode heatmap = get("api/v1/analytics/heatmap", filter).path("items");
        progress.accept(0.8);
        JsonNode utilization = get("api/v1/analytics/utilization", filter).path("items");
        progress.accept(1.0);

        Map<LocalDate, long[]> bookings = new TreeMap<>();
        Map<LocalDate, BigDecimal> money = new TreeMap<>();
        for (JsonNode item : revenue) {
            LocalDate p = LocalDate.parse(item.path("period").asText());
            bookings.computeIfAbsent(p, k -> new long[1])[0] += item.path("bookings").asLong();
            money.merge(p, item.path("revenue").decimalValue(), BigDecimal::add);
        }
        List<TrendPoint> trend = new ArrayList<>();
        bookings.forEach((p, n) -> trend.add(new TrendPoint(p, n[0], money.get(p))));
        List<ResourceBar> bars = new ArrayList<>();
        for (JsonNode r : resources) {
            bars.add(new ResourceBar(r.path("rank").asInt(), r.path("name").asText(), r.path("type").asText(),
                    r.path("bookings").asLong(), r.path("revenue").decimalValue(), r.path("currency").asText(),
                    nullableDouble(r.path("utilization")), r.path("noShows").asLong()));
        }
        List<HeatCell> cells = new ArrayList<>();
        for (JsonNode c : heatmap) {
            cells.add(new HeatCell(c.path("weekday").asInt(), c.path("hour").asInt(), nullableDouble(c.path("utilization"))));
        }
        JsonNode inPeriod = summary.path("period");
        Kpis kpis = new Kpis(summary.path("today").path("bookings").asLong(), money(summary.path("today").path("revenue")),
                summary.path("thisMonth").path("bookings").asLong(), money(summary.path("thisMonth").path("revenue")),
                inPeriod.path("bookings").asLong(), money(inPeriod.path("revenue")), money(inPeriod.path("averageValue")),
                nullableDouble(inPeriod.path("utilization")), nullableDouble(inPeriod.path("cancellationRate")),
                nullableDouble(inPeriod.path("noShowRate")), summary.path("staffActiveLast24h").asLong(),
                nullableDouble(inPeriod.path("averageLeadTimeHours")), bookedVsUsed(utilization));
        return new DashboardFigures(clock.instant(), period, type, resourceId, from, today, kpis, trend, bars, cells);
    }

    /** The utilization items (one per resource and period) summed: what became of the booked minutes. */
    private static BookedVsUsed bookedVsUsed(JsonNode items) {
        long booked = 0;
        long checkedIn = 0;
        long completed = 0;
        long noShow = 0;
        long lateCancelled = 0;
        for (JsonNode item : items) {
            booked += item.path("bookedMinutes").asLong();
            checkedIn += item.path("checkedInMinutes").asLong();
            completed += item.path("completedMinutes").asLong();
            noShow += item.path("noShowMinutes").asLong();
            lateCancelled += item.path("lateCancelledMinutes").asLong();
        }
        return new BookedVsUsed(booked, checkedIn, completed, noShow, lateCancelled);
    }

    private static Double nullableDouble(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asDouble();
    }

    private static String money(JsonNode amounts) {
        if (!amounts.isArray() || amounts.isEmpty()) {
            return "–";
        }
        List<String> parts = new ArrayList<>();
        amounts.forEach(m -> parts.add(m.path("amount").decimalValue().toPlainString() + " " + m.path("currency").asText()));
        return String.join(" + ", parts);
    }

    private JsonNode get(String path, Map<String, String> query) {
        String text = sessions.getJson(path, query);
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new ProblemException(new Problem(null, "unreadable answer", 502, e.getMessage(), null));
        }
    }
}
