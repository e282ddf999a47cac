package com.venuedesk.server.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.venuedesk.model.domain.Role;
import com.venuedesk.model.sync.Mutation;
import com.venuedesk.model.sync.PushRequest;
import com.venuedesk.server.VenueDeskServer;
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

/** A booking's guest and notes change by push (UpdateBookingDetails) and by PATCH, with the rules of a move. */
class BookingDetailsIT {

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aPushedDetailsChangeSwapsTheGuestAndNotesAndTheHistoryTellsWhichGuest(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            String room = venue.resource("Room A");
            String ada = venue.customer("Ada Lovelace");
            String grace = venue.customer("Grace Hopper");
            ApiClient desk = venue.staff("sam", Role.FRONT_DESK);
            ApiClient manager = venue.staff("mia", Role.MANAGER);
            UUID booking = UUID.randomUUID();
            assertThat(outcome(push(desk, new Mutation.CreateBooking(UUID.randomUUID(), booking, UUID.fromString(room),
                    UUID.fromString(ada), Instant.parse("2026-12-10T09:00:00Z"), Instant.parse("2026-12-10T10:00:00Z"),
                    "window seat")))).isEqualTo("APPLIED");

            JsonNode answer = push(desk, new Mutation.UpdateBookingDetails(UUID.randomUUID(), booking, 1,
                    UUID.fromString(grace), "projector please", null));
            assertThat(outcome(answer)).isEqualTo("APPLIED");
            assertThat(answer.get("outcomes").get(0).get("revision").asLong()).isEqualTo(2);
            JsonNode stored = desk.get("/api/v1/bookings/" + booking).json();
            assertThat(stored.get("customerId").asText()).isEqualTo(grace);
            assertThat(stored.get("notes").asText()).isEqualTo("projector please");
            assertThat(stored.get("start").asText()).as("the time stays").isEqualTo("2026-12-10T09:00:00Z");

            assertThat(outcome(push(desk, new Mutation.UpdateBookingDetails(UUID.randomUUID(), booking, 1,
                    UUID.fromString(ada), "stale", null)))).isEqualTo("CONFLICT_STALE");
            assertThat(outcome(push(desk, new Mutation.UpdateBookingDetails(UUID.randomUUID(), booking, 2,
                    UUID.randomUUID(), "nobody", null)))).isEqualTo("REJECTED");

            ApiClient.Reply patched = desk.patch("/api/v1/bookings/" + booking,
                    desk.write(Map.of("revision", 2, "customerId", grace, "notes", "projector and flip chart")));
            assertThat(patched.status()).as(patched.body()).isEqualTo(200);
            assertThat(patched.json().get("notes").asText()).isEqualTo("projector and flip chart");
            ApiClient.Reply stalePatch = desk.patch("/api/v1/bookings/" + booking,
                    desk.write(Map.of("revision", 2, "customerId", ada, "notes", "")));
            assertThat(stalePatch.status()).as(stalePatch.body()).isEqualTo(412);

            ApiClient.Reply audit = manager.get("/api/v1/audit?entityId=" + booking);
            assertThat(audit.status()).as(audit.body()).isEqualTo(200);
            List<JsonNode> items = new ArrayList<>();
            audit.json().get("items").forEach(items::add);
            assertThat(items).extracting(i -> i.get("action").asText())
                    .containsExactly("UPDATED", "CUSTOMER_CHANGED", "CREATED");
            JsonNode guestChanged = items.get(1);
            assertThat(guestChanged.get("details").get("fromCustomerId").asText()).isEqualTo(ada);
            assertThat(guestChanged.get("details").get("toCustomerId").asText()).isEqualTo(grace);
            assertThat(guestChanged.get("actor").get("username").asText()).isEqualTo("sam");
        }
    }

    private static JsonNode push(ApiClient client, Mutation mutation) {
        ApiClient.Reply reply = client.post("/api/v1/sync/push", new PushRequest("desk-1", List.of(mutation)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static String outcome(JsonNode answer) {
        return answer.get("outcomes").get(0).get("outcome").asText();
    }
}
