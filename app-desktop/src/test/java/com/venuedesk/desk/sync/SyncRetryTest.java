package com.venuedesk.desk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.venuedesk.desk.store.DeskStore;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncRetryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    private final HeldRetries scheduler = new HeldRetries();

    @AfterEach
    void stopScheduler() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void whileTheServerIsUnreachableEachRetryWaitsLongerUpToTheCap() throws Exception {
        WireServer wire = new WireServer();
        MockWebServer server = new MockWebServer();
        server.setDispatcher(wire);
        server.start(InetAddress.getLoopbackAddress(), 0);
        try (DeskStore store = DeskStore.open(dataDir, CLOCK);
             SyncClient client = new SyncClient(server.url("/").toString(), Duration.ofSeconds(1), Duration.ofSeconds(2))) {
            client.login(wire.username, wire.password);
            server.close();
            Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(800), 0.0);
            SyncEngine engine = new SyncEngine(store, client, scheduler, CLOCK,
                    new SyncEngine.Settings(10, 10, Duration.ofMinutes(10), backoff, backoff));

            engine.requestSync();
            for (int attempt = 0; attempt < 5; attempt++) {
                scheduler.nextHeld().run();
            }
            scheduler.nextHeld();
            engine.close();

            assertThat(scheduler.delays).containsExactly(100L, 200L, 400L, 800L, 800L, 800L);
            assertThat(engine.status().online()).isFalse();
            assertThat(engine.status().lastError()).contains("failed");
        }
    }

    /** Runs immediate tasks; holds delayed ones (retries) for the test to run, remembering their delays. */
    private static final class HeldRetries extends ScheduledThreadPoolExecutor {
        final List<Long> delays = new CopyOnWriteArrayList<>();
        private final BlockingQueue<Runnable> held = new LinkedBlockingQueue<>();

        HeldRetries() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            if (delay <= 0) {
                return super.schedule(command, delay, unit);
            }
            delays.add(unit.toMillis(delay));
            held.add(command);
            return super.schedule(() -> { }, 1, TimeUnit.DAYS);
        }

        Runnable nextHeld() throws InterruptedException {
            Runnable next = held.poll(10, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("no retry was scheduled");
            }
            return next;
        }
    }
}
