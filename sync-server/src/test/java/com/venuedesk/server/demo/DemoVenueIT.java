package com.venuedesk.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.venuedesk.server.ServerConfig;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DemoVenueIT {

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aDemoServerStartsWithAPopulatedWeekWithoutOverlapsAndStaffAccounts(ServerUnderTest.Db db, @TempDir Path dir) {
        ServerConfig config = ServerUnderTest.config(db, dir).withDemo(true);
        try (VenueDeskServer server = VenueDeskServer.start(config)) {
            ApiClient anonymous = new ApiClient(server.baseUri());
            ApiClient desk = anonymous.login("desk", "desk-password");
            ApiClient manager = anonymous.login("manager", "manager-password");

            JsonNode resources = desk.get("/api/v1/resources").json();
            assertThat(resources).hasSize(6);
            Set<String> types = new java.util.HashSet<>();
            resources.forEach(r -> types.add(r.get("type").asText()));
            assertThat(types).containsExactlyInAnyOrder("MEETING_ROOM", "VENUE", "EQUIPMENT", "SERVICE", "ACCOMMODATION");
            resources.forEach(r -> assertThat(r.get("timeZone").asText()).isEqualTo("Europe/Berlin"));
            String someRoom = resources.get(0).get("id").asText();
            assertThat(desk.get("/api/v1/resources/" + someRoom + "/availability-rules").json()).hasSize(6);
            assertThat(desk.get("/api/v1/blackouts").json()).hasSize(1);
            assertThat(desk.get("/api/v1/customers").json()).hasSize(15);

            JsonNode bookings = desk.get("/api/v1/bookings").json();
            assertThat(bookings).hasSize(DemoVenue.BOOKINGS);
            Set<String> statuses = new java.util.HashSet<>();
            Map<String, List<JsonNode>> activeByResource = new HashMap<>();
            for (JsonNode b : bookings) {
                statuses.add(b.get("status").asText());
                if (Set.of("PENDING", "CONFIRMED").contains(b.get("status").asText())) {
                    activeByResource.computeIfAbsent(b.get("resourceId").asText(), k -> new ArrayList<>()).add(b);
                }
            }
            assertThat(statuses).contains("PENDING");
            activeByResource.values().forEach(DemoVenueIT::assertNoOverlap);

            assertThat(manager.get("/api/v1/bookings").json()).hasSize(DemoVenue.BOOKINGS);
            assertThat(desk.post("/api/v1/resources", Map.of("name", "x")).status()).isEqualTo(403);
        }
        if (db == ServerUnderTest.Db.H2) {
            try (VenueDeskServer again = VenueDeskServer.start(config)) {
                ApiClient desk = new ApiClient(again.baseUri()).login("desk", "desk-password");
                assertThat(desk.get("/api/v1/resources").json()).as("seeded once, not on every start").hasSize(6);
                assertThat(desk.get("/api/v1/bookings").json()).hasSize(DemoVenue.BOOKINGS);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theDemoWeekIsTheWeekOfTheServerClockWithThePastAlreadyCompleted(@TempDir Path dir) {
        Instant wednesdayNoon = Instant.parse("2026-12-09T11:00:00Z");
        ServerConfig config = ServerUnderTest.config(ServerUnderTest.Db.H2, dir).withDemo(true)
                .withClock(java.time.Clock.fixed(wednesdayNoon, java.time.ZoneOffset.UTC));
        try (VenueDeskServer server = VenueDeskServer.start(config)) {
            ApiClient desk = new ApiClient(server.baseUri()).login("desk", "desk-password");
            JsonNode bookings = desk.get("/api/v1/bookings").json();
            assertThat(bookings).hasSize(DemoVenue.BOOKINGS);
            Instant monday = Instant.parse("2026-12-06T23:00:00Z");
            Instant sunday = Instant.parse("2026-12-12T23:00:00Z");
            Set<String> pastStatuses = new java.util.HashSet<>();
            for (JsonNode b : bookings) {
                Instant start = Instant.parse(b.get("start").asText());
                Instant end = Instant.parse(b.get("end").asText());
                assertThat(start).isAfterOrEqualTo(monday).isBefore(sunday);
                if (end.isBefore(wednesdayNoon)) {
                    pastStatuses.add(b.get("status").asText());
                } else if (start.isAfter(wednesdayNoon)) {
                    assertThat(b.get("status").asText()).isIn("CONFIRMED", "PENDING", "CANCELLED");
                }
            }
            assertThat(pastStatuses).contains("COMPLETED").doesNotContain("CONFIRMED");
        }
    }

    private static void assertNoOverlap(List<JsonNode> bookings) {
        List<Instant[]> ranges = bookings.stream()
                .map(b -> new Instant[] {Instant.parse(b.get("start").asText()), Instant.parse(b.get("end").asText())})
                .sorted((a, b) -> a[0].compareTo(b[0])).collect(Collectors.toList());
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i)[0]).isAfterOrEqualTo(ranges.get(i - 1)[1]);
        }
    }
}
