package com.venuedesk.server.resources;

import static com.venuedesk.server.booking.Venue.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.venuedesk.model.domain.Role;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResourceApiIT {

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aManagerCreatesChangesAndDeletesResourcesWithRevisionChecks(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            ApiClient manager = venue.staff("manager", Role.MANAGER);
            Map<String, Object> body = new HashMap<>(Map.of("name", "Room Aurora", "type", "MEETING_ROOM", "capacity", 8,
                    "pricePerHour", Map.of("amount", "40.00", "currency", "EUR"), "timeZone", "Europe/Berlin",
                    "amenities", List.of("screen", "whiteboard"),
                    "location", Map.of("city", "Berlin", "latitude", 52.52, "longitude", 13.4)));
            ApiClient.Reply created = manager.post("/api/v1/resources", body);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asText();
            assertThat(created.json().at("/pricePerHour/amount").asText()).isEqualTo("40.00");
            assertThat(created.json().get("revision").asLong()).isEqualTo(1);
            assertThat(created.json().get("active").asBoolean()).isTrue();
            assertThat(created.json().get("requiresApproval").asBoolean()).isFalse();
            assertThat(created.json().get("amenities")).hasSize(2);
            assertThat(created.json().at("/location/city").asText()).isEqualTo("Berlin");

            body.put("name", "Room Aurora (renovated)");
            body.put("revision", 1);
            ApiClient.Reply changed = manager.put("/api/v1/resources/" + id, manager.write(body));
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.json().get("revision").asLong()).isEqualTo(2);

            ApiClient.Reply stale = manager.put("/api/v1/resources/" + id, manager.write(body));
            assertThat(stale.status()).isEqualTo(412);
            assertThat(stale.json().at("/current/name").asText()).isEqualTo("Room Aurora (renovated)");
            body.remove("revision");
            assertProblem(manager.put("/api/v1/resources/" + id, manager.write(body)), 400, "revision");

            assertThat(manager.get("/api/v1/resources").json()).hasSize(1);
            assertThat(manager.delete("/api/v1/resources/" + id).status()).isEqualTo(204);
            assertThat(manager.get("/api/v1/resources/" + id).status()).isEqualTo(404);
            assertThat(manager.get("/api/v1/resources").json()).isEmpty();
            assertThat(manager.delete("/api/v1/resources/" + id).status()).isEqualTo(404);

            String guest = venue.customer("Ada Lovelace");
            assertProblem(manager.post("/api/v1/bookings",
                    Venue.booking(null, id, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z")), 400, "resourceId");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void invalidResourcesAreRefusedWithTheFieldAndTheFrontDeskMayOnlyRead(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            ApiClient api = venue.admin;
            Map<String, Object> good = Map.of("name", "Room", "type", "MEETING_ROOM", "capacity", 8,
                    "pricePerHour", Map.of("amount", "40.00", "currency", "EUR"), "timeZone", "Europe/Berlin");
            assertProblem(api.post("/api/v1/resources", with(good, "name", " ")), 400, "name");
            assertProblem(api.post("/api/v1/resources", with(good, "type", "SPACESHIP")), 400, "type");
            assertProblem(api.post("/api/v1/resources", with(good, "capacity", 0)), 400, "capacity");
            assertProblem(api.post("/api/v1/resources", with(good, "capacity", "many")), 400, "capacity");
            assertProblem(api.post("/api/v1/resources", with(good, "timeZone", "Mars/Olympus")), 400, "timeZone");
            assertProblem(api.post("/api/v1/resources", with(good, "pricePerHour", Map.of("amount", "lots", "currency", "EUR"))),
                    400, "pricePerHour.amount");
            assertProblem(api.post("/api/v1/resources", with(good, "pricePerHour", Map.of("amount", "-1", "currency", "EUR"))),
                    400, "pricePerHour");
            assertProblem(api.post("/api/v1/resources", with(good, "pricePerHour", Map.of("amount", "1", "currency", "XXY"))),
                    400, "pricePerHour.currency");
            assertProblem(api.post("/api/v1/resources", with(good, "description", "d".repeat(4001))), 400, "description");
            assertProblem(api.post("/api/v1/resources", with(good, "location", Map.of("city", "c".repeat(201)))), 400, "location.city");
            assertProblem(api.post("/api/v1/resources", with(good, "location", Map.of("latitude", 91))), 400, "location.latitude");
            assertProblem(api.post("/api/v1/blackouts", Map.of("startDate", "2026-12-24", "endDate", "2026-12-23")), 400, "endDate");
            assertProblem(api.post("/api/v1/blackouts", Map.of("startDate", "2026-12-24", "endDate", "2026-12-25",
                    "resourceId", java.util.UUID.randomUUID().toString())), 400, "resourceId");
            assertThat(api.get("/api/v1/resources").json()).as("nothing stored").isEmpty();
            assertThat(api.get("/api/v1/blackouts").json()).as("nothing stored").isEmpty();

            String room = venue.resource("Room");
            ApiClient desk = venue.staff("desk", Role.FRONT_DESK);
            assertThat(desk.get("/api/v1/resources").json()).hasSize(1);
            assertThat(desk.get("/api/v1/resources/" + room).status()).isEqualTo(200);
            assertThat(desk.post("/api/v1/resources", good).status()).isEqualTo(403);
            assertThat(desk.put("/api/v1/resources/" + room, desk.write(with(good, "revision", 1))).status()).isEqualTo(403);
            assertThat(desk.delete("/api/v1/resources/" + room).status()).isEqualTo(403);
            assertThat(desk.post("/api/v1/resources/" + room + "/availability-rules",
                    Map.of("dayOfWeek", "MONDAY", "startTime", "08:00", "endTime", "20:00")).status()).isEqualTo(403);
            assertThat(desk.post("/api/v1/blackouts", Map.of("startDate", "2026-12-24", "endDate", "2026-12-26")).status())
                    .isEqualTo(403);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void openingHoursAndBlackoutsDecideWhatIsBookableFreeAndPriced(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            ApiClient api = venue.admin;
            String room = venue.resource("Room A");
            String guest = venue.customer("Ada Lovelace");
            for (String day : List.of("MONDAY", "TUESDAY")) {
                ApiClient.Reply rule = api.post("/api/v1/resources/" + room + "/availability-rules",
                        Map.of("dayOfWeek", day, "startTime", "08:00", "endTime", "20:00"));
                assertThat(rule.status()).as(rule.body()).isEqualTo(201);
                assertThat(rule.json().get("available").asBoolean()).isTrue();
            }
            assertProblem(api.post("/api/v1/resources/" + room + "/availability-rules",
                    Map.of("dayOfWeek", "MONDAY", "startTime", "20:00", "endTime", "08:00")), 400, "endTime");
            JsonNode rules = api.get("/api/v1/resources/" + room + "/availability-rules").json();
            assertThat(rules).hasSize(2);

            // Monday 2026-12-07; Berlin is UTC+1 in December, so open 07:00Z-19:00Z
            ApiClient.Reply early = api.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-07T06:00:00Z", "2026-12-07T07:30:00Z"));
            assertThat(early.status()).as(early.body()).isEqualTo(400);
            assertThat(early.json().get("field").asText()).isNotBlank();
            ApiClient.Reply sunday = api.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z"));
            assertThat(sunday.status()).as("closed on days without opening hours").isEqualTo(400);
            assertThat(api.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-07T09:00:00Z", "2026-12-07T10:00:00Z")).status()).isEqualTo(201);

            JsonNode free = api.get("/api/v1/availability?resourceId=" + room
                    + "&from=2026-12-07T00:00:00Z&to=2026-12-08T00:00:00Z").json().get("free");
            assertThat(free).hasSize(2);
            assertThat(free.get(0).get("start").asText()).isEqualTo("2026-12-07T07:00:00Z");
            assertThat(free.get(0).get("end").asText()).isEqualTo("2026-12-07T09:00:00Z");
            assertThat(free.get(1).get("start").asText()).isEqualTo("2026-12-07T10:00:00Z");
            assertThat(free.get(1).get("end").asText()).isEqualTo("2026-12-07T19:00:00Z");

            ApiClient.Reply blackout = api.post("/api/v1/blackouts",
                    Map.of("resourceId", room, "startDate", "2026-12-08", "endDate", "2026-12-08", "reason", "Painting"));
            assertThat(blackout.status()).as(blackout.body()).isEqualTo(201);
            assertThat(api.get("/api/v1/blackouts").json()).hasSize(1);
            assertThat(api.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-08T09:00:00Z", "2026-12-08T10:00:00Z")).status()).isEqualTo(400);
            assertThat(api.get("/api/v1/availability?resourceId=" + room
                    + "&from=2026-12-08T00:00:00Z&to=2026-12-09T00:00:00Z").json().get("free")).isEmpty();
            assertThat(api.delete("/api/v1/blackouts/" + blackout.json().get("id").asText()).status()).isEqualTo(204);
            assertThat(api.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-08T09:00:00Z", "2026-12-08T10:00:00Z")).status()).isEqualTo(201);

            assertThat(api.delete("/api/v1/resources/" + room + "/availability-rules/" + rules.get(0).get("id").asText())
                    .status()).isEqualTo(204);
            assertThat(api.get("/api/v1/resources/" + room + "/availability-rules").json()).hasSize(1);

            ApiClient.Reply quote = api.get("/api/v1/quote?resourceId=" + room + "&start=2026-12-09T12:00:00Z&end=2026-12-09T14:00:00Z");
            assertThat(quote.status()).as(quote.body()).isEqualTo(200);
            assertThat(quote.json().at("/total/currency").asText()).isEqualTo("EUR");
            assertThat(new java.math.BigDecimal(quote.json().at("/total/amount").asText())).isGreaterThanOrEqualTo(new java.math.BigDecimal("80.00"));
            assertThat(quote.json().get("lines")).isNotEmpty();
            ApiClient.Reply posted = api.post("/api/v1/quotes",
                    Map.of("resourceId", room, "start", "2026-12-09T12:00:00Z", "end", "2026-12-09T14:00:00Z"));
            assertThat(posted.json().get("total")).isEqualTo(quote.json().get("total"));
            assertProblem(api.get("/api/v1/availability?resourceId=" + room + "&from=2026-12-09T00:00:00Z&to=2026-12-08T00:00:00Z"),
                    400, "to");
            assertThat(api.get("/api/v1/availability?resourceId=" + java.util.UUID.randomUUID()
                    + "&from=2026-12-07T00:00:00Z&to=2026-12-08T00:00:00Z").status()).isEqualTo(404);
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
