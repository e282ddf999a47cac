package com.venuedesk.server.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.model.domain.Role;
import com.venuedesk.model.sync.Mutation;
import com.venuedesk.model.sync.MutationOutcome;
import com.venuedesk.model.sync.PushRequest;
import com.venuedesk.model.sync.PushResponse;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.testing.ApiClient;
import com.venuedesk.server.testing.ServerUnderTest;
import com.venuedesk.server.wire.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Moving a booking onto a resource whose bookings need approval follows the rule of booking there: it is PENDING
 * until a manager approves, over REST and through a sync push alike. Before, a front-desk move kept it CONFIRMED.
 */
class ApprovalOnMoveIT {

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aConfirmedBookingMovedOntoAResourceThatNeedsApprovalIsPendingUntilAManagerApproves(ServerUnderTest.Db db,
                                                                                            @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            ApiClient desk = venue.staff("desk", Role.FRONT_DESK);
            ApiClient manager = venue.staff("manager", Role.MANAGER);
            String room = venue.resource("Room A");
            String hall = venue.resource("Hall", "90.00", true);
            String guest = venue.customer("Ada Lovelace");
            ApiClient.Reply created = desk.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z"));
            assertThat(created.json().get("status").asText()).isEqualTo("CONFIRMED");
            String id = created.json().get("id").asText();

            ApiClient.Reply moved = desk.put("/api/v1/bookings/" + id, "{\"resourceId\":\"" + hall
                    + "\",\"start\":\"2026-12-06T09:00:00Z\",\"end\":\"2026-12-06T10:00:00Z\",\"revision\":1}");
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            assertThat(moved.json().get("status").asText()).isEqualTo("PENDING");
            assertThat(moved.json().get("resourceId").asText()).isEqualTo(hall);
            assertThat(desk.get("/api/v1/bookings/" + id).json().get("status").asText()).isEqualTo("PENDING");
            assertThat(desk.post("/api/v1/bookings/" + id + "/approve", "").status())
                    .as("the desk may not approve it itself").isEqualTo(403);

            ApiClient.Reply approved = manager.post("/api/v1/bookings/" + id + "/approve", "");
            assertThat(approved.json().get("status").asText()).isEqualTo("CONFIRMED");
            ApiClient.Reply later = desk.put("/api/v1/bookings/" + id,
                    "{\"start\":\"2026-12-06T11:00:00Z\",\"end\":\"2026-12-06T12:00:00Z\",\"revision\":3}");
            assertThat(later.json().get("status").asText()).as("an approved booking moved in time on the same resource")
                    .isEqualTo("CONFIRMED");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aSyncedMoveOntoAResourceThatNeedsApprovalLeavesTheBookingPending(ServerUnderTest.Db db, @TempDir Path dir)
            throws Exception {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            ApiClient desk = venue.staff("desk", Role.FRONT_DESK);
            String room = venue.resource("Room A");
            UUID hall = UUID.fromString(venue.resource("Hall", "90.00", true));
            String guest = venue.customer("Ada Lovelace");
            UUID id = UUID.fromString(desk.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z")).json().get("id").asText());

            Mutation move = new Mutation.RescheduleBooking(UUID.randomUUID(), id, 1, hall,
                    Instant.parse("2026-12-06T09:00:00Z"), Instant.parse("2026-12-06T10:00:00Z"));
            ApiClient.Reply pushed = desk.post("/api/v1/sync/push", new PushRequest("desk-1", List.of(move)));
            assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
            assertThat(Json.newMapper().readValue(pushed.body(), PushResponse.class).outcomes())
                    .containsExactly(new MutationOutcome.Applied(move.mutationId(), id, 2));

            ApiClient.Reply stored = desk.get("/api/v1/bookings/" + id);
            assertThat(stored.json().get("resourceId").asText()).isEqualTo(hall.toString());
            assertThat(stored.json().get("status").asText()).isEqualTo("PENDING");
        }
    }
}
