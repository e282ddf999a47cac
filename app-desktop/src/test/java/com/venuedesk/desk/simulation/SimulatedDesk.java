package com.venuedesk.desk.simulation;

import com.venuedesk.desk.store.DeskStore;
import com.venuedesk.desk.store.LocalBooking;
import com.venuedesk.desk.store.LocalBookings;
import com.venuedesk.desk.sync.Backoff;
import com.venuedesk.desk.sync.Credentials;
import com.venuedesk.desk.sync.SyncClient;
import com.venuedesk.desk.sync.SyncEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One desk app's sync stack in a test: its own H2 store in its own directory, its HTTP client, its engine. Going
 * offline swaps the client for one aimed at a closed port; a restart closes everything and reopens the same
 * directory, as a desk app does when staff restart it.
 */
public final class SimulatedDesk implements AutoCloseable {
    private final String name;
    private final Path dir;
    private final String serverUrl;
    private final String unreachableUrl;
    private final Credentials credentials;
    private final UUID userId;
    private DeskStore store;
    private LocalBookings bookings;
    private SyncClient client;
    private SyncEngine engine;
    private ScheduledExecutorService scheduler;
    private boolean online = true;
    private int restarts;
    private boolean closed;

    private SimulatedDesk(String name, Path dir, String serverUrl, String unreachableUrl, Credentials credentials,
                          UUID userId) {
        this.name = name;
        this.dir = dir;
        this.serverUrl = serverUrl;
        this.unreachableUrl = unreachableUrl;
        this.credentials = credentials;
        this.userId = userId;
    }

    /** Signs in online once (as staff do on a new desk), then opens the desk's store in {@code dir}. */
    public static SimulatedDesk open(String name, Path dir, String serverUrl, String unreachableUrl, String username,
                                     String password) {
        UUID userId;
        try (SyncClient first = new SyncClient(serverUrl)) {
            userId = first.login(username, password).user().id();
        }
        SimulatedDesk desk = new SimulatedDesk(name, dir, serverUrl, unreachableUrl, new Credentials(username, password),
                userId);
        desk.openStack();
        return desk;
    }

    private void openStack() {
        scheduler = quietScheduler(name);
        store = DeskStore.open(dir);
        connect();
        bookings = new LocalBookings(store, Clock.systemUTC(), userId);
    }

    private void connect() {
        client = new SyncClient(online ? serverUrl : unreachableUrl, Duration.ofSeconds(2), Duration.ofSeconds(20));
        client.loginWhenNeeded(credentials);
        Backoff fast = new Backoff(Duration.ofMillis(50), Duration.ofMillis(500), 0.0);
        engine = new SyncEngine(store, client, scheduler, Clock.systemUTC(),
                new SyncEngine.Settings(20, 50, Duration.ofMinutes(10), fast, fast));
    }

    private void closeStack() {
        engine.close();
        // no interrupt: an interrupted thread inside H2's file I/O closes the database under the desk (see quietScheduler)
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + ": a sync did not end within 20 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        client.close();
        store.close();
    }

    /**
     * A scheduler that, once shut down, runs no more delayed tasks but lets a running sync finish. Interrupting it
     * instead ({@code shutdownNow}) can hit a thread inside H2's file I/O: the interrupt closes the file channel and
     * with it the database, and a commit that other connections already saw never reaches the file.
     */
    public static ScheduledExecutorService quietScheduler(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> new Thread(r, name + "-sync"));
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        return executor;
    }

    /** Closes the store, client and engine and opens them again from the same directory. */
    public void restart() {
        closeStack();
        openStack();
        restarts++;
    }

    /** The network cable: offline, every call fails as unreachable; online again, the client signs in by itself. */
    public void setOnline(boolean wanted) {
        if (wanted == online) {
            return;
        }
        online = wanted;
        engine.close();
        client.close();
        connect();
    }

    public String name() {
        return name;
    }

    public boolean online() {
        return online;
    }

    public int restarts() {
        return restarts;
    }

    public Path dir() {
        return dir;
    }

    public DeskStore store() {
        return store;
    }

    public LocalBookings bookings() {
        return bookings;
    }

    public SyncEngine engine() {
        return engine;
    }

    /** Every booking this desk shows, with its flags, refused ones included. */
    public List<LocalBooking> allBookings() {
        return bookings.localBookingsBetween(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    }

    /** Closes the desk for good; closing again does nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeStack();
        }
    }

    @Override
    public String toString() {
        return name + (online ? " (online)" : " (offline)");
    }
}
