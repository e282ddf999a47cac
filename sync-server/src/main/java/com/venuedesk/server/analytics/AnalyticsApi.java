package com.venuedesk.server.analytics;

import com.venuedesk.model.domain.ResourceType;
import com.venuedesk.model.domain.Role;
import com.venuedesk.server.analytics.Reports.HeatmapCell;
import com.venuedesk.server.analytics.Reports.ResourcePerformance;
import com.venuedesk.server.analytics.Reports.Revenue;
import com.venuedesk.server.analytics.Reports.Summary;
import com.venuedesk.server.analytics.Reports.Utilization;
import com.venuedesk.server.api.ApiException;
import com.venuedesk.server.api.Requests;
import com.venuedesk.server.api.RouteTable;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code /api/v1/analytics/...} for managers and admins. Every report takes {@code from} and {@code to} (venue dates,
 * both included; default the 30 days up to today), {@code granularity} (day, week, month), {@code resourceId} and
 * {@code resourceType}, and answers JSON, or CSV with {@code Accept: text/csv}.
 */
public final class AnalyticsApi {
    private static final String FILTERS = " ?from=&to= (venue dates, both included; default the last 30 days),"
            + " ?granularity=day|week|month, ?resourceId=, ?resourceType=; Accept: text/csv for CSV";
    private static final String CSV = "text/csv";

    private final VenueAnalytics analytics;

    public AnalyticsApi(VenueAnalytics analytics) {
        this.analytics = analytics;
    }

    public void routes(RouteTable routes) {
        routes.get("/api/v1/analytics/summary", Role.MANAGER, "Today and this month: bookings, revenue, utilization,"
                + " average value, cancellation and no-show rates, staff active in the last 24 h; with ?from= and/or ?to= also"
                + " the same figures for that period; ?resourceId= ?resourceType=", this::summary);
        routes.get("/api/v1/analytics/utilization", Role.MANAGER, "Booked against open minutes per resource and"
                + " period: items {resourceId, resourceName, period, bookedMinutes, openMinutes, utilization,"
                + " checkedInMinutes, completedMinutes, noShowMinutes, lateCancelledMinutes};" + FILTERS, this::utilization);
        routes.get("/api/v1/analytics/heatmap", Role.MANAGER, "Booked against open minutes by weekday (1 = Monday) and"
                + " local hour: items {weekday, hour, bookedMinutes, openMinutes, utilization};" + FILTERS, this::heatmap);
        routes.get("/api/v1/analytics/revenue", Role.MANAGER, "Bookings and revenue per period and currency: items"
                + " {period, currency, bookings, cancelled, noShows, revenue, averageValue, averageLeadTimeHours,"
                + " cancellationRate, noShowRate};" + FILTERS, this::revenue);
        routes.get("/api/v1/analytics/resources", Role.MANAGER, "Resource performance, ranked: items {rank, resourceId,"
                + " name, type, bookings, revenue, currency, bookedMinutes, openMinutes, utilization, cancelled, noShows,"
                + " noShowRate};" + FILTERS, this::resources);
    }

    private void summary(Context ctx) {
        AnalyticsFilter filter = filter(ctx);
        boolean withPeriod = ctx.queryParam("from") != null || ctx.queryParam("to") != null;
        Summary s = analytics.summary(filter, withPeriod);
        if (wantsCsv(ctx)) {
            csv(ctx, "summary", new CsvTable<Map.Entry<String, Reports.Figures>>()
                    .column("span", Map.Entry::getKey)
                    .column("from", e -> e.getValue().from())
                    .column("to", e -> e.getValue().to())
                    .column("bookings", e -> e.getValue().bookings())
                    .column("revenue", e -> money(e.getValue().revenue()))
                    .column("averageValue", e -> money(e.getValue().averageValue()))
                    .column("bookedMinutes", e -> e.getValue().bookedMinutes())
                    .column("openMinutes", e -> e.getValue().openMinutes())
                    .column("utilization", e -> e.getValue().utilization())
                    .column("cancellationRate", e -> e.getValue().cancellationRate())
                    .column("noShowRate", e -> e.getValue().noShowRate())
                    .column("averageLeadTimeHours", e -> e.getValue().averageLeadTimeHours())
                    .column("staffActiveLast24h", e -> s.staffActiveLast24h())
                    .write(s.period() == null ? List.of(Map.entry("today", s.today()), Map.entry("thisMonth", s.thisMonth()))
                            : List.of(Map.entry("today", s.today()), Map.entry("thisMonth", s.thisMonth()),
                            Map.entry("period", s.period()))));
            return;
        }
        ctx.json(s);
    }

    private void utilization(Context ctx) {
        AnalyticsFilter filter = filter(ctx);
        List<Utilization> items = analytics.utilization(filter);
        if (wantsCsv(ctx)) {
            csv(ctx, "utilization", new CsvTable<Utilization>()
                    .column("resourceId", Utilization::resourceId).column("resourceName", Utilization::resourceName)
                    .column("period", Utilization::period).column("bookedMinutes", Utilization::bookedMinutes)
                    .column("openMinutes", Utilization::openMinutes).column("utilization", Utilization::utilization)
                    .column("checkedInMinutes", Utilization::checkedInMinutes)
                    .column("completedMinutes", Utilization::completedMinutes)
                    .column("noShowMinutes", Utilization::noShowMinutes)
                    .column("lateCancelledMinutes", Utilization::lateCancelledMinutes).write(items));
            return;
        }
        ctx.json(page(filter, items));
    }

    private void heatmap(Context ctx) {
        AnalyticsFilter filter = filter(ctx);
        List<HeatmapCell> items = analytics.heatmap(filter);
        if (wantsCsv(ctx)) {
            csv(ctx, "heatmap", new CsvTable<HeatmapCell>().column("weekday", HeatmapCell::weekday)
                    .column("hour", HeatmapCell::hour).column("bookedMinutes", HeatmapCell::bookedMinutes)
                    .column("openMinutes", HeatmapCell::openMinutes).column("utilization", HeatmapCell::utilization)
                    .write(items));
            return;
        }
        ctx.json(page(filter, items));
    }

    private void revenue(Context ctx) {
        AnalyticsFilter filter = filter(ctx);
        List<Revenue> items = analytics.revenue(filter);
        if (wantsCsv(ctx)) {
            csv(ctx, "revenue", new CsvTable<Revenue>().column("period", Revenue::period)
                    .column("currency", Revenue::currency).column("bookings", Revenue::bookings)
                    .column("cancelled", Revenue::cancelled).column("noShows", Revenue::noShows)
                    .column("revenue", Revenue::revenue).column("averageValue", Revenue::averageValue)
                    .column("averageLeadTimeHours", Revenue::averageLeadTimeHours)
                    .column("cancellationRate", Revenue::cancellationRate).column("noShowRate", Revenue::noShowRate)
                    .write(items));
            return;
        }
        ctx.json(page(filter, items));
    }

    private void resources(Context ctx) {
        AnalyticsFilter filter = filter(ctx);
        List<ResourcePerformance> items = analytics.resources(filter);
        if (wantsCsv(ctx)) {
            csv(ctx, "resources", new CsvTable<ResourcePerformance>().column("rank", ResourcePerformance::rank)
                    .column("resourceId", ResourcePerformance::resourceId).column("name", ResourcePerformance::name)
                    .column("type", ResourcePerformance::type).column("bookings", ResourcePerformance::bookings)
                    .column("revenue", ResourcePerformance::revenue).column("currency", ResourcePerformance::currency)
                    .column("bookedMinutes", ResourcePerformance::bookedMinutes)
                    .column("openMinutes", ResourcePerformance::openMinutes)
                    .column("utilization", ResourcePerformance::utilization)
                    .column("cancelled", ResourcePerformance::cancelled).column("noShows", ResourcePerformance::noShows)
                    .column("noShowRate", ResourcePerformance::noShowRate).write(items));
            return;
        }
        ctx.json(page(filter, items));
    }

    private static Map<String, Object> page(AnalyticsFilter filter, List<?> items) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("from", filter.from());
        page.put("to", filter.to());
        page.put("granularity", filter.granularity().name().toLowerCase(Locale.ROOT));
        page.put("items", items);
        return page;
    }

    private AnalyticsFilter filter(Context ctx) {
        LocalDate today = LocalDate.now(java.time.Clock.system(analytics.venueZone()));
        LocalDate to = date(ctx, "to");
        LocalDate from = date(ctx, "from");
        if (to == null) {
            to = from == null ? today : from.plusDays(29);
        }
        if (from == null) {
            from = to.minusDays(29);
        }
        if (to.isBefore(from)) {
            throw ApiException.badRequest("to", "to must not be before from");
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1 > AnalyticsFilter.MAX_DAYS) {
            throw ApiException.badRequest("to", "a report covers at most " + AnalyticsFilter.MAX_DAYS + " days");
        }
        UUID resourceId = Requests.uuidQuery(ctx, "resourceId", false);
        return new AnalyticsFilter(from, to, granularity(ctx), resourceId, resourceType(ctx));
    }

    private static LocalDate date(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be a date such as 2026-12-01");
        }
    }

    private static Granularity granularity(Context ctx) {
        String raw = ctx.queryParam("granularity");
        if (raw == null || raw.isBlank()) {
            return Granularity.DAY;
        }
        try {
            return Granularity.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("granularity", "granularity must be day, week or month");
        }
    }

    private static ResourceType resourceType(Context ctx) {
        String raw = ctx.queryParam("resourceType");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return ResourceType.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("resourceType", "resourceType must be one of "
                    + Arrays.stream(ResourceType.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static boolean wantsCsv(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(CSV);
    }

    private static void csv(Context ctx, String name, String body) {
        ctx.contentType(CSV + "; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
        ctx.result(body);
    }

    private static String money(List<Reports.Money> amounts) {
        return amounts.stream().map(m -> m.amount().toPlainString() + " " + m.currency()).collect(Collectors.joining("; "));
    }
}
