package com.venuedesk.server.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server keeps the opening hours, blackouts and resources it read for later bookings (ScheduleCache). These
 * prove that every change to them counts for the very next booking and the very next list of alternatives.
 */
class ScheduleChangesIT {

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void theNextBookingAfterEachOpeningHoursOrBlackoutChangeIsCheckedAgainstTheChange(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            ApiClient api = venue.admin;
            String room = venue.resource("Room A");
            String guest = venue.customer("Ada Lovelace");
            // no opening hours yet: always open. Mondays 2026-12-07, -14, -21 at 20:00 Berlin (19:00Z)
            assertThat(book(api, room, guest, "2026-12-07T19:00:00Z")).isEqualTo(201);

            ApiClient.Reply rule = api.post("/api/v1/resources/" + room + "/availability-rules",
                    Map.of("dayOfWeek", "MONDAY", "startTime", "08:00", "endTime", "18:00"));
            assertThat(rule.status()).as(rule.body()).isEqualTo(201);
            assertThat(book(api, room, guest, "2026-12-14T19:00:00Z")).as("closed at 20:00 from now on").isEqualTo(400);
            assertThat(book(api, room, guest, "2026-12-14T09:00:00Z")).isEqualTo(201);

            assertThat(api.delete("/api/v1/resources/" + room + "/availability-rules/" + rule.json().get("id").asText())
                    .status()).isEqualTo(204);
            assertThat(book(api, room, guest, "2026-12-14T19:00:00Z")).as("open again without rules").isEqualTo(201);

            // a venue-wide closure (no resource) reaches every resource, including one already checked before
            ApiClient.Reply closure = api.post("/api/v1/blackouts",
                    Map.of("startDate", "2026-12-21", "endDate", "2026-12-21", "reason", "Staff party"));
            assertThat(closure.status()).as(closure.body()).isEqualTo(201);
            assertThat(book(api, room, guest, "2026-12-21T09:00:00Z")).isEqualTo(400);
            assertThat(api.delete("/api/v1/blackouts/" + closure.json().get("id").asText()).status()).isEqualTo(204);
            assertThat(book(api, room, guest, "2026-12-21T09:00:00Z")).isEqualTo(201);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void alternativesOfferAResourceAddedOrReopenedJustBeforeTheClash(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            ApiClient api = venue.admin;
            String room = venue.resource("Room A");
            String guest = venue.customer("Ada Lovelace");
            assertThat(book(api, room, guest, "2026-12-07T09:00:00Z")).isEqualTo(201);
            ApiClient.Reply first = api.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-07T09:00:00Z", "2026-12-07T10:00:00Z"));
            assertThat(first.status()).isEqualTo(409);
            assertThat(resourcesOffered(first)).containsOnly(room);

            String twin = venue.resource("Room B");
            ApiClient.Reply second = api.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-07T09:00:00Z", "2026-12-07T10:00:00Z"));
            assertThat(second.status()).isEqualTo(409);
            assertThat(resourcesOffered(second)).as("the new twin room is offered at once").contains(twin);

            ApiClient.Reply closed = api.post("/api/v1/blackouts",
                    Map.of("resourceId", twin, "startDate", "2026-12-07", "endDate", "2026-12-07", "reason", "Painting"));
            assertThat(closed.status()).isEqualTo(201);
            ApiClient.Reply third = api.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-07T09:00:00Z", "2026-12-07T10:00:00Z"));
            assertThat(resourcesOffered(third)).as("not while it is closed that day").doesNotContain(twin);
        }
    }

    private static int book(ApiClient api, String room, String guest, String start) {
        String end = java.time.Instant.parse(start).plusSeconds(3600).toString();
        return api.post("/api/v1/bookings", Venue.booking(null, room, guest, start, end)).status();
    }

    private static List<String> resourcesOffered(ApiClient.Reply overlap) {
        List<String> ids = new ArrayList<>();
        for (JsonNode slot : overlap.json().get("alternatives")) {
            ids.add(slot.get("resourceId").asText());
        }
        return ids;
    }
}
