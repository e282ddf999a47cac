package com.venuedesk.desk.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.store.CredentialCache;
import com.venuedesk.desk.store.DeskStore;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.store.LocalWrite;
import com.venuedesk.desk.sync.AuthSession;
import com.venuedesk.desk.sync.Backoff;
import com.venuedesk.desk.sync.SyncClient;
import com.venuedesk.desk.sync.SyncEngine;
import com.venuedesk.model.domain.Role;
import com.venuedesk.model.domain.TimeRange;
import com.venuedesk.model.sync.AuditEntry;
import com.venuedesk.model.sync.HistoryAction;
import com.venuedesk.server.VenueDeskServer;
import com.venuedesk.server.booking.Venue;
import com.venuedesk.server.testing.ServerUnderTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A booking's history at the desk, end to end: a real desk books and moves a booking and syncs, and its history is
 * read from the real server's audit trail, credited to the clerk at this desk.
 */
class BookingHistoryAgainstServerIT {

    @Test
    void theHistoryOfABookingMadeAndMovedAtThisDeskComesFromTheServersTrailCreditedToItsClerk(@TempDir Path dir)
            throws Exception {
        try (VenueDeskServer server = ServerUnderTest.start(ServerUnderTest.Db.H2, dir.resolve("server"))) {
            Venue venue = new Venue(server);
            UUID room = UUID.fromString(venue.resource("Room A"));
            UUID otherRoom = UUID.fromString(venue.resource("Room B"));
            UUID guest = UUID.fromString(venue.customer("Ada Lovelace"));
            venue.staff("mia", Role.MANAGER);
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            DeskStore store = DeskStore.open(dir.resolve("desk"));
            try (SyncClient client = new SyncClient(server.baseUri().toString(), Duration.ofSeconds(5),
                    Duration.ofSeconds(10), store.deviceId())) {
                AuthSession session = client.login("mia", "mia-password");
                Backoff fast = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0.0);
                SyncEngine engine = new SyncEngine(store, client, scheduler, Clock.systemUTC(),
                        new SyncEngine.Settings(50, 500, Duration.ofMinutes(10), fast, fast));
                LocalBookings bookings = new LocalBookings(store, Clock.systemUTC(), session.user().id());
                engine.syncNow();
                Instant nine = Instant.parse("2027-04-01T09:00:00Z");
                UUID booking = ((LocalWrite.Recorded) bookings.createBooking(room, guest,
                        new TimeRange(nine, nine.plusSeconds(3600)), "history")).entity().id();
                engine.syncNow();
                bookings.reschedule(booking, otherRoom, new TimeRange(nine.plusSeconds(3600), nine.plusSeconds(7200)));
                engine.syncNow();
                engine.syncNow();

                BookingHistory history = new DeskBookingHistory(new HistoryClient(client), store, bookings,
                        new CredentialCache(store), Clock.systemUTC(), true).load(booking);

                assertThat(history.source()).isEqualTo(BookingHistory.Source.SERVER);
                assertThat(history.pending()).isEmpty();
                assertThat(history.entries()).extracting(AuditEntry::action)
                        .containsExactly(HistoryAction.RESOURCE_CHANGED, HistoryAction.CREATED);
                assertThat(history.entries()).allSatisfy(entry -> {
                    assertThat(entry.actor().username()).isEqualTo("mia");
                    assertThat(entry.deviceId()).isEqualTo(store.deviceId().toString());
                });
                assertThat(history.entries().get(0).details()).containsEntry("toResourceId", otherRoom.toString());
                assertThat(store.cachedHistory(booking)).as("kept for offline").isPresent();
                engine.close();
            } finally {
                scheduler.shutdownNow();
                store.close();
            }
        }
    }
}
