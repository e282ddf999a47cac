package com.venuedesk.desk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.venuedesk.desk.store.DeskStore;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.store.LocalWrite;
import com.venuedesk.model.domain.Role;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.server.ServerConfig;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.testing.LocalCluster;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real desk (store, outbox, engine, HTTP client) whose central PostgreSQL server is restored from a {@code pg_dump}
 * made before the desk's last sync, into a new cluster: the server tells the desk its cursor is gone, the desk syncs
 * the venue afresh, and nothing the desk recorded is lost: the booking it made offline since is pushed, and the
 * booking the server had confirmed after the back-up (lost with the restore) is pushed again.
 */
class DeskAfterServerRestoreIT {
    private static final Instant DAY = Instant.parse("2027-03-01T00:00:00Z");

    @Test
    void aDeskPastTheBackUpResyncsAndPushesAgainWhatTheRestoredServerLost(@TempDir Path dir) throws Exception {
        try (LocalCluster old = LocalCluster.start(); LocalCluster fresh = LocalCluster.start()) {
            old.createDatabase("venue");
            old.burnTransactionIds("venue", 2_000);
            Path dump = old.scratch().resolve("venue.dump");
            UUID room;
            UUID guest;
            UUID confirmedAfterBackUp;
            UUID madeOffline;
            try (VenueDeskServer original = VenueDeskServer.start(config(dir.resolve("a"), old.url("venue")))) {
                Venue venue = new Venue(original);
                room = UUID.fromString(venue.resource("Room A"));
                guest = UUID.fromString(venue.customer("Ada Lovelace"));
                venue.staff("front", Role.FRONT_DESK);
                try (DeskStack desk = DeskStack.open(dir.resolve("desk"), original.baseUri().toString())) {
                    desk.engine.syncNow();
                    old.dump("venue", dump);
                    confirmedAfterBackUp = book(desk, room, guest, 9);
                    desk.engine.syncNow();
                    desk.engine.syncNow();
                    assertThat(desk.store.pendingOutboxCount()).isZero();
                    assertThat(desk.bookings.isProvisional(confirmedAfterBackUp)).isFalse();
                }
            }
            // the server is down; the desk goes on offline
            try (DeskStack offline = DeskStack.openOffline(dir.resolve("desk"))) {
                madeOffline = book(offline, room, guest, 11);
            }

            fresh.restore(dump, "venue");
            try (VenueDeskServer restored = VenueDeskServer.start(config(dir.resolve("b"), fresh.url("venue")));
                 DeskStack desk = DeskStack.open(dir.resolve("desk"), restored.baseUri().toString())) {
                Venue venue = new Venue(restored);
                assertThat(serverBookings(venue, room)).as("the back-up predates both bookings").isEmpty();

                desk.engine.syncNow();
                desk.engine.syncNow();
                desk.engine.syncNow();

                assertThat(serverBookings(venue, room)).containsExactlyInAnyOrder(
                        confirmedAfterBackUp + " CONFIRMED", madeOffline + " CONFIRMED");
                assertThat(desk.store.pendingOutboxCount()).isZero();
                assertThat(desk.store.resyncUnderWay()).isFalse();
                assertThat(desk.bookings.isProvisional(confirmedAfterBackUp)).isFalse();
                assertThat(desk.bookings.isProvisional(madeOffline)).isFalse();
                assertThat(desk.bookings.openConflicts()).isEmpty();
            }
        }
    }

    private static UUID book(DeskStack desk, UUID room, UUID guest, int hour) {
        Instant start = DAY.plus(Duration.ofHours(hour));
        LocalWrite.Recorded made = (LocalWrite.Recorded) desk.bookings.createBooking(room, guest,
                new TimeRange(start, start.plus(Duration.ofHours(1))), "restore test");
        return made.entity().id();
    }

    private static List<String> serverBookings(Venue venue, UUID room) {
        JsonNode list = venue.admin.get("/api/v1/bookings?resourceId=" + room + "&from=" + DAY + "&to="
                + DAY.plus(Duration.ofDays(1))).json();
        List<String> out = new ArrayList<>();
        for (JsonNode b : list.has("items") ? list.get("items") : list) {
            out.add(b.get("id").asText() + " " + b.get("status").asText());
        }
        return out;
    }

    private static ServerConfig config(Path dataDir, String url) {
        return ServerConfig.embedded(dataDir).withAdminPassword(ServerUnderTest.ADMIN_PASSWORD)
                .withDatabase(url, "postgres", "");
    }

    /** One desk's sync stack on its store directory; signed in as "front" when a server is given. */
    private record DeskStack(DeskStore store, SyncClient client, LocalBookings bookings, SyncEngine engine,
                             ScheduledExecutorService scheduler) implements AutoCloseable {
        /** The clerk signed in last, for the offline stack (a desk signed in offline from its credential cache). */
        private static UUID clerk;

        static DeskStack open(Path dir, String baseUrl) {
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            DeskStore store = DeskStore.open(dir);
            SyncClient client = new SyncClient(baseUrl);
            AuthSession session = client.login("front", "front-password");
            clerk = session.user().id();
            Backoff fast = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0.0);
            SyncEngine engine = new SyncEngine(store, client, scheduler, Clock.systemUTC(),
                    new SyncEngine.Settings(50, 500, Duration.ofMinutes(10), fast, fast));
            return new DeskStack(store, client, new LocalBookings(store, Clock.systemUTC(), clerk), engine, scheduler);
        }

        static DeskStack openOffline(Path dir) {
            DeskStore store = DeskStore.open(dir);
            return new DeskStack(store, null, new LocalBookings(store, Clock.systemUTC(), clerk), null, null);
        }

        @Override
        public void close() throws InterruptedException {
            if (engine != null) {
                engine.close();
                scheduler.shutdown();
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
                client.close();
            }
            store.close();
        }
    }
}
