package com.venuedesk.desk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.venuedesk.desk.store.ConflictItem;
import com.venuedesk.desk.store.DeskStore;
import com.venuedesk.desk.store.LocalBooking;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.store.LocalWrite;
import com.venuedesk.model.domain.Booking;
import com.venuedesk.model.domain.BookingStatus;
import com.venuedesk.model.domain.Role;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.auth.AuthPolicy;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real desks (local H2 store, outbox, sync engine, HTTP client) against one real server on PostgreSQL: the
 * offline-first promise end to end.
 */
class DeskSyncEndToEndIT {
    private static final Instant NINE = Instant.parse("2026-12-06T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-12-06T10:00:00Z");
    private static final Instant DAY_START = Instant.parse("2026-12-06T00:00:00Z");
    private static final Instant DAY_END = Instant.parse("2026-12-07T00:00:00Z");

    /** One desk app's sync stack. */
    private record Desk(DeskStore store, SyncClient client, LocalBookings bookings, SyncEngine engine,
                        ScheduledExecutorService scheduler) implements AutoCloseable {
        static Desk open(Path dir, String baseUrl, String username) {
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            DeskStore store = DeskStore.open(dir);
            SyncClient client = new SyncClient(baseUrl);
            AuthSession session = client.login(username, username + "-password");
            Backoff fast = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0.0);
            SyncEngine engine = new SyncEngine(store, client, scheduler, Clock.systemUTC(),
                    new SyncEngine.Settings(50, 500, Duration.ofMinutes(10), fast, fast));
            return new Desk(store, client, new LocalBookings(store, Clock.systemUTC(), session.user().id()), engine,
                    scheduler);
        }

        List<Booking> serverConfirmedDay() {
            return bookings.localBookingsBetween(DAY_START, DAY_END).stream()
                    .filter(b -> !b.provisional() && !b.refused()).map(LocalBooking::booking).toList();
        }

        @Override
        public void close() throws InterruptedException {
            engine.close();
            // a sync a change event started may still run: let it end before its store closes
            scheduler.shutdown();
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
            client.close();
            store.close();
        }
    }

    @Test
    void twoDesksBookingTheSameSlotOfflineEndWithOneConfirmedAndOneConflictAndBothShowTheServersState(
            @TempDir Path dir) throws Exception {
        try (VenueDeskServer server = VenueDeskServer.start(ServerUnderTest.config(ServerUnderTest.Db.POSTGRESQL,
                dir.resolve("server")).withAuthPolicy(AuthPolicy.defaults().withLoginRateLimit(1000, Duration.ofMinutes(1))))) {
            Venue venue = new Venue(server);
            UUID room = UUID.fromString(venue.resource("Room A"));
            venue.resource("Room B");
            UUID guest = UUID.fromString(venue.customer("Ada Lovelace"));
            venue.staff("front", Role.FRONT_DESK);
            venue.staff("back", Role.FRONT_DESK);
            String base = server.baseUri().toString();

            try (Desk front = Desk.open(dir.resolve("front"), base, "front");
                 Desk back = Desk.open(dir.resolve("back"), base, "back")) {
                front.engine.syncNow();
                back.engine.syncNow();
                assertThat(front.bookings.resources()).extracting(r -> r.name()).containsExactlyInAnyOrder("Room A", "Room B");

                // the internet is down: both desks book the same hour of Room A
                TimeRange hour = new TimeRange(NINE, TEN);
                LocalWrite.Recorded mine = (LocalWrite.Recorded) front.bookings.createBooking(room, guest, hour, "front desk");
                LocalWrite.Recorded theirs = (LocalWrite.Recorded) back.bookings.createBooking(room, guest, hour, "back office");
                assertThat(front.bookings.isProvisional(mine.entity().id())).isTrue();

                // back on line
                front.engine.syncNow();
                back.engine.syncNow();
                front.engine.syncNow();

                Booking confirmed = front.bookings.booking(mine.entity().id()).orElseThrow().booking();
                assertThat(confirmed.status()).isEqualTo(BookingStatus.CONFIRMED);
                assertThat(front.bookings.isProvisional(confirmed.id())).isFalse();
                assertThat(front.store.pendingOutboxCount()).isZero();
                assertThat(front.bookings.openConflicts()).isEmpty();

                List<ConflictItem> inbox = back.bookings.openConflicts();
                assertThat(inbox).hasSize(1);
                ConflictItem conflict = inbox.get(0);
                assertThat(conflict.kind()).isEqualTo(ConflictItem.Kind.OVERLAP);
                assertThat(conflict.bookingId()).isEqualTo(theirs.entity().id());
                assertThat(conflict.conflicting()).containsExactly(confirmed.id());
                assertThat(conflict.alternatives()).isNotEmpty();
                assertThat(back.store.pendingOutboxCount()).isZero();
                assertThat(back.bookings.booking(theirs.entity().id())).hasValueSatisfying(b -> assertThat(b.refused()).isTrue());

                List<String> onServer = serverDay(venue, room);
                assertThat(onServer).containsExactly(confirmed.id() + " CONFIRMED 1");
                assertThat(describe(front.serverConfirmedDay())).isEqualTo(onServer);
                assertThat(describe(back.serverConfirmedDay())).isEqualTo(onServer);

                // live: with the engines running, a booking on one desk reaches the other through the change stream
                front.engine.start();
                back.engine.start();
                LocalWrite later = front.bookings.createBooking(room, guest,
                        new TimeRange(TEN.plusSeconds(3600), TEN.plusSeconds(7200)), "live");
                UUID laterId = ((LocalWrite.Recorded) later).entity().id();
                await(() -> back.bookings.booking(laterId).map(b -> !b.provisional()).orElse(false), Duration.ofSeconds(15));
                await(() -> front.store.pendingOutboxCount() == 0 && !front.bookings.isProvisional(laterId),
                        Duration.ofSeconds(15));
                List<String> finalServer = serverDay(venue, room);
                assertThat(finalServer).hasSize(2);
                await(() -> describe(front.serverConfirmedDay()).equals(finalServer)
                        && describe(back.serverConfirmedDay()).equals(finalServer), Duration.ofSeconds(15));
            }
        }
    }

    /** Issue 20, point 4: a booking changed at the desk (moved, another guest, new notes) reaches the server so. */
    @Test
    void aBookingsGuestAndNotesChangedAtTheDeskAfterAMoveReachTheServerInOneSync(@TempDir Path dir) throws Exception {
        try (VenueDeskServer server = VenueDeskServer.start(ServerUnderTest.config(ServerUnderTest.Db.H2, dir.resolve("server")))) {
            Venue venue = new Venue(server);
            UUID room = UUID.fromString(venue.resource("Room A"));
            UUID ada = UUID.fromString(venue.customer("Ada Lovelace"));
            UUID grace = UUID.fromString(venue.customer("Grace Hopper"));
            venue.staff("front", Role.FRONT_DESK);
            try (Desk front = Desk.open(dir.resolve("front"), server.baseUri().toString(), "front")) {
                front.engine.syncNow();
                UUID id = ((LocalWrite.Recorded) front.bookings.createBooking(room, ada, new TimeRange(NINE, TEN), "window"))
                        .entity().id();
                front.engine.syncNow();

                // offline: moved an hour later, then another guest and other notes (two mutations of one booking)
                assertThat(front.bookings.reschedule(id, room, new TimeRange(TEN, TEN.plusSeconds(3600))))
                        .isInstanceOf(LocalWrite.Recorded.class);
                assertThat(front.bookings.updateDetails(id, grace, "window, vegan lunch")).isInstanceOf(LocalWrite.Recorded.class);
                front.engine.syncNow();

                assertThat(front.store.pendingOutboxCount()).isZero();
                assertThat(front.bookings.openConflicts()).isEmpty();
                JsonNode onServer = venue.admin.get("/api/v1/bookings/" + id).json();
                assertThat(onServer.get("customerId").asText()).isEqualTo(grace.toString());
                assertThat(onServer.get("notes").asText()).isEqualTo("window, vegan lunch");
                assertThat(onServer.get("start").asText()).isEqualTo(TEN.toString());
                assertThat(onServer.get("revision").asLong()).isEqualTo(3);
                Booking local = front.bookings.booking(id).orElseThrow().booking();
                assertThat(front.bookings.isProvisional(id)).isFalse();
                assertThat(local.customerId()).isEqualTo(grace);
                assertThat(local.revision()).isEqualTo(3);
            }
        }
    }

    private static List<String> serverDay(Venue venue, UUID room) {
        JsonNode list = venue.admin.get("/api/v1/bookings?resourceId=" + room + "&from=" + DAY_START + "&to=" + DAY_END).json();
        List<String> out = new ArrayList<>();
        StreamSupport.stream(list.spliterator(), false)
                .sorted(java.util.Comparator.comparing(n -> n.get("start").asText()))
                .forEach(n -> out.add(n.get("id").asText() + " " + n.get("status").asText() + " " + n.get("revision").asLong()));
        return out;
    }

    private static List<String> describe(List<Booking> bookings) {
        return bookings.stream().sorted(java.util.Comparator.comparing(b -> b.range().start()))
                .map(b -> b.id() + " " + b.status() + " " + b.revision()).collect(Collectors.toList());
    }

    private static void await(BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + within);
            }
            Thread.sleep(50);
        }
    }
}
