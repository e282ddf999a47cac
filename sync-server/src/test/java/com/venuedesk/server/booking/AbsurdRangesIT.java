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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ranges longer than the venue takes, or times outside the calendar window, are refused at once with 400 and the
 * field, on every route and in a sync push (the shared {@code BookingLimits}). Before, a booking ending in the year
 * 99999 held the booking writer for about a minute and answered 500.
 */
class AbsurdRangesIT {
    private static final String FAR = "+99999-01-01T00:00:00Z";
    private static final String FAR_IN_A_URL = "%2B99999-01-01T00:00:00Z";
    private static final Duration AT_ONCE = Duration.ofSeconds(2);

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void bookingsQuotesAndReadsOverAbsurdRangesAreRefusedAtOnceWithTheField(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            ApiClient desk = venue.staff("desk", Role.FRONT_DESK);
            String room = venue.resource("Room A");
            String guest = venue.customer("Ada Lovelace");

            refusedAtOnce(() -> desk.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-06T09:00:00Z", FAR)), "end");
            refusedAtOnce(() -> desk.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-06T09:00:00Z", "2027-01-06T09:00:00Z")), "end");
            refusedAtOnce(() -> desk.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "1899-12-31T09:00:00Z", "1899-12-31T10:00:00Z")), "start");
            refusedAtOnce(() -> desk.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "-99999-01-01T00:00:00Z", "2026-12-06T10:00:00Z")), "start");
            refusedAtOnce(() -> desk.get("/api/v1/quote?resourceId=" + room + "&start=2026-12-06T09:00:00Z&end="
                    + FAR_IN_A_URL), "end");
            refusedAtOnce(() -> desk.post("/api/v1/quotes",
                    Map.of("resourceId", room, "start", "2026-12-06T09:00:00Z", "end", FAR)), "end");
            refusedAtOnce(() -> desk.get("/api/v1/availability?resourceId=" + room + "&from=2026-12-06T00:00:00Z&to="
                    + FAR_IN_A_URL), "to");
            refusedAtOnce(() -> desk.get("/api/v1/availability?resourceId=" + room
                    + "&from=1066-10-14T00:00:00Z&to=1066-10-15T00:00:00Z"), "from");
            refusedAtOnce(() -> desk.get("/api/v1/bookings?from=2026-12-06T00:00:00Z&to=" + FAR_IN_A_URL), "to");

            ApiClient.Reply booked = desk.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2026-12-06T09:00:00Z", "2026-12-06T10:00:00Z"));
            assertThat(booked.status()).as(booked.body()).isEqualTo(201);
            String id = booked.json().get("id").asText();
            refusedAtOnce(() -> desk.put("/api/v1/bookings/" + id,
                    "{\"start\":\"2026-12-06T09:00:00Z\",\"end\":\"" + FAR + "\",\"revision\":1}"), "end");
            assertThat(desk.get("/api/v1/bookings?from=2026-12-01T00:00:00Z&to=2027-01-01T00:00:00Z").json())
                    .as("only the one sane booking was stored").hasSize(1);

            ApiClient.Reply fourWeeks = desk.post("/api/v1/bookings",
                    Venue.booking(null, room, guest, "2027-02-01T09:00:00Z", "2027-03-01T09:00:00Z"));
            assertThat(fourWeeks.status()).as("the longest booking allowed: 28 days " + fourWeeks.body()).isEqualTo(201);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aSyncPushOfAbsurdRangesIsRejectedPerMutationWithTheField(ServerUnderTest.Db db, @TempDir Path dir) throws Exception {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            ApiClient desk = venue.staff("desk", Role.FRONT_DESK);
            UUID room = UUID.fromString(venue.resource("Room A"));
            UUID guest = UUID.fromString(venue.customer("Ada Lovelace"));
            Instant nine = Instant.parse("2026-12-06T09:00:00Z");
            UUID booking = UUID.randomUUID();
            Mutation create = new Mutation.CreateBooking(UUID.randomUUID(), booking, room, guest, nine,
                    nine.plusSeconds(3600), "");
            Mutation farCreate = new Mutation.CreateBooking(UUID.randomUUID(), UUID.randomUUID(), room, guest, nine,
                    Instant.parse(FAR), "");
            Mutation farMove = new Mutation.RescheduleBooking(UUID.randomUUID(), booking, 1, null, nine,
                    Instant.parse(FAR));

            long started = System.nanoTime();
            ApiClient.Reply reply = desk.post("/api/v1/sync/push", new PushRequest("desk-1", List.of(create, farCreate, farMove)));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(AT_ONCE);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            List<MutationOutcome> outcomes = Json.newMapper().readValue(reply.body(), PushResponse.class).outcomes();
            assertThat(outcomes.get(0)).isInstanceOf(MutationOutcome.Applied.class);
            assertThat(outcomes.get(1)).isInstanceOfSatisfying(MutationOutcome.Rejected.class, r -> {
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.field()).isEqualTo("end");
            });
            assertThat(outcomes.get(2)).isInstanceOfSatisfying(MutationOutcome.Rejected.class, r -> {
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.field()).isEqualTo("end");
            });
            assertThat(desk.get("/api/v1/bookings/" + booking).json().get("revision").asLong()).isEqualTo(1);
        }
    }

    private static void refusedAtOnce(Supplier<ApiClient.Reply> request, String field) {
        long started = System.nanoTime();
        ApiClient.Reply reply = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as(reply.body()).isLessThan(AT_ONCE);
        Venue.assertProblem(reply, 400, field);
    }
}
