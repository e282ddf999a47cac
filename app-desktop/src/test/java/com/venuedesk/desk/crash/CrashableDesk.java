package com.venuedesk.desk.crash;

import com.venuedesk.desk.store.DeskStore;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.store.LocalWrite;
import com.venuedesk.desk.sync.Backoff;
import com.venuedesk.desk.sync.Credentials;
import com.venuedesk.desk.sync.SyncClient;
import com.venuedesk.desk.sync.SyncEngine;
import com.venuedesk.desk.sync.SyncException;
import com.venuedesk.model.domain.TimeRange;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A desk in its own JVM, to be killed: {@code CrashableDesk <dataDir> <serverUrl> <username> <password> <count>
 * <resourceId> <customerId> <firstStart>}. On a fresh store it pulls the venue once, then records {@code count}
 * one-hour bookings back to back from {@code firstStart} without syncing (as if offline); on every start it then
 * syncs until its outbox is empty. It reports on stdout, one line per event ({@code RECORDED n}, {@code PUSH STARTED},
 * {@code PENDING n} after each settled push batch, {@code DONE}), because the test that kills it reads those lines
 * to choose the moment.
 */
public final class CrashableDesk {
    /** Small batches so that a push of many bookings is many requests: there is a middle to be killed in. */
    static final int PUSH_BATCH = 5;

    private CrashableDesk() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String serverUrl = args[1];
        Credentials credentials = new Credentials(args[2], args[3]);
        int count = Integer.parseInt(args[4]);
        UUID resource = UUID.fromString(args[5]);
        UUID customer = UUID.fromString(args[6]);
        Instant firstStart = Instant.parse(args[7]);
        PrintStream out = System.out;

        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        DeskStore store = DeskStore.open(dir);
        SyncClient client = new SyncClient(serverUrl, Duration.ofSeconds(2), Duration.ofSeconds(10));
        client.loginWhenNeeded(credentials);
        UUID userId = client.login(credentials.username(), credentials.password()).user().id();
        Backoff fast = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0.0);
        SyncEngine engine = new SyncEngine(store, client, scheduler, Clock.systemUTC(),
                new SyncEngine.Settings(PUSH_BATCH, 500, Duration.ofMinutes(10), fast, fast));
        LocalBookings bookings = new LocalBookings(store, Clock.systemUTC(), userId);

        boolean fresh = store.pullCursor().isEmpty();
        if (fresh) {
            engine.syncNow();
            for (int i = 0; i < count; i++) {
                Instant start = firstStart.plus(i, ChronoUnit.HOURS);
                LocalWrite write = bookings.createBooking(resource, customer, new TimeRange(start, start.plus(1, ChronoUnit.HOURS)),
                        "crash test " + i);
                if (!(write instanceof LocalWrite.Recorded)) {
                    throw new IllegalStateException("booking " + i + " not recorded: " + write);
                }
            }
            out.println("RECORDED " + store.pendingOutboxCount());
        } else {
            out.println("RESUMED " + store.pendingOutboxCount());
        }
        out.flush();

        engine.addStatusListener(status -> {
            out.println("PENDING " + status.pendingChanges());
            out.flush();
        });
        out.println("PUSH STARTED");
        out.flush();
        while (true) {
            try {
                engine.syncNow();
                if (store.pendingOutboxCount() == 0) {
                    break;
                }
            } catch (SyncException e) {
                out.println("RETRY " + e.getMessage());
                out.flush();
                Thread.sleep(200);
            }
        }
        out.println("DONE");
        out.flush();
        engine.close();
        scheduler.shutdown();
        client.close();
        store.close();
        System.exit(0);
    }
}
