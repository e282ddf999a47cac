package com.venuedesk.server.analytics;

import com.venuedesk.server.persistence.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code analytics_hour} table: every local hour of a time zone as the instants it begins and ends, filled a whole
 * year of a zone at a time when a report first needs it. A local hour is cut where java.time's zone rules cut it, so
 * the database's days have 23 or 25 hours where the zone changes its clocks.
 */
public final class HourCalendar {
    private static final Logger LOG = LoggerFactory.getLogger(HourCalendar.class);

    /** One local hour of a zone. */
    public record Hour(Instant start, Instant end, LocalDate day, int hour) {
    }

    private final Database db;
    private final Set<String> filled = ConcurrentHashMap.newKeySet();

    public HourCalendar(Database db) {
        this.db = db;
    }

    /** Each local hour of {@code zone} from the start of {@code from} to the end of {@code toInclusive}, in order. */
    public static void forEachHour(ZoneId zone, LocalDate from, LocalDate toInclusive, Consumer<Hour> action) {
        Instant end = toInclusive.plusDays(1).atStartOfDay(zone).toInstant();
        Instant start = from.atStartOfDay(zone).toInstant();
        while (start.isBefore(end)) {
            ZonedDateTime local = start.atZone(zone);
            Instant next = local.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
            action.accept(new Hour(start, next, local.toLocalDate(), local.getHour()));
            start = next;
        }
    }

    /** Makes sure the hours of every year from {@code from} to {@code to} of each zone are in the table. */
    public void ensure(Collection<ZoneId> zones, LocalDate from, LocalDate to) {
        for (ZoneId zone : zones) {
            // one day either side: a booking is cut by the zone's hours, whose UTC instants reach into them
            for (int year = from.minusDays(1).getYear(); year <= to.plusDays(1).getYear(); year++) {
                String key = zone.getId() + "/" + year;
                if (!filled.contains(key)) {
                    fillYear(zone, year);
                    filled.add(key);
                }
            }
        }
    }

    private void fillYear(ZoneId zone, int year) {
        try {
            db.inTransaction(session -> session.doReturningWork(c -> {
                if (present(c, zone, year)) {
                    return null;
                }
                insertYear(c, zone, year);
                return null;
            }));
        } catch (RuntimeException e) {
            // another server instance filled the same year at the same time: what it wrote is what we would have
            boolean present = db.inTransaction(session -> session.doReturningWork(c -> present(c, zone, year)));
            if (!present) {
                throw e;
            }
        }
    }

    private static boolean present(Connection c, ZoneId zone, int year) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM analytics_calendar_year WHERE time_zone = ? AND cal_year = ?")) {
            s.setString(1, zone.getId());
            s.setInt(2, year);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static void insertYear(Connection c, ZoneId zone, int year) throws SQLException {
        try (PreparedStatement claim = c.prepareStatement(
                "INSERT INTO analytics_calendar_year (time_zone, cal_year) VALUES (?, ?)")) {
            claim.setString(1, zone.getId());
            claim.setInt(2, year);
            claim.executeUpdate();
        }
        int[] rows = {0};
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO analytics_hour (time_zone, starts_at, ends_at,"
                + " local_day, week_start, month_start, iso_weekday, local_hour) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            forEachHour(zone, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), hour -> {
                try {
                    insert.setString(1, zone.getId());
                    insert.setObject(2, hour.start().atOffset(ZoneOffset.UTC));
                    insert.setObject(3, hour.end().atOffset(ZoneOffset.UTC));
                    insert.setObject(4, hour.day());
                    insert.setObject(5, Granularity.WEEK.periodOf(hour.day()));
                    insert.setObject(6, Granularity.MONTH.periodOf(hour.day()));
                    insert.setInt(7, hour.day().getDayOfWeek().getValue());
                    insert.setInt(8, hour.hour());
                    insert.addBatch();
                    if (++rows[0] % 1000 == 0) {
                        insert.executeBatch();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            insert.executeBatch();
        }
        LOG.info("analytics calendar: {} hours of {} in {}", rows[0], year, zone.getId());
    }
}
