package com.venuedesk.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Customer;
import com.venuedesk.model.domain.Role;
import com.venuedesk.model.sync.BookingAction;
import com.venuedesk.model.sync.Mutation;
import com.venuedesk.model.sync.MutationOutcome;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** POST /api/v1/sync/push over real HTTP, on H2 and PostgreSQL. */
class SyncPushIT {
    private static final Instant NINE = Instant.parse("2026-12-06T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-12-06T10:00:00Z");

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aPushIsAppliedMutationByMutationAndAnsweredInPushOrder(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            UUID room = UUID.fromString(venue.resource("Room A"));
            SyncDesk desk = new SyncDesk(venue.staff("desk1", Role.FRONT_DESK), "desk-1");

            UUID guest = UUID.randomUUID();
            UUID bookingId = UUID.randomUUID();
            Mutation customer = new Mutation.UpsertCustomer(UUID.randomUUID(),
                    new Customer(guest, "Grace Hopper", "grace@example.com", null, "", 0), 0);
            Mutation create = new Mutation.CreateBooking(UUID.randomUUID(), bookingId, room, guest, NINE, TEN, "offline");
            Mutation move = new Mutation.RescheduleBooking(UUID.randomUUID(), bookingId, 1, null,
                    NINE.plusSeconds(7200), TEN.plusSeconds(7200));
            Mutation checkIn = new Mutation.ChangeBookingStatus(UUID.randomUUID(), bookingId, BookingAction.CHECK_IN, null,
                    NINE.plusSeconds(7000));
            Mutation unknownBooking = new Mutation.ChangeBookingStatus(UUID.randomUUID(), UUID.randomUUID(),
                    BookingAction.CANCEL, "gone", null);

            List<MutationOutcome> outcomes = desk.push(customer, create, move, checkIn, unknownBooking);

            assertThat(outcomes).containsExactly(
                    new MutationOutcome.Applied(customer.mutationId(), guest, 1),
                    new MutationOutcome.Applied(create.mutationId(), bookingId, 1),
                    new MutationOutcome.Applied(move.mutationId(), bookingId, 2),
                    new MutationOutcome.Applied(checkIn.mutationId(), bookingId, 3),
                    new MutationOutcome.Rejected(unknownBooking.mutationId(), "bookingId",
                            "no booking " + unknownBooking.entityId(), 404));
            ApiClient.Reply stored = desk.client.get("/api/v1/bookings/" + bookingId);
            assertThat(stored.json().get("start").asText()).isEqualTo("2026-12-06T11:00:00Z");
            assertThat(stored.json().get("revision").asLong()).isEqualTo(3);
            assertThat(SyncDesk.count(server, "sync_mutation")).isEqualTo(5);
            String metrics = venue.anonymous.get("/metrics").body();
            assertThat(metrics).contains("venuedesk_sync_mutations_total{outcome=\"Applied\"} 4.0")
                    .contains("venuedesk_sync_mutations_total{outcome=\"Rejected\"} 1.0")
                    .contains("venuedesk_sync_listeners");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aReplayedBatchIsAnsweredDuplicateForEveryMutationAndChangesNothing(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            UUID room = UUID.fromString(venue.resource("Room A"));
            UUID guest = UUID.fromString(venue.customer("Ada Lovelace"));
            SyncDesk desk = new SyncDesk(venue.staff("desk1", Role.FRONT_DESK), "desk-1");
            UUID first = UUID.randomUUID();
            Mutation[] batch = {
                    new Mutation.CreateBooking(UUID.randomUUID(), first, room, guest, NINE, TEN, ""),
                    new Mutation.ChangeBookingStatus(UUID.randomUUID(), first, BookingAction.CANCEL, "changed plans", null),
                    new Mutation.CreateBooking(UUID.randomUUID(), UUID.randomUUID(), room, guest, NINE, TEN, "rebooked"),
                    new Mutation.ChangeBookingStatus(UUID.randomUUID(), first, BookingAction.APPROVE, null, null)
            };
            List<MutationOutcome> original = desk.push(batch);
            long bookings = SyncDesk.count(server, "booking");
            long changes = SyncDesk.count(server, "change_log");
            long journal = SyncDesk.count(server, "sync_mutation");
            String bookingJson = desk.client.get("/api/v1/bookings?resourceId=" + room).body();

            List<MutationOutcome> replay = desk.push(batch);

            assertThat(replay).hasSize(batch.length);
            for (int i = 0; i < batch.length; i++) {
                assertThat(replay.get(i)).isEqualTo(new MutationOutcome.Duplicate(batch[i].mutationId(), original.get(i)));
            }
            assertThat(original.get(3)).isInstanceOf(MutationOutcome.Rejected.class);
            assertThat(SyncDesk.count(server, "booking")).isEqualTo(bookings).isEqualTo(2);
            assertThat(SyncDesk.count(server, "change_log")).isEqualTo(changes);
            assertThat(SyncDesk.count(server, "sync_mutation")).isEqualTo(journal).isEqualTo(4);
            assertThat(desk.client.get("/api/v1/bookings?resourceId=" + room).body()).isEqualTo(bookingJson);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void racingRetriesOfOneBatchApplyEachMutationOnce(ServerUnderTest.Db db, @TempDir Path dir) throws Exception {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            UUID room = UUID.fromString(venue.resource("Room A"));
            SyncDesk desk = new SyncDesk(venue.staff("desk1", Role.FRONT_DESK), "desk-1");
            UUID guest = UUID.randomUUID();
            UUID bookingId = UUID.randomUUID();
            Mutation customer = new Mutation.UpsertCustomer(UUID.randomUUID(),
                    new Customer(guest, "Grace Hopper", null, "+1 555 0100", "", 0), 0);
            Mutation create = new Mutation.CreateBooking(UUID.randomUUID(), bookingId, room, guest, NINE, TEN, "");
            Mutation cancel = new Mutation.ChangeBookingStatus(UUID.randomUUID(), bookingId, BookingAction.CANCEL, "x", null);
            int retries = 8;
            ExecutorService pool = Executors.newFixedThreadPool(retries);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<MutationOutcome>>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < retries; i++) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return desk.push(customer, create, cancel);
                    }));
                }
                go.countDown();
                int[] applied = new int[3];
                for (Future<List<MutationOutcome>> answer : answers) {
                    List<MutationOutcome> outcomes = answer.get(60, TimeUnit.SECONDS);
                    for (int m = 0; m < 3; m++) {
                        MutationOutcome o = outcomes.get(m);
                        MutationOutcome effective = o instanceof MutationOutcome.Duplicate d ? d.original() : o;
                        assertThat(effective).as(o.toString()).isInstanceOf(MutationOutcome.Applied.class);
                        if (!(o instanceof MutationOutcome.Duplicate)) {
                            applied[m]++;
                        }
                    }
                }
                assertThat(applied).containsExactly(1, 1, 1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(SyncDesk.count(server, "sync_mutation")).isEqualTo(3);
            assertThat(SyncDesk.count(server, "change_log WHERE entity_type = 'BOOKING'")).isEqualTo(2);
            assertThat(SyncDesk.count(server, "change_log WHERE entity_type = 'CUSTOMER'")).isEqualTo(1);
            assertThat(desk.client.get("/api/v1/bookings/" + bookingId).json().get("revision").asLong()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void conflictsComeBackAsOverlapStaleRevisionOrRejectedAndAreRememberedToo(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            UUID room = UUID.fromString(venue.resource("Room A"));
            venue.resource("Room B");
            UUID guest = UUID.fromString(venue.customer("Ada Lovelace"));
            SyncDesk front = new SyncDesk(venue.staff("desk1", Role.FRONT_DESK), "desk-1");
            SyncDesk back = new SyncDesk(venue.staff("desk2", Role.FRONT_DESK), "desk-2");
            UUID mine = UUID.randomUUID();
            assertThat(front.push(new Mutation.CreateBooking(UUID.randomUUID(), mine, room, guest, NINE, TEN, "")).get(0))
                    .isInstanceOf(MutationOutcome.Applied.class);
            assertThat(front.client.put("/api/v1/bookings/" + mine, front.client.write(Map.of(
                    "start", "2026-12-06T09:30:00Z", "end", "2026-12-06T10:30:00Z", "revision", 1))).status()).isEqualTo(200);

            Mutation theirs = new Mutation.CreateBooking(UUID.randomUUID(), UUID.randomUUID(), room, guest,
                    NINE.plusSeconds(1800), TEN.plusSeconds(1800), "second desk");
            Mutation stale = new Mutation.RescheduleBooking(UUID.randomUUID(), mine, 1, null,
                    NINE.plusSeconds(3600 * 4), TEN.plusSeconds(3600 * 4));
            Mutation approve = new Mutation.ChangeBookingStatus(UUID.randomUUID(), mine, BookingAction.APPROVE, null, null);
            List<MutationOutcome> outcomes = back.push(theirs, stale, approve);

            MutationOutcome.Overlap overlap = (MutationOutcome.Overlap) outcomes.get(0);
            assertThat(overlap.conflicts()).containsExactly(mine);
            assertThat(overlap.alternatives()).isNotEmpty();
            assertThat(overlap.alternatives()).allSatisfy(slot -> assertThat(
                    slot.resourceId().equals(room) && slot.range().start().isBefore(TEN.plusSeconds(1800))
                            && slot.range().end().isAfter(NINE.plusSeconds(1800))).isFalse());
            MutationOutcome.StaleRevision staleAnswer = (MutationOutcome.StaleRevision) outcomes.get(1);
            Booking current = (Booking) staleAnswer.current();
            assertThat(current.revision()).isEqualTo(2);
            assertThat(current.range().start()).isEqualTo(NINE.plusSeconds(1800));
            assertThat(current.status()).isEqualTo(BookingStatus.CONFIRMED);
            MutationOutcome.Rejected rejected = (MutationOutcome.Rejected) outcomes.get(2);
            assertThat(rejected.status()).isEqualTo(403);
            assertThat(rejected.reason()).contains("MANAGER");

            assertThat(back.push(theirs, stale, approve)).containsExactly(
                    new MutationOutcome.Duplicate(theirs.mutationId(), overlap),
                    new MutationOutcome.Duplicate(stale.mutationId(), staleAnswer),
                    new MutationOutcome.Duplicate(approve.mutationId(), rejected));
            assertThat(SyncDesk.count(server, "booking")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void aMalformedMutationIsRejectedAloneAndTheRestOfTheBatchIsApplied(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            String room = venue.resource("Room A");
            String guest = venue.customer("Ada Lovelace");
            ApiClient desk = venue.staff("desk1", Role.FRONT_DESK);
            String badId = UUID.randomUUID().toString();
            String goodId = UUID.randomUUID().toString();
            String bookingId = UUID.randomUUID().toString();
            String body = "{\"deviceId\":\"desk-1\",\"mutations\":["
                    + "{\"kind\":\"TELEPORT_GUEST\",\"mutationId\":\"" + badId + "\"},"
                    + "{\"kind\":\"CREATE_BOOKING\",\"bookingId\":\"" + UUID.randomUUID() + "\"},"
                    + "{\"kind\":\"CREATE_BOOKING\",\"mutationId\":\"" + goodId + "\",\"bookingId\":\"" + bookingId
                    + "\",\"resourceId\":\"" + room + "\",\"customerId\":\"" + guest
                    + "\",\"start\":\"2026-12-06T09:00:00Z\",\"end\":\"2026-12-06T10:00:00Z\",\"notes\":\"\"}]}";

            ApiClient.Reply reply = desk.post("/api/v1/sync/push", body);

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            var outcomes = reply.json().get("outcomes");
            assertThat(outcomes).hasSize(3);
            assertThat(outcomes.get(0).get("outcome").asText()).isEqualTo("REJECTED");
            assertThat(outcomes.get(0).get("mutationId").asText()).isEqualTo(badId);
            assertThat(outcomes.get(0).get("status").asInt()).isEqualTo(400);
            assertThat(outcomes.get(1).get("outcome").asText()).isEqualTo("REJECTED");
            assertThat(outcomes.get(2).get("outcome").asText()).isEqualTo("APPLIED");
            assertThat(outcomes.get(2).get("revision").asLong()).isEqualTo(1);
            assertThat(desk.get("/api/v1/bookings/" + bookingId).status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(ServerUnderTest.Db.class)
    void anOversizedBatchOrAMissingDeviceIdIsRefusedWhole(ServerUnderTest.Db db, @TempDir Path dir) {
        try (VenueDeskServer server = ServerUnderTest.start(db, dir)) {
            Venue venue = new Venue(server);
            ApiClient desk = venue.staff("desk1", Role.FRONT_DESK);
            List<Mutation> tooMany = new ArrayList<>();
            for (int i = 0; i <= SyncApi.MAX_BATCH; i++) {
                tooMany.add(new Mutation.ChangeBookingStatus(UUID.randomUUID(), UUID.randomUUID(), BookingAction.CANCEL, null, null));
            }
            ApiClient.Reply big = desk.post("/api/v1/sync/push", Map.of("deviceId", "desk-1", "mutations", tooMany));
            Venue.assertProblem(big, 413, "mutations");
            Venue.assertProblem(desk.post("/api/v1/sync/push", "{\"mutations\":[]}"), 400, "deviceId");
            assertThat(venue.anonymous.post("/api/v1/sync/push", "{\"deviceId\":\"x\",\"mutations\":[]}").status()).isEqualTo(401);
            assertThat(SyncDesk.count(server, "sync_mutation")).isZero();
        }
    }
}
