package com.venuedesk.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.venuedesk.model.domain.Role;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.MutableClock;
import com.venuedesk.server.testing.ServerUnderTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The managers' figures on a small venue whose every figure is worked out by hand below, on H2 and PostgreSQL.
 *
 * <p>Europe/Berlin, autumn 2026: clocks go back on Sunday 2026-10-25 at 03:00 CEST (01:00Z), so that day has 25 hours
 * and its local hour 02:00 happens twice. Until then Berlin is UTC+2, afterwards UTC+1. The report covers Saturday
 * 2026-10-24 to Sunday 2026-11-01 (nine days); "now" is Sunday 2026-10-25 20:00Z (21:00 local).
 *
 * <ul>
 *   <li>Hall (MEETING_ROOM): open every day 08:00-20:00 (720 minutes, also on the 25-hour day), blacked out on Monday
 *       10-26. Open over the range: 8 days x 720 = 5,760.</li>
 *   <li>Studio (VENUE): no opening hours, so open around the clock: 1,440 minutes a day, 1,500 on 10-25.
 *       Open over the range: 8 x 1,440 + 1,500 = 13,020.</li>
 * </ul>
 * Bookings (local times):
 * <ol>
 *   <li>Hall Sat 10-24 09:00-11:00 CONFIRMED, checked in, 80.00, made 96 h ahead.</li>
 *   <li>Hall Sun 10-25 10:00-13:00 COMPLETED, checked in, 120.00.</li>
 *   <li>Hall Sun 10-25 14:00-15:00 NO_SHOW, 40.00.</li>
 *   <li>Hall Sun 10-25 16:00-18:00 CANCELLED 5 h before its start (late), 80.00.</li>
 *   <li>Hall Sat 10-24 15:00-16:00 CANCELLED four days before (not late), 40.00.</li>
 *   <li>Studio Sat 10-24 22:00 - Sun 10-25 04:00 CONFIRMED, 100.00: across midnight and the clock change, 7 real
 *       hours: 120 minutes on 10-24 and 300 on 10-25 (00:00-04:00 with 02:00 twice).</li>
 *   <li>Studio Sun 10-25 23:00 - Mon 10-26 01:00 CONFIRMED, 50.00: 60 minutes in each day and each ISO week.</li>
 *   <li>Studio Sat 10-31 23:00 - Sun 11-01 02:00 PENDING, 60.00: 60 minutes in October, 120 in November; booked
 *       but no revenue yet.</li>
 *   <li>Hall Fri 10-23 09:00-10:00 CONFIRMED, 40.00: before the range, only in this month's summary.</li>
 * </ol>
 * Every booking but the first was made 48 h before its start.
 */
class AnalyticsApiIT {
    private static final Instant NOW = Instant.parse("2026-10-25T20:00:00Z");
    private static final String RANGE = "from=2026-10-24&to=2026-11-01";

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void figuresOfASmallVenueAreTheOnesWorkedOutByHand(ServerUnderTest.Db db, @TempDir Path dir) {
        MutableClock clock = new MutableClock(NOW);
        try (VenueDeskServer server = VenueDeskServer.start(ServerUnderTest.config(db, dir).withClock(clock))) {
            Fixture f = new Fixture(server);
            ApiClient manager = f.venue.staff("mia", Role.MANAGER);

            // utilization per day
            Map<String, JsonNode> day = byResourceAndPeriod(manager.get("/api/v1/analytics/utilization?" + RANGE));
            assertThat(day).hasSize(18);
            assertUtilization(day.get(f.hall + "/2026-10-24"), 120, 720, 0.1667);
            JsonNode hallSunday = day.get(f.hall + "/2026-10-25");
            assertUtilization(hallSunday, 240, 720, 0.3333);
            assertThat(hallSunday.get("checkedInMinutes").asLong()).isEqualTo(180);
            assertThat(hallSunday.get("completedMinutes").asLong()).isEqualTo(180);
            assertThat(hallSunday.get("noShowMinutes").asLong()).isEqualTo(60);
            assertThat(hallSunday.get("lateCancelledMinutes").asLong()).as("booking 4 only; 5 was early").isEqualTo(120);
            assertThat(day.get(f.hall + "/2026-10-24").get("lateCancelledMinutes").asLong()).isZero();
            assertUtilization(day.get(f.hall + "/2026-10-26"), 0, 0, null);
            assertUtilization(day.get(f.hall + "/2026-10-27"), 0, 720, 0.0);
            assertUtilization(day.get(f.studio + "/2026-10-24"), 120, 1440, 0.0833);
            assertUtilization(day.get(f.studio + "/2026-10-25"), 360, 1500, 0.24);
            assertUtilization(day.get(f.studio + "/2026-10-26"), 60, 1440, 0.0417);
            assertUtilization(day.get(f.studio + "/2026-10-31"), 60, 1440, 0.0417);
            assertUtilization(day.get(f.studio + "/2026-11-01"), 120, 1440, 0.0833);

            // by ISO week (Monday 10-19 holds only 10-24 and 10-25 of the range) and by month
            Map<String, JsonNode> week = byResourceAndPeriod(manager.get("/api/v1/analytics/utilization?" + RANGE
                    + "&granularity=week"));
            assertUtilization(week.get(f.studio + "/2026-10-19"), 480, 2940, 0.1633);
            assertUtilization(week.get(f.studio + "/2026-10-26"), 240, 10080, 0.0238);
            assertUtilization(week.get(f.hall + "/2026-10-26"), 0, 4320, 0.0);
            Map<String, JsonNode> month = byResourceAndPeriod(manager.get("/api/v1/analytics/utilization?" + RANGE
                    + "&granularity=month"));
            assertUtilization(month.get(f.hall + "/2026-10-01"), 360, 5040, 0.0714);
            assertUtilization(month.get(f.hall + "/2026-11-01"), 0, 720, 0.0);
            assertUtilization(month.get(f.studio + "/2026-10-01"), 600, 11580, 0.0518);
            assertUtilization(month.get(f.studio + "/2026-11-01"), 120, 1440, 0.0833);

            // one resource, one type
            assertThat(manager.get("/api/v1/analytics/utilization?" + RANGE + "&resourceId=" + f.studio).json()
                    .get("items")).hasSize(9);
            assertThat(manager.get("/api/v1/analytics/utilization?" + RANGE + "&resourceType=venue").json()
                    .get("items")).allSatisfy(i -> assertThat(i.get("resourceId").asText()).isEqualTo(f.studio));

            // heatmap: Sunday 02:00 local happened twice on 10-25, both times booked (booking 6); 11-01 is open then too
            Map<String, JsonNode> cells = new HashMap<>();
            JsonNode heat = manager.get("/api/v1/analytics/heatmap?" + RANGE).json().get("items");
            heat.forEach(c -> cells.put(c.get("weekday").asInt() + "/" + c.get("hour").asInt(), c));
            assertThat(heat).hasSize(168);
            assertUtilization(cells.get("7/2"), 120, 180, 0.6667);
            // Saturday 09:00: Hall's booking 1 (60 of it), Hall open 2 Saturdays and Studio 2 Saturdays: 4 x 60
            assertUtilization(cells.get("6/9"), 60, 240, 0.25);

            // bookings and revenue by the day they start
            Map<String, JsonNode> revenue = new HashMap<>();
            JsonNode revenueItems = manager.get("/api/v1/analytics/revenue?" + RANGE).json().get("items");
            revenueItems.forEach(r -> revenue.put(r.get("period").asText(), r));
            assertThat(revenueItems).hasSize(9);
            JsonNode saturday = revenue.get("2026-10-24");
            assertThat(saturday.get("bookings").asLong()).as("1, 5 and 6").isEqualTo(3);
            assertThat(saturday.get("cancelled").asLong()).isEqualTo(1);
            assertThat(saturday.get("revenue").decimalValue()).isEqualByComparingTo("180.00");
            assertThat(saturday.get("averageValue").decimalValue()).isEqualByComparingTo("90.00");
            assertThat(saturday.get("averageLeadTimeHours").asDouble()).as("(96 + 48 + 48) / 3").isEqualTo(64.0);
            assertThat(saturday.get("noShowRate").asDouble()).isEqualTo(0.0);
            JsonNode sunday = revenue.get("2026-10-25");
            assertThat(sunday.get("bookings").asLong()).as("2, 3, 4 and 7").isEqualTo(4);
            assertThat(sunday.get("revenue").decimalValue()).isEqualByComparingTo("210.00");
            assertThat(sunday.get("averageValue").decimalValue()).isEqualByComparingTo("70.00");
            assertThat(sunday.get("cancellationRate").asDouble()).isEqualTo(0.25);
            assertThat(sunday.get("noShowRate").asDouble()).as("3 of 2 and 3; 7 has not started").isEqualTo(0.5);
            assertThat(revenue.get("2026-10-31").get("bookings").asLong()).isEqualTo(1);
            assertThat(revenue.get("2026-10-31").get("revenue").decimalValue()).as("pending").isEqualByComparingTo("0");
            assertThat(revenue.get("2026-10-27").get("bookings").asLong()).isZero();
            JsonNode monthly = manager.get("/api/v1/analytics/revenue?" + RANGE + "&granularity=month").json().get("items");
            assertThat(monthly).hasSize(2);
            assertThat(monthly.get(0).get("bookings").asLong()).isEqualTo(8);
            assertThat(monthly.get(0).get("revenue").decimalValue()).isEqualByComparingTo("390.00");

            // resource performance, ranked by revenue
            JsonNode ranked = manager.get("/api/v1/analytics/resources?" + RANGE).json().get("items");
            assertThat(ranked.get(0).get("resourceId").asText()).isEqualTo(f.hall);
            assertThat(ranked.get(0).get("rank").asInt()).isEqualTo(1);
            assertThat(ranked.get(0).get("bookings").asLong()).isEqualTo(5);
            assertThat(ranked.get(0).get("revenue").decimalValue()).isEqualByComparingTo("240.00");
            assertUtilization(ranked.get(0), 360, 5760, 0.0625);
            assertThat(ranked.get(0).get("cancelled").asLong()).isEqualTo(2);
            assertThat(ranked.get(0).get("noShows").asLong()).isEqualTo(1);
            assertThat(ranked.get(0).get("noShowRate").asDouble()).isEqualTo(0.3333);
            assertThat(ranked.get(1).get("resourceId").asText()).isEqualTo(f.studio);
            assertThat(ranked.get(1).get("revenue").decimalValue()).isEqualByComparingTo("150.00");
            // 420 (booking 6) + 120 (7) + 180 (8) = 720
            assertUtilization(ranked.get(1), 720, 13020, 0.0553);

            // today (Sunday 10-25) and this month (October: Hall 30 open days, Studio 31 with one of 25 hours)
            JsonNode summary = manager.get("/api/v1/analytics/summary").json();
            assertThat(summary.get("timeZone").asText()).isEqualTo("Europe/Berlin");
            JsonNode today = summary.get("today");
            assertThat(today.get("bookings").asLong()).isEqualTo(4);
            assertThat(today.get("revenue").get(0).get("amount").decimalValue()).isEqualByComparingTo("210.00");
            assertUtilization(today, 600, 2220, 0.2703);
            assertThat(today.get("noShowRate").asDouble()).isEqualTo(0.5);
            JsonNode october = summary.get("thisMonth");
            assertThat(october.get("bookings").asLong()).isEqualTo(9);
            assertThat(october.get("revenue").get(0).get("amount").decimalValue()).isEqualByComparingTo("430.00");
            assertUtilization(october, 1020, 66300, 0.0154);
            assertThat(october.get("cancellationRate").asDouble()).isEqualTo(0.2222);
            assertThat(summary.get("period").isNull()).isTrue();
            JsonNode period = manager.get("/api/v1/analytics/summary?" + RANGE).json().get("period");
            assertThat(period.get("bookings").asLong()).as("1 to 8").isEqualTo(8);
            // Hall 360 + Studio 720 booked, 5,760 + 13,020 open
            assertUtilization(period, 1080, 18780, 0.0575);
            assertThat(period.get("revenue").get(0).get("amount").decimalValue()).isEqualByComparingTo("390.00");
            assertThat(summary.get("staffActiveLast24h").asLong()).as("the admin who set up, the clerk who cancelled 4")
                    .isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void reportsComeAsCsvWithFormulaCellsDefusedAndBadInputIsAProblemNamingTheField(ServerUnderTest.Db db,
                                                                                    @TempDir Path dir) {
        MutableClock clock = new MutableClock(NOW);
        try (VenueDeskServer server = VenueDeskServer.start(ServerUnderTest.config(db, dir).withClock(clock))) {
            Venue venue = new Venue(server);
            ApiClient admin = venue.admin;
            assertThat(admin.get("/api/v1/analytics/summary").json().get("today").get("bookings").asLong())
                    .as("an empty venue").isZero();
            assertThat(admin.get("/api/v1/analytics/resources").json().get("items")).isEmpty();
            venue.resource("=HYPERLINK(\"http://evil\")");

            ApiClient csv = admin.withHeader("Accept", "text/csv");
            ApiClient.Reply reply = csv.get("/api/v1/analytics/resources?" + RANGE);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("text/csv");
            assertThat(reply.body()).startsWith("rank,resourceId,name,");
            assertThat(reply.body()).contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",");
            for (String report : new String[] {"summary", "utilization", "heatmap", "revenue"}) {
                ApiClient.Reply r = csv.get("/api/v1/analytics/" + report + "?" + RANGE);
                assertThat(r.status()).as(report).isEqualTo(200);
                assertThat(r.contentType()).startsWith("text/csv");
            }

            Venue.assertProblem(admin.get("/api/v1/analytics/utilization?from=yesterday"), 400, "from");
            Venue.assertProblem(admin.get("/api/v1/analytics/utilization?from=2026-10-02&to=2026-10-01"), 400, "to");
            Venue.assertProblem(admin.get("/api/v1/analytics/revenue?granularity=hourly"), 400, "granularity");
            Venue.assertProblem(admin.get("/api/v1/analytics/heatmap?resourceId=42"), 400, "resourceId");
            Venue.assertProblem(admin.get("/api/v1/analytics/resources?resourceType=castle"), 400, "resourceType");
            Venue.assertProblem(admin.get("/api/v1/analytics/revenue?from=2020-01-01&to=2026-01-01"), 400, "to");
            ApiClient desk = venue.staff("fred", Role.FRONT_DESK);
            assertThat(desk.get("/api/v1/analytics/summary").status()).isEqualTo(403);
        }
    }

    private static Map<String, JsonNode> byResourceAndPeriod(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, JsonNode> all = new LinkedHashMap<>();
        reply.json().get("items").forEach(i -> all.put(i.get("resourceId").asText() + "/" + i.get("period").asText(), i));
        return all;
    }

    private static void assertUtilization(JsonNode item, long booked, long open, Double utilization) {
        assertThat(item).as("no such item").isNotNull();
        assertThat(item.get("bookedMinutes").asLong()).as("booked " + item).isEqualTo(booked);
        assertThat(item.get("openMinutes").asLong()).as("open " + item).isEqualTo(open);
        if (utilization == null) {
            assertThat(item.get("utilization").isNull()).as(item.toString()).isTrue();
        } else {
            assertThat(item.get("utilization").asDouble()).as(item.toString()).isEqualTo(utilization);
        }
    }

    /** The venue of the class comment: resources, rules and the blackout through the API, bookings as rows. */
    private static final class Fixture {
        final Venue venue;
        final String hall;
        final String studio;
        private final UUID customer;

        Fixture(VenueDeskServer server) {
            venue = new Venue(server);
            hall = venue.resource("Hall");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "Studio");
            body.put("type", "VENUE");
            body.put("capacity", 40);
            body.put("pricePerHour", Map.of("amount", "25.00", "currency", "EUR"));
            body.put("timeZone", "Europe/Berlin");
            studio = venue.admin.post("/api/v1/resources", body).json().get("id").asText();
            for (String weekday : new String[] {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"}) {
                ApiClient.Reply rule = venue.admin.post("/api/v1/resources/" + hall + "/availability-rules",
                        Map.of("dayOfWeek", weekday, "startTime", "08:00", "endTime", "20:00"));
                assertThat(rule.status()).as(rule.body()).isEqualTo(201);
            }
            ApiClient.Reply blackout = venue.admin.post("/api/v1/blackouts",
                    Map.of("resourceId", hall, "startDate", "2026-10-26", "endDate", "2026-10-26", "reason", "Floor"));
            assertThat(blackout.status()).as(blackout.body()).isEqualTo(201);
            customer = UUID.fromString(venue.customer("Ada Lovelace"));

            UUID clerk = UUID.randomUUID();
            UUID earlier = UUID.randomUUID();
            UUID h = UUID.fromString(hall);
            UUID s = UUID.fromString(studio);
            book(h, "2026-10-24T07:00:00Z", "2026-10-24T09:00:00Z", "CONFIRMED", true, "80.00", 96);
            book(h, "2026-10-25T09:00:00Z", "2026-10-25T12:00:00Z", "COMPLETED", true, "120.00", 48);
            book(h, "2026-10-25T13:00:00Z", "2026-10-25T14:00:00Z", "NO_SHOW", false, "40.00", 48);
            UUID late = book(h, "2026-10-25T15:00:00Z", "2026-10-25T17:00:00Z", "CANCELLED", false, "80.00", 48);
            UUID early = book(h, "2026-10-24T13:00:00Z", "2026-10-24T14:00:00Z", "CANCELLED", false, "40.00", 48);
            book(s, "2026-10-24T20:00:00Z", "2026-10-25T03:00:00Z", "CONFIRMED", false, "100.00", 48);
            book(s, "2026-10-25T22:00:00Z", "2026-10-26T00:00:00Z", "CONFIRMED", false, "50.00", 48);
            book(s, "2026-10-31T22:00:00Z", "2026-11-01T01:00:00Z", "PENDING", false, "60.00", 48);
            book(h, "2026-10-23T07:00:00Z", "2026-10-23T08:00:00Z", "CONFIRMED", false, "40.00", 48);
            cancelled(late, "2026-10-25T10:00:00Z", clerk);
            cancelled(early, "2026-10-20T13:00:00Z", earlier);
        }

        private UUID book(UUID resource, String start, String end, String status, boolean checkedIn, String price,
                          int madeHoursAhead) {
            UUID id = UUID.randomUUID();
            OffsetDateTime startAt = Instant.parse(start).atOffset(ZoneOffset.UTC);
            venue.server.database().inTransaction(session -> session.doReturningWork(c -> {
                try (var insert = c.prepareStatement("INSERT INTO booking (id, resource_id, customer_id, start_at, end_at,"
                        + " status, price_amount, price_currency, checked_in_at, created_at, revision)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?, 1)")) {
                    insert.setObject(1, id);
                    insert.setObject(2, resource);
                    insert.setObject(3, customer);
                    insert.setObject(4, startAt);
                    insert.setObject(5, Instant.parse(end).atOffset(ZoneOffset.UTC));
                    insert.setString(6, status);
                    insert.setBigDecimal(7, new BigDecimal(price));
                    insert.setObject(8, checkedIn ? startAt.plusMinutes(5) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                    insert.setObject(9, startAt.minusHours(madeHoursAhead));
                    return insert.executeUpdate();
                }
            }));
            return id;
        }

        private void cancelled(UUID booking, String at, UUID actor) {
            venue.server.database().inTransaction(session -> session.doReturningWork(c -> {
                try (var insert = c.prepareStatement("INSERT INTO change_log (entity_type, entity_id, revision, deleted,"
                        + " recorded_at, action, actor_id) VALUES ('BOOKING', ?, 2, FALSE, ?, 'CANCELLED', ?)")) {
                    insert.setObject(1, booking);
                    insert.setObject(2, Instant.parse(at).atOffset(ZoneOffset.UTC));
                    insert.setObject(3, actor);
                    return insert.executeUpdate();
                }
            }));
        }
    }
}
