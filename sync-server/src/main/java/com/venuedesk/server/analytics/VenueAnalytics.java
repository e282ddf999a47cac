package com.venuedesk.server.analytics;

import com.venuedesk.model.domain.AvailabilityRule;
import com.venuedesk.model.domain.Blackout;
import com.venuedesk.model.domain.Resource;
import com.venuedesk.server.analytics.Reports.Figures;
import com.venuedesk.server.analytics.Reports.HeatmapCell;
import com.venuedesk.server.analytics.Reports.Money;
import com.venuedesk.server.analytics.Reports.ResourcePerformance;
import com.venuedesk.server.analytics.Reports.Revenue;
import com.venuedesk.server.analytics.Reports.Summary;
import com.venuedesk.server.analytics.Reports.Utilization;
import com.venuedesk.server.persistence.Database;
import com.venuedesk.server.persistence.DatabaseVendor;
import com.venuedesk.server.resources.ResourceDetails;
import com.venuedesk.server.resources.ResourceStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The managers' figures. Booked time, bookings and revenue are summed by the database: each booking is joined to the
 * local hours of its resource's zone ({@code analytics_hour}) that it overlaps, and cut at their bounds, so a booking
 * across midnight or a period's end counts in each day or period for the minutes it has there. Open minutes come from
 * the resource's rules ({@link OpenMinutes}). The statements are the same on PostgreSQL and H2.
 *
 * <p>Definitions: booked = PENDING, CONFIRMED, COMPLETED or NO_SHOW (a no-show held the slot); revenue = the price of
 * CONFIRMED, COMPLETED and NO_SHOW bookings; a late cancellation is one recorded in the venue's history less than
 * {@value #LATE_CANCELLATION_HOURS} hours before the booking's start; the no-show rate is no-shows over the revenue
 * bookings that have started. Bookings count in the period in which they start. Deleted resources are left out.
 */
public final class VenueAnalytics {
    public static final int LATE_CANCELLATION_HOURS = 24;
    private static final String BOOKED = "b.status IN ('PENDING', 'CONFIRMED', 'COMPLETED', 'NO_SHOW')";
    private static final String EARNING = "b.status IN ('CONFIRMED', 'COMPLETED', 'NO_SHOW')";
    /** Seconds of the booking inside the hour. */
    private static final String OVERLAP = "(EXTRACT(EPOCH FROM LEAST(b.end_at, h.ends_at))"
            + " - EXTRACT(EPOCH FROM GREATEST(b.start_at, h.starts_at)))";
    private static final String LATE = "EXISTS (SELECT 1 FROM change_log c WHERE c.entity_id = b.id"
            + " AND c.action = 'CANCELLED' AND c.recorded_at > b.start_at - INTERVAL '" + LATE_CANCELLATION_HOURS
            + "' HOUR)";
    // An hour overlaps a booking when it starts before the booking ends and ends after it starts; an hour is at
    // most two long (a zone's clock change), so its start lies after the booking's start less two hours: a range
    // on the calendar's primary key for each booking. H2 walks it so by itself. PostgreSQL's planner underestimates
    // such a range and read every hour of the zone for every booking (17 s for 90 days of 200 resources); as a
    // LATERAL subquery kept apart by OFFSET 0 it is one short index range per booking (under half a second).
    private static final String OVERLAPS = "h.starts_at > b.start_at - INTERVAL '2' HOUR AND h.starts_at < b.end_at"
            + " AND h.ends_at > b.start_at";
    private static final String STARTS_IN = "h.starts_at > b.start_at - INTERVAL '2' HOUR AND h.starts_at <= b.start_at"
            + " AND h.ends_at > b.start_at";
    private final Database db;
    private final HourCalendar calendar;
    private final Clock clock;

    public VenueAnalytics(Database db, HourCalendar calendar, Clock clock) {
        this.db = db;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Booked against open minutes per resource and period, by resource name and period. */
    public List<Utilization> utilization(AnalyticsFilter filter) {
        Scope scope = scope(filter);
        String period = "h." + filter.granularity().column();
        Map<List<Object>, long[]> booked = bookedMinutes(scope, "b.resource_id, " + period);
        Map<UUID, Map<LocalDate, Long>> open = scope.open.byResourceAndPeriod(filter.granularity());
        List<Utilization> items = new ArrayList<>();
        for (Resource resource : scope.resources) {
            Map<LocalDate, Long> openByPeriod = open.getOrDefault(resource.id(), Map.of());
            for (LocalDate p = filter.granularity().periodOf(filter.from()); !p.isAfter(filter.to()); p = next(p, filter.granularity())) {
                long[] b = booked.getOrDefault(List.of(resource.id(), p), new long[5]);
                long openMinutes = openByPeriod.getOrDefault(p, 0L);
                items.add(new Utilization(resource.id(), resource.name(), p, b[0], openMinutes,
                        Reports.ratio(b[0], openMinutes), b[1], b[2], b[3], b[4]));
            }
        }
        return items;
    }

    /** Booked against open minutes by local weekday and hour, all 168 cells. */
    public List<HeatmapCell> heatmap(AnalyticsFilter filter) {
        Scope scope = scope(filter);
        Map<List<Object>, long[]> booked = bookedMinutes(scope, "h.iso_weekday, h.local_hour");
        Map<Integer, Long> open = scope.open.byWeekdayAndHour();
        List<HeatmapCell> cells = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                long b = booked.getOrDefault(List.of(day, hour), new long[5])[0];
                long o = open.getOrDefault(day * 100 + hour, 0L);
                cells.add(new HeatmapCell(day, hour, b, o, Reports.ratio(b, o)));
            }
        }
        return cells;
    }

    /** Bookings and revenue per period (every period of the range, also the empty ones) and currency. */
    public List<Revenue> revenue(AnalyticsFilter filter) {
        Scope scope = scope(filter);
        Map<List<Object>, Starts> starts = starts(scope, "h." + filter.granularity().column() + ", b.price_currency");
        Set<String> currencies = starts.keySet().stream().map(k -> (String) k.get(1)).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (currencies.isEmpty()) {
            currencies.add(scope.resources.isEmpty() ? "" : scope.resources.get(0).pricePerHour().currency());
        }
        List<Revenue> items = new ArrayList<>();
        for (LocalDate p = filter.granularity().periodOf(filter.from()); !p.isAfter(filter.to()); p = next(p, filter.granularity())) {
            for (String currency : currencies) {
                Starts s = starts.getOrDefault(List.of(p, currency), Starts.NONE);
                items.add(new Revenue(p, currency, s.bookings, s.cancelled, s.noShows, s.revenue, s.averageValue(),
                        s.averageLeadHours(), Reports.ratio(s.cancelled, s.bookings), Reports.ratio(s.noShows, s.started)));
            }
        }
        return items;
    }

    /** Each resource's bookings, revenue, utilization and no-shows over the range, best first. */
    public List<ResourcePerformance> resources(AnalyticsFilter filter) {
        Scope scope = scope(filter);
        Map<List<Object>, long[]> booked = bookedMinutes(scope, "b.resource_id");
        Map<List<Object>, Starts> starts = starts(scope, "b.resource_id");
        Map<UUID, Long> open = scope.open.byResource();
        List<ResourcePerformance> rows = new ArrayList<>();
        for (Resource resource : scope.resources) {
            Starts s = starts.getOrDefault(List.of(resource.id()), Starts.NONE);
            long b = booked.getOrDefault(List.of(resource.id()), new long[5])[0];
            long o = open.getOrDefault(resource.id(), 0L);
            rows.add(new ResourcePerformance(0, resource.id(), resource.name(), resource.type().name(), s.bookings,
                    s.revenue, resource.pricePerHour().currency(), b, o, Reports.ratio(b, o),
                    s.cancelled, s.noShows, Reports.ratio(s.noShows, s.started)));
        }
        rows.sort(Comparator.comparing(ResourcePerformance::revenue).reversed()
                .thenComparing(Comparator.comparingLong(ResourcePerformance::bookings).reversed())
                .thenComparing(r -> r.utilization() == null ? 0.0 : r.utilization(), Comparator.reverseOrder())
                .thenComparing(ResourcePerformance::name));
        List<ResourcePerformance> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ResourcePerformance r = rows.get(i);
            ranked.add(new ResourcePerformance(i + 1, r.resourceId(), r.name(), r.type(), r.bookings(), r.revenue(),
                    r.currency(), r.bookedMinutes(), r.openMinutes(), r.utilization(), r.cancelled(), r.noShows(),
                    r.noShowRate()));
        }
        return ranked;
    }

    /** Today and this calendar month in the venue's zone (the zone most resources keep), for the filter's resources. */
    public Summary summary(AnalyticsFilter filter, boolean withPeriod) {
        Instant now = clock.instant();
        ZoneId zone = venueZone();
        LocalDate today = now.atZone(zone).toLocalDate();
        Figures day = figures(filter.between(today, today));
        Figures month = figures(filter.between(today.withDayOfMonth(1), today.withDayOfMonth(today.lengthOfMonth())));
        long staff = db.inTransaction(session -> session.doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(DISTINCT actor_id) FROM change_log"
                    + " WHERE recorded_at > ? AND actor_id IS NOT NULL")) {
                s.setObject(1, now.minus(24, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        }));
        return new Summary(now, zone.getId(), day, month, withPeriod ? figures(filter) : null, staff);
    }

    /** The venue's time zone: the one most live resources keep (UTC for an empty venue). */
    public ZoneId venueZone() {
        List<ResourceDetails> all = db.inTransaction(ResourceStore::all);
        return all.stream().collect(Collectors.groupingBy(d -> d.resource().timeZone(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.<ZoneId, Long>comparingByValue().thenComparing(e -> e.getKey().getId(),
                        Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(ZoneOffset.UTC);
    }

    private Figures figures(AnalyticsFilter filter) {
        Scope scope = scope(filter);
        long booked = bookedMinutes(scope, "").getOrDefault(List.of(), new long[5])[0];
        long open = scope.open.total();
        Map<List<Object>, Starts> byCurrency = starts(scope, "b.price_currency");
        Starts all = byCurrency.values().stream().reduce(Starts.NONE, Starts::plus);
        List<Money> revenue = new ArrayList<>();
        List<Money> average = new ArrayList<>();
        byCurrency.forEach((key, s) -> {
            revenue.add(new Money(s.revenue, (String) key.get(0)));
            if (s.averageValue() != null) {
                average.add(new Money(s.averageValue(), (String) key.get(0)));
            }
        });
        return new Figures(filter.from(), filter.to(), all.bookings, revenue, average, booked, open,
                Reports.ratio(booked, open), Reports.ratio(all.cancelled, all.bookings),
                Reports.ratio(all.noShows, all.started), all.averageLeadHours());
    }

    private static LocalDate next(LocalDate period, Granularity g) {
        return switch (g) {
            case DAY -> period.plusDays(1);
            case WEEK -> period.plusWeeks(1);
            case MONTH -> period.plusMonths(1);
        };
    }

    /** The resources a report covers, their open minutes, and the instants that bound their days. */
    private record Scope(AnalyticsFilter filter, List<Resource> resources, OpenMinutes open, Instant lo, Instant hi) {
    }

    private Scope scope(AnalyticsFilter filter) {
        record Schedule(List<ResourceDetails> resources, Map<UUID, List<AvailabilityRule>> rules, List<Blackout> blackouts) {
        }
        Schedule schedule = db.inTransaction(session -> new Schedule(ResourceStore.all(session),
                ResourceStore.rulesByResource(session), ResourceStore.allBlackouts(session)));
        List<Resource> resources = schedule.resources().stream().map(ResourceDetails::resource)
                .filter(r -> filter.resourceId() == null || r.id().equals(filter.resourceId()))
                .filter(r -> filter.resourceType() == null || r.type() == filter.resourceType())
                .sorted(Comparator.comparing(Resource::name).thenComparing(Resource::id))
                .toList();
        Set<ZoneId> zones = resources.stream().map(Resource::timeZone).collect(Collectors.toSet());
        calendar.ensure(zones, filter.from(), filter.to());
        Instant lo = zones.stream().map(z -> filter.from().atStartOfDay(z).toInstant()).min(Instant::compareTo)
                .orElse(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant());
        Instant hi = zones.stream().map(z -> filter.to().plusDays(1).atStartOfDay(z).toInstant()).max(Instant::compareTo)
                .orElse(lo);
        OpenMinutes open = OpenMinutes.of(resources, schedule.rules(), schedule.blackouts(), filter.from(), filter.to());
        return new Scope(filter, resources, open, lo, hi);
    }

    /** Booked, checked-in, completed, no-show and late-cancelled minutes, grouped by {@code groupBy}. */
    private Map<List<Object>, long[]> bookedMinutes(Scope scope, String groupBy) {
        if (scope.resources.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT " + (groupBy.isEmpty() ? "" : groupBy + ", ")
                + "SUM(CASE WHEN " + BOOKED + " THEN " + OVERLAP + " ELSE 0 END),"
                + " SUM(CASE WHEN " + BOOKED + " AND b.checked_in_at IS NOT NULL THEN " + OVERLAP + " ELSE 0 END),"
                + " SUM(CASE WHEN b.status = 'COMPLETED' THEN " + OVERLAP + " ELSE 0 END),"
                + " SUM(CASE WHEN b.status = 'NO_SHOW' THEN " + OVERLAP + " ELSE 0 END),"
                + " SUM(CASE WHEN b.status = 'CANCELLED' AND " + LATE + " THEN " + OVERLAP + " ELSE 0 END)"
                + " FROM booking b JOIN resource r ON r.id = b.resource_id" + hours(OVERLAPS)
                + " WHERE " + where(scope)
                + (groupBy.isEmpty() ? "" : " GROUP BY " + groupBy);
        int keys = groupBy.isEmpty() ? 0 : groupBy.split(",").length;
        return query(scope, sql, keys, r -> {
            long[] minutes = new long[5];
            for (int i = 0; i < 5; i++) {
                BigDecimal seconds = r.getBigDecimal(keys + 1 + i);
                minutes[i] = seconds == null ? 0 : seconds.divide(BigDecimal.valueOf(60), 0, RoundingMode.HALF_UP).longValue();
            }
            return minutes;
        });
    }

    /** Figures of the bookings that start in the range, grouped by {@code groupBy}. */
    private Map<List<Object>, Starts> starts(Scope scope, String groupBy) {
        if (scope.resources.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT " + groupBy + ", COUNT(*),"
                + " SUM(CASE WHEN b.status = 'CANCELLED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN b.status = 'NO_SHOW' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN " + EARNING + " THEN COALESCE(b.price_amount, 0) ELSE 0 END),"
                + " SUM(CASE WHEN " + EARNING + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN " + EARNING + " AND b.start_at <= ? THEN 1 ELSE 0 END),"
                + " SUM(EXTRACT(EPOCH FROM b.start_at) - EXTRACT(EPOCH FROM b.created_at))"
                + " FROM booking b JOIN resource r ON r.id = b.resource_id" + hours(STARTS_IN)
                + " WHERE " + where(scope) + " AND b.start_at >= ?"
                + " GROUP BY " + groupBy;
        int keys = groupBy.split(",").length;
        return query(scope, sql, keys, r -> new Starts(r.getLong(keys + 1), r.getLong(keys + 2), r.getLong(keys + 3),
                r.getBigDecimal(keys + 4).setScale(2, RoundingMode.HALF_UP), r.getLong(keys + 5), r.getLong(keys + 6),
                r.getBigDecimal(keys + 7)));
    }

    /** The calendar's hours that meet {@code condition} for each booking, as each database finds them fastest. */
    private String hours(String condition) {
        if (db.vendor() == DatabaseVendor.POSTGRESQL) {
            return " CROSS JOIN LATERAL (SELECT h.* FROM analytics_hour h WHERE h.time_zone = r.time_zone AND "
                    + condition + " OFFSET 0) h";
        }
        return " JOIN analytics_hour h ON h.time_zone = r.time_zone AND " + condition;
    }

    private static String where(Scope scope) {
        return "b.deleted = FALSE AND r.deleted = FALSE AND b.end_at > ? AND b.start_at < ?"
                + " AND h.local_day >= ? AND h.local_day <= ?"
                + (scope.filter.resourceId() == null ? "" : " AND r.id = ?")
                + (scope.filter.resourceType() == null ? "" : " AND r.resource_type = ?");
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet r) throws SQLException;
    }

    private <T> Map<List<Object>, T> query(Scope scope, String sql, int keys, RowReader<T> reader) {
        boolean starts = sql.contains("b.start_at <= ?");
        return db.inTransaction(session -> session.doReturningWork(c -> {
            Map<List<Object>, T> rows = new LinkedHashMap<>();
            try (PreparedStatement s = prepare(c, sql, scope, starts)) {
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        List<Object> key = new ArrayList<>(keys);
                        for (int i = 1; i <= keys; i++) {
                            key.add(keyValue(r.getObject(i)));
                        }
                        rows.put(List.copyOf(key), reader.read(r));
                    }
                }
            }
            return rows;
        }));
    }

    private PreparedStatement prepare(Connection c, String sql, Scope scope, boolean starts) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        int i = 1;
        if (starts) {
            s.setObject(i++, clock.instant().atOffset(ZoneOffset.UTC));
        }
        s.setObject(i++, scope.lo.atOffset(ZoneOffset.UTC));
        s.setObject(i++, scope.hi.atOffset(ZoneOffset.UTC));
        s.setObject(i++, scope.filter.from());
        s.setObject(i++, scope.filter.to());
        if (scope.filter.resourceId() != null) {
            s.setObject(i++, scope.filter.resourceId());
        }
        if (scope.filter.resourceType() != null) {
            s.setString(i++, scope.filter.resourceType().name());
        }
        if (starts) {
            s.setObject(i, scope.lo.atOffset(ZoneOffset.UTC));
        }
        return s;
    }

    /** Keys as the reports use them: dates, UUIDs, ints, and currency codes without CHAR padding. */
    private static Object keyValue(Object raw) {
        if (raw == null) {
            return "";
        }
        if (raw instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (raw instanceof String s) {
            return s.strip();
        }
        if (raw instanceof Number n && !(raw instanceof BigDecimal)) {
            return n.intValue();
        }
        if (raw instanceof BigDecimal n) {
            return n.intValue();
        }
        if (raw instanceof UUID || raw instanceof LocalDate) {
            return raw;
        }
        return Objects.toString(raw);
    }

    /** What the bookings starting in a group add up to. */
    private record Starts(long bookings, long cancelled, long noShows, BigDecimal revenue, long earning, long started,
                          BigDecimal leadSeconds) {
        static final Starts NONE = new Starts(0, 0, 0, BigDecimal.ZERO.setScale(2), 0, 0, BigDecimal.ZERO);

        Starts plus(Starts o) {
            return new Starts(bookings + o.bookings, cancelled + o.cancelled, noShows + o.noShows, revenue.add(o.revenue),
                    earning + o.earning, started + o.started, leadSeconds.add(o.leadSeconds));
        }

        BigDecimal averageValue() {
            return earning == 0 ? null : revenue.divide(BigDecimal.valueOf(earning), 2, RoundingMode.HALF_UP);
        }

        Double averageLeadHours() {
            return bookings == 0 ? null : Math.round(leadSeconds.doubleValue() / bookings / 360.0) / 10.0;
        }
    }
}
