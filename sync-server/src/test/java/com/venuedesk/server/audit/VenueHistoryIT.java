package com.venuedesk.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.venuedesk.model.domain.Role;
import com.venuedesk.model.sync.BookingAction;
import com.venuedesk.model.sync.Mutation;
import com.venuedesk.model.sync.PushRequest;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The venue's history as managers read it: who did what to a booking, from which desk and why, and what happened to
 * staff accounts. Real server over HTTP, on H2 and PostgreSQL.
 */
class VenueHistoryIT {

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aBookingMadeOfflineMovedAndCancelledShowsWhoDidEachStepFromWhichDeskAndWhy(ServerUnderTest.Db db,
                                                                                 @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            String roomA = venue.resource("Room A");
            String roomB = venue.resource("Room B");
            String guest = venue.customer("Ada Lovelace");
            ApiClient dana = venue.staff("dana", Role.FRONT_DESK);
            ApiClient sam = venue.staff("sam", Role.FRONT_DESK);
            ApiClient manager = venue.staff("mia", Role.MANAGER).withHeader("X-Device-Id", "office-pc");
            UUID danaId = userId(dana);
            UUID samId = userId(sam);

            // dana books offline at desk-7; the outbox is pushed later, when sam is signed in at that desk
            UUID booking = UUID.randomUUID();
            push(sam, "desk-7", new Mutation.CreateBooking(UUID.randomUUID(), booking, UUID.fromString(roomA),
                    UUID.fromString(guest), Instant.parse("2026-12-10T09:00:00Z"), Instant.parse("2026-12-10T10:00:00Z"),
                    "offline", danaId));
            // the manager moves it to Room B over REST from the office
            JsonNode stored = manager.get("/api/v1/bookings/" + booking).json();
            ApiClient.Reply moved = manager.put("/api/v1/bookings/" + booking, manager.write(Map.of("resourceId", roomB,
                    "start", "2026-12-10T11:00:00Z", "end", "2026-12-10T12:00:00Z",
                    "revision", stored.get("revision").asLong())));
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            // sam cancels it at desk-7 with a reason
            push(sam, "desk-7", new Mutation.ChangeBookingStatus(UUID.randomUUID(), booking, BookingAction.CANCEL,
                    "guest cancelled", Instant.parse("2026-12-09T15:00:00Z"), samId));

            ApiClient.Reply audit = manager.get("/api/v1/audit?entityId=" + booking);
            assertThat(audit.status()).as(audit.body()).isEqualTo(200);
            List<JsonNode> items = items(audit);
            assertThat(items).extracting(i -> i.get("action").asText())
                    .containsExactly("CANCELLED", "RESOURCE_CHANGED", "CREATED");

            JsonNode cancelled = items.get(0);
            assertThat(cancelled.get("actor").get("username").asText()).isEqualTo("sam");
            assertThat(cancelled.get("pushedBy").isNull()).as("sam pushed his own change").isTrue();
            assertThat(cancelled.get("deviceId").asText()).isEqualTo("desk-7");
            assertThat(cancelled.get("reason").asText()).isEqualTo("guest cancelled");
            assertThat(cancelled.get("revision").asLong()).isEqualTo(3);
            assertThat(cancelled.get("details").get("happenedAt").asText()).isEqualTo("2026-12-09T15:00:00Z");

            JsonNode move = items.get(1);
            assertThat(move.get("actor").get("username").asText()).isEqualTo("mia");
            assertThat(move.get("deviceId").asText()).isEqualTo("office-pc");
            assertThat(move.get("details").get("fromResourceId").asText()).isEqualTo(roomA);
            assertThat(move.get("details").get("toResourceId").asText()).isEqualTo(roomB);
            assertThat(move.get("details").get("fromStart").asText()).isEqualTo("2026-12-10T09:00:00Z");
            assertThat(move.get("details").get("toStart").asText()).isEqualTo("2026-12-10T11:00:00Z");

            JsonNode created = items.get(2);
            assertThat(created.get("actor").get("id").asText()).as("credited to the clerk who booked")
                    .isEqualTo(danaId.toString());
            assertThat(created.get("actor").get("username").asText()).isEqualTo("dana");
            assertThat(created.get("pushedBy").get("username").asText()).isEqualTo("sam");
            assertThat(created.get("deviceId").asText()).isEqualTo("desk-7");
            assertThat(created.get("entityType").asText()).isEqualTo("BOOKING");
            assertThat(Instant.parse(created.get("at").asText())).isBefore(Instant.now().plusSeconds(5));

            assertThat(items(manager.get("/api/v1/audit?actor=dana"))).extracting(i -> i.get("action").asText())
                    .containsExactly("CREATED");
            assertThat(items(manager.get("/api/v1/audit?actor=" + samId))).as("what sam did or pushed")
                    .extracting(i -> i.get("action").asText()).containsExactly("CANCELLED", "CREATED");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aMutationCreditedToAnAccountTheServerDoesNotKnowIsCreditedToThePusher(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            String room = venue.resource("Room A");
            String guest = venue.customer("Ada Lovelace");
            ApiClient sam = venue.staff("sam", Role.FRONT_DESK);
            UUID booking = UUID.randomUUID();
            push(sam, "desk-7", new Mutation.CreateBooking(UUID.randomUUID(), booking, UUID.fromString(room),
                    UUID.fromString(guest), Instant.parse("2026-12-10T09:00:00Z"), Instant.parse("2026-12-10T10:00:00Z"),
                    "", UUID.randomUUID()));
            JsonNode created = items(venue.admin.get("/api/v1/audit?entityId=" + booking)).get(0);
            assertThat(created.get("actor").get("username").asText()).isEqualTo("sam");
            assertThat(created.get("pushedBy").isNull()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void staffAccountChangesAndLockoutsAreInTheTrailButNeverSyncedToDesks(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            ApiClient.Reply made = venue.admin.post("/api/v1/users",
                    Map.of("username", "lee", "password", "lee-password-1", "role", "FRONT_DESK"));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            String lee = made.json().get("id").asText();
            assertThat(venue.admin.put("/api/v1/users/" + lee, "{\"role\":\"MANAGER\"}").status()).isEqualTo(200);
            for (int i = 0; i < 5; i++) {
                venue.anonymous.post("/api/v1/auth/login", "{\"username\":\"lee\",\"password\":\"wrong-password\"}");
            }
            assertThat(venue.admin.post("/api/v1/users/" + lee + "/password",
                    Map.of("password", "lee-password-2")).status()).isEqualTo(204);
            assertThat(venue.admin.put("/api/v1/users/" + lee, "{\"active\":false}").status()).isEqualTo(200);

            List<JsonNode> trail = items(venue.admin.get("/api/v1/audit?entityId=" + lee));
            assertThat(trail).extracting(i -> i.get("action").asText())
                    .containsExactly("DISABLED", "PASSWORD_RESET", "LOCKED_OUT", "ROLE_CHANGED", "CREATED");
            assertThat(trail).allSatisfy(i -> assertThat(i.get("entityType").asText()).isEqualTo("USER"));
            JsonNode lockout = trail.get(2);
            assertThat(lockout.get("actor").isNull()).as("the server locked the account, nobody did").isTrue();
            assertThat(lockout.get("reason").asText()).isEqualTo("5 failed sign-ins");
            assertThat(trail.get(3).get("actor").get("username").asText()).isEqualTo("admin");
            assertThat(trail.get(3).get("details").get("fromRole").asText()).isEqualTo("FRONT_DESK");
            assertThat(trail.get(3).get("details").get("toRole").asText()).isEqualTo("MANAGER");

            ApiClient desk = venue.staff("dana", Role.FRONT_DESK);
            JsonNode pulled = desk.get("/api/v1/sync/pull?limit=500").json();
            assertThat(pulled.get("changes")).noneSatisfy(c -> assertThat(c.get("entityType").asText()).isEqualTo("USER"));
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void theTrailIsForManagersPagesNewestFirstAndRefusesBadQueriesNamingTheField(ServerUnderTest.Db db,
                                                                               @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            for (int i = 0; i < 5; i++) {
                venue.customer("Guest " + i);
            }
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                ApiClient.Reply page = venue.admin.get("/api/v1/audit?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
                assertThat(page.status()).as(page.body()).isEqualTo(200);
                items(page).forEach(i -> seen.add(i.get("entityId").asText()));
                cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
            } while (cursor != null);
            List<String> whole = items(venue.admin.get("/api/v1/audit?limit=500")).stream()
                    .map(i -> i.get("entityId").asText()).toList();
            assertThat(seen).hasSize(5).isEqualTo(whole);
            assertThat(items(venue.admin.get("/api/v1/audit?from=" + Instant.now().plusSeconds(3600)))).isEmpty();

            ApiClient.Reply forbidden = venue.staff("dana", Role.FRONT_DESK).get("/api/v1/audit");
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.contentType()).startsWith("application/problem+json");
            Venue.assertProblem(venue.admin.get("/api/v1/audit?limit=0"), 400, "limit");
            Venue.assertProblem(venue.admin.get("/api/v1/audit?cursor=not-a-cursor"), 400, "cursor");
            Venue.assertProblem(venue.admin.get("/api/v1/audit?from=yesterday"), 400, "from");
            Venue.assertProblem(venue.admin.get("/api/v1/audit?entityId=42"), 400, "entityId");
            Venue.assertProblem(venue.admin.get("/api/v1/audit?from=2026-12-02T10:00:00Z&to=2026-12-01T10:00:00Z"),
                    400, "to");
        }
    }

    private static void push(ApiClient client, String device, Mutation mutation) {
        ApiClient.Reply reply = client.post("/api/v1/sync/push", new PushRequest(device, List.of(mutation)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("outcomes").get(0).get("outcome").asText()).as(reply.body()).isEqualTo("APPLIED");
    }

    private static UUID userId(ApiClient client) {
        return UUID.fromString(client.get("/api/v1/auth/me").json().get("id").asText());
    }

    private static List<JsonNode> items(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        reply.json().get("items").forEach(items::add);
        return items;
    }
}
