package com.venuedesk.desk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.store.DeskStore;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.testing.CentralServer;
import com.venuedesk.server.testing.ApiClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A desk's change stream drops while its syncs have nothing to fail on (no local writes), and a change is made on
 * the server before the stream is back. Nothing announces that change on the new stream, so the desk has to catch up
 * when the stream reopens, not only at the next poll.
 */
class ChangeStreamReconnectIT {
    @TempDir
    Path serverData;
    @TempDir
    Path deskData;

    @Test
    void aChangeMadeWhileTheDesksChangeStreamWasDownReachesTheDeskWhenTheStreamIsBackNotAtTheNextPoll() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (CentralServer server = CentralServer.startDemo(serverData);
             DeskStore store = DeskStore.open(deskData);
             // a sync may be in flight when the server stops (the stream's opening asks for one): a short read
             // timeout ends such a request soon, as a vanished server's reset connection would
             SyncClient client = new SyncClient(server.deskUrl().toString(), Duration.ofSeconds(2), Duration.ofSeconds(3))) {
            client.login("desk", "desk-password");
            Backoff fast = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500), 0.0);
            // the poll would catch up only after ten minutes: far beyond this test's patience
            SyncEngine engine = new SyncEngine(store, client, scheduler, Clock.systemUTC(),
                    new SyncEngine.Settings(50, 500, Duration.ofMinutes(10), fast, fast));
            LocalBookings bookings = new LocalBookings(store, Clock.systemUTC(), UUID.randomUUID());
            try {
                engine.start();
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !bookings.resources().isEmpty()
                        && engine.status().lastSuccess() != null);

                server.stop();
                ApiClient elsewhere = new ApiClient(server.startOutOfTheDesksReach()).login("manager", "manager-password");
                UUID guest = UUID.fromString(elsewhere.post("/api/v1/customers", Map.of("name", "Hedy Lamarr",
                        "email", "hedy@example.com")).json().get("id").asText());
                server.start();

                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> bookings.customer(guest).isPresent());
                assertThat(engine.status().online()).isTrue();
                assertThat(engine.status().lastSuccess()).isAfter(Instant.now().minusSeconds(20));
            } finally {
                engine.close();
                scheduler.shutdown();
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            }
        }
    }
}
