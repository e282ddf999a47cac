package com.venuedesk.desk.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleConsumer;

/**
 * The server's analytics ({@code /api/v1/analytics/...}) read into {@link DashboardFigures}: four calls, each one
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

    public DashboardFigures fetch(DashboardPeriod period, ResourceType type, ZoneId zone, DoubleConsumer progress) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate from = period.from(today);
        String filter = "from=" + from + "&to=" + today + "&granularity=" + period.granularity()
                + (type == null ? "" : "&resourceType=" + type.name());
        JsonNode summary = get("api/v1/analytics/summary?" + filter);
        progress.accept(0.25);
        JsonNode revenue = get("api/v1/analytics/revenue?" + filter).path("items");
        progress.accept(0.5);
        JsonNode resources = get("api/v1/analytics/resources?" + filter).path("items");
        progress.accept(0.75);
        JsonNode heatmap = get("api/v1/analytics/heatmap?" + filter).path("items");
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
                nullableDouble(inPeriod.path("noShowRate")), summary.path("staffActiveLast24h").asLong());
        return new DashboardFigures(clock.instant(), period, type, from, today, kpis, trend, bars, cells);
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

    private JsonNode get(String path) {
        String text = sessions.callJson("GET", path, null);
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new ProblemException(new Problem(null, "unreadable answer", 502, e.getMessage(), null));
        }
    }
}
